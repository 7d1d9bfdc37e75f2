/**
 * Who may read a decision: everyone who could read the signal, the reporter's party (feedback), the lead
 * party (it carries the approach), and the RIEC when the case is handed over. Order kept, no duplicates.
 */
export function decisionRecipients(facts: {
  readonly signalRecipients: readonly string[];
  readonly reporterParty: string;
  readonly leadParty: string;
  readonly riecHandover: boolean;
  readonly riecParty: string;
}): string[] {
  const all = [...facts.signalRecipients, facts.reporterParty, facts.leadParty, ...(facts.riecHandover ? [facts.riecParty] : [])];
  return [...new Set(all)];
}
