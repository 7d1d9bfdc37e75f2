import { Controller, Get, HttpStatus, Inject, Query, Res, UseGuards } from '@nestjs/common';
import type { DiscussedItem } from '@signaalhub/contracts';
import type { Response } from 'express';
import { createElement } from 'react';
import type { WebConfig } from '../config.js';
import type { FieldError } from '../forms/field-errors.js';
import { MEETING_CLIENT, WEB_CONFIG } from '../infrastructure/tokens.js';
import { DISCUSSED_FIELD_IDS, DiscussedPage } from '../pages/discussed-page.js';
import type { MeetingClient } from '../services/meeting-client.js';
import { ServiceValidationError } from '../services/service-call-error.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { sendHtml } from './send-html.js';
import { viewerMunicipality } from './viewer-municipality.js';

/** One filter value from the query: absent or empty is "all"; sent twice is an error, never silently one of them. */
function filterValue(value: unknown, fieldId: string, errors: FieldError[]): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  errors.push({ fieldId, message: 'Kies één waarde' });
  return '';
}

/** "Besproken": the items the meeting decided on, filtered by approach and lead party. */
@Controller('agenda/besproken')
@UseGuards(SignedInGuard)
export class DiscussedController {
  constructor(
    @Inject(MEETING_CLIENT) private readonly meeting: MeetingClient,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  @Get()
  async discussed(
    @CurrentViewer() viewer: Viewer,
    @Res() response: Response,
    @Query('gemeente') municipalityParameter: unknown,
    @Query('aanpak') approachParameter: unknown,
    @Query('trekker') leadPartyParameter: unknown,
  ): Promise<void> {
    const municipality = viewerMunicipality(viewer, typeof municipalityParameter === 'string' ? municipalityParameter : undefined);
    const errors: FieldError[] = [];
    const approach = filterValue(approachParameter, DISCUSSED_FIELD_IDS.approach, errors);
    const leadParty = filterValue(leadPartyParameter, DISCUSSED_FIELD_IDS.leadParty, errors);
    let items: DiscussedItem[] = [];
    if (errors.length === 0) {
      try {
        items = await this.meeting.discussed(viewer.identity, municipality, { ...(approach === '' ? {} : { approach }), ...(leadParty === '' ? {} : { leadParty }) });
      } catch (error) {
        if (!(error instanceof ServiceValidationError)) throw error;
        for (const problem of error.problems) {
          const fieldId = problem.field === 'approach' ? DISCUSSED_FIELD_IDS.approach : problem.field === 'leadParty' ? DISCUSSED_FIELD_IDS.leadParty : undefined;
          errors.push({ fieldId, message: fieldId === DISCUSSED_FIELD_IDS.approach ? 'Kies een aanpak uit de lijst' : 'Kies een trekker uit de lijst' });
        }
      }
    }
    sendHtml(
      response,
      createElement(DiscussedPage, {
        user: viewer.page,
        municipality,
        municipalities: viewer.account.municipalities,
        parties: this.config.PARTIES,
        approach,
        leadParty,
        items,
        errors,
      }),
      errors.length === 0 ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY,
    );
  }
}
