import { Controller, Get, Inject, NotFoundException, Query, Res, UseGuards } from '@nestjs/common';
import type { ReleaseJson } from '@signaalhub/contracts';
import type { Response } from 'express';
import { createElement } from 'react';
import { FEED_CLIENT } from '../infrastructure/tokens.js';
import { regionalTrend } from '../pages/release-view.js';
import { RiecDashboardPage } from '../pages/riec-dashboard-page.js';
import type { FeedClient } from '../services/feed-client.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { isPageId } from './page-address.js';
import { requireRole } from './require-role.js';
import { sendHtml } from './send-html.js';

/** How many months the trend looks back: a year of releases. */
const TREND_MONTHS = 12;

/**
 * The RIEC's dashboard (`/riec`): the latest release or the one chosen, filtered by theme and
 * municipality within that release. Charts and tables come from published cells only.
 */
@Controller('riec')
@UseGuards(SignedInGuard)
export class RiecDashboardController {
  constructor(@Inject(FEED_CLIENT) private readonly feed: FeedClient) {}

  @Get()
  async dashboard(
    @CurrentViewer() viewer: Viewer,
    @Res() response: Response,
    @Query('publicatie') chosen = '',
    @Query('thema') theme = '',
    @Query('gemeente') municipality = '',
  ): Promise<void> {
    requireRole(viewer, 'riec-liaison');
    if (chosen !== '' && !isPageId(chosen)) throw new NotFoundException();
    const releases = await this.feed.releases(viewer.identity);
    const summary = chosen === '' ? releases.at(-1) : releases.find((release) => release.id === chosen);
    if (chosen !== '' && summary === undefined) throw new NotFoundException();
    const release = summary === undefined ? undefined : await this.feed.release(viewer.identity, summary.id);
    // The trend: the released months up to the chosen one, each as its own release published it.
    const upTo = summary === undefined ? [] : releases.filter((entry) => entry.sequence <= summary.sequence).slice(-TREND_MONTHS);
    const trendReleases: ReleaseJson[] = await Promise.all(upTo.map((entry) => (entry.id === release?.id ? Promise.resolve(release) : this.feed.release(viewer.identity, entry.id))));
    const latestPerPeriod = [...new Map(trendReleases.map((entry) => [entry.period, entry])).values()].sort((a, b) => a.period.localeCompare(b.period));
    const filter = { theme: rowsOf(release).includes(theme) ? theme : '', municipality: columnsOf(release).includes(municipality) ? municipality : '' };
    sendHtml(response, createElement(RiecDashboardPage, { user: viewer.page, releases, release, filter, trend: regionalTrend(latestPerPeriod, filter.theme) }));
  }
}

const rowsOf = (release: ReleaseJson | undefined): string[] => release?.tables.flatMap((table) => table.rows) ?? [];
const columnsOf = (release: ReleaseJson | undefined): string[] => release?.tables.flatMap((table) => table.columns) ?? [];
