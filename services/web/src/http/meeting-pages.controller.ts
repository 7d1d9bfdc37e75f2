import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { MeetingAgenda } from '@signaalhub/contracts';
import type { Response } from 'express';
import { createElement } from 'react';
import type { FieldError } from '../forms/field-errors.js';
import { text, type FormBody } from '../forms/form-body.js';
import { MEETING_CLIENT } from '../infrastructure/tokens.js';
import { DecisionListPage, PrintableAgendaPage } from '../pages/meeting-print-pages.js';
import { MeetingPage, PLAN_ITEM_FIELD_ID } from '../pages/meeting-page.js';
import { MessagePage } from '../pages/message-page.js';
import type { MeetingClient } from '../services/meeting-client.js';
import { ServiceCallError, ServiceValidationError } from '../services/service-call-error.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { isPageId, PageId } from './page-address.js';
import { requireRole } from './require-role.js';
import { sendHtml } from './send-html.js';

const NOTICES: Readonly<Record<string, string>> = {
  gepland: 'De melding staat op de agenda van dit overleg.',
  verwijderd: 'De melding is van de agenda van dit overleg gehaald.',
  volgorde: 'De volgorde van de agenda is aangepast.',
};

/** `items` with `itemId` one place up or down; unchanged at either end. */
export function movedOrder(items: readonly string[], itemId: string, direction: 'omhoog' | 'omlaag'): string[] {
  const order = [...items];
  const from = order.indexOf(itemId);
  const to = direction === 'omhoog' ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= order.length) return order;
  [order[from], order[to]] = [order[to] ?? itemId, itemId];
  return order;
}

/** A meeting's page (its agenda: plan, order, unplan) and its print views (agenda, decision list). */
@Controller('agenda/overleggen/:id')
@UseGuards(SignedInGuard)
export class MeetingPagesController {
  constructor(@Inject(MEETING_CLIENT) private readonly meeting: MeetingClient) {}

  @Get()
  async view(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Res() response: Response, @Query('gedaan') done?: string): Promise<void> {
    requireRole(viewer, 'meeting-member');
    const agenda = await this.meeting.meetingAgenda(viewer.identity, id);
    const notice = done === undefined ? undefined : NOTICES[done];
    await this.sendMeeting(response, viewer, agenda, { errors: [], ...(notice === undefined ? {} : { notice }) }, HttpStatus.OK);
  }

  @Post('punten')
  async plan(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'meeting-member');
    const itemId = text(body, 'itemId');
    await this.changing(response, viewer, id, 'gepland', () =>
      isPageId(itemId) ? this.meeting.planItem(viewer.identity, id, itemId) : Promise.reject(new ServiceValidationError([{ field: 'itemId', rule: 'is required', message: 'Kies een melding uit de lijst' }])),
    );
  }

  @Post('punten/:itemId/omhoog')
  async moveUp(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Param('itemId', PageId) itemId: string, @Res() response: Response): Promise<void> {
    await this.move(viewer, id, itemId, 'omhoog', response);
  }

  @Post('punten/:itemId/omlaag')
  async moveDown(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Param('itemId', PageId) itemId: string, @Res() response: Response): Promise<void> {
    await this.move(viewer, id, itemId, 'omlaag', response);
  }

  @Post('punten/:itemId/verwijderen')
  async unplan(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Param('itemId', PageId) itemId: string, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'meeting-member');
    await this.changing(response, viewer, id, 'verwijderd', () => this.meeting.unplanItem(viewer.identity, id, itemId));
  }

  @Get('agenda')
  async printableAgenda(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'meeting-member');
    const agenda = await this.meeting.printableAgenda(viewer.identity, id);
    sendHtml(response, createElement(PrintableAgendaPage, { user: viewer.page, agenda }));
  }

  @Get('besluitenlijst')
  async decisionList(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'meeting-member');
    try {
      const list = await this.meeting.decisionList(viewer.identity, id);
      sendHtml(response, createElement(DecisionListPage, { user: viewer.page, list }));
    } catch (error) {
      if (!(error instanceof ServiceCallError && error.failure === 'conflict')) throw error;
      const page = createElement(MessagePage, {
        title: 'Nog geen besluitenlijst',
        paragraphs: [error.userMessage ?? 'De besluitenlijst is er vanaf de dag van het overleg.'],
        user: viewer.page,
        backHref: `/agenda/overleggen/${encodeURIComponent(id)}`,
        backLabel: 'Terug naar het overleg',
      });
      sendHtml(response, page, HttpStatus.CONFLICT);
    }
  }

  private async move(viewer: Viewer, id: string, itemId: string, direction: 'omhoog' | 'omlaag', response: Response): Promise<void> {
    requireRole(viewer, 'meeting-member');
    const current = await this.meeting.meetingAgenda(viewer.identity, id);
    const order = movedOrder(current.items.map((item) => item.id), itemId, direction);
    await this.changing(response, viewer, id, 'volgorde', () => this.meeting.reorderAgenda(viewer.identity, id, order));
  }

  /** A change of the agenda: back to the meeting's page, or that page with the service's Dutch message (422). */
  private async changing(response: Response, viewer: Viewer, id: string, done: string, change: () => Promise<MeetingAgenda>): Promise<void> {
    let errors: FieldError[];
    try {
      await change();
      response.redirect(HttpStatus.SEE_OTHER, `/agenda/overleggen/${encodeURIComponent(id)}?gedaan=${done}`);
      return;
    } catch (error) {
      if (error instanceof ServiceValidationError) {
        errors = error.problems.map((problem) => ({ fieldId: problem.field === 'itemId' ? PLAN_ITEM_FIELD_ID : undefined, message: problem.message }));
      } else if (error instanceof ServiceCallError && (error.failure === 'conflict' || error.failure === 'not-found')) {
        errors = [{ fieldId: undefined, message: error.userMessage ?? 'De agenda is intussen veranderd. Bekijk hem opnieuw.' }];
      } else throw error;
    }
    const agenda = await this.meeting.meetingAgenda(viewer.identity, id);
    await this.sendMeeting(response, viewer, agenda, { errors }, HttpStatus.UNPROCESSABLE_ENTITY);
  }

  private async sendMeeting(response: Response, viewer: Viewer, agenda: MeetingAgenda, extra: { errors: FieldError[]; notice?: string }, status: number): Promise<void> {
    const pending = agenda.past ? [] : await this.meeting.agenda(viewer.identity, agenda.meeting.municipality);
    sendHtml(response, createElement(MeetingPage, { user: viewer.page, agenda, pending, ...extra }), status);
  }
}
