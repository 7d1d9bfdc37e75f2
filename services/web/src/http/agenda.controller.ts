import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { ItemHistory, OpenedAgendaItem } from '@signaalhub/contracts';
import type { Response } from 'express';
import { createElement } from 'react';
import { decisionDraft, decisionFormErrors, decisionFormFromBody, emptyDecisionForm, type DecisionFormValues } from '../forms/decision-form.js';
import type { FieldError } from '../forms/field-errors.js';
import { text, type FormBody } from '../forms/form-body.js';
import { MEETING_CLIENT, WEB_CONFIG } from '../infrastructure/tokens.js';
import type { WebConfig } from '../config.js';
import { AgendaItemPage, PLAN_MEETING_FIELD_ID } from '../pages/agenda-item-page.js';
import { AgendaPage, MEETING_DATE_FIELD_ID } from '../pages/agenda-page.js';
import type { MeetingClient } from '../services/meeting-client.js';
import { ServiceCallError, ServiceValidationError } from '../services/service-call-error.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { isPageId, PageId } from './page-address.js';
import { requireRole } from './require-role.js';
import { sendHtml } from './send-html.js';
import { todayInTheNetherlands, viewerMunicipality } from './viewer-municipality.js';

const NOTICES: Readonly<Record<string, string>> = {
  besluit: 'Het besluit is vastgelegd. De melder ziet de terugkoppeling onder Mijn meldingen.',
  overleg: 'Het overleg is gepland.',
};

const ITEM_NOTICES: Readonly<Record<string, string>> = {
  gepland: 'De melding staat op de agenda van het overleg.',
};

/** The meeting member's screens: the agenda of a municipality, one item with its decision form. */
@Controller('agenda')
@UseGuards(SignedInGuard)
export class AgendaController {
  constructor(
    @Inject(MEETING_CLIENT) private readonly meeting: MeetingClient,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  @Get()
  async agenda(
    @CurrentViewer() viewer: Viewer,
    @Res() response: Response,
    @Query('gemeente') municipalityParameter?: string,
    @Query('gedaan') done?: string,
  ): Promise<void> {
    const municipality = viewerMunicipality(viewer, municipalityParameter);
    const notice = done === undefined ? undefined : NOTICES[done];
    await this.sendAgenda(response, viewer, municipality, { ...(notice === undefined ? {} : { notice }) }, HttpStatus.OK);
  }

  @Post('overleggen')
  async scheduleMeeting(@CurrentViewer() viewer: Viewer, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    const municipality = viewerMunicipality(viewer, text(body, 'municipality'));
    const date = text(body, 'date').trim();
    let errors: FieldError[];
    try {
      await this.meeting.scheduleMeeting(viewer.identity, { municipality, date });
      response.redirect(HttpStatus.SEE_OTHER, `/agenda?gemeente=${encodeURIComponent(municipality)}&gedaan=overleg`);
      return;
    } catch (error) {
      if (error instanceof ServiceValidationError) {
        errors = error.problems.map((problem) => ({ fieldId: problem.field === 'date' ? MEETING_DATE_FIELD_ID : undefined, message: problem.message }));
      } else if (error instanceof ServiceCallError && error.failure === 'conflict') {
        errors = [{ fieldId: MEETING_DATE_FIELD_ID, message: error.userMessage ?? 'Op deze datum is al een overleg gepland.' }];
      } else throw error;
    }
    await this.sendAgenda(response, viewer, municipality, { meetingDate: date, errors }, HttpStatus.UNPROCESSABLE_ENTITY);
  }

  @Get('punten/:id')
  async item(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Res() response: Response, @Query('gedaan') done?: string): Promise<void> {
    requireRole(viewer, 'meeting-member');
    const opened = await this.meeting.openItem(viewer.identity, id);
    const notice = done === undefined ? undefined : ITEM_NOTICES[done];
    await this.sendItem(response, viewer, { opened, values: emptyDecisionForm(`gemeente-${opened.item.municipality}`), errors: [], ...(notice === undefined ? {} : { notice }) }, HttpStatus.OK);
  }

  @Post('punten/:id/agenderen')
  async plan(@CurrentViewer() viewer: Viewer, @Param('id', PageId) itemId: string, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'meeting-member');
    const meetingId = text(body, 'meetingId');
    let errors: FieldError[];
    if (!isPageId(meetingId)) errors = [{ fieldId: PLAN_MEETING_FIELD_ID, message: 'Kies een overleg uit de lijst' }];
    else {
      try {
        await this.meeting.planItem(viewer.identity, meetingId, itemId);
        response.redirect(HttpStatus.SEE_OTHER, `/agenda/punten/${encodeURIComponent(itemId)}?gedaan=gepland`);
        return;
      } catch (error) {
        if (error instanceof ServiceValidationError) errors = error.problems.map((problem) => ({ fieldId: PLAN_MEETING_FIELD_ID, message: problem.message }));
        else if (error instanceof ServiceCallError && error.failure === 'conflict') errors = [{ fieldId: PLAN_MEETING_FIELD_ID, message: error.userMessage ?? 'De melding staat al op deze agenda.' }];
        else throw error;
      }
    }
    const opened = await this.meeting.openItem(viewer.identity, itemId);
    await this.sendItem(response, viewer, { opened, values: emptyDecisionForm(`gemeente-${opened.item.municipality}`), errors }, HttpStatus.UNPROCESSABLE_ENTITY);
  }

  @Post('punten/:id/besluit')
  async decide(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'meeting-member');
    const values = decisionFormFromBody(body);
    const draft = decisionDraft(values);
    let errors: FieldError[];
    try {
      await this.meeting.decide(viewer.identity, id, draft.request);
      // Back to the agenda the item was on, without opening (and auditing) the signal once more.
      const municipality = viewerMunicipality(viewer, text(body, 'municipality'));
      response.redirect(HttpStatus.SEE_OTHER, `/agenda?gemeente=${encodeURIComponent(municipality)}&gedaan=besluit`);
      return;
    } catch (error) {
      if (error instanceof ServiceValidationError) errors = decisionFormErrors(error.problems, draft);
      else if (error instanceof ServiceCallError && error.failure === 'conflict') {
        errors = [{ fieldId: undefined, message: error.userMessage ?? 'Over deze melding is intussen al besloten.' }];
      } else throw error;
    }
    const opened = await this.meeting.openItem(viewer.identity, id);
    await this.sendItem(response, viewer, { opened, values, errors }, HttpStatus.UNPROCESSABLE_ENTITY);
  }

  private async sendAgenda(
    response: Response,
    viewer: Viewer,
    municipality: string,
    extra: { notice?: string; meetingDate?: string; errors?: FieldError[] },
    status: number,
  ): Promise<void> {
    const [entries, meetings] = await Promise.all([this.meeting.agenda(viewer.identity, municipality), this.meeting.meetings(viewer.identity, municipality)]);
    sendHtml(
      response,
      createElement(AgendaPage, { user: viewer.page, municipality, municipalities: viewer.account.municipalities, entries, meetings, ...extra }),
      status,
    );
  }

  /** The item with its history and the meetings still to come (to plan it for); the history opening is audited by the service. */
  private async sendItem(
    response: Response,
    viewer: Viewer,
    page: { opened: OpenedAgendaItem; values: DecisionFormValues; errors: FieldError[]; notice?: string },
    status: number,
  ): Promise<void> {
    const { opened } = page;
    const [history, meetings, actions] = await Promise.all([
      this.meeting.itemHistory(viewer.identity, opened.item.id),
      this.meeting.meetings(viewer.identity, opened.item.municipality),
      this.meeting.actions(viewer.identity, opened.item.id),
    ]);
    const planned = plannedMeetings(history);
    const today = todayInTheNetherlands();
    const upcomingMeetings = meetings.filter((meeting) => meeting.date >= today).map((meeting) => ({ ...meeting, planned: planned.has(meeting.id) }));
    sendHtml(response, createElement(AgendaItemPage, { user: viewer.page, parties: this.config.PARTIES, history, upcomingMeetings, actions, ...page }), status);
  }
}

/** Meetings the item is on the agenda of now: planned and not unplanned since. */
function plannedMeetings(history: ItemHistory): Set<string> {
  const planned = new Set<string>();
  for (const entry of history.entries) {
    if (entry.kind === 'planned') planned.add(entry.meeting.id);
    if (entry.kind === 'unplanned') planned.delete(entry.meeting.id);
  }
  return planned;
}
