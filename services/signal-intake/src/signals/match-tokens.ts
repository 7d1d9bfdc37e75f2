import type { HeaderMatchToken, SignalSubmission } from '@signaalhub/contracts';
import { matchToken, type MatchTokenKey, type MatchTokenSubject } from '@signaalhub/envelope';

/** The identifiers a signal can be matched on: its address and each business, person and vehicle. */
export function matchSubjectsOf(submission: SignalSubmission): MatchTokenSubject[] {
  const { location } = submission;
  const subjects: MatchTokenSubject[] = [
    {
      kind: 'address',
      address: { postcode: location.postcode, huisnummer: location.huisnummer.number, toevoeging: location.huisnummer.toevoeging },
    },
  ];
  for (const subject of submission.subjects) {
    switch (subject.kind) {
      case 'business':
        subjects.push({ kind: 'kvk', kvkNumber: subject.kvkNumber });
        break;
      case 'person':
        subjects.push({ kind: 'person', person: { name: subject.name, birthDate: subject.birthDate } });
        break;
      case 'vehicle':
        subjects.push({ kind: 'kenteken', kenteken: subject.kenteken });
        break;
    }
  }
  return subjects;
}

/**
 * Match tokens for the envelope header (HMAC with the partnership key over the canonical identifier).
 * The same identifier twice in one signal gives one token: a hit is "this signal", not "twice".
 */
export function matchTokensOf(submission: SignalSubmission, key: MatchTokenKey): HeaderMatchToken[] {
  const seen = new Set<string>();
  const tokens: HeaderMatchToken[] = [];
  for (const subject of matchSubjectsOf(submission)) {
    const token = matchToken(subject, key);
    const id = `${token.kind}:${token.token}`;
    if (!seen.has(id)) {
      seen.add(id);
      tokens.push(token);
    }
  }
  return tokens;
}
