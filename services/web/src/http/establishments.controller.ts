import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { createElement } from 'react';
import { applicationFormErrors, applicationFormFromBody, applicationRegistration, emptyApplicationForm, type NewApplicationValues } from '../forms/application-forms.js';
import {
  emptyEstablishmentForm,
  establishmentFormErrors,
  establishmentFormFromBody,
  establishmentRegistration,
  withExtraResponsibleRow,
  type EstablishmentFormValues,
} from '../forms/establishment-form.js';
import { establishmentSearchErrors, type EstablishmentSearchValues } from '../forms/establishment-search.js';
import type { FieldError } from '../forms/field-errors.js';
import { text, type FormBody } from '../forms/form-body.js';
import { rescreeningErrors, rescreeningRequest } from '../forms/rescreening-form.js';
import { REGISTRY_CLIENT } from '../infrastructure/tokens.js';
import { EstablishmentFormPage } from '../pages/establishment-form-page.js';
import { EstablishmentPage, type EstablishmentCase } from '../pages/establishment-page.js';
import { EstablishmentsPage } from '../pages/establishments-page.js';
import type { RegistryClient } from '../services/registry-client.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { officerMunicipality } from './officer-municipality.js';
import { PageId } from './page-address.js';
import { registryRefusal } from './registry-refusals.js';
import { sendHtml } from './send-html.js';
import { todayInTheNetherlands } from './viewer-municipality.js';

const NOTICES: Readonly<Record<string, string>> = {
  vestiging: 'De vestiging is ingeschreven.',
  herscreening: 'De herscreening is aangevraagd bij de Bibob-pool.',
};

/**
 * A permit officer's establishments: search and list, register a new one, and one establishment with its
 * signal flags, applications and permits, history and the form for a new application. The registry decides
 * access and audits it; the web checks the role for a friendly page.
 */
@Controller('vestigingen')
@UseGuards(SignedInGuard)
export class EstablishmentsController {
  constructor(@Inject(REGISTRY_CLIENT) private readonly registry: RegistryClient) {}

  @Get()
  async list(
    @CurrentViewer() viewer: Viewer,
    @Res() response: Response,
    @Query('tradeName') tradeName = '',
    @Query('kvkNumber') kvkNumber = '',
    @Query('vestigingsnummer') vestigingsnummer = '',
    @Query('postcode') postcode = '',
    @Query('gedaan') done?: string,
  ): Promise<void> {
    const municipality = officerMunicipality(viewer);
    const search: EstablishmentSearchValues = { tradeName, kvkNumber, vestigingsnummer, postcode };
    const trimmed = { tradeName: tradeName.trim(), kvkNumber: kvkNumber.trim(), vestigingsnummer: vestigingsnummer.trim(), postcode: postcode.trim() };
    const notice = done === undefined ? undefined : NOTICES[done];
    try {
      const establishments = await this.registry.searchEstablishments(viewer.identity, { municipality, ...trimmed });
      sendHtml(response, createElement(EstablishmentsPage, { user: viewer.page, municipality, search, establishments, errors: [], ...(notice === undefined ? {} : { notice }) }));
    } catch (error) {
      const errors = registryRefusal(error, establishmentSearchErrors);
      sendHtml(response, createElement(EstablishmentsPage, { user: viewer.page, municipality, search, establishments: undefined, errors }), HttpStatus.UNPROCESSABLE_ENTITY);
    }
  }

  @Get('nieuw')
  newEstablishment(@CurrentViewer() viewer: Viewer, @Res() response: Response): void {
    this.sendForm(response, viewer, emptyEstablishmentForm(), [], HttpStatus.OK);
  }

  @Post()
  async register(@CurrentViewer() viewer: Viewer, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    const municipality = officerMunicipality(viewer);
    const values = establishmentFormFromBody(body);
    if (text(body, 'action') === 'persoon-toevoegen') {
      this.sendForm(response, viewer, withExtraResponsibleRow(values), [], HttpStatus.OK);
      return;
    }
    try {
      const { id } = await this.registry.registerEstablishment(viewer.identity, establishmentRegistration(municipality, values));
      response.redirect(HttpStatus.SEE_OTHER, `/vestigingen/${encodeURIComponent(id)}?gedaan=vestiging`);
    } catch (error) {
      const errors = registryRefusal(error, (problems) => establishmentFormErrors(values, problems));
      this.sendForm(response, viewer, values.people.length === 0 ? withExtraResponsibleRow(values) : values, errors, HttpStatus.UNPROCESSABLE_ENTITY);
    }
  }

  @Get(':id')
  async establishment(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Res() response: Response, @Query('gedaan') done?: string): Promise<void> {
    officerMunicipality(viewer);
    await this.sendEstablishment(response, viewer, id, { notice: done === undefined ? undefined : NOTICES[done] });
  }

  @Post(':id/aanvragen')
  async registerApplication(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    officerMunicipality(viewer);
    const values = applicationFormFromBody(body);
    try {
      const application = await this.registry.registerApplication(viewer.identity, applicationRegistration(id, values));
      response.redirect(HttpStatus.SEE_OTHER, `/aanvragen/${encodeURIComponent(application.id)}?gedaan=aanvraag`);
    } catch (error) {
      const errors = registryRefusal(error, (problems) => applicationFormErrors('aanvraag', problems));
      await this.sendEstablishment(response, viewer, id, { errors, application: values, status: HttpStatus.UNPROCESSABLE_ENTITY });
    }
  }

  @Post(':id/herscreening')
  async rescreen(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    officerMunicipality(viewer);
    const request = rescreeningRequest(body);
    try {
      await this.registry.requestRescreening(viewer.identity, id, request);
      response.redirect(HttpStatus.SEE_OTHER, `/vestigingen/${encodeURIComponent(id)}?gedaan=herscreening`);
    } catch (error) {
      await this.sendEstablishment(response, viewer, id, { errors: registryRefusal(error, rescreeningErrors), status: HttpStatus.UNPROCESSABLE_ENTITY });
    }
  }

  private async sendEstablishment(
    response: Response,
    viewer: Viewer,
    id: string,
    options: { readonly notice?: string | undefined; readonly errors?: readonly FieldError[]; readonly application?: NewApplicationValues; readonly status?: number },
  ): Promise<void> {
    const establishment = await this.registry.establishment(viewer.identity, id);
    // The registry lists applications per municipality; the establishment's own are few, each with its permit.
    const applications = (await this.registry.applications(viewer.identity, establishment.municipality)).filter((application) => application.establishmentId === id);
    const cases: EstablishmentCase[] = await Promise.all(applications.map(async (application) => ({ application, permit: await this.registry.permit(viewer.identity, application.permitId) })));
    const page = createElement(EstablishmentPage, {
      user: viewer.page,
      establishment,
      cases,
      application: options.application ?? emptyApplicationForm(todayInTheNetherlands()),
      errors: options.errors ?? [],
      ...(options.notice === undefined ? {} : { notice: options.notice }),
    });
    sendHtml(response, page, options.status ?? HttpStatus.OK);
  }

  private sendForm(response: Response, viewer: Viewer, values: EstablishmentFormValues, errors: readonly FieldError[], status: number): void {
    sendHtml(response, createElement(EstablishmentFormPage, { user: viewer.page, municipality: officerMunicipality(viewer), values, errors }), status);
  }
}
