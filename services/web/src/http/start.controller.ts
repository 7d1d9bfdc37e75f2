import { Controller, Get, Inject, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { createElement } from 'react';
import { actionsNeedingAttention } from '../components/actions-table.js';
import { MEETING_CLIENT } from '../infrastructure/tokens.js';
import { StartPage } from '../pages/start-page.js';
import type { MeetingClient } from '../services/meeting-client.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { sendHtml } from './send-html.js';

@Controller()
@UseGuards(SignedInGuard)
export class StartController {
  constructor(@Inject(MEETING_CLIENT) private readonly meeting: MeetingClient) {}

  @Get()
  async start(@CurrentViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    // A meeting member sees the actions their party leads whose reminder fired.
    const attention = viewer.page.roles.includes('meeting-member') ? actionsNeedingAttention(await this.meeting.actions(viewer.identity)) : [];
    sendHtml(response, createElement(StartPage, { user: viewer.page, hasMunicipality: viewer.account.municipalities.length > 0, attention }));
  }
}
