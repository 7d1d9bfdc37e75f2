import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { createElement } from 'react';
import type { FieldError } from '../forms/field-errors.js';
import type { FormBody } from '../forms/form-body.js';
import { permitActionErrors, permitActionOf, permitActionRequest } from '../forms/permit-action-form.js';
import { REGISTRY_CLIENT } from '../infrastructure/tokens.js';
import { PermitPage } from '../pages/permit-page.js';
import type { RegistryClient } from '../services/registry-client.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { officerMunicipality } from './officer-municipality.js';
import { PageId } from './page-address.js';
import { registryRefusal } from './registry-refusals.js';
import { sendHtml } from './send-html.js';
import { todayInTheNetherlands } from './viewer-municipality.js';

const NOTICES: Readonly<Record<string, string>> = {
  'zienswijze-vragen': 'Het verzoek om een zienswijze is vastgelegd.',
  'zienswijze-ontvangen': 'De zienswijze is vastgelegd.',
  schorsen: 'De vergunning is geschorst.',
  'schorsing-opheffen': 'De schorsing is opgeheven; de vergunning is weer verleend.',
  intrekken: 'De vergunning is ingetrokken.',
  'laten-vervallen': 'De vergunning is vervallen.',
};

/** A permit: its conditions and history, and what may still change (suspend, reinstate, revoke, let lapse), each with a reason. */
@Controller('vergunningen')
@UseGuards(SignedInGuard)
export class PermitsController {
  constructor(@Inject(REGISTRY_CLIENT) private readonly registry: RegistryClient) {}

  @Get(':id')
  async permit(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Res() response: Response, @Query('gedaan') done?: string): Promise<void> {
    officerMunicipality(viewer);
    await this.sendPermit(response, viewer, id, { notice: done === undefined ? undefined : NOTICES[done] });
  }

  @Post(':id/acties')
  async act(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    officerMunicipality(viewer);
    const action = permitActionOf(body);
    if (action === undefined) {
      await this.sendPermit(response, viewer, id, { errors: [{ fieldId: undefined, message: 'Kies een van de knoppen op deze pagina.' }], status: HttpStatus.UNPROCESSABLE_ENTITY });
      return;
    }
    const request = permitActionRequest(action, body);
    let errors: FieldError[];
    try {
      await this.registry.actOnPermit(viewer.identity, id, request);
      response.redirect(HttpStatus.SEE_OTHER, `/vergunningen/${encodeURIComponent(id)}?gedaan=${action}`);
      return;
    } catch (error) {
      errors = registryRefusal(error, (problems) => permitActionErrors(action, problems));
    }
    await this.sendPermit(response, viewer, id, { errors, status: HttpStatus.UNPROCESSABLE_ENTITY });
  }

  private async sendPermit(response: Response, viewer: Viewer, id: string, options: { readonly notice?: string | undefined; readonly errors?: readonly FieldError[]; readonly status?: number }): Promise<void> {
    const permit = await this.registry.permit(viewer.identity, id);
    const page = createElement(PermitPage, { user: viewer.page, permit, today: todayInTheNetherlands(), errors: options.errors ?? [], ...(options.notice === undefined ? {} : { notice: options.notice }) });
    sendHtml(response, page, options.status ?? HttpStatus.OK);
  }
}
