import type { Response } from 'express';
import type { ReactElement } from 'react';
import { renderDocument } from '../render.js';

export function sendHtml(response: Response, page: ReactElement, status = 200): void {
  response.status(status).type('html').send(renderDocument(page));
}
