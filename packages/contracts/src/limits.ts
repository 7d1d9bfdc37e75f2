/**
 * Size limits shared by the schemas, so oversize input is rejected by validation before anything
 * stores, encrypts or logs it.
 */
export const Limits = {
  /** Names of people, organisations, trade names, user display names. */
  nameLength: 200,
  /** One action line in a decision. */
  shortTextLength: 1_000,
  /** Free text of a signal, feedback of a decision. */
  freeTextLength: 4_000,
  subjectsPerSignal: 20,
  recipientsPerMessage: 50,
  actionsPerDecision: 50,
  rolesPerUser: 7,
  partiesPerDirectory: 500,
} as const;
