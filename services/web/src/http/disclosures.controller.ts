import { Controller, Get, Inject, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { createElement } from 'react';
import { BIBOB_CLIENT } from '../infrastructure/tokens.js';
import { DisclosureRegisterPage } from '../pages/disclosure-register-page.js';
import type { BibobClient } from '../services/bibob-client.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { requireRole } from './require-role.js';
import { sendHtml } from './send-html.js';

/** The auditor's view of the art. 28 disclosure register; the bibob service decides which lines they see. */
@Controller('verstrekkingen')
@UseGuards(SignedInGuard)
export class DisclosuresController {
  constructor(@Inject(BIBOB_CLIENT) private readonly bibob: BibobClient) {}

  @Get()
  async register(@CurrentViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'auditor');
    const records = await this.bibob.disclosures(viewer.identity);
    sendHtml(response, createElement(DisclosureRegisterPage, { user: viewer.page, records }));
  }
}
