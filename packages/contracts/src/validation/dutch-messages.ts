import type { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;

function unitNl(origin: string, count: number | bigint): string {
  switch (origin) {
    case 'string':
      return count === 1 ? 'teken' : 'tekens';
    case 'array':
    case 'set':
      return count === 1 ? 'item' : 'items';
    default:
      return '';
  }
}

export const REQUIRED_MESSAGE = 'Dit veld is verplicht';

const FORMAT_MESSAGES: Partial<Record<string, string>> = {
  uuid: 'Moet een geldige UUID zijn',
  datetime: 'Moet een datum en tijd zijn (ISO 8601, met tijdzone)',
  date: 'Moet een datum zijn (JJJJ-MM-DD)',
};

/** Every message {@link dutchIssueMessage} gave: a problem whose message is not among these (nor a rule's) is not Dutch. */
const givenMessages = new Set<string>();

/** Whether `message` came from {@link dutchIssueMessage}. */
export function isDutchIssueMessage(message: string): boolean {
  return givenMessages.has(message);
}

/**
 * Dutch messages for zod's built-in checks, for schemas that did not set their own. Pass as the
 * per-parse `error` option. Never echoes the input: not its value, not the names of unknown keys.
 */
export function dutchIssueMessage(issue: RawIssue): string {
  const message = messageFor(issue);
  // Bounded: messages vary only with the schemas' own limits.
  givenMessages.add(message);
  return message;
}

function messageFor(issue: RawIssue): string {
  // A missing field surfaces as whatever its schema checks first (type, enum value, literal).
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return REQUIRED_MESSAGE;
  }
  switch (issue.code) {
    case 'invalid_type':
      return 'Dit veld heeft een ongeldig type';
    case 'too_big': {
      const unit = unitNl(issue.origin, issue.maximum);
      return unit === ''
        ? `Mag niet groter zijn dan ${String(issue.maximum)}`
        : `Maximaal ${String(issue.maximum)} ${unit}`;
    }
    case 'too_small': {
      if (issue.origin === 'string' && issue.minimum === 1) return 'Dit veld mag niet leeg zijn';
      const unit = unitNl(issue.origin, issue.minimum);
      return unit === ''
        ? `Mag niet kleiner zijn dan ${String(issue.minimum)}`
        : `Minimaal ${String(issue.minimum)} ${unit}`;
    }
    case 'invalid_format':
      return FORMAT_MESSAGES[issue.format] ?? 'Ongeldige opmaak';
    case 'invalid_value':
      return 'Kies een van de toegestane waarden';
    case 'unrecognized_keys':
      return 'Bevat velden die hier niet zijn toegestaan';
    case 'invalid_union':
      return 'Ongeldige keuze';
    case 'not_multiple_of':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return 'Ongeldige invoer';
  }
}
