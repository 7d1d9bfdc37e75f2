import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequestOrigin } from '@signaalhub/access';
import type { EstablishmentDetail, EstablishmentHistoryEntry, EstablishmentSummary } from '@signaalhub/contracts';
import { CurrentIdentity, IDENTITY_HEADER, type UserIdentity } from '@signaalhub/identity';
import { UuidParameter } from '@signaalhub/service-kit';
import { EstablishmentRegister } from '../establishments/establishment-register.js';
import { EstablishmentRescreening } from '../establishments/establishment-rescreening.js';
import { answering } from './api-errors.js';

export const FORBIDDEN = { status: 403, description: '{ error: "forbidden" } (audited)' } as const;
export const INVALID = { status: 400, description: '{ error: "validation", problems: [{ field, rule, message }] }; nothing stored' } as const;
export const RULE = { status: 422, description: '{ error: "validation", message, problems }: a rule of the registry (Dutch message); nothing stored' } as const;
export const CONFLICT = { status: 409, description: '{ error: "conflict", message }: does not fit what exists (Dutch message); nothing changed' } as const;
export const NOT_FOUND = { status: 404, description: '{ error: "not-found" }' } as const;

@ApiTags('establishments')
@ApiHeader({ name: IDENTITY_HEADER, required: true, description: 'Identity token issued by the web application' })
@Controller('api/establishments')
export class EstablishmentsController {
  constructor(
    @Inject(EstablishmentRegister) private readonly register: EstablishmentRegister,
    @Inject(EstablishmentRescreening) private readonly rescreening: EstablishmentRescreening,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: "permit-officer of the municipality: registers an establishment (EstablishmentRegistration); KvK number and people sealed" })
  @ApiResponse({ status: 201, description: 'EstablishmentSummary' })
  @ApiResponse(INVALID)
  @ApiResponse(RULE)
  @ApiResponse(CONFLICT)
  @ApiResponse(FORBIDDEN)
  create(@CurrentIdentity() caller: UserIdentity, @Body() body: unknown, @RequestOrigin() origin: string): Promise<EstablishmentSummary> {
    return answering(() => this.register.register(caller, body, origin));
  }

  @Get()
  @ApiOperation({ summary: "permit-officer of the municipality: its establishments by KvK number, vestigingsnummer, part of the trade name or postcode (no people)" })
  @ApiQuery({ name: 'municipality', required: true, example: 'soest' })
  @ApiQuery({ name: 'kvkNumber', required: false, example: '12345678' })
  @ApiQuery({ name: 'vestigingsnummer', required: false, example: '000012345678' })
  @ApiQuery({ name: 'tradeName', required: false, example: 'Autobedrijf' })
  @ApiQuery({ name: 'postcode', required: false, example: '3761AB' })
  @ApiResponse({ status: 200, description: '[EstablishmentSummary] with flagCount: the signals that hit each establishment' })
  @ApiResponse(INVALID)
  @ApiResponse(FORBIDDEN)
  search(@CurrentIdentity() caller: UserIdentity, @Query() query: unknown, @RequestOrigin() origin: string): Promise<EstablishmentSummary[]> {
    return answering(() => this.register.search(caller, query, origin));
  }

  @Get(':id')
  @ApiOperation({ summary: "permit-officer of the municipality: the establishment with its KvK number, the people responsible, its signal flags, re-screenings and history (audited)" })
  @ApiResponse({
    status: 200,
    description:
      "EstablishmentDetail; flags: [{ theme, reportedOn, matchedOn: 'kvk' | 'address', recipient }], routing facts of the signals that hit it, never their content (recipient: the officer's party received the signal itself); " +
      "rescreenings: [{ askedOn, status: 'gevraagd' | 'geopend' | 'lbb-advies-gevraagd' | 'conclusie-ontvangen', screeningId, conclusion: { version, approvedAt, conclusion: RiskConclusion } | null }] " +
      '(the highest version the pool sent; art. 28 Wet Bibob: only here, to the permit officers of the municipality); ' +
      "history: [{ at, action, actor (an officer { party, userId } or the service { service }), reason?, milestone?, date? }] (what the pool told about a re-screening, by the service; never its conclusion)",
  })
  @ApiResponse(INVALID)
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  detail(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @RequestOrigin() origin: string): Promise<EstablishmentDetail> {
    return answering(() => this.register.detail(caller, id, origin));
  }

  @Post(':id/rescreenings')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'permit-officer of the municipality: asks the Bibob pool to screen the holder again (RescreeningRequest { reason }); sealed screening.requested to the pool and the municipality' })
  @ApiResponse({ status: 201, description: 'EstablishmentHistoryEntry (herscreening-gevraagd)' })
  @ApiResponse(INVALID)
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NOT_FOUND)
  rescreen(@CurrentIdentity() caller: UserIdentity, @Param('id', UuidParameter) id: string, @Body() body: unknown, @RequestOrigin() origin: string): Promise<EstablishmentHistoryEntry> {
    return answering(() => this.rescreening.start(caller, id, body, origin));
  }
}
