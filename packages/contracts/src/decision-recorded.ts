import { z } from 'zod';
import { Limits } from './limits.js';
import { MunicipalityId } from './municipalities.js';
import { PartyId } from './parties.js';
import { UserId } from './user.js';

/** The approach a local undermining meeting chooses. PERSISTED: never rename one. */
export const APPROACHES = [
  'bestuurlijk',
  'strafrechtelijk',
  'fiscaal',
  'combinatie',
  'zorg',
  'geen-actie',
  'meer-informatie',
] as const;

export const Approach = z.enum(APPROACHES);
export type Approach = z.infer<typeof Approach>;

export const APPROACH_LABELS: Readonly<Record<Approach, string>> = {
  bestuurlijk: 'Bestuurlijke aanpak',
  strafrechtelijk: 'Strafrechtelijke aanpak',
  fiscaal: 'Fiscale aanpak',
  combinatie: 'Combinatie van aanpakken',
  zorg: 'Zorgtraject',
  'geen-actie': 'Geen actie',
  'meer-informatie': 'Meer informatie nodig',
};

export const DecisionAction = z.strictObject({
  description: z.string().trim().min(1).max(Limits.shortTextLength),
  dueDate: z.iso.date(),
});
export type DecisionAction = z.infer<typeof DecisionAction>;

/** Payload of `decision.recorded`: what the meeting decided about one signal. */
export const DecisionRecorded = z.strictObject({
  signalId: z.uuid(),
  municipality: MunicipalityId,
  decidedAt: z.iso.datetime({ offset: true }),
  recordedBy: z.strictObject({ party: PartyId, userId: UserId }),
  approach: Approach,
  leadParty: PartyId,
  actions: z.array(DecisionAction).max(Limits.actionsPerDecision),
  riecHandover: z.boolean(),
  /** Feedback for the reporting inspector. */
  feedback: z.string().max(Limits.freeTextLength),
});
export type DecisionRecorded = z.infer<typeof DecisionRecorded>;
