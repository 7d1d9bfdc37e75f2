import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Ip, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { MeetingRequest, validate, type Meeting } from '@signaalhub/contracts';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { MeetingAccessPolicy } from '../access/meeting-access-policy.js';
import { NeedToKnow } from '../access/need-to-know.js';
import { MUNICIPALITY_LIST } from '../infrastructure/tokens.js';
import { MeetingStore } from '../meetings/meeting-store.js';
import { conflict, invalid } from './api-errors.js';
import { auditableMunicipality, municipalityParameter } from './request-input.js';

@ApiTags('meetings')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@Controller('api/meetings')
export class MeetingsController {
  constructor(
    @Inject(MeetingStore) private readonly meetings: MeetingStore,
    @Inject(MeetingAccessPolicy) private readonly policy: MeetingAccessPolicy,
    @Inject(NeedToKnow) private readonly needToKnow: NeedToKnow,
    @Inject(MUNICIPALITY_LIST) private readonly municipalities: readonly string[],
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Schedules a local undermining meeting: { municipality, date (YYYY-MM-DD) }' })
  @ApiResponse({ status: 201, description: '{ id, municipality, date }' })
  @ApiResponse({ status: 409, description: 'that municipality already meets on that date' })
  async schedule(@CurrentIdentity() caller: UserIdentity, @Body() body: unknown, @Ip() origin: string): Promise<Meeting> {
    const attempt = { caller, action: 'meeting.schedule', objectType: 'meetings', objectId: '', origin };
    await this.needToKnow.enforce(this.policy.forAnyMeeting(caller), attempt);
    const parsed = validate(MeetingRequest, body);
    if (!parsed.success) throw invalid(parsed.problems);
    const municipality = municipalityParameter(parsed.data.municipality, this.municipalities);
    await this.needToKnow.enforce(this.policy.forMunicipality(caller, municipality), { ...attempt, objectId: municipality });
    const meeting = await this.meetings.schedule(municipality, parsed.data.date, caller.party);
    if (meeting === undefined) throw conflict('Op deze datum is al een overleg gepland.');
    return meeting;
  }

  @Get()
  @ApiOperation({ summary: "A municipality's scheduled meetings, by date" })
  @ApiQuery({ name: 'municipality', example: 'soest' })
  @ApiResponse({ status: 200, description: '[{ id, municipality, date }]' })
  async list(@CurrentIdentity() caller: UserIdentity, @Query('municipality') municipality: unknown, @Ip() origin: string): Promise<Meeting[]> {
    const attempt = { caller, action: 'meeting.list', objectType: 'meetings', objectId: auditableMunicipality(municipality), origin };
    await this.needToKnow.enforce(this.policy.forAnyMeeting(caller), attempt);
    const id = municipalityParameter(municipality, this.municipalities);
    await this.needToKnow.enforce(this.policy.forMunicipality(caller, id), { ...attempt, objectId: id });
    return this.meetings.list(id);
  }
}
