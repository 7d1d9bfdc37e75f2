import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { DecisionList, MeetingAgenda, PrintableAgenda } from '@signaalhub/contracts';
import { RequestOrigin } from '@signaalhub/access';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { UuidParameter } from '@signaalhub/service-kit';
import { AgendaConflict, AgendaRuleBroken, InvalidAgendaRequest } from '../meetings/meeting-errors.js';
import { MeetingAgendas } from '../meetings/meeting-agendas.js';
import { conflict, invalid, unprocessable } from './api-errors.js';

/** The domain's agenda errors as HTTP: 400 (schema), 422 (a rule such as "no meeting in the past"), 409. */
async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InvalidAgendaRequest) throw invalid(error.problems);
    if (error instanceof AgendaRuleBroken) throw unprocessable(error.problems);
    if (error instanceof AgendaConflict) throw conflict(error.userMessage);
    throw error;
  }
}

@ApiTags('meetings')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
@ApiResponse({ status: 404, description: '{ error: "not-found" }: no such meeting (or item on it)' })
@Controller('api/meetings/:id')
export class MeetingAgendaController {
  constructor(@Inject(MeetingAgendas) private readonly agendas: MeetingAgendas) {}

  @Get()
  @ApiOperation({ summary: "The meeting and the items on its agenda, in order (routing facts only)" })
  @ApiResponse({ status: 200, description: '{ meeting, past, items: [{ id, theme, receivedAt, status, priority, hits, position }] }' })
  async view(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @RequestOrigin() origin: string): Promise<MeetingAgenda> {
    return this.agendas.view(caller, id, origin);
  }

  @Post('items')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: "Plans a pending item of the meeting's municipality (last on the agenda)" })
  @ApiResponse({ status: 201, description: 'the meeting agenda' })
  @ApiResponse({ status: 400, description: '{ error: "validation", problems } (body { itemId })' })
  @ApiResponse({ status: 409, description: 'the item is on this agenda already' })
  @ApiResponse({ status: 422, description: 'the meeting lies in the past, or the item is not a pending item of its municipality (Dutch message, field named)' })
  async plan(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @Body() body: unknown, @RequestOrigin() origin: string): Promise<MeetingAgenda> {
    return answering(() => this.agendas.plan(caller, id, body, origin));
  }

  @Put('items')
  @ApiOperation({ summary: 'Sets the order of the agenda: { itemIds } lists every planned item once' })
  @ApiResponse({ status: 200, description: 'the meeting agenda' })
  @ApiResponse({ status: 422, description: 'not every planned item exactly once, or the meeting lies in the past' })
  async reorder(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @Body() body: unknown, @RequestOrigin() origin: string): Promise<MeetingAgenda> {
    return answering(() => this.agendas.reorder(caller, id, body, origin));
  }

  @Delete('items/:itemId')
  @ApiOperation({ summary: "Takes an item off the meeting's agenda" })
  @ApiResponse({ status: 200, description: 'the meeting agenda' })
  @ApiResponse({ status: 422, description: 'the meeting lies in the past' })
  async unplan(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @Param('itemId', UuidParameter) itemId: string, @RequestOrigin() origin: string): Promise<MeetingAgenda> {
    return answering(() => this.agendas.unplan(caller, id, itemId, origin));
  }

  @Get('print/agenda')
  @ApiOperation({ summary: "The printable agenda: each item's signal where the caller's party is a recipient (audited per item)" })
  @ApiResponse({ status: 200, description: '{ meeting, items: [{ …, signal | null }] }' })
  async printableAgenda(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @RequestOrigin() origin: string): Promise<PrintableAgenda> {
    return this.agendas.printableAgenda(caller, id, origin);
  }

  @Get('print/decisions')
  @ApiOperation({ summary: "The decision list, from the meeting's day: content only for the decision's recipients (audited per decision)" })
  @ApiResponse({ status: 200, description: '{ meeting, decisions: [{ item, decision, content | null }] }' })
  @ApiResponse({ status: 409, description: 'the meeting has not been held yet' })
  async decisionList(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @RequestOrigin() origin: string): Promise<DecisionList> {
    return answering(() => this.agendas.decisionList(caller, id, origin));
  }
}
