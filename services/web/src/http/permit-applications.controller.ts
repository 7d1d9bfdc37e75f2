import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { ValidationProblem } from '@signaalhub/contracts';
import type { Response } from 'express';
import { createElement } from 'react';
import { applicationFormErrors, completenessReceipt, completenessRequest } from '../forms/application-forms.js';
import type { FieldError } from '../forms/field-errors.js';
import type { FormBody } from '../forms/form-body.js';
import { permitActionErrors, permitActionOf, permitActionRequest } from '../forms/permit-action-form.js';
import { REGISTRY_CLIENT } from '../infrastructure/tokens.js';
import { ApplicationPage } from '../pages/application-page.js';
import { ApplicationsPage } from '../pages/applications-page.js';
import type { RegistryClient } from '../services/registry-client.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { officerMunicipality } from './officer-municipality.js';
import { PageId } from './page-address.js';
import { registryRefusal } from './registry-refusals.js';
import { sendHtml } from './send-html.js';
import { todayInTheNetherlands } from './viewer-municipality.js';

const NOTICES: Readonly<Record<string, string>> = {
  aanvraag: 'De aanvraag is geregistreerd. De beslistermijn loopt vanaf de datum van ontvangst.',
  'aanvulling-vragen': 'Het verzoek om aanvulling is vastgelegd; de beslistermijn is opgeschort.',
  'aanvulling-ontvangen': 'De aanvulling is vastgelegd; de beslistermijn loopt weer.',
  bibob: 'De Bibob-toets is aangevraagd bij de Bibob-pool.',
  besluit: 'Het besluit is vastgelegd.',
};

/**
 * A permit officer's applications: the list with legal decision dates (overdue first), and one application
 * with its completeness, Bibob screening, deadlines and the decision (zienswijze, grant, refusal).
 */
@Controller('aanvragen')
@UseGuards(SignedInGuard)
export class PermitApplicationsController {
  constructor(@Inject(REGISTRY_CLIENT) private readonly registry: RegistryClient) {}

  @Get()
  async list(@CurrentViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    const municipality = officerMunicipality(viewer);
    const applications = await this.registry.applications(viewer.identity, municipality);
    sendHtml(response, createElement(ApplicationsPage, { user: viewer.page, municipality, applications }));
  }

  @Get(':id')
  async application(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Res() response: Response, @Query('gedaan') done?: string): Promise<void> {
    officerMunicipality(viewer);
    await this.sendApplication(response, viewer, id, { notice: done === undefined ? undefined : NOTICES[done] });
  }

  @Post(':id/aanvulling-vragen')
  askCompleteness(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    const request = completenessRequest(body);
    return this.act(viewer, id, response, 'aanvulling-vragen', () => this.registry.askCompleteness(viewer.identity, id, request), (problems) => applicationFormErrors('aanvulling-vragen', problems));
  }

  @Post(':id/aanvulling-ontvangen')
  receiveCompleteness(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    const receipt = completenessReceipt(body);
    return this.act(viewer, id, response, 'aanvulling-ontvangen', () => this.registry.receiveCompleteness(viewer.identity, id, receipt), (problems) =>
      applicationFormErrors('aanvulling-ontvangen', problems),
    );
  }

  @Post(':id/bibob')
  requestScreening(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Res() response: Response): Promise<void> {
    return this.act(viewer, id, response, 'bibob', () => this.registry.requestScreening(viewer.identity, id), () => []);
  }

  /** The decision on the application: an action on its permit (zienswijze, grant, refusal). */
  @Post(':id/besluit')
  decide(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    const action = permitActionOf(body);
    const request = action === undefined ? undefined : permitActionRequest(action, body);
    return this.act(
      viewer,
      id,
      response,
      'besluit',
      async () => {
        if (request === undefined) return;
        const { permitId } = await this.registry.application(viewer.identity, id);
        await this.registry.actOnPermit(viewer.identity, permitId, request);
      },
      (problems) => (action === undefined ? [] : permitActionErrors(action, problems)),
    );
  }

  /** One change: on success back to the application with a notice; a refusal shown next to its field on the same page. */
  private async act(
    viewer: Viewer,
    id: string,
    response: Response,
    done: string,
    call: () => Promise<void>,
    onFields: (problems: readonly ValidationProblem[]) => FieldError[],
  ): Promise<void> {
    officerMunicipality(viewer);
    let errors: FieldError[];
    try {
      await call();
      response.redirect(HttpStatus.SEE_OTHER, `/aanvragen/${encodeURIComponent(id)}?gedaan=${done}`);
      return;
    } catch (error) {
      errors = registryRefusal(error, onFields);
    }
    await this.sendApplication(response, viewer, id, { errors, status: HttpStatus.UNPROCESSABLE_ENTITY });
  }

  private async sendApplication(
    response: Response,
    viewer: Viewer,
    id: string,
    options: { readonly notice?: string | undefined; readonly errors?: readonly FieldError[]; readonly status?: number },
  ): Promise<void> {
    const application = await this.registry.application(viewer.identity, id);
    const permit = await this.registry.permit(viewer.identity, application.permitId);
    const page = createElement(ApplicationPage, {
      user: viewer.page,
      application,
      permit,
      today: todayInTheNetherlands(),
      errors: options.errors ?? [],
      ...(options.notice === undefined ? {} : { notice: options.notice }),
    });
    sendHtml(response, page, options.status ?? HttpStatus.OK);
  }
}
