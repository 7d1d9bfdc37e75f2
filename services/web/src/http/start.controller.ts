import { Controller, Get, Inject, Res, UseGuards } from '@nestjs/common';
import type { ActionView } from '@signaalhub/contracts';
import type { Response } from 'express';
import { createElement } from 'react';
import { actionsNeedingAttention } from '../components/actions-table.js';
import { MEETING_CLIENT } from '../infrastructure/tokens.js';
import { StartPage } from '../pages/start-page.js';
import type { MeetingClient } from '../services/meeting-client.js';
import { ServiceCallError } from '../services/service-call-error.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { sendHtml } from './send-html.js';

@Controller()
@UseGuards(SignedInGuard)
export class StartController {
  constructor(@Inject(MEETING_CLIENT) private readonly meeting: MeetingClient) {}

  @Get()
  async start(@CurrentViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    const attention = viewer.page.roles.includes('meeting-member') ? await this.attentionFor(viewer) : [];
    sendHtml(response, createElement(StartPage, { user: viewer.page, hasMunicipality: viewer.account.municipalities.length > 0, attention }));
  }

  /** The actions the member's party leads whose reminder fired; undefined while the meeting service cannot say. */
  private async attentionFor(viewer: Viewer): Promise<ActionView[] | undefined> {
    try {
      return actionsNeedingAttention(await this.meeting.actions(viewer.identity));
    } catch (error) {
      // The start page stays usable; it says the actions could not be fetched instead of failing.
      if (error instanceof ServiceCallError) return undefined;
      throw error;
    }
  }
}
