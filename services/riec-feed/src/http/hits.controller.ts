import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequestOrigin } from '@signaalhub/access';
import type { CrossMunicipalityHit } from '@signaalhub/contracts';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { CrossMunicipalityHits } from '../hits/cross-municipality-hits.js';
import { answering } from './feed-errors.js';

@ApiTags('hits')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@Controller('api/hits')
export class HitsController {
  constructor(@Inject(CrossMunicipalityHits) private readonly hits: CrossMunicipalityHits) {}

  @Get()
  @ApiOperation({ summary: 'riec-liaison: match tokens seen in two or more municipalities, minus the exclusion list — opaque id, kind, themes, number of municipalities, first and last seen' })
  @ApiQuery({ name: 'kind', required: false, description: 'kvk | address | kenteken | person' })
  @ApiQuery({ name: 'theme', required: false })
  @ApiResponse({ status: 200, description: '[CrossMunicipalityHit]' })
  @ApiResponse({ status: 400, description: '{ error: "validation", problems: [{ field, rule, message }] }' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  list(@CurrentIdentity() caller: UserIdentity, @Query() query: unknown, @RequestOrigin() origin: string): Promise<CrossMunicipalityHit[]> {
    return answering(() => this.hits.list(caller, query, origin));
  }
}
