import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { InformationRequestSummary, InformationResponseReceipt, OpenedInformationRequest } from '@signaalhub/contracts';
import { AuditedAccess, ObjectNotFound, RequestOrigin, type AccessAttempt } from '@signaalhub/access';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { UuidParameter } from '@signaalhub/service-kit';
import { MeetingAccessPolicy } from '../access/meeting-access-policy.js';
import { MUNICIPALITY_LIST } from '../config.js';
import { AlreadyHandled, InvalidInformationResponse, SignalUnavailable } from '../information/information-errors.js';
import { InformationRequestReader } from '../information/information-request-reader.js';
import { InformationResponder } from '../information/information-responder.js';
import { conflict, invalid, notFound } from './api-errors.js';
import { auditableMunicipality, municipalityParameter } from './request-input.js';

@ApiTags('information-requests')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@Controller('api/information-requests')
export class InformationRequestsController {
  constructor(
    @Inject(InformationRequestReader) private readonly reader: InformationRequestReader,
    @Inject(InformationResponder) private readonly responder: InformationResponder,
    @Inject(MeetingAccessPolicy) private readonly policy: MeetingAccessPolicy,
    @Inject(AuditedAccess) private readonly access: AuditedAccess,
    @Inject(MUNICIPALITY_LIST) private readonly municipalities: readonly string[],
  ) {}

  @Get()
  @ApiOperation({ summary: "Information requests addressed to a municipality, open first; routing facts only (its own members)" })
  @ApiQuery({ name: 'municipality', example: 'soest' })
  @ApiResponse({ status: 200, description: '[{ id, municipality, objectKind, signalId, requesterParty, receivedAt, status, handledAt? }]' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  async list(@CurrentIdentity() caller: UserIdentity, @Query('municipality') municipality: unknown, @RequestOrigin() origin: string): Promise<InformationRequestSummary[]> {
    const attempt: AccessAttempt = { caller, action: 'information.list', object: { type: 'information-requests', id: auditableMunicipality(municipality) }, origin };
    await this.access.check({ ...attempt, policy: this.policy.forAnyMeeting(caller) });
    const id = municipalityParameter(municipality, this.municipalities);
    await this.access.check({ ...attempt, object: { ...attempt.object, id }, policy: this.policy.forOwnMunicipality(caller, id) });
    return this.reader.list(id);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Opens a request (purpose, requester, outcome) as the municipality\'s party (its own members, audited)' })
  @ApiResponse({ status: 200, description: '{ request, requestedBy, purpose, matchTokenCount, signal?, handling? }' })
  @ApiResponse({ status: 400, description: '{ error: "validation", problems: [{ field: "id", … }] }' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  @ApiResponse({ status: 404, description: '{ error: "not-found", problems: [{ field: "id", … }] }' })
  async open(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @RequestOrigin() origin: string): Promise<OpenedInformationRequest> {
    try {
      return await this.reader.open(caller, id, origin);
    } catch (error) {
      throw unknownRequest(error);
    }
  }

  @Post(':id/response')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: '{ outcome: "answered" } gives the signal, { outcome: "refused", reason } refuses; sealed to the requester as information.answered (audited)' })
  @ApiResponse({ status: 201, description: '{ requestId, outcome, answerMessageId, recipients }' })
  @ApiResponse({ status: 400, description: '{ error: "validation", problems: [{ field, rule, message }] }' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  @ApiResponse({ status: 404, description: '{ error: "not-found", problems: [{ field: "id", … }] }' })
  @ApiResponse({ status: 409, description: '{ error: "conflict" }: already handled, or the signal is not on this agenda' })
  async respond(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @Body() body: unknown, @RequestOrigin() origin: string): Promise<InformationResponseReceipt> {
    try {
      return await this.responder.respond(caller, id, body, origin);
    } catch (error) {
      if (error instanceof InvalidInformationResponse) throw invalid(error.problems);
      if (error instanceof AlreadyHandled) throw conflict('Dit verzoek is al beantwoord of geweigerd.');
      if (error instanceof SignalUnavailable) throw conflict('Deze melding staat niet op de agenda van deze gemeente; weiger het verzoek met een reden.');
      throw unknownRequest(error);
    }
  }
}

function unknownRequest(error: unknown): unknown {
  return error instanceof ObjectNotFound ? notFound('id', 'must name an information request', 'Dit verzoek om informatie bestaat niet.') : error;
}
