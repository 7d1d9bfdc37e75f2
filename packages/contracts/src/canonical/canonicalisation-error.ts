/**
 * Thrown when an identifier cannot be brought into canonical form.
 *
 * The message never contains the rejected value: identifiers are personal data, and errors end up in
 * logs and dead-letter entries (DESIGN.md §4, §8.3).
 */
export interface CanonicalRule {
  /** The rule in English, for developers' logs. */
  readonly rule: string;
  /** The same rule in Dutch, shown to users next to the form field. */
  readonly ruleNl: string;
}

export class CanonicalisationError extends Error {
  override readonly name = 'CanonicalisationError';

  readonly rule: string;
  readonly ruleNl: string;

  /** @param field which field was rejected, e.g. `kvkNumber` */
  constructor(
    readonly field: string,
    broken: CanonicalRule,
  ) {
    super(`${field}: ${broken.rule}`);
    this.rule = broken.rule;
    this.ruleNl = broken.ruleNl;
  }
}
