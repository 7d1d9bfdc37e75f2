import type { ThemeDistributionView } from '@signaalhub/contracts';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { emptySignalForm } from '../src/forms/signal-form.js';
import { MessagePage, MESSAGES } from '../src/pages/message-page.js';
import { SignalFormPage } from '../src/pages/signal-form-page.js';
import { renderDocument } from '../src/render.js';

const user = { displayName: 'Toezichthouder Soest', partyLabel: 'Gemeente Soest', roles: ['inspector' as const], csrfToken: 'c'.repeat(43) };
const distribution: ThemeDistributionView = {
  theme: 'autobranche',
  label: 'Autobranche',
  requiredRecipients: ['gemeente-soest'],
  defaultRecipients: ['gemeente-soest', 'politie-bes'],
  allowedExtras: ['belastingdienst'],
};

describe(SignalFormPage.name, () => {
  const sut = renderDocument(
    createElement(SignalFormPage, {
      user,
      theme: 'autobranche',
      values: { ...emptySignalForm('autobranche', 'soest', ['gemeente-soest', 'politie-bes']), kvkNumber: '1234' },
      municipalities: ['soest'],
      distribution,
      errors: [{ fieldId: 'kvk-nummer', message: 'KvK-nummer moet 8 cijfers zijn' }],
    }),
  );

  it('ties the error to its field with aria-describedby and links to it from the summary', () => {
    const input = /<input[^>]*id="kvk-nummer"[^>]*>/.exec(sut)?.[0] ?? '';
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain('aria-describedby="kvk-nummer-uitleg kvk-nummer-fout"');
    expect(sut).toContain('id="kvk-nummer-fout"');
    expect(sut).toContain('<a href="#kvk-nummer">KvK-nummer moet 8 cijfers zijn</a>');
    expect(sut).toContain('<title>Fout: Nieuwe melding – Autobranche – Signaalhub</title>');
  });

  it("shows the theme's indicators only, the CSRF token, and the required recipient locked but sent", () => {
    expect(sut).toContain('Snel wisselende voorraad voertuigen');
    expect(sut).not.toContain('Hennepgeur');
    expect(sut).toContain(`name="_csrf" value="${user.csrfToken}"`);
    expect(sut).toMatch(/id="ontvangers-gemeente-soest"[^>]*disabled=""/);
    expect(sut).toContain('<input type="hidden" name="recipients" value="gemeente-soest"/>');
    expect(sut).toMatch(/id="ontvangers-politie-bes"[^>]*checked=""/);
    expect(sut).not.toMatch(/id="ontvangers-belastingdienst"[^>]*checked=""/);
  });

  it('is a Dutch page with a skip link and landmarks', () => {
    expect(sut).toMatch(/^<!DOCTYPE html><html lang="nl"/);
    expect(sut).toContain('href="#inhoud"');
    expect(sut).toContain('<main id="inhoud"');
    expect(sut).toContain('<nav class="sh-nav" aria-label="Hoofdmenu">');
    expect(sut).toContain('<footer');
  });
});

describe(MessagePage.name, () => {
  it('says "Geen toegang" in Dutch without any technical detail', () => {
    const sut = renderDocument(createElement(MessagePage, { ...MESSAGES.forbidden }));
    expect(sut).toContain('<h1 class="utrecht-heading-1">Geen toegang</h1>');
    expect(sut).not.toMatch(/HTTP|403|error/i);
  });
});
