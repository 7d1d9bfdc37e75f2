import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequestOrigin } from '@signaalhub/access';
import type { CrossMunicipalityHit, HitInformationRequest, HitSignal, Signal } from '@signaalhub/contracts';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { UuidParameter } from '@signaalhub/service-kit';
import type { MispEventDocument } from '../exports/index.js';
import { CrossMunicipalityHits } from '../hits/cross-municipality-hits.js';
import { HitInformationRequests } from '../hits/hit-information-requests.js';
import { HitSignals } from '../hits/hit-signals.js';
import { HitsMispExport } from '../hits/hits-misp-export.js';
import { answering } from './feed-errors.js';

@ApiTags('hits')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@Controller('api/hits')
export class HitsController {
  constructor(
    @Inject(CrossMunicipalityHits) private readonly hits: CrossMunicipalityHits,
    @Inject(HitSignals) private readonly signals: HitSignals,
    @Inject(HitInformationRequests) private readonly requests: HitInformationRequests,
    @Inject(HitsMispExport) private readonly misp: HitsMispExport,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'riec-liaison: match tokens seen in two or more municipalities, minus the exclusion list — opaque id, kind, themes, number of municipalities, first and last seen; at most HIT_LIST_LIMIT (1,000), most municipalities then most recently seen first',
  })
  @ApiQuery({ name: 'kind', required: false, description: 'kvk | address | kenteken | person' })
  @ApiQuery({ name: 'theme', required: false })
  @ApiResponse({ status: 200, description: '[CrossMunicipalityHit]' })
  @ApiResponse({ status: 400, description: '{ error: "validation", problems: [{ field, rule, message }] }' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  list(@CurrentIdentity() caller: UserIdentity, @Query() query: unknown, @RequestOrigin() origin: string): Promise<CrossMunicipalityHit[]> {
    return answering(() => this.hits.list(caller, query, origin));
  }

  @Get('export.misp.json')
  @ApiOperation({ summary: 'riec-liaison: the current hits as one MISP event (kind, themes, number of municipalities, first and last seen by day; never a token or identifier), validated against MISP\'s event JSON shape (audited)' })
  @ApiResponse({ status: 200, description: 'MISP event JSON ({ Event })' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  exportMisp(@CurrentIdentity() caller: UserIdentity, @RequestOrigin() origin: string): Promise<MispEventDocument> {
    return answering(() => this.misp.export(caller, origin));
  }

  @Get(':id/signals')
  @ApiOperation({ summary: "riec-liaison: the signals carrying the hit's token — id, municipality, theme, date and whether the RIEC was sent it" })
  @ApiResponse({ status: 200, description: '[HitSignal]' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  @ApiResponse({ status: 404, description: '{ error: "not-found" }' })
  signalsOf(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @RequestOrigin() origin: string): Promise<HitSignal[]> {
    return answering(() => this.signals.list(caller, id, origin));
  }

  @Get(':id/signals/:signalId')
  @ApiOperation({
    summary: 'riec-liaison: opens a signal of the hit that was sent to the RIEC, or that its municipality gave on a "verzoek om informatie", as the RIEC (audited); 403 (audited) for any other',
  })
  @ApiResponse({ status: 200, description: 'Signal' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  @ApiResponse({ status: 404, description: '{ error: "not-found" }' })
  open(
    @CurrentIdentity() caller: UserIdentity,
    @Param('id', UuidParameter) id: string,
    @Param('signalId', UuidParameter) signalId: string,
    @RequestOrigin() origin: string,
  ): Promise<Signal> {
    return answering(() => this.signals.open(caller, id, signalId, origin));
  }

  @Get(':id/information-requests')
  @ApiOperation({
    summary:
      "riec-liaison: the hit's \"verzoeken om informatie\", oldest first — status open (gevraagd), beantwoord (the signal then opens at GET /api/hits/:id/signals/:signalId) or geweigerd with the owner's reason (audited)",
  })
  @ApiResponse({ status: 200, description: '[HitInformationRequest]' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  @ApiResponse({ status: 404, description: '{ error: "not-found" }' })
  informationRequests(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @RequestOrigin() origin: string): Promise<HitInformationRequest[]> {
    return answering(() => this.requests.list(caller, id, origin));
  }

  @Post(':id/information-requests')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'riec-liaison: asks the municipality that owns a signal of the hit the RIEC was not sent for it ({ signalId, purpose }); information.requested sealed to that municipality only (audited)',
  })
  @ApiResponse({ status: 201, description: 'HitInformationRequest' })
  @ApiResponse({ status: 400, description: '{ error: "validation", problems: [{ field, rule, message }] }; nothing stored or sent' })
  @ApiResponse({ status: 422, description: '{ error: "validation", problems }: no signal of this hit, or one the RIEC was sent; nothing stored or sent' })
  @ApiResponse({ status: 403, description: '{ error: "forbidden" } (audited)' })
  requestInformation(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @Body() body: unknown, @RequestOrigin() origin: string): Promise<HitInformationRequest> {
    return answering(() => this.requests.request(caller, id, body, origin));
  }
}
