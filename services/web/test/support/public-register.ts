import type { PublicRegister } from '@signaalhub/contracts';
import type { Page } from 'playwright-core';
import type { BrowserStack } from './browser-stack.js';

/*
 * The public register as a visitor without an account uses it: from the sign-in page's link, the date form,
 * the open data links, a browser without JavaScript, and the check that no planted text got out.
 */

const SOEST_REGISTER = 'Openbaar register autobranche Soest';

/** From the sign-in page's "Openbaar register" link to Soest's register page (signed out). */
export async function openRegisterFromSignIn(page: Page, webBase: string): Promise<void> {
  await page.goto(`${webBase}/aanmelden`);
  await page.getByRole('link', { name: 'Openbaar register', exact: true }).click();
  await page.getByRole('link', { name: SOEST_REGISTER }).click();
  await page.getByRole('heading', { level: 1, name: SOEST_REGISTER }).waitFor();
}

/** The open register page as it stood on `date`, through its date form. */
export async function showRegisterOn(page: Page, date: string): Promise<void> {
  await page.getByLabel('Register zoals het was op').fill(date);
  await page.getByRole('button', { name: 'Register tonen' }).click();
  await page.getByRole('heading', { level: 2, name: /^Vergunningen op / }).waitFor();
}

const openDataPath = (format: 'json' | 'csv', date: string | undefined): string => `/openbaar-register/soest/register.${format}${date === undefined ? '' : `?datum=${date}`}`;

/** Soest's register as JSON (today, or as it stood on `date`), parsed and as sent. */
export async function registerJson(stack: BrowserStack, date?: string): Promise<{ register: PublicRegister; text: string; contentType: string }> {
  const response = await stack.context.request.get(`${stack.web.base}${openDataPath('json', date)}`);
  const text = await response.text();
  return { register: JSON.parse(text) as PublicRegister, text, contentType: response.headers()['content-type'] ?? '' };
}

/** Soest's register as CSV (today, or as it stood on `date`): its non-empty lines and the text as sent. */
export async function registerCsv(stack: BrowserStack, date?: string): Promise<{ lines: string[]; text: string; headers: Record<string, string> }> {
  const response = await stack.context.request.get(`${stack.web.base}${openDataPath('csv', date)}`);
  const text = await response.text();
  return { lines: text.split('\r\n').filter((line) => line !== ''), text, headers: response.headers() };
}

/** `visit` on a page of a fresh browser context with JavaScript disabled; the context is closed afterwards. */
export async function withoutJavaScript<T>(stack: BrowserStack, visit: (page: Page) => Promise<T>): Promise<T> {
  const browser = stack.context.browser();
  if (browser === null) throw new Error('no browser');
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  try {
    return await visit(await context.newPage());
  } finally {
    await context.close();
  }
}

/** The canaries found (case-insensitively) in any of `texts`. */
export function leakedCanaries(canaries: readonly string[], texts: readonly string[]): string[] {
  return canaries.filter((canary) => texts.some((text) => text.toLowerCase().includes(canary.toLowerCase())));
}
