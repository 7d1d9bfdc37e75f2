import { Body, Controller, Get, HttpStatus, Inject, Post, Query, Res, UseGuards } from '@nestjs/common';
import { Theme, type ThemeDistributionView } from '@signaalhub/contracts';
import type { Response } from 'express';
import { createElement } from 'react';
import type { FieldError } from '../forms/field-errors.js';
import type { FormBody } from '../forms/form-body.js';
import { emptySignalForm, signalDraft, signalFormErrors, signalFormFromBody, type SignalFormValues } from '../forms/signal-form.js';
import { INTAKE_CLIENT } from '../infrastructure/tokens.js';
import { MESSAGES, MessagePage } from '../pages/message-page.js';
import { MySignalsPage } from '../pages/my-signals-page.js';
import { SignalFormPage, signalFormAnchors } from '../pages/signal-form-page.js';
import { ThemeChoicePage, themeChoiceError } from '../pages/theme-choice-page.js';
import type { IntakeClient } from '../services/intake-client.js';
import { ServiceValidationError } from '../services/service-call-error.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { requireRole } from './require-role.js';
import { sendHtml } from './send-html.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/** The inspector's screens: a new signal (theme first, then the form) and "Mijn meldingen". */
@Controller('meldingen')
@UseGuards(SignedInGuard)
export class SignalsController {
  constructor(@Inject(INTAKE_CLIENT) private readonly intake: IntakeClient) {}

  @Get('nieuw')
  async newSignal(
    @CurrentViewer() viewer: Viewer,
    @Res() response: Response,
    @Query('thema') themeParameter?: string,
    @Query('stap') step?: string,
  ): Promise<void> {
    requireRole(viewer, 'inspector');
    const municipality = viewer.account.municipalities[0];
    if (municipality === undefined) {
      sendHtml(response, this.noMunicipalityPage(viewer), HttpStatus.FORBIDDEN);
      return;
    }
    const theme = Theme.safeParse(themeParameter);
    if (!theme.success) {
      // A first visit shows the choice; a submitted choice without a theme is an error on it.
      const errors = step === 'thema' ? [themeChoiceError()] : [];
      sendHtml(response, createElement(ThemeChoicePage, { user: viewer.page, errors }), errors.length > 0 ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK);
      return;
    }
    const distribution = await this.distributionFor(viewer, municipality, theme.data);
    const values = emptySignalForm(theme.data, municipality, distribution?.defaultRecipients ?? []);
    this.sendForm(response, viewer, theme.data, values, distribution, [], HttpStatus.OK);
  }

  @Post()
  async submit(@CurrentViewer() viewer: Viewer, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'inspector');
    const submitted = signalFormFromBody(body);
    const theme = Theme.safeParse(submitted.theme);
    if (!theme.success) {
      sendHtml(response, createElement(ThemeChoicePage, { user: viewer.page, errors: [themeChoiceError()] }), HttpStatus.UNPROCESSABLE_ENTITY);
      return;
    }
    const municipality = viewer.account.municipalities.includes(submitted.municipality) ? submitted.municipality : viewer.account.municipalities[0];
    if (municipality === undefined) {
      sendHtml(response, this.noMunicipalityPage(viewer), HttpStatus.FORBIDDEN);
      return;
    }
    const values: SignalFormValues = { ...submitted, municipality };
    const draft = signalDraft(values);
    const idempotencyKey = IDEMPOTENCY_KEY.test(values.idempotencyKey) ? values.idempotencyKey : undefined;
    let problems = draft.localProblems;
    if (idempotencyKey !== undefined) {
      try {
        // Sent even with local problems: the service then names every other wrong field too (the
        // house number is left out, so such a body is always rejected and nothing is stored).
        await this.intake.submit(viewer.identity, draft.submission, idempotencyKey);
        response.redirect(HttpStatus.SEE_OTHER, '/meldingen?verstuurd=1');
        return;
      } catch (error) {
        if (!(error instanceof ServiceValidationError)) throw error;
        problems = [...draft.localProblems, ...error.problems];
      }
    }
    const distribution = await this.distributionFor(viewer, municipality, theme.data);
    const errors: FieldError[] = signalFormErrors(problems, draft, signalFormAnchors(theme.data, distribution));
    if (idempotencyKey === undefined) errors.push({ fieldId: undefined, message: 'Het formulier was onvolledig. Controleer de gegevens en verstuur opnieuw.' });
    // A new key for the corrected form: the rejected submission stored nothing under the old one.
    const fresh = { ...values, idempotencyKey: emptySignalForm(theme.data, municipality, []).idempotencyKey };
    this.sendForm(response, viewer, theme.data, fresh, distribution, errors, HttpStatus.UNPROCESSABLE_ENTITY);
  }

  @Get()
  async mine(@CurrentViewer() viewer: Viewer, @Res() response: Response, @Query('verstuurd') sent?: string): Promise<void> {
    requireRole(viewer, 'inspector');
    const signals = await this.intake.mine(viewer.identity);
    sendHtml(response, createElement(MySignalsPage, { user: viewer.page, signals, submitted: sent !== undefined }));
  }

  private async distributionFor(viewer: Viewer, municipality: string, theme: Theme): Promise<ThemeDistributionView | undefined> {
    const policy = await this.intake.distributionPolicy(viewer.identity, municipality);
    return policy.themes.find((entry) => entry.theme === theme);
  }

  private sendForm(
    response: Response,
    viewer: Viewer,
    theme: Theme,
    values: SignalFormValues,
    distribution: ThemeDistributionView | undefined,
    errors: readonly FieldError[],
    status: number,
  ): void {
    sendHtml(
      response,
      createElement(SignalFormPage, { user: viewer.page, theme, values, municipalities: viewer.account.municipalities, distribution, errors }),
      status,
    );
  }

  private noMunicipalityPage(viewer: Viewer): ReturnType<typeof createElement> {
    return createElement(MessagePage, {
      title: MESSAGES.forbidden.title,
      paragraphs: ['Uw account is niet aan een gemeente gekoppeld, dus u kunt geen melding doen. Neem contact op met de beheerder.'],
      user: viewer.page,
    });
  }
}
