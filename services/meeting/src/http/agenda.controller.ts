import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AgendaEntry, DecisionReceipt, OpenedAgendaItem } from '@signaalhub/contracts';
import { AuditedAccess, RequestOrigin, type AccessAttempt } from '@signaalhub/access';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { UuidParameter } from '@signaalhub/service-kit';
import { MeetingAccessPolicy } from '../access/meeting-access-policy.js';
import { AgendaReader } from '../agenda/agenda-reader.js';
import { AlreadyDecided, InvalidDecision } from '../decisions/decision-errors.js';
import { DecisionRecorder } from '../decisions/decision-recorder.js';
import { MUNICIPALITY_LIST } from '../config.js';
import { conflict, invalid } from './api-errors.js';
import { auditableMunicipality, municipalityParameter } from './request-input.js';

@ApiTags('agenda')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@Controller('api/agenda')
export class AgendaController {
  constructor(
    @Inject(AgendaReader) private readonly reader: AgendaReader,
    @Inject(DecisionRecorder) private readonly decisions: DecisionRecorder,
    @Inject(MeetingAccessPolicy) private readonly policy: MeetingAccessPolicy,
    @Inject(AuditedAccess) private readonly access: AuditedAccess,
    @Inject(MUNICIPALITY_LIST) private readonly municipalities: readonly string[],
  ) {}

  @Get()
  @ApiOperation({ summary: 'Pending items of a municipality by priority (hoog: has hits), then age; no personal data' })
  @ApiQuery({ name: 'municipality', example: 'soest' })
  @ApiResponse({ status: 200, description: '[{ id, theme, receivedAt, priority, hits: [{ municipality, count }] }]' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  async list(@CurrentIdentity() caller: UserIdentity, @Query('municipality') municipality: unknown, @RequestOrigin() origin: string): Promise<AgendaEntry[]> {
    const attempt: AccessAttempt = { caller, action: 'agenda.list', object: { type: 'agenda', id: auditableMunicipality(municipality) }, origin };
    await this.access.check({ ...attempt, policy: this.policy.forAnyMeeting(caller) });
    const id = municipalityParameter(municipality, this.municipalities);
    await this.access.check({ ...attempt, object: { ...attempt.object, id }, policy: this.policy.forMunicipality(caller, id) });
    return this.reader.pending(id);
  }

  @Get('items/:id')
  @ApiOperation({ summary: "Opens an item's signal as the caller's party (need-to-know, audited)" })
  @ApiResponse({ status: 200, description: '{ item, signal, hits }' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  @ApiResponse({ status: 404, description: '{ error: "not-found" }' })
  async open(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @RequestOrigin() origin: string): Promise<OpenedAgendaItem> {
    return this.reader.open(caller, id, origin);
  }

  @Post('items/:id/decision')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Records the decision; sealed and published as decision.recorded (audited)' })
  @ApiResponse({ status: 201, description: '{ decisionId, itemId, status, recipients }' })
  @ApiResponse({ status: 400, description: '{ error: "validation", problems: [{ field, rule, message }] }' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  @ApiResponse({ status: 409, description: '{ error: "conflict" }: the item is no longer pending' })
  async decide(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @Body() body: unknown, @RequestOrigin() origin: string): Promise<DecisionReceipt> {
    try {
      return await this.decisions.record(caller, id, body, origin);
    } catch (error) {
      if (error instanceof InvalidDecision) throw invalid(error.problems);
      if (error instanceof AlreadyDecided) throw conflict('Over dit agendapunt is al besloten.');
      throw error;
    }
  }
}
