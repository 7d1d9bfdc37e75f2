import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DiscussedFilter, validate, type DiscussedItem, type ItemHistory } from '@signaalhub/contracts';
import { AuditedAccess, RequestOrigin, type AccessAttempt } from '@signaalhub/access';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { UuidParameter } from '@signaalhub/service-kit';
import { MeetingAccessPolicy } from '../access/meeting-access-policy.js';
import { MUNICIPALITY_LIST } from '../config.js';
import { ItemHistoryReader } from '../history/item-history-reader.js';
import { invalid } from './api-errors.js';
import { auditableMunicipality, municipalityParameter } from './request-input.js';

@ApiTags('agenda')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
@Controller('api/agenda')
export class HistoryController {
  constructor(
    @Inject(ItemHistoryReader) private readonly reader: ItemHistoryReader,
    @Inject(MeetingAccessPolicy) private readonly policy: MeetingAccessPolicy,
    @Inject(AuditedAccess) private readonly access: AuditedAccess,
    @Inject(MUNICIPALITY_LIST) private readonly municipalities: readonly string[],
  ) {}

  @Get('discussed')
  @ApiOperation({ summary: '"Besproken": items with a decision, newest decision first, filtered by its approach and lead party; no personal data' })
  @ApiQuery({ name: 'municipality', example: 'soest' })
  @ApiQuery({ name: 'approach', required: false, example: 'bestuurlijk' })
  @ApiQuery({ name: 'leadParty', required: false, example: 'gemeente-soest' })
  @ApiResponse({ status: 200, description: '[{ id, theme, receivedAt, status, latestDecision: { decisionId, decidedAt, approach, leadParty, decidedByParty } }]' })
  @ApiResponse({ status: 400, description: '{ error: "validation", problems } naming municipality, approach or leadParty' })
  async discussed(
    @CurrentIdentity() caller: UserIdentity,
    @Query('municipality') municipality: unknown,
    @Query('approach') approach: unknown,
    @Query('leadParty') leadParty: unknown,
    @RequestOrigin() origin: string,
  ): Promise<DiscussedItem[]> {
    const attempt: AccessAttempt = { caller, action: 'agenda.discussed', object: { type: 'agenda', id: auditableMunicipality(municipality) }, origin };
    await this.access.check({ ...attempt, policy: this.policy.forAnyMeeting(caller) });
    const id = municipalityParameter(municipality, this.municipalities);
    await this.access.check({ ...attempt, object: { ...attempt.object, id }, policy: this.policy.forMunicipality(caller, id) });
    const filter = validate(DiscussedFilter, { municipality: id, ...(approach === undefined ? {} : { approach }), ...(leadParty === undefined ? {} : { leadParty }) });
    if (!filter.success) throw invalid(filter.problems);
    return this.reader.discussed(filter.data);
  }

  @Get('items/:id/history')
  @ApiOperation({ summary: "An item's whole history: received, planned, decisions (who, when, actions), feedback sent; opened as the caller's party (audited)" })
  @ApiResponse({ status: 200, description: '{ item, entries: [{ kind, at, … }] }' })
  @ApiResponse({ status: 404, description: '{ error: "not-found" }' })
  async history(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @RequestOrigin() origin: string): Promise<ItemHistory> {
    return this.reader.itemHistory(caller, id, origin);
  }
}
