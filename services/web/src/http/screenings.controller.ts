import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { BIBOB_QUESTIONNAIRE, DEFAULT_MUNICIPALITIES, type CoordinatorCapacity, type ScreeningListItem } from '@signaalhub/contracts';
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
import { isLeadCoordinator, reassignmentBody, reassignmentErrors, reassignmentOrigin, type ReassignmentOrigin } from '../forms/reassignment-form.js';
import { emptyScreeningForm, screeningDraft, screeningFormErrors, screeningFormFromBody, withExtraPersonRow, type ScreeningFormValues } from '../forms/screening-form.js';
import { BIBOB_CLIENT } from '../infrastructure/tokens.js';
import { municipalityName } from '../labels/labels.js';
import { CapacityPage } from '../pages/capacity-page.js';
import { ScreeningFormPage } from '../pages/screening-form-page.js';
import { PoolInformationAnswerPage } from '../pages/pool-information-answer-page.js';
import { ScreeningListPage, type ListReassignment } from '../pages/screening-list-page.js';
import { ScreeningPage } from '../pages/screening-page.js';
import type { BibobClient } from '../services/bibob-client.js';
import { ServiceCallError, ServiceValidationError } from '../services/service-call-error.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { isPageId, PageId, PageVersion } from './page-address.js';
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
  toewijzing: 'De toewijzing is gewijzigd; de reden staat in de geschiedenis van elke toets.',
  informatieverzoek: 'Het verzoek om informatie is verstuurd naar de gemeente die de melding heeft.',
};

/** Where a reassignment goes back to, and the list it re-shows on a refusal. */
const ORIGIN_PATHS: Readonly<Record<Exclude<ReassignmentOrigin, 'toets'>, string>> = {
  overzicht: '/toetsen',
  'niet-toegewezen': '/toetsen/niet-toegewezen',
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
      await this.sendPool(response, viewer, { notice: done === undefined ? undefined : NOTICES[done] });
      return;
    }
    requireRole(viewer, 'permit-officer');
    const municipality = viewer.account.municipalities[0];
    if (municipality === undefined) throw new RoleRequiredException();
    const screenings = await this.bibob.list(viewer.identity, { municipality });
    await this.sendList(response, viewer, screenings, {}, {
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
    await this.sendList(response, viewer, screenings.filter(isOpen), {}, {
      section: 'mijn-toetsen',
      title: 'Mijn toetsen',
      intro: 'De lopende toetsen die aan u zijn toegewezen.',
      empty: 'Er zijn geen lopende toetsen aan u toegewezen.',
    });
  }

  @Get('niet-toegewezen')
  async unassigned(@CurrentViewer() viewer: Viewer, @Res() response: Response, @Query('gedaan') done?: string): Promise<void> {
    requireRole(viewer, 'bibob-coordinator');
    await this.sendUnassigned(response, viewer, { notice: done === undefined ? undefined : NOTICES[done] });
  }

  @Get('capaciteit')
  async capacity(@CurrentViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'bibob-coordinator');
    sendHtml(response, createElement(CapacityPage, { user: viewer.page, coordinators: await this.bibob.coordinators(viewer.identity) }));
  }

  /** A lead coordinator's reassignment, bulk from a list or single from a screening's page; the service checks the lead. */
  @Post('toewijzingen')
  async reassign(@CurrentViewer() viewer: Viewer, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'bibob-coordinator');
    const origin = reassignmentOrigin(body);
    const request = reassignmentBody(body);
    const [first] = request.screeningIds;
    const screeningId = origin === 'toets' && first !== undefined && isPageId(first) ? first : undefined;
    let errors: FieldError[];
    try {
      await this.bibob.reassign(viewer.identity, request);
      const back = screeningId === undefined ? ORIGIN_PATHS[origin === 'toets' ? 'overzicht' : origin] : `/toetsen/${encodeURIComponent(screeningId)}`;
      response.redirect(HttpStatus.SEE_OTHER, `${back}?gedaan=toewijzing`);
      return;
    } catch (error) {
      if (!(error instanceof ServiceValidationError)) throw error;
      errors = reassignmentErrors(error.problems);
    }
    const failed = { errors, selected: request.screeningIds, status: HttpStatus.UNPROCESSABLE_ENTITY };
    if (screeningId !== undefined) await this.sendScreening(response, viewer, screeningId, failed);
    else if (origin === 'niet-toegewezen') await this.sendUnassigned(response, viewer, failed);
    else await this.sendPool(response, viewer, failed);
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
    const reassignTo = await this.leadsChoice(viewer);
    const page = createElement(ScreeningPage, {
      user: viewer.page,
      screening,
      canAct: isCoordinator(viewer),
      ...(reassignTo === undefined ? {} : { reassignTo }),
      ...(isCoordinator(viewer) ? { informationRequests: await this.bibob.informationRequests(viewer.identity, id) } : {}),
      ...(options.notice === undefined ? {} : { notice: options.notice }),
      ...(options.errors === undefined ? {} : { errors: options.errors }),
    });
    sendHtml(response, page, options.status ?? HttpStatus.OK);
  }

  /** The pool's coordinators when the viewer leads the pool (they may reassign); undefined for anyone else. */
  private async leadsChoice(viewer: Viewer): Promise<readonly CoordinatorCapacity[] | undefined> {
    if (!isCoordinator(viewer)) return undefined;
    const coordinators = await this.bibob.coordinators(viewer.identity);
    return isLeadCoordinator(coordinators, viewer.identity.userId) ? coordinators : undefined;
  }

  private async sendPool(response: Response, viewer: Viewer, state: ListState): Promise<void> {
    const screenings = await this.bibob.list(viewer.identity, {});
    await this.sendList(response, viewer, screenings.filter(isOpen), state, {
      section: 'toetsen',
      origin: 'overzicht',
      title: 'Bibob-toetsen van de pool',
      intro: 'Alle lopende toetsen van de vijf gemeenten, met fase, behandelaar en de volgende termijn. Toetsen met een verstreken termijn staan bovenaan.',
      empty: 'Er zijn geen lopende toetsen.',
    });
  }

  private async sendUnassigned(response: Response, viewer: Viewer, state: ListState): Promise<void> {
    const screenings = await this.bibob.list(viewer.identity, { unassigned: true });
    await this.sendList(response, viewer, screenings.filter(isOpen), state, {
      section: 'niet-toegewezen',
      origin: 'niet-toegewezen',
      title: 'Niet toegewezen',
      intro: 'Toetsen die wachten omdat geen coördinator beschikbaar was zonder belangenconflict en met ruimte.',
      empty: 'Alle toetsen zijn toegewezen.',
    });
  }

  /** A list; with `origin`, a lead coordinator gets the bulk reassignment on it. */
  private async sendList(
    response: Response,
    viewer: Viewer,
    screenings: readonly ScreeningListItem[],
    state: ListState,
    page: { section: 'toetsen' | 'mijn-toetsen' | 'niet-toegewezen'; title: string; intro: string; empty: string; origin?: Exclude<ReassignmentOrigin, 'toets'> },
  ): Promise<void> {
    const { origin, ...rest } = page;
    const coordinators = origin === undefined ? undefined : await this.leadsChoice(viewer);
    const reassignment: ListReassignment | undefined =
      origin === undefined || coordinators === undefined ? undefined : { coordinators, origin, errors: state.errors ?? [], selected: state.selected ?? [] };
    const props = {
      user: viewer.page,
      screenings,
      ...rest,
      ...(state.notice === undefined ? {} : { notice: state.notice }),
      ...(reassignment === undefined ? {} : { reassignment }),
    };
    sendHtml(response, createElement(ScreeningListPage, props), state.status ?? HttpStatus.OK);
  }

  private sendForm(response: Response, viewer: Viewer, values: ScreeningFormValues, errors: readonly FieldError[], status: number): void {
    sendHtml(response, createElement(ScreeningFormPage, { user: viewer.page, municipalities: MUNICIPALITIES, values, errors }), status);
  }
}

const isOpen = (screening: ScreeningListItem): boolean => screening.phase !== 'afgesloten';

/** What a list shows besides its screenings: a notice after success, or the refused reassignment. */
interface ListState {
  readonly notice?: string | undefined;
  readonly errors?: readonly FieldError[];
  readonly selected?: readonly string[];
  readonly status?: number;
}
