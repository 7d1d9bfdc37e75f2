import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequestOrigin } from '@signaalhub/access';
import type { DisclosureRecord, ScreeningDetail, ScreeningSummary } from '@signaalhub/contracts';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { DisclosureRegister } from '../disclosures/disclosure-register.js';
import { ScreeningFormIntake } from '../screenings/screening-form.js';
import { ScreeningReader } from '../screenings/screening-reader.js';
import { ScreeningReassignment } from '../screenings/screening-reassignment.js';
import { ScreeningWorkflow } from '../screenings/screening-workflow.js';
import { answering } from './api-errors.js';
import { optionalAssignee, optionalMunicipality, screeningIdParameter, versionParameter } from './request-input.js';

const FORBIDDEN = { status: 403, description: '{ error: "forbidden" } (audited)' } as const;
const INVALID = { status: 400, description: '{ error: "validation", problems: [{ field, rule, message }] }; nothing stored' } as const;
const RULE = { status: 422, description: '{ error: "validation", message, problems }: a rule of the procedure (Dutch message)' } as const;
const CONFLICT = { status: 409, description: '{ error: "conflict", message }: the step does not fit the phase (Dutch message)' } as const;

@ApiTags('screenings')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@Controller('api/screenings')
export class ScreeningsController {
  constructor(
    @Inject(ScreeningFormIntake) private readonly form: ScreeningFormIntake,
    @Inject(ScreeningReader) private readonly reader: ScreeningReader,
    @Inject(ScreeningWorkflow) private readonly workflow: ScreeningWorkflow,
    @Inject(ScreeningReassignment) private readonly reassignment: ScreeningReassignment,
    @Inject(DisclosureRegister) private readonly disclosures: DisclosureRegister,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'bibob-coordinator of the pool: a screening for an application entered through the form (ScreeningForm)' })
  @ApiResponse({ status: 201, description: '{ id }' })
  @ApiResponse(INVALID)
  @ApiResponse(RULE)
  @ApiResponse(FORBIDDEN)
  create(@CurrentIdentity() caller: UserIdentity, @Body() body: unknown, @RequestOrigin() origin: string): Promise<{ id: string }> {
    return answering(() => this.form.submit(caller, body, origin));
  }

  @Get()
  @ApiOperation({ summary: "Coordinators: every screening; a municipality's permit-officer: that municipality's (municipality required). Routing facts only" })
  @ApiQuery({ name: 'municipality', required: false, example: 'baarn' })
  @ApiQuery({ name: 'assignee', required: false, description: 'a coordinator user id ("mijn toetsen")' })
  @ApiQuery({ name: 'unassigned', required: false, description: 'true: the "niet toegewezen" list' })
  @ApiResponse({ status: 200, description: '[ScreeningSummary]' })
  @ApiResponse(FORBIDDEN)
  list(
    @CurrentIdentity() caller: UserIdentity,
    @Query('municipality') municipality: unknown,
    @Query('assignee') assignee: unknown,
    @Query('unassigned') unassigned: unknown,
    @RequestOrigin() origin: string,
  ): Promise<ScreeningSummary[]> {
    return answering(async () => {
      const query = { municipality: optionalMunicipality(municipality), assignee: optionalAssignee(assignee), unassigned: unassigned === 'true' };
      return this.reader.list(caller, query, origin);
    });
  }

  @Post('assignments')
  @ApiOperation({ summary: 'Lead bibob-coordinator: reassigns one or more screenings ({ screeningIds, assignee, reason }); audited' })
  @ApiResponse({ status: 201, description: '[ScreeningSummary]' })
  @ApiResponse(INVALID)
  @ApiResponse(RULE)
  @ApiResponse(FORBIDDEN)
  reassign(@CurrentIdentity() caller: UserIdentity, @Body() body: unknown, @RequestOrigin() origin: string): Promise<ScreeningSummary[]> {
    return answering(() => this.reassignment.reassign(caller, body, origin));
  }

  @Get(':id')
  @ApiOperation({ summary: "The opened screening: people, questionnaire, history, conclusions, the deadline timeline (audited). Coordinators; the municipality's permit-officers" })
  @ApiResponse({ status: 200, description: 'ScreeningDetail' })
  @ApiResponse(FORBIDDEN)
  @ApiResponse({ status: 404, description: '{ error: "not-found" }' })
  detail(@CurrentIdentity() caller: UserIdentity, @Param('id') id: string, @RequestOrigin() origin: string): Promise<ScreeningDetail> {
    return answering(() => this.reader.detail(caller, screeningIdParameter(id), origin));
  }

  @Post(':id/transitions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'bibob-coordinator: one step of the procedure ({ step, reason, date? }); LBB steps notify the municipality' })
  @ApiResponse({ status: 200, description: 'ScreeningSummary' })
  @ApiResponse(INVALID)
  @ApiResponse(CONFLICT)
  @ApiResponse(RULE)
  @ApiResponse(FORBIDDEN)
  step(@CurrentIdentity() caller: UserIdentity, @Param('id') id: string, @Body() body: unknown, @RequestOrigin() origin: string): Promise<ScreeningSummary> {
    return answering(() => this.workflow.step(caller, screeningIdParameter(id), body, origin));
  }

  @Put(':id/questionnaire/:item')
  @ApiOperation({ summary: 'bibob-coordinator: one item of the statutory questionnaire checklist ({ complete, answer? })' })
  @ApiResponse({ status: 200, description: 'ScreeningSummary' })
  @ApiResponse(INVALID)
  @ApiResponse(CONFLICT)
  @ApiResponse(RULE)
  @ApiResponse(FORBIDDEN)
  questionnaire(
    @CurrentIdentity() caller: UserIdentity,
    @Param('id') id: string,
    @Param('item') item: string,
    @Body() body: unknown,
    @RequestOrigin() origin: string,
  ): Promise<ScreeningSummary> {
    return answering(() => this.workflow.answerQuestionnaire(caller, screeningIdParameter(id), item, body, origin));
  }

  @Post(':id/conclusions')
  @ApiOperation({ summary: 'bibob-coordinator: proposes a risk conclusion, or a correction as a new version ({ conclusion, reason })' })
  @ApiResponse({ status: 201, description: 'ScreeningSummary' })
  @ApiResponse(INVALID)
  @ApiResponse(CONFLICT)
  @ApiResponse(RULE)
  @ApiResponse(FORBIDDEN)
  propose(@CurrentIdentity() caller: UserIdentity, @Param('id') id: string, @Body() body: unknown, @RequestOrigin() origin: string): Promise<ScreeningSummary> {
    return answering(() => this.workflow.proposeConclusion(caller, screeningIdParameter(id), body, origin));
  }

  @Post(':id/conclusions/:version/approval')
  @ApiOperation({ summary: 'A second bibob-coordinator approves ({ reason }); screening.concluded goes to the requesting municipality only' })
  @ApiResponse({ status: 201, description: 'ScreeningSummary' })
  @ApiResponse(INVALID)
  @ApiResponse(CONFLICT)
  @ApiResponse(RULE)
  @ApiResponse(FORBIDDEN)
  approve(
    @CurrentIdentity() caller: UserIdentity,
    @Param('id') id: string,
    @Param('version') version: string,
    @Body() body: unknown,
    @RequestOrigin() origin: string,
  ): Promise<ScreeningSummary> {
    return answering(() => this.workflow.approveConclusion(caller, screeningIdParameter(id), versionParameter(version), body, origin));
  }

  @Post(':id/disclosures')
  @ApiOperation({ summary: 'bibob-coordinator: records the art. 28 lid 2 ground ({ ground: { code, explanation } }); screening.disclosed to the RIEC' })
  @ApiResponse({ status: 201, description: 'DisclosureRecord' })
  @ApiResponse(INVALID)
  @ApiResponse(CONFLICT)
  @ApiResponse(RULE)
  @ApiResponse(FORBIDDEN)
  disclose(@CurrentIdentity() caller: UserIdentity, @Param('id') id: string, @Body() body: unknown, @RequestOrigin() origin: string): Promise<DisclosureRecord> {
    return answering(() => this.disclosures.disclose(caller, screeningIdParameter(id), body, origin));
  }
}
