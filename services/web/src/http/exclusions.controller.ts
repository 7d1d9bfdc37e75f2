import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { createElement } from 'react';
import { emptyExclusionForm, exclusionFormErrors, exclusionFormFromBody, exclusionRequest, type ExclusionFormValues } from '../forms/exclusion-form.js';
import type { FieldError } from '../forms/field-errors.js';
import type { FormBody } from '../forms/form-body.js';
import { FEED_CLIENT } from '../infrastructure/tokens.js';
import { ExclusionsPage } from '../pages/exclusions-page.js';
import type { FeedClient } from '../services/feed-client.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { PageId } from './page-address.js';
import { registryRefusal } from './registry-refusals.js';
import { requireRole } from './require-role.js';
import { sendHtml } from './send-html.js';

const NOTICES: Readonly<Record<string, string>> = {
  toegevoegd: 'Het item is aan de uitsluitingslijst toegevoegd.',
  verwijderd: 'Het item is van de uitsluitingslijst verwijderd; het telt weer mee in de treffers.',
};

/** The RIEC liaison's exclusion list: list, add, remove. The feed keeps only the token and the label. */
@Controller('riec/uitsluitingen')
@UseGuards(SignedInGuard)
export class ExclusionsController {
  constructor(@Inject(FEED_CLIENT) private readonly feed: FeedClient) {}

  @Get()
  async list(@CurrentViewer() viewer: Viewer, @Res() response: Response, @Query('gedaan') done?: string): Promise<void> {
    requireRole(viewer, 'riec-liaison');
    const notice = done === undefined ? undefined : NOTICES[done];
    await this.sendList(response, viewer, emptyExclusionForm(), [], HttpStatus.OK, notice);
  }

  @Post()
  async add(@CurrentViewer() viewer: Viewer, @Body() body: FormBody, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'riec-liaison');
    const values = exclusionFormFromBody(body);
    const { request, problems } = exclusionRequest(values);
    let errors: FieldError[];
    if (request === undefined) {
      errors = exclusionFormErrors(problems);
    } else {
      try {
        await this.feed.addExclusion(viewer.identity, request);
        response.redirect(HttpStatus.SEE_OTHER, '/riec/uitsluitingen?gedaan=toegevoegd');
        return;
      } catch (error) {
        errors = registryRefusal(error, exclusionFormErrors);
      }
    }
    await this.sendList(response, viewer, values, errors, HttpStatus.UNPROCESSABLE_ENTITY);
  }

  @Post(':id/verwijderen')
  async remove(@CurrentViewer() viewer: Viewer, @Param('id', PageId) id: string, @Res() response: Response): Promise<void> {
    requireRole(viewer, 'riec-liaison');
    await this.feed.removeExclusion(viewer.identity, id);
    response.redirect(HttpStatus.SEE_OTHER, '/riec/uitsluitingen?gedaan=verwijderd');
  }

  private async sendList(response: Response, viewer: Viewer, values: ExclusionFormValues, errors: readonly FieldError[], status: number, notice?: string): Promise<void> {
    const exclusions = await this.feed.exclusions(viewer.identity);
    sendHtml(response, createElement(ExclusionsPage, { user: viewer.page, exclusions, values, errors, ...(notice === undefined ? {} : { notice }) }), status);
  }
}
