import { Controller, Get, Inject } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequestOrigin } from '@signaalhub/access';
import type { CoordinatorCapacity } from '@signaalhub/contracts';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { CoordinatorOverview } from '../screenings/coordinator-overview.js';
import { answering } from './api-errors.js';

@ApiTags('coordinators')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@Controller('api/coordinators')
export class CoordinatorsController {
  constructor(@Inject(CoordinatorOverview) private readonly overview: CoordinatorOverview) {}

  @Get()
  @ApiOperation({
    summary:
      'bibob-coordinator of the pool: per coordinator name, lead flag, open screenings vs capacity, absences not yet over, available today. No conflict-of-interest declarations. Audited',
  })
  @ApiResponse({ status: 200, description: '[CoordinatorCapacity]' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  list(@CurrentIdentity() caller: UserIdentity, @RequestOrigin() origin: string): Promise<CoordinatorCapacity[]> {
    return answering(() => this.overview.list(caller, origin));
  }
}
