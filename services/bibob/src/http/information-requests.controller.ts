import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequestOrigin } from '@signaalhub/access';
import type { PoolInformationAnswer, PoolInformationRequest } from '@signaalhub/contracts';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { PoolInformationRequests } from '../information/pool-information-requests.js';
import { answering } from './api-errors.js';
import { requestIdParameter, screeningIdParameter } from './request-input.js';

const FORBIDDEN = { status: 403, description: '{ error: "forbidden" } (audited)' } as const;
const NOT_FOUND = { status: 404, description: '{ error: "not-found" }' } as const;

/** "Verzoek om informatie" from the pool: bibob-coordinators of the pool only. */
@ApiTags('information-requests')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@Controller('api/screenings/:id/information-requests')
export class InformationRequestsController {
  constructor(@Inject(PoolInformationRequests) private readonly requests: PoolInformationRequests) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'bibob-coordinator: asks the municipality that owns a hit signal of the screening for it ({ signalId, purpose }); information.requested sealed to that municipality only (audited)',
  })
  @ApiResponse({ status: 201, description: 'PoolInformationRequest' })
  @ApiResponse({ status: 400, description: '{ error: "validation", problems: [{ field, rule, message }] }; nothing stored or sent' })
  @ApiResponse({ status: 422, description: '{ error: "validation", problems }: the signal is no hit of this screening; nothing stored or sent' })
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  create(@CurrentIdentity() caller: UserIdentity, @Param('id') id: string, @Body() body: unknown, @RequestOrigin() origin: string): Promise<PoolInformationRequest> {
    return answering(() => this.requests.request(caller, screeningIdParameter(id), body, origin));
  }

  @Get()
  @ApiOperation({ summary: "bibob-coordinator: the screening's requests with status (open / beantwoord / geweigerd), purpose and refusal reason (audited)" })
  @ApiResponse({ status: 200, description: '[PoolInformationRequest]' })
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  list(@CurrentIdentity() caller: UserIdentity, @Param('id') id: string, @RequestOrigin() origin: string): Promise<PoolInformationRequest[]> {
    return answering(() => this.requests.list(caller, screeningIdParameter(id), origin));
  }

  @Get(':requestId/answer')
  @ApiOperation({ summary: "bibob-coordinator: the answered signal's content (audited); 404 while open or when refused" })
  @ApiResponse({ status: 200, description: 'PoolInformationAnswer' })
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  answer(@CurrentIdentity() caller: UserIdentity, @Param('id') id: string, @Param('requestId') requestId: string, @RequestOrigin() origin: string): Promise<PoolInformationAnswer> {
    return answering(() => this.requests.answer(caller, screeningIdParameter(id), requestIdParameter(requestId), origin));
  }
}
