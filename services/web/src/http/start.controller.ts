import { Controller, Get, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { createElement } from 'react';
import { StartPage } from '../pages/start-page.js';
import { CurrentViewer, SignedInGuard, type Viewer } from '../sessions/signed-in.guard.js';
import { sendHtml } from './send-html.js';

@Controller()
@UseGuards(SignedInGuard)
export class StartController {
  @Get()
  start(@CurrentViewer() viewer: Viewer, @Res() response: Response): void {
    sendHtml(response, createElement(StartPage, { user: viewer.page, hasMunicipality: viewer.account.municipalities.length > 0 }));
  }
}
