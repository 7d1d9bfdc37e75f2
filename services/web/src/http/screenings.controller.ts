import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { BIBOB_QUESTIONNAIRE, DEFAULT_MUNICIPALITIES, type ScreeningSummary } from '@signaalhub/contracts';
import type { Response } from 'express';
import { createElement } from 'react';
import type { FieldError } from '../forms/field-errors.js';
import type { FormBody } from '../forms/form-body.js';
import { text } from '../forms/form-body.js';
import {
  actionErrors,
  approvalBody,
  conclusionBody,
  disclosureBody,
  informationRequestBody,
  questionnaireUpdates,
  refusedStepError,
  transitionBody,
  type ScreeningAction,
} from '../forms/screening-actions.js';
import { emptyScreeningForm, screeningDraft, screeningFormErrors, screeningFormFromBody, withExtraPersonRow, type ScreeningFormValues } from '../forms/screening-form.js';
import { BIBOB_CLIENT } from '../infrastructure/tokens.js';
import { municipalityName } from '../labels/labels.js';
import { ScreeningFormPage } from '../pages/screening-form-page.js';
import { ScreeningListPage } from '../pages/screening-list-page.js';
import { PoolInformationAnswerPage } from '../pages/pool-information-answer-page.js';
import { ScreeningPage } from '../pages/screening-page.js';
import type { BibobClient } from '../services/bibob-client.js';
import { ServiceCallError, ServiceValidationError } from '../services/service-call-error.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { PageId, PageVersion } from './page-address.js';
import { RoleRequiredException } from './web-exceptions.js';
import { requireRole } from './require-role.js';
import { sendHtml } from './send-html.js';

const NOTICES: Readonly<Record<string, string>> = {
  toets: 'De toets is vastgelegd en automatisch toegewezen (of wacht bij "Niet toegewezen").',
  stap: 'De stap is vastgelegd.',
  vragenlijst: 'De vragenlijst is opgeslagen.',
  conclusie: 'De conclusie is voorgesteld. Een tweede coördinator moet haar goedkeuren.',
  goedkeuring: 'De conclusie is goedgekeurd en gaat alleen naar de gemeente die de toets vroeg.',
  verstrekking: 'De conclusie is verstrekt aan het RIEC en staat in het verstrekkingenregister.',
  informatieverzoek: 'Het verzoek om informatie is verstuurd naar de gemeente die de melding heeft.',
};

const MUNICIPALITIES = DEFAULT_MUNICIPALITIES.map((municipality) => municipality.id);

const isCoordinator = (viewer: Viewer): boolean => viewer.identity.roles.includes('bibob-coordinator');

/**
 * The Bibob pool's screens: the pool's lists, a screening with its next steps, and the form for a new
 * screening. A municipality's permit officers read their municipality's screenings; the service decides.
 */
@Controller('toetsen')
@UseGuards(SignedInGuard)
export class ScreeningsController {
  constructor(@Inject(BIBOB_CLIENT) private readonly bibob: BibobClient) {}

  @Get()
  async pool(@CurrentViewer() viewer: Viewer, @Res() response: Response, @Query('gedaan') done?: string): Promise<void> {
    if (isCoordinator(viewer)) {
      const screenings = await this.bibob.list(viewer.identity, {});
      this.sendList(response, viewer, screenings.filter(isOpen), {
        section: 'toetsen',
        title: 'Bibob-toetsen van de pool',
        intro: 'Alle lopende toetsen van de vijf gemeenten, met fase en behandelaar.',
        empty: 'Er zijn geen lopende toetsen.',
        notice: done === undefined ? undefined : NOTICES[done],
      });
      return;
    }
    requireRole(viewer, 'permit-officer');
    const municipality = viewer.account.municipalities[0];
    if (municipality === undefined) throw new RoleRequiredException();
    const screenings = await this.bibob.list(viewer.identity, { municipality });
    this.sendList(response, viewer, screenings, {
      section: 'toetsen',
      title: `Bibob-toetsen voor ${municipalityName(municipality)}`,
      intro: 'De toetsen die de Bibob-pool voor uw gemeente uitvoert, met hun conclusies. U kunt ze alleen lezen.',
      empty: 'Er zijn geen toetsen voor uw gemeente.',
    });
  }

  @Get('mijn')
  async mine(@CurrentViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'bibob-coordinator');
    const screenings = await this.bibob.list(viewer.identity, { assignee: viewer.identity.userId });
    this.sendList(response, viewer, screenings.filter(isOpen), {
      section: 'mijn-toetsen',
      title: 'Mijn toetsen',
      intro: 'De lopende toetsen die aan u zijn toegewezen.',
      empty: 'Er zijn geen lopende toetsen aan u toegewezen.',
    });
  }

  @Get('niet-toegewezen')
  async unassigned(@CurrentViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'bibob-coordinator');
    const screenings = await this.bibob.list(viewer.identity, { unassigned: true });
    this.sendList(response, viewer, screenings.filter(isOpen), {
      section: 'niet-toegewezen',
      title: 'Niet toegewezen',
      intro: 'Toetsen die wachten omdat geen coördinator beschikbaar was zonder belangenconflict en met ruimte.',
      empty: 'Alle toetsen zijn toegewezen.',
    });
  }

  @Get('nieuw')
  newScreening(@CurrentViewer() viewer: Viewer, @Res() response: Response): void {
    requireRole(viewer, 'bibob-coordinator');
    this.sendForm(response, viewer, emptyScreeningForm(), [], HttpStatus.OK);
  }

  @Post()
  async create(@CurrentViewer() viewer: Viewer, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'bibob-coordinator');
    const values = screeningFormFromBody(body);
    if (text(body, 'action') === 'persoon-toevoegen') {
      this.sendForm(response, viewer, withExtraPersonRow(values), [], HttpStatus.OK);
      return;
    }
    try {
      const { id } = await this.bibob.create(viewer.identity, screeningDraft(values));
      response.redirect(HttpStatus.SEE_OTHER, `/toetsen/${encodeURIComponent(id)}?gedaan=toets`);
    } catch (error) {
      if (!(error instanceof ServiceValidationError)) throw error;
      const shown = values.people.length === 0 ? withExtraPersonRow(values) : values;
      this.sendForm(response, viewer, shown, screeningFormErrors(error.problems), HttpStatus.UNPROCESSABLE_ENTITY);
    }
  }

  @Get(':id')
  async screening(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Res() response: Response, @Query('gedaan') done?: string): Promise<void> {
    await this.sendScreening(response, viewer, id, { notice: done === undefined ? undefined : NOTICES[done] });
  }

  @Post(':id/stappen')
  step(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    return this.act(viewer, id, response, 'stap', () => this.bibob.step(viewer.identity, id, transitionBody(body)));
  }

  @Post(':id/vragenlijst')
  questionnaire(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    const items = BIBOB_QUESTIONNAIRE.map(({ item }) => item);
    return this.act(viewer, id, response, 'vragenlijst', async () => {
      for (const { item, update } of questionnaireUpdates(body, items)) await this.bibob.answerQuestionnaire(viewer.identity, id, item, update);
    });
  }

  @Post(':id/conclusies')
  propose(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    return this.act(viewer, id, response, 'conclusie', () => this.bibob.proposeConclusion(viewer.identity, id, conclusionBody(body)));
  }

  @Post(':id/conclusies/:version/goedkeuring')
  approve(
    @CurrentViewer() viewer: Viewer,
    @Param('id', PageId) id: string,
    @Param('version', PageVersion) version: number,
    @Body() body: FormBody,
    @Res() response: Response,
  ): Promise<void> {
    return this.act(viewer, id, response, 'goedkeuring', () => this.bibob.approveConclusion(viewer.identity, id, version, approvalBody(body)));
  }

  @Post(':id/verstrekkingen')
  disclose(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    return this.act(viewer, id, response, 'verstrekking', async () => {
      await this.bibob.disclose(viewer.identity, id, disclosureBody(body));
    });
  }

  @Post(':id/informatieverzoeken')
  requestInformation(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    return this.act(viewer, id, response, 'informatieverzoek', async () => {
      await this.bibob.requestInformation(viewer.identity, id, informationRequestBody(body));
    });
  }

  @Get(':id/informatieverzoeken/:requestId')
  async informationAnswer(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Param('requestId', PageId) requestId: string, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'bibob-coordinator');
    const answer = await this.bibob.informationAnswer(viewer.identity, id, requestId);
    sendHtml(response, createElement(PoolInformationAnswerPage, { user: viewer.page, answer }));
  }

  /** One action on a screening: on success back to its page with a notice; refused input shown next to its field. */
  private async act(viewer: Viewer, id: string, response: Response, action: ScreeningAction, call: () => Promise<void>): Promise<void> {
    requireRole(viewer, 'bibob-coordinator');
    let errors: FieldError[];
    try {
      await call();
      response.redirect(HttpStatus.SEE_OTHER, `/toetsen/${encodeURIComponent(id)}?gedaan=${action}`);
      return;
    } catch (error) {
      if (error instanceof ServiceValidationError) errors = actionErrors(action, error.problems);
      else if (error instanceof ServiceCallError && error.failure === 'conflict' && error.userMessage !== undefined) errors = [refusedStepError(error.userMessage)];
      else throw error;
    }
    await this.sendScreening(response, viewer, id, { errors, status: HttpStatus.UNPROCESSABLE_ENTITY });
  }

  private async sendScreening(
    response: Response,
    viewer: Viewer,
    id: string,
    options: { readonly notice?: string | undefined; readonly errors?: readonly FieldError[]; readonly status?: number },
  ): Promise<void> {
    const screening = await this.bibob.detail(viewer.identity, id);
    const page = createElement(ScreeningPage, {
      user: viewer.page,
      screening,
      canAct: isCoordinator(viewer),
      ...(isCoordinator(viewer) ? { informationRequests: await this.bibob.informationRequests(viewer.identity, id) } : {}),
      ...(options.notice === undefined ? {} : { notice: options.notice }),
      ...(options.errors === undefined ? {} : { errors: options.errors }),
    });
    sendHtml(response, page, options.status ?? HttpStatus.OK);
  }

  private sendList(
    response: Response,
    viewer: Viewer,
    screenings: readonly ScreeningSummary[],
    page: { section: 'toetsen' | 'mijn-toetsen' | 'niet-toegewezen'; title: string; intro: string; empty: string; notice?: string | undefined },
  ): void {
    const { notice, ...rest } = page;
    sendHtml(response, createElement(ScreeningListPage, { user: viewer.page, screenings, ...rest, ...(notice === undefined ? {} : { notice }) }));
  }

  private sendForm(response: Response, viewer: Viewer, values: ScreeningFormValues, errors: readonly FieldError[], status: number): void {
    sendHtml(response, createElement(ScreeningFormPage, { user: viewer.page, municipalities: MUNICIPALITIES, values, errors }), status);
  }
}

const isOpen = (screening: ScreeningSummary): boolean => screening.phase !== 'afgesloten';
