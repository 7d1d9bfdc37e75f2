import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { createElement } from 'react';
import type { FieldError } from '../forms/field-errors.js';
import { PUBLIC_REGISTER_CLIENT } from '../infrastructure/tokens.js';
import { PublicRegisterPage, PublicRegistersPage, REGISTER_DATE_FIELD, REGISTER_PAGE_FIELD } from '../pages/public-register-page.js';
import type { PublicRegisterClient } from '../services/public-register-client.js';
import { ServiceValidationError } from '../services/service-call-error.js';
import { sendHtml } from './send-html.js';

/** The date asked (`?datum=`); empty means today. */
function dateOf(datum: unknown): string | undefined {
  const date = typeof datum === 'string' ? datum.trim() : '';
  return date === '' ? undefined : date;
}

/** `?pagina=`: a whole number from 1; anything else is the first page. */
function pageOf(pagina: unknown): number {
  return typeof pagina === 'string' && /^[1-9][0-9]{0,5}$/.test(pagina) ? Number(pagina) : 1;
}

/** The registry checks the date; its problems are about the one date field of these pages. */
function dateProblems(error: ServiceValidationError): FieldError[] {
  return error.problems.map((problem) => ({ fieldId: REGISTER_DATE_FIELD, message: problem.message }));
}

/**
 * The public register, without sign-in (issue 11, build 6): the municipalities that run one, each one's page
 * with a date form (a GET form: it works without JavaScript), and the same register as JSON and CSV.
 * What is shown is what the registry publishes; it decides which fields are public.
 */
@Controller('openbaar-register')
export class PublicRegisterController {
  constructor(@Inject(PUBLIC_REGISTER_CLIENT) private readonly registers: PublicRegisterClient) {}

  @Get()
  async index(@Res() response: Response): Promise<void> {
    sendHtml(response, createElement(PublicRegistersPage, { municipalities: await this.registers.municipalities() }));
  }

  @Get(':municipality')
  async page(
    @Param('municipality') municipality: string,
    @Query(REGISTER_DATE_FIELD) datum: unknown,
    @Query(REGISTER_PAGE_FIELD) pagina: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const date = dateOf(datum);
    const dateAsked = date ?? '';
    const pageNumber = pageOf(pagina);
    try {
      const register = await this.registers.register(municipality, date);
      sendHtml(response, createElement(PublicRegisterPage, { municipality, register, dateAsked, errors: [], pageNumber }));
    } catch (error) {
      if (!(error instanceof ServiceValidationError)) throw error;
      sendHtml(response, createElement(PublicRegisterPage, { municipality, register: undefined, dateAsked, errors: dateProblems(error), pageNumber }), error.status);
    }
  }

  @Get(':municipality/register.json')
  async json(@Param('municipality') municipality: string, @Query(REGISTER_DATE_FIELD) datum: unknown, @Res() response: Response): Promise<void> {
    await this.openData(response, async () => {
      response.type('application/json').send(JSON.stringify(await this.registers.register(municipality, dateOf(datum))));
    });
  }

  @Get(':municipality/register.csv')
  async csv(@Param('municipality') municipality: string, @Query(REGISTER_DATE_FIELD) datum: unknown, @Res() response: Response): Promise<void> {
    await this.openData(response, async () => {
      const csv = await this.registers.csv(municipality, dateOf(datum));
      response.type('text/csv; charset=utf-8').attachment(`openbaar-register-${municipality}.csv`).send(csv);
    });
  }

  /** Open data answers a refused date in kind: JSON naming the field, not a page. */
  private async openData(response: Response, send: () => Promise<void>): Promise<void> {
    try {
      await send();
    } catch (error) {
      if (!(error instanceof ServiceValidationError)) throw error;
      const problems = error.problems.map((problem) => ({ ...problem, field: REGISTER_DATE_FIELD }));
      response.status(error.status).json({ error: 'validation', message: 'De invoer is niet geldig.', problems });
    }
  }
}
