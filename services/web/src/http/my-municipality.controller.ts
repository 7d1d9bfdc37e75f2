import { Controller, Get, Inject, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { createElement } from 'react';
import { FEED_CLIENT } from '../infrastructure/tokens.js';
import { MyMunicipalityPage } from '../pages/my-municipality-page.js';
import type { FeedClient } from '../services/feed-client.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { requireRole } from './require-role.js';
import { sendHtml } from './send-html.js';

/** "Mijn gemeente in de regio" for meeting members: the feed gives them their own municipality's releases only. */
@Controller('mijn-gemeente')
@UseGuards(SignedInGuard)
export class MyMunicipalityController {
  constructor(@Inject(FEED_CLIENT) private readonly feed: FeedClient) {}

  @Get()
  async latest(@CurrentViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'meeting-member');
    const latest = (await this.feed.releases(viewer.identity)).at(-1);
    const release = latest === undefined ? undefined : await this.feed.release(viewer.identity, latest.id);
    sendHtml(response, createElement(MyMunicipalityPage, { user: viewer.page, release }));
  }
}
