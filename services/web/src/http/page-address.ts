import { NotFoundException, type PipeTransform } from '@nestjs/common';
import { isDecodablePath } from '@signaalhub/service-kit';
import type { NextFunction, Request, Response } from 'express';
import { createElement } from 'react';
import { MESSAGES, MessagePage } from '../pages/message-page.js';
import { renderDocument } from '../render.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value from a page's address or form can be an id of the services (a UUID). */
export function isPageId(value: string): boolean {
  return UUID.test(value);
}

/** `@Param('id', PageId)`: an id in a page address that is no UUID is no page (the Dutch 404), never a call to a service. */
export class PageId implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isPageId(value)) throw new NotFoundException();
    return value;
  }
}

const VERSION = /^[1-9][0-9]{0,8}$/;
const INDEX = /^(0|[1-9][0-9]{0,8})$/;

/** `@Param('version', PageVersion)`: a version in a page address that is no positive whole number is no page (the Dutch 404). */
export class PageVersion implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!VERSION.test(value)) throw new NotFoundException();
    return Number(value);
  }
}

/** `@Param('actionIndex', PageIndex)`: a position in a list (from 0); anything else is no page (the Dutch 404). */
export class PageIndex implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!INDEX.test(value)) throw new NotFoundException();
    return Number(value);
  }
}

/**
 * An address that does not decode to text (`%FF`, `%E0%A4%A`, `%00`) is the Dutch 404 page. Express
 * would fail to decode it while matching a route, before any page or filter of ours could answer.
 */
export function undecodableAddresses(request: Request, response: Response, next: NextFunction): void {
  if (isDecodablePath(request.path)) {
    next();
    return;
  }
  response.status(404).type('html').send(renderDocument(createElement(MessagePage, { title: MESSAGES.notFound.title, paragraphs: MESSAGES.notFound.paragraphs })));
}
