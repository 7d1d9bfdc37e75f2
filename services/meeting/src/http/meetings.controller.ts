import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { MeetingRequest, validateRequest, type Meeting } from '@signaalhub/contracts';
import { AuditedAccess, RequestOrigin, type AccessAttempt } from '@signaalhub/access';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { MeetingAccessPolicy } from '../access/meeting-access-policy.js';
import { MUNICIPALITY_LIST } from '../config.js';
import { MeetingCalendar, pastMeetingProblem } from '../meetings/meeting-calendar.js';
import { MeetingStore } from '../meetings/meeting-store.js';
import { conflict, invalid, unprocessable } from './api-errors.js';
import { auditableMunicipality, municipalityParameter } from './request-input.js';

@ApiTags('meetings')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@Controller('api/meetings')
export class MeetingsController {
  constructor(
    @Inject(MeetingStore) private readonly meetings: MeetingStore,
    @Inject(MeetingAccessPolicy) private readonly policy: MeetingAccessPolicy,
    @Inject(AuditedAccess) private readonly access: AuditedAccess,
    @Inject(MUNICIPALITY_LIST) private readonly municipalities: readonly string[],
    @Inject(MeetingCalendar) private readonly calendar: MeetingCalendar,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Schedules a local undermining meeting: { municipality, date (YYYY-MM-DD) }' })
  @ApiResponse({ status: 201, description: '{ id, municipality, date }' })
  @ApiResponse({ status: 409, description: 'that municipality already meets on that date' })
  @ApiResponse({ status: 422, description: 'the date lies in the past (application clock, Europe/Amsterdam); Dutch message naming `date`' })
  async schedule(@CurrentIdentity() caller: UserIdentity, @Body() body: unknown, @RequestOrigin() origin: string): Promise<Meeting> {
    const attempt: AccessAttempt = { caller, action: 'meeting.schedule', object: { type: 'meetings', id: '' }, origin };
    await this.access.check({ ...attempt, policy: this.policy.forAnyMeeting(caller) });
    const parsed = validateRequest(MeetingRequest, body);
    if (!parsed.success) throw invalid(parsed.problems);
    const municipality = municipalityParameter(parsed.data.municipality, this.municipalities);
    await this.access.check({ ...attempt, object: { ...attempt.object, id: municipality }, policy: this.policy.forMunicipality(caller, municipality) });
    const past = pastMeetingProblem(parsed.data.date, this.calendar.today());
    if (past !== undefined) throw unprocessable([past]);
    const meeting = await this.meetings.schedule(municipality, parsed.data.date, caller.party);
    if (meeting === undefined) throw conflict('Op deze datum is al een overleg gepland.');
    return meeting;
  }

  @Get()
  @ApiOperation({ summary: "A municipality's scheduled meetings, by date" })
  @ApiQuery({ name: 'municipality', example: 'soest' })
  @ApiResponse({ status: 200, description: '[{ id, municipality, date }]' })
  async list(@CurrentIdentity() caller: UserIdentity, @Query('municipality') municipality: unknown, @RequestOrigin() origin: string): Promise<Meeting[]> {
    const attempt: AccessAttempt = { caller, action: 'meeting.list', object: { type: 'meetings', id: auditableMunicipality(municipality) }, origin };
    await this.access.check({ ...attempt, policy: this.policy.forAnyMeeting(caller) });
    const id = municipalityParameter(municipality, this.municipalities);
    await this.access.check({ ...attempt, object: { ...attempt.object, id }, policy: this.policy.forMunicipality(caller, id) });
    return this.meetings.list(id);
  }
}
