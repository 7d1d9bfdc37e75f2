/** Nest injection tokens for objects created once in main.ts (see ServiceParts). */
export const AUDIT_LOG = Symbol('AuditLog');
export const ENVELOPE_OPENER = Symbol('EnvelopeOpener');
export const STORED_ENVELOPE_OPENER = Symbol('StoredEnvelopeOpener');
export const ENVELOPE_SEALER = Symbol('EnvelopeSealer');
export const PARTY_KEYRING = Symbol('PartyKeyring');
export const MUNICIPALITY_LIST = Symbol('MunicipalityList');
