import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { HandoverDetail } from '@signaalhub/contracts';
import type { Response } from 'express';
import { createElement } from 'react';
import type { FieldError } from '../forms/field-errors.js';
import { text, type FormBody } from '../forms/form-body.js';
import { RIEC_HANDOVER_CLIENT } from '../infrastructure/tokens.js';
import { CASE_REFERENCE_FIELD_ID, RETURN_REASON_FIELD_ID, RiecHandoverPage } from '../pages/riec-handover-page.js';
import { RiecHandoversPage } from '../pages/riec-handovers-page.js';
import type { RiecHandoverClient } from '../services/riec-handover-client.js';
import { ServiceCallError, ServiceValidationError } from '../services/service-call-error.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { PageId } from './page-address.js';
import { requireRole } from './require-role.js';
import { sendHtml } from './send-html.js';

const NOTICES: Readonly<Record<string, string>> = {
  geaccepteerd: 'De overdracht is geaccepteerd. De gemeente krijgt het antwoord versleuteld.',
  teruggegeven: 'De overdracht is teruggegeven. De gemeente krijgt de reden versleuteld.',
};

const FIELD_IDS: Readonly<Record<string, string>> = { caseReference: CASE_REFERENCE_FIELD_ID, reason: RETURN_REASON_FIELD_ID };
const FIELD_MESSAGES: Readonly<Record<string, string>> = {
  caseReference: 'Vul bij Zaaknummer van het RIEC hoogstens 200 tekens in.',
  reason: 'Vul bij Reden van teruggeven in waarom het RIEC de zaak teruggeeft (verplicht, hoogstens 4000 tekens).',
};

/** The RIEC liaison's hand-over inbox (riec-feed): the list, one hand-over, accepting and returning it. */
@Controller('riec/overdrachten')
@UseGuards(SignedInGuard)
export class RiecHandoversController {
  constructor(@Inject(RIEC_HANDOVER_CLIENT) private readonly handovers: RiecHandoverClient) {}

  @Get()
  async list(@CurrentViewer() viewer: Viewer, @Res() response: Response, @Query('gedaan') done?: string): Promise<void> {
    requireRole(viewer, 'riec-liaison');
    const handovers = await this.handovers.list(viewer.identity);
    const notice = done === undefined ? undefined : NOTICES[done];
    sendHtml(response, createElement(RiecHandoversPage, { user: viewer.page, handovers, ...(notice === undefined ? {} : { notice }) }), HttpStatus.OK);
  }

  @Get(':id')
  async handover(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'riec-liaison');
    this.sendHandover(response, viewer, await this.handovers.open(viewer.identity, id), { caseReference: '', reason: '' }, [], HttpStatus.OK);
  }

  @Post(':id/acceptatie')
  async accept(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'riec-liaison');
    const caseReference = text(body, 'caseReference').trim();
    await this.answer(viewer, id, response, { caseReference, reason: '' }, () => this.handovers.accept(viewer.identity, id, caseReference === '' ? undefined : caseReference), 'geaccepteerd');
  }

  @Post(':id/teruggave')
  async giveBack(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'riec-liaison');
    const reason = text(body, 'reason');
    await this.answer(viewer, id, response, { caseReference: '', reason }, () => this.handovers.giveBack(viewer.identity, id, reason), 'teruggegeven');
  }

  private async answer(viewer: Viewer, id: string, response: Response, entered: { caseReference: string; reason: string }, send: () => Promise<unknown>, done: string): Promise<void> {
    let errors: FieldError[];
    try {
      await send();
      response.redirect(HttpStatus.SEE_OTHER, `/riec/overdrachten?gedaan=${done}`);
      return;
    } catch (error) {
      if (error instanceof ServiceValidationError) {
        errors = error.problems.map((problem) => ({ fieldId: FIELD_IDS[problem.field], message: FIELD_MESSAGES[problem.field] ?? problem.message }));
      } else if (error instanceof ServiceCallError && error.failure === 'conflict') {
        errors = [{ fieldId: undefined, message: error.userMessage ?? 'Deze overdracht is intussen al beantwoord.' }];
      } else throw error;
    }
    this.sendHandover(response, viewer, await this.handovers.open(viewer.identity, id), entered, errors, HttpStatus.UNPROCESSABLE_ENTITY);
  }

  private sendHandover(response: Response, viewer: Viewer, handover: HandoverDetail, entered: { caseReference: string; reason: string }, errors: FieldError[], status: number): void {
    sendHtml(response, createElement(RiecHandoverPage, { user: viewer.page, handover, ...entered, errors }), status);
  }
}
