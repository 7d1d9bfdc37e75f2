import type { SignalSubmissionInput } from '@signaalhub/contracts';

/**
 * Demo signals for `npm start`, after the policy document's focus themes (autobranche, buitengebied,
 * vastgoed). Two car traders share a KvK number across Baarn and Soest, so the Soest agenda shows a hit.
 * All names, numbers and addresses are invented.
 */
export const DEMO_SIGNALS: readonly SignalSubmissionInput[] = [
  {
    municipality: 'baarn',
    theme: 'autobranche',
    location: { postcode: '3741AA', huisnummer: { number: 15 } },
    subjects: [{ kind: 'business', kvkNumber: '90001234', tradeName: 'Eemland Occasions' }, { kind: 'vehicle', kenteken: 'XK-842-P' }],
    indicators: ['contante-betalingen'],
    freeText: 'Veel dure auto’s op het terrein, nauwelijks klanten. Betalingen contant volgens buurtbewoners.',
    distribution: { recipients: ['gemeente-baarn', 'politie-bes', 'riec-mn'] },
  },
  {
    municipality: 'soest',
    theme: 'autobranche',
    location: { postcode: '3761AB', huisnummer: { number: 40 } },
    subjects: [{ kind: 'business', kvkNumber: '90001234', tradeName: 'Eemland Occasions' }],
    indicators: ['contante-betalingen', 'geen-administratie'],
    freeText: 'Nieuwe vestiging van hetzelfde bedrijf; geen administratie aanwezig bij controle.',
    distribution: { recipients: ['gemeente-soest', 'politie-bes', 'riec-mn'] },
  },
  {
    municipality: 'eemnes',
    theme: 'buitengebied',
    location: { postcode: '3755AA', huisnummer: { number: 3 } },
    subjects: [{ kind: 'business', kvkNumber: '90005678', tradeName: 'Agrarisch Bedrijf De Vaart' }],
    indicators: [],
    freeText: 'Leegstaande stal met afgeplakte ramen en een sterke chemische geur.',
    distribution: { recipients: ['gemeente-eemnes', 'politie-bes', 'riec-mn'] },
  },
  {
    municipality: 'de-bilt',
    theme: 'vastgoed',
    location: { postcode: '3731AA', huisnummer: { number: 120, toevoeging: 'B' } },
    subjects: [{ kind: 'business', kvkNumber: '90009012', tradeName: 'Utrechtse Heuvelrug Vastgoed BV' }],
    indicators: [],
    freeText: 'Pand in korte tijd drie keer doorverkocht, steeds boven de marktwaarde.',
    distribution: { recipients: ['gemeente-de-bilt', 'politie-bes', 'riec-mn'] },
  },
];
