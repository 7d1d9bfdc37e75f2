import type { SignalSubmissionInput } from '@signaalhub/contracts';

/** Planted personal data: none of these may ever show up outside envelope bodies. */
export const CANARY = {
  name: 'Qzxcanary Vriesmans',
  birthDate: '1977-07-17',
  kenteken: 'QZ-123-X',
  kenteken6: 'QZ123X',
  kvkNumber: '87654321',
  /** BSN-shaped text in the free text. */
  bsn: '999912345',
  postcode: '3762 QZ',
  postcode6: '3762QZ',
  tradeName: 'Qzxcanary Autohandel',
} as const;

export function goodSubmission(overrides: Partial<SignalSubmissionInput> = {}): SignalSubmissionInput {
  return {
    municipality: 'soest',
    theme: 'autobranche',
    location: { postcode: CANARY.postcode, huisnummer: { number: 12, toevoeging: 'a' } },
    subjects: [
      { kind: 'business', kvkNumber: CANARY.kvkNumber, tradeName: CANARY.tradeName },
      { kind: 'person', name: CANARY.name, birthDate: CANARY.birthDate },
      { kind: 'vehicle', kenteken: CANARY.kenteken },
    ],
    indicators: ['contante-betalingen', 'geen-administratie'],
    freeText: `Veel dure auto's, nooit klanten. BSN genoemd: ${CANARY.bsn}.`,
    distribution: { recipients: ['gemeente-soest', 'politie-bes', 'riec-mn'] },
    ...overrides,
  };
}

/** Every planted value as it could appear in output, raw and canonical. */
export function canaryNeedles(): string[] {
  return [CANARY.name, 'qzxcanary', 'Qzxcanary', CANARY.kenteken, CANARY.kenteken6, CANARY.kvkNumber, CANARY.bsn, CANARY.postcode, CANARY.postcode6, CANARY.birthDate];
}
