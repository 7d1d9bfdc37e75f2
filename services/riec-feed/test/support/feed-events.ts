import { randomUUID } from 'node:crypto';
import type { BusMessage } from '@signaalhub/bus';
import {
  DEFAULT_POOL_PARTY,
  EVENT_CATALOG,
  EventTypes,
  InformationAnswered,
  Signal,
  THEME_INDICATORS,
  type EventType,
  municipalityPartyId,
  type Approach,
  type EnvelopeOf,
  type HeaderMatchToken,
  type Theme,
} from '@signaalhub/contracts';
import { EnvelopeSealer, matchToken, storedEnvelopeOpener, type MatchTokenSubject } from '@signaalhub/envelope';
import { loadServiceKeysOnce } from './test-keys.js';

/** Personal data planted in every signal's body: the feed never opens it, so it never appears in its store or logs. */
export const SIGNAL_CANARIES = ['Kanarie Feedvogel', 'Autohandel Feedkanarie', '1975-06-07'] as const;

export interface SignalFacts {
  readonly municipality: string;
  readonly theme?: Theme;
  /** When it was sealed (the header's createdAt): the period it counts in. */
  readonly at?: Date;
  readonly subjects?: readonly MatchTokenSubject[];
  /** The RIEC among the recipients (the policy sends it some signals): then the liaison may open it. */
  readonly toRiec?: boolean;
  /** A historical import's original report day (YYYY-MM-DD) in the header: the day it counts on. */
  readonly reportedOn?: string;
}

async function sealer(at: Date | undefined): Promise<EnvelopeSealer> {
  const { keyring } = await loadServiceKeysOnce();
  return new EnvelopeSealer(keyring, () => at ?? new Date());
}

/** A `signal.submitted` as the intake seals it: header v2 signed by the municipality, the subjects' tokens in the header. */
export async function sealSignal(facts: SignalFacts): Promise<EnvelopeOf<typeof EventTypes.signalSubmitted>> {
  const { matchTokenKey } = await loadServiceKeysOnce();
  const party = municipalityPartyId(facts.municipality);
  const recipients = facts.toRiec === true ? [party, 'riec-mn'] : [party];
  const matchTokens: HeaderMatchToken[] = (facts.subjects ?? []).map((subject) => matchToken(subject, matchTokenKey));
  const theme = facts.theme ?? 'autobranche';
  const signal = Signal.parse({
    id: randomUUID(),
    reportedAt: (facts.at ?? new Date()).toISOString(),
    reporter: { party, userId: 'toezichthouder-1' },
    municipality: facts.municipality,
    theme,
    location: { postcode: '3741AA', huisnummer: { number: 3 } },
    subjects: [
      { kind: 'business', kvkNumber: '99887766', tradeName: SIGNAL_CANARIES[1] },
      { kind: 'person', name: SIGNAL_CANARIES[0], birthDate: SIGNAL_CANARIES[2] },
    ],
    indicators: THEME_INDICATORS[theme].slice(0, 1),
    freeText: 'Kanarie-signaaltekst die de feed alleen opent wanneer het RIEC hem kreeg.',
    distribution: { recipients },
  });
  return (await sealer(facts.at)).seal(signal, { type: EventTypes.signalSubmitted, from: party, to: recipients, municipality: facts.municipality, theme, matchTokens, messageId: signal.id, ...(facts.reportedOn === undefined ? {} : { reportedOn: facts.reportedOn }) });
}

/** The owning municipality's answer to a request of the RIEC, as the meeting seals it: by the municipality, to the RIEC alone. */
export async function sealInformationAnswer(answer: InformationAnswered): Promise<EnvelopeOf<typeof EventTypes.informationAnswered>> {
  const payload = InformationAnswered.parse(answer);
  return (await sealer(undefined)).seal(payload, {
    type: EventTypes.informationAnswered,
    from: municipalityPartyId(payload.municipality),
    to: ['riec-mn'],
    municipality: payload.municipality,
    objectKind: 'signal',
  });
}

/** A sealed signal opened as its municipality, to give it in an answer. */
export async function openedSignal(envelope: EnvelopeOf<typeof EventTypes.signalSubmitted>): Promise<Signal> {
  const { keyring } = await loadServiceKeysOnce();
  return (await storedEnvelopeOpener(keyring).open(envelope, { as: municipalityPartyId(envelope.header.municipality), payload: Signal })).payload;
}

export async function sealDecision(facts: { municipality: string; approach: Approach; riecHandover?: boolean; signalId?: string; at?: Date }): Promise<EnvelopeOf<typeof EventTypes.decisionRecorded>> {
  const party = municipalityPartyId(facts.municipality);
  return (await sealer(facts.at)).seal(
    { feedback: 'Terugkoppeling die de feed nooit leest.' },
    {
      type: EventTypes.decisionRecorded,
      from: party,
      to: [party],
      municipality: facts.municipality,
      approach: facts.approach,
      riecHandover: facts.riecHandover ?? false,
      ...(facts.signalId === undefined ? {} : { signalId: facts.signalId }),
    },
  );
}

type ScreeningEvent = typeof EventTypes.screeningOpened | typeof EventTypes.screeningProgressed | typeof EventTypes.screeningConcluded;

/** A screening event as the pool seals it, to the requesting municipality only; `from` to forge another sender. */
export async function sealScreening(type: ScreeningEvent, facts: { municipality: string; at?: Date; from?: string }): Promise<EnvelopeOf<ScreeningEvent>> {
  const party = municipalityPartyId(facts.municipality);
  const common = { from: facts.from ?? DEFAULT_POOL_PARTY, to: [party], municipality: facts.municipality, screeningId: randomUUID() };
  const s = await sealer(facts.at);
  // The outcome is in the body only; the header looks the same whatever was found.
  const body = { conclusion: { level: 'ernstige-mate' } };
  if (type === EventTypes.screeningProgressed) return s.seal(body, { ...common, type, milestone: 'lbb-requested' });
  if (type === EventTypes.screeningOpened) return s.seal(body, { ...common, type });
  return s.seal(body, { ...common, type });
}

export async function sealPermitDecided(facts: { municipality: string; status: 'granted' | 'refused'; at?: Date }): Promise<EnvelopeOf<typeof EventTypes.permitDecided>> {
  const party = municipalityPartyId(facts.municipality);
  return (await sealer(facts.at)).seal(
    { status: facts.status },
    { type: EventTypes.permitDecided, from: party, to: [party, 'riec-mn'], municipality: facts.municipality, status: facts.status, matchTokens: [] },
  );
}

/** The envelope as the bus hands it to a consumer. */
export function busMessage(envelope: { readonly header: { readonly type: EventType } }, offset = 0): BusMessage {
  const { topic } = EVENT_CATALOG[envelope.header.type];
  return { topic, partition: 0, offset: String(offset), key: 'test', value: Buffer.from(JSON.stringify(envelope)), headers: {} };
}
