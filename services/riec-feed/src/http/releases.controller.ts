import { Body, Controller, Get, Header, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequestOrigin } from '@signaalhub/access';
import type { ReleaseJson, ReleaseSummary } from '@signaalhub/contracts';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { UuidParameter } from '@signaalhub/service-kit';
import { releaseCsv, releaseJson } from '../exports/index.js';
import { Releases } from '../releases/releases.js';
import { answering } from './feed-errors.js';

const FORBIDDEN = { status: 403, description: '{ error: "forbidden" } (audited): not the liaison, not a meeting member of the recipient municipality' } as const;
const NOT_FOUND = { status: 404, description: '{ error: "not-found" }' } as const;

@ApiTags('releases')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@Controller('api/releases')
export class ReleasesController {
  constructor(@Inject(Releases) private readonly releases: Releases) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'riec-liaison: releases a month ({ period: "YYYY-MM" }) to the RIEC and every municipality, with restated earlier months; stored in each ledger and sent as feed.published in one transaction (audited)',
  })
  @ApiResponse({ status: 201, description: '[ReleaseSummary], one per recipient released to' })
  @ApiResponse({ status: 409, description: '{ error: "conflict" }: the month was released already and nothing was restated' })
  @ApiResponse({ status: 422, description: '{ error: "validation", problems: [{ field: "period", rule, message }] }: malformed, or a month not ended; nothing stored or sent' })
  @ApiResponse(FORBIDDEN)
  publish(@CurrentIdentity() caller: UserIdentity, @Body() body: unknown, @RequestOrigin() origin: string): Promise<ReleaseSummary[]> {
    return answering(() => this.releases.publish(caller, body, origin));
  }

  @Get()
  @ApiOperation({ summary: "The caller's ledger, newest first: the RIEC's for its liaison, the municipality's own for its meeting members" })
  @ApiResponse({ status: 200, description: '[ReleaseSummary]: id, recipient, period, sequence, builtAt, k, suppressedCells' })
  @ApiResponse(FORBIDDEN)
  list(@CurrentIdentity() caller: UserIdentity, @RequestOrigin() origin: string): Promise<ReleaseSummary[]> {
    return answering(() => this.releases.list(caller, origin));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One release of the caller\'s ledger as its JSON export (suppressed cells null; no atoms, recipient or sequence)' })
  @ApiResponse({ status: 200, description: 'ReleaseJson' })
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  get(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @RequestOrigin() origin: string): Promise<ReleaseJson> {
    return answering(async () => releaseJson(await this.releases.get(caller, id, 'release.read', origin)));
  }

  @Get(':id/export.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The release as CSV: one header row, one row per cell, suppressed cells as the mark' })
  @ApiResponse({ status: 200, description: 'text/csv' })
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  csv(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @RequestOrigin() origin: string): Promise<string> {
    return answering(async () => releaseCsv(await this.releases.get(caller, id, 'release.export.csv', origin)));
  }

  @Get(':id/export.json')
  @ApiOperation({ summary: 'The release as JSON (the same body as GET /api/releases/:id)' })
  @ApiResponse({ status: 200, description: 'ReleaseJson' })
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  json(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @RequestOrigin() origin: string): Promise<ReleaseJson> {
    return answering(async () => releaseJson(await this.releases.get(caller, id, 'release.export.json', origin)));
  }
}
