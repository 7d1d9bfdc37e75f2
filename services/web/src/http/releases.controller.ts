import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { createElement } from 'react';
import type { FieldError } from '../forms/field-errors.js';
import type { FormBody } from '../forms/form-body.js';
import { releaseBuildRequest, releaseFormErrors } from '../forms/release-form.js';
import { FEED_CLIENT } from '../infrastructure/tokens.js';
import { ReleasePage, ReleasesPage } from '../pages/release-pages.js';
import type { FeedClient, ReleaseExportFormat } from '../services/feed-client.js';
import type { ServiceFile } from '../services/service-client.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { PageId } from './page-address.js';
import { registryRefusal } from './registry-refusals.js';
import { requireRole } from './require-role.js';
import { sendHtml } from './send-html.js';

const NOTICES: Readonly<Record<string, string>> = {
  publicatie: 'De publicaties van de maand zijn samengesteld.',
};

/** The RIEC's releases: the list, building a month's releases, one release and its CSV and JSON downloads. */
@Controller('riec/publicaties')
@UseGuards(SignedInGuard)
export class ReleasesController {
  constructor(@Inject(FEED_CLIENT) private readonly feed: FeedClient) {}

  @Get()
  async list(@CurrentViewer() viewer: Viewer, @Res() response: Response, @Query('gedaan') done?: string): Promise<void> {
    requireRole(viewer, 'riec-liaison');
    const notice = done === undefined ? undefined : NOTICES[done];
    await this.sendList(response, viewer, '', [], HttpStatus.OK, notice);
  }

  @Post()
  async build(@CurrentViewer() viewer: Viewer, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'riec-liaison');
    const request = releaseBuildRequest(body);
    try {
      await this.feed.buildRelease(viewer.identity, request);
      response.redirect(HttpStatus.SEE_OTHER, '/riec/publicaties?gedaan=publicatie');
    } catch (error) {
      await this.sendList(response, viewer, String(request.period), registryRefusal(error, releaseFormErrors), HttpStatus.UNPROCESSABLE_ENTITY);
    }
  }

  @Get(':id')
  async release(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'riec-liaison');
    sendHtml(response, createElement(ReleasePage, { user: viewer.page, release: await this.feed.release(viewer.identity, id) }));
  }

  @Get(':id/export.csv')
  async csv(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Res() response: Response): Promise<void> {
    await this.download(viewer, id, 'csv', response);
  }

  @Get(':id/export.json')
  async json(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Res() response: Response): Promise<void> {
    await this.download(viewer, id, 'json', response);
  }

  private async download(viewer: Viewer, id: string, format: ReleaseExportFormat, response: Response): Promise<void> {
    requireRole(viewer, 'riec-liaison');
    sendFile(response, await this.feed.releaseExport(viewer.identity, id, format), `publicatie-${id}.${format}`);
  }

  private async sendList(response: Response, viewer: Viewer, period: string, errors: readonly FieldError[], status: number, notice?: string): Promise<void> {
    const releases = await this.feed.releases(viewer.identity);
    sendHtml(response, createElement(ReleasesPage, { user: viewer.page, releases, period, errors, ...(notice === undefined ? {} : { notice }) }), status);
  }
}

/** An export as a download: the feed's content type, a fixed file name (no user text in the header). */
export function sendFile(response: Response, file: ServiceFile, fileName: string): void {
  response.status(HttpStatus.OK).type(file.contentType).attachment(fileName).send(file.body);
}
