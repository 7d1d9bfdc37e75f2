import type { PublicRegister } from '@signaalhub/contracts';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { PublicRegisterPage, REGISTER_PAGE_SIZE } from '../src/pages/public-register-page.js';
import { renderDocument } from '../src/render.js';

/* The public register's table in pages: a register of thousands stays a table one can take in; the open data hold all of it. */

const register = (count: number): PublicRegister => ({
  municipality: 'soest',
  date: '2026-06-30',
  fields: ['tradeName', 'permitNumber', 'status'],
  entries: Array.from({ length: count }, (_, index) => ({ tradeName: `Garage ${String(index + 1)}`, permitNumber: `SOE-${String(index + 1)}`, status: 'verleend' as const })),
  withdrawn: [],
});

const render = (count: number, pageNumber: number): string =>
  renderDocument(createElement(PublicRegisterPage, { municipality: 'soest', register: register(count), dateAsked: '2026-06-30', errors: [], pageNumber }));

const rows = (html: string): number => (html.match(/<tr/g) ?? []).length - 1;

describe(PublicRegisterPage.name, () => {
  it('shows one page of rows with links to the pages beside it, keeping the date', () => {
    const html = render(2 * REGISTER_PAGE_SIZE + 50, 2);
    expect(rows(html)).toBe(REGISTER_PAGE_SIZE);
    expect(html).toContain(`Garage ${String(REGISTER_PAGE_SIZE + 1)}<`);
    expect(html).toContain('250 vergunningen, pagina 2 van 3.');
    expect(html).toMatch(/href="\/openbaar-register\/soest\?datum=2026-06-30"[^>]*>Vorige pagina/);
    expect(html).toMatch(/href="\/openbaar-register\/soest\?datum=2026-06-30&amp;pagina=3"[^>]*>Volgende pagina/);
    expect(html).toMatch(/href="\/openbaar-register\/soest\/register.csv\?datum=2026-06-30"[^>]*>Dit register als CSV/);
  });

  it('shows the last page for a page past it, and no page links for a short register', () => {
    expect(rows(render(250, 9))).toBe(50);
    const short = render(3, 1);
    expect(rows(short)).toBe(3);
    expect(short).not.toContain('Volgende pagina');
    expect(short).toContain('3 vergunningen.');
  });
});
