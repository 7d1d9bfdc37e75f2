import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ActionView } from '@signaalhub/contracts';
import { RequestOrigin } from '@signaalhub/access';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { ActionAlreadyDone, InvalidActionChange } from '../actions/action-errors.js';
import { ActionTracker } from '../actions/action-tracker.js';
import { actionParameters, itemFilterParameter } from './action-input.js';
import { conflict, invalid } from './api-errors.js';

@ApiTags('actions')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@Controller('api/actions')
export class ActionsController {
  constructor(@Inject(ActionTracker) private readonly tracker: ActionTracker) {}

  @Get()
  @ApiOperation({ summary: "Actions of the caller's municipalities and those their party leads; texts opened as their party (audited)" })
  @ApiQuery({ name: 'item', required: false, description: 'only the actions of this agenda item' })
  @ApiResponse({ status: 200, description: '[{ decisionId, actionIndex, itemId, municipality, leadParty, dueDate, status, description?, done?, reminders, ledByCaller }]' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  async list(@CurrentIdentity() caller: UserIdentity, @Query('item') item: unknown, @RequestOrigin() origin: string): Promise<ActionView[]> {
    return this.tracker.list(caller, itemFilterParameter(item), origin);
  }

  @Post(':decisionId/:actionIndex/done')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Marks the action done: { doneOn (YYYY-MM-DD), note }; lead party only; its reminders are removed' })
  @ApiResponse({ status: 200, description: 'the action' })
  @ApiResponse({ status: 400, description: '{ error: "validation", problems: [{ field, rule, message }] }' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  @ApiResponse({ status: 409, description: '{ error: "conflict" }: the action is already done' })
  async markDone(
    @CurrentIdentity() caller: UserIdentity,
    @Param('decisionId') decisionId: string,
    @Param('actionIndex') actionIndex: string,
    @Body() body: unknown,
    @RequestOrigin() origin: string,
  ): Promise<ActionView> {
    return answered(() => this.tracker.markDone(caller, actionParameters(decisionId, actionIndex), body, origin));
  }

  @Post(':decisionId/:actionIndex/due-date')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Moves the action's due date: { dueDate (YYYY-MM-DD) }; its reminders move with it" })
  @ApiResponse({ status: 200, description: 'the action' })
  @ApiResponse({ status: 400, description: '{ error: "validation", problems: [{ field, rule, message }] }' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  @ApiResponse({ status: 409, description: '{ error: "conflict" }: the action is already done' })
  async changeDueDate(
    @CurrentIdentity() caller: UserIdentity,
    @Param('decisionId') decisionId: string,
    @Param('actionIndex') actionIndex: string,
    @Body() body: unknown,
    @RequestOrigin() origin: string,
  ): Promise<ActionView> {
    return answered(() => this.tracker.changeDueDate(caller, actionParameters(decisionId, actionIndex), body, origin));
  }
}

async function answered(change: () => Promise<ActionView>): Promise<ActionView> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof InvalidActionChange) throw invalid(error.problems);
    if (error instanceof ActionAlreadyDone) throw conflict('Deze actie is al afgerond.');
    throw error;
  }
}
