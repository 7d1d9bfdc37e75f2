import { Body, Controller, Get, HttpStatus, Inject, NotFoundException, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { ActionView } from '@signaalhub/contracts';
import type { Response } from 'express';
import { createElement } from 'react';
import { actionDoneFormErrors, actionDoneFormFromBody, emptyActionDoneForm, type ActionDoneFormValues } from '../forms/action-done-form.js';
import type { FieldError } from '../forms/field-errors.js';
import type { FormBody } from '../forms/form-body.js';
import { MEETING_CLIENT } from '../infrastructure/tokens.js';
import { ActionDonePage } from '../pages/action-done-page.js';
import { ActionsPage } from '../pages/actions-page.js';
import type { MeetingClient } from '../services/meeting-client.js';
import { ServiceCallError, ServiceValidationError } from '../services/service-call-error.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { PageId, PageIndex } from './page-address.js';
import { requireRole } from './require-role.js';
import { sendHtml } from './send-html.js';

const NOTICES: Readonly<Record<string, string>> = {
  afgerond: 'De actie is afgerond. De herinneringen voor deze actie vervallen.',
};

/** "Acties": the actions a meeting member may see, and marking one done (lead party). */
@Controller('acties')
@UseGuards(SignedInGuard)
export class ActionsController {
  constructor(@Inject(MEETING_CLIENT) private readonly meeting: MeetingClient) {}

  @Get()
  async list(@CurrentViewer() viewer: Viewer, @Res() response: Response, @Query('gedaan') done?: string): Promise<void> {
    requireRole(viewer, 'meeting-member');
    const actions = await this.meeting.actions(viewer.identity);
    const notice = done === undefined ? undefined : NOTICES[done];
    sendHtml(response, createElement(ActionsPage, { user: viewer.page, actions, ...(notice === undefined ? {} : { notice }) }));
  }

  @Get(':decisionId/:actionIndex/afronden')
  async doneForm(@CurrentViewer() viewer: Viewer, @Param('decisionId', PageId) decisionId: string, @Param('actionIndex', PageIndex) actionIndex: number, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'meeting-member');
    const action = await this.find(viewer, decisionId, actionIndex);
    this.sendDoneForm(response, viewer, action, emptyActionDoneForm(new Date().toISOString().slice(0, 10)), [], HttpStatus.OK);
  }

  @Post(':decisionId/:actionIndex/afronden')
  async markDone(
    @CurrentViewer() viewer: Viewer,
    @Param('decisionId', PageId) decisionId: string,
    @Param('actionIndex', PageIndex) actionIndex: number,
    @Body() body: FormBody,
    @Res() response: Response,
  ): Promise<void> {
    requireRole(viewer, 'meeting-member');
    const values = actionDoneFormFromBody(body);
    let errors: FieldError[];
    try {
      await this.meeting.markActionDone(viewer.identity, decisionId, actionIndex, { doneOn: values.doneOn, note: values.note });
      response.redirect(HttpStatus.SEE_OTHER, '/acties?gedaan=afgerond');
      return;
    } catch (error) {
      if (error instanceof ServiceValidationError) errors = actionDoneFormErrors(error.problems);
      else if (error instanceof ServiceCallError && error.failure === 'conflict') {
        errors = [{ fieldId: undefined, message: error.userMessage ?? 'Deze actie is al afgerond.' }];
      } else throw error;
    }
    const action = await this.find(viewer, decisionId, actionIndex);
    this.sendDoneForm(response, viewer, action, values, errors, HttpStatus.UNPROCESSABLE_ENTITY);
  }

  /** One action from the user's list; one they may not see is "not found" (the Dutch 404 page). */
  private async find(viewer: Viewer, decisionId: string, actionIndex: number): Promise<ActionView> {
    const actions = await this.meeting.actions(viewer.identity);
    const action = actions.find((candidate) => candidate.decisionId === decisionId && candidate.actionIndex === actionIndex);
    if (action === undefined) throw new NotFoundException();
    return action;
  }

  private sendDoneForm(response: Response, viewer: Viewer, action: ActionView, values: ActionDoneFormValues, errors: FieldError[], status: number): void {
    sendHtml(response, createElement(ActionDonePage, { user: viewer.page, action, values, errors }), status);
  }
}
