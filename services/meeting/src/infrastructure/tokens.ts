/** Nest injection tokens for objects created once in main.ts (see ServiceParts). */
export const EVENT_BUS = Symbol('EventBus');
export const REDIS_CLIENT = Symbol('RedisClient');
export const POSTGRES_POOL = Symbol('PostgresPool');
export const SERVICE_LOGGER = Symbol('ServiceLogger');
export const AUDIT_LOG = Symbol('AuditLog');
export const ENVELOPE_OPENER = Symbol('EnvelopeOpener');
export const STORED_ENVELOPE_OPENER = Symbol('StoredEnvelopeOpener');
export const ENVELOPE_SEALER = Symbol('EnvelopeSealer');
export const PARTY_KEYRING = Symbol('PartyKeyring');
export const MUNICIPALITY_LIST = Symbol('MunicipalityList');
export const SERVICE_PARTS = Symbol('ServiceParts');
