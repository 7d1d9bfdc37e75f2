import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { municipalityPartyId, type OpenedInformationRequest } from '@signaalhub/contracts';
import type { Response } from 'express';
import { createElement } from 'react';
import type { FieldError } from '../forms/field-errors.js';
import { text, type FormBody } from '../forms/form-body.js';
import { MEETING_CLIENT } from '../infrastructure/tokens.js';
import { InformationRequestPage, REFUSAL_REASON_FIELD_ID } from '../pages/information-request-page.js';
import { InformationRequestsPage } from '../pages/information-requests-page.js';
import type { MeetingClient } from '../services/meeting-client.js';
import { ServiceCallError, ServiceValidationError } from '../services/service-call-error.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { PageId } from './page-address.js';
import { requireRole } from './require-role.js';
import { sendHtml } from './send-html.js';
import { RoleRequiredException } from './web-exceptions.js';

const NOTICES: Readonly<Record<string, string>> = {
  verstrekt: 'De melding is versleuteld verstrekt aan de verzoeker.',
  geweigerd: 'Het verzoek is geweigerd. De verzoeker krijgt de reden.',
};

const REASON_MESSAGE = 'Vul bij Reden van weigering in waarom het verzoek wordt geweigerd (verplicht, hoogstens 4000 tekens).';

/** The meeting member's screens for information requests to their own municipality. */
@Controller('verzoeken')
@UseGuards(SignedInGuard)
export class InformationRequestsController {
  constructor(@Inject(MEETING_CLIENT) private readonly meeting: MeetingClient) {}

  @Get()
  async list(@CurrentViewer() viewer: Viewer, @Res() response: Response, @Query('gedaan') done?: string): Promise<void> {
    const municipality = ownMunicipality(viewer);
    const requests = await this.meeting.informationRequests(viewer.identity, municipality);
    const notice = done === undefined ? undefined : NOTICES[done];
    sendHtml(response, createElement(InformationRequestsPage, { user: viewer.page, municipality, requests, ...(notice === undefined ? {} : { notice }) }), HttpStatus.OK);
  }

  @Get(':id')
  async request(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'meeting-member');
    const opened = await this.meeting.openInformationRequest(viewer.identity, id);
    this.sendRequest(response, viewer, opened, '', [], HttpStatus.OK);
  }

  @Post(':id/antwoord')
  async answer(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'meeting-member');
    await this.respond(viewer, id, response, { outcome: 'answered' }, '');
  }

  @Post(':id/weigering')
  async refuse(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'meeting-member');
    const reason = text(body, 'reason');
    await this.respond(viewer, id, response, { outcome: 'refused', reason }, reason);
  }

  private async respond(
    viewer: Viewer,
    id: string,
    response: Response,
    answer: { outcome: 'answered' } | { outcome: 'refused'; reason: string },
    reason: string,
  ): Promise<void> {
    let errors: FieldError[];
    try {
      await this.meeting.respondToInformationRequest(viewer.identity, id, answer);
      response.redirect(HttpStatus.SEE_OTHER, `/verzoeken?gedaan=${answer.outcome === 'answered' ? 'verstrekt' : 'geweigerd'}`);
      return;
    } catch (error) {
      if (error instanceof ServiceValidationError) {
        errors = error.problems.map((problem) =>
          problem.field === 'reason' ? { fieldId: REFUSAL_REASON_FIELD_ID, message: REASON_MESSAGE } : { fieldId: undefined, message: problem.message },
        );
      } else if (error instanceof ServiceCallError && error.failure === 'conflict') {
        errors = [{ fieldId: undefined, message: error.userMessage ?? 'Dit verzoek is intussen al afgehandeld.' }];
      } else throw error;
    }
    const opened = await this.meeting.openInformationRequest(viewer.identity, id);
    this.sendRequest(response, viewer, opened, reason, errors, HttpStatus.UNPROCESSABLE_ENTITY);
  }

  private sendRequest(response: Response, viewer: Viewer, opened: OpenedInformationRequest, reason: string, errors: FieldError[], status: number): void {
    sendHtml(response, createElement(InformationRequestPage, { user: viewer.page, opened, reason, errors }), status);
  }
}

/** Requests go to a municipality's own members: the one of the user's municipalities whose party is theirs. */
function ownMunicipality(viewer: Viewer): string {
  requireRole(viewer, 'meeting-member');
  const own = viewer.account.municipalities.find((municipality) => municipalityPartyId(municipality) === viewer.identity.party);
  if (own === undefined) throw new RoleRequiredException();
  return own;
}
