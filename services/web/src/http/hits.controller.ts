import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { createElement } from 'react';
import type { FormBody } from '../forms/form-body.js';
import { hitRequestBody, hitRequestErrors } from '../forms/hit-request-form.js';
import { FEED_CLIENT } from '../infrastructure/tokens.js';
import { HitPage, HitSignalPage, HitsPage, type HitPageProps } from '../pages/hits-pages.js';
import type { FeedClient } from '../services/feed-client.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { PageId } from './page-address.js';
import { registryRefusal } from './registry-refusals.js';
import { sendFile } from './releases.controller.js';
import { requireRole } from './require-role.js';
import { sendHtml } from './send-html.js';

const NOTICES: Readonly<Record<string, string>> = {
  verzoek: 'Het verzoek om informatie is verstuurd naar de gemeente van de melding.',
};

/** The cross-municipality hits for the RIEC liaison: the list, a hit's signals, opening one, asking for one, the MISP export. */
@Controller('riec/treffers')
@UseGuards(SignedInGuard)
export class HitsController {
  constructor(@Inject(FEED_CLIENT) private readonly feed: FeedClient) {}

  @Get()
  async list(@CurrentViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'riec-liaison');
    sendHtml(response, createElement(HitsPage, { user: viewer.page, hits: await this.feed.hits(viewer.identity) }));
  }

  /** Declared before `:id` so the export's address is not read as a hit id. */
  @Get('export.misp.json')
  async misp(@CurrentViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'riec-liaison');
    sendFile(response, await this.feed.hitsMispExport(viewer.identity), 'treffers-misp.json');
  }

  @Get(':id')
  async hit(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Res() response: Response, @Query('gedaan') done?: string): Promise<void> {
    requireRole(viewer, 'riec-liaison');
    const notice = done === undefined ? undefined : NOTICES[done];
    await this.sendHit(response, viewer, id, { ...(notice === undefined ? {} : { notice }) }, HttpStatus.OK);
  }

  @Get(':id/meldingen/:signalId')
  async signal(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Param('signalId', PageId) signalId: string, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'riec-liaison');
    const signal = await this.feed.hitSignal(viewer.identity, id, signalId);
    sendHtml(response, createElement(HitSignalPage, { user: viewer.page, hitId: id, signal }));
  }

  @Post(':id/verzoeken')
  async requestInformation(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'riec-liaison');
    const request = hitRequestBody(body);
    const signalId = String(request.signalId);
    try {
      await this.feed.requestInformation(viewer.identity, id, request);
      response.redirect(HttpStatus.SEE_OTHER, `/riec/treffers/${encodeURIComponent(id)}?gedaan=verzoek`);
    } catch (error) {
      const errors = registryRefusal(error, (problems) => hitRequestErrors(signalId, problems));
      await this.sendHit(response, viewer, id, { failed: { signalId, purpose: String(request.purpose), errors } }, HttpStatus.UNPROCESSABLE_ENTITY);
    }
  }

  private async sendHit(response: Response, viewer: Viewer, id: string, options: Pick<HitPageProps, 'failed' | 'notice'>, status: number): Promise<void> {
    const [signals, requests] = await Promise.all([this.feed.hitSignals(viewer.identity, id), this.feed.hitInformationRequests(viewer.identity, id)]);
    sendHtml(response, createElement(HitPage, { user: viewer.page, hitId: id, signals, requests, ...options }), status);
  }
}
