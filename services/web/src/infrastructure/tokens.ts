/** Nest injection tokens: explicit symbols, so nothing is resolved by a class name that a bundler could rename. */
export const WEB_CONFIG = Symbol('WebConfig');
export const SERVICE_LOGGER = Symbol('ServiceLogger');
export const ACCOUNT_STORE = Symbol('AccountStore');
export const SESSION_STORE = Symbol('SessionStore');
export const AUTHENTICATOR = Symbol('Authenticator');
export const INTAKE_CLIENT = Symbol('IntakeClient');
export const MEETING_CLIENT = Symbol('MeetingClient');
export const BIBOB_CLIENT = Symbol('BibobClient');
export const REGISTRY_CLIENT = Symbol('RegistryClient');
export const PUBLIC_REGISTER_CLIENT = Symbol('PublicRegisterClient');
export const FEED_CLIENT = Symbol('FeedClient');
export const RIEC_HANDOVER_CLIENT = Symbol('RiecHandoverClient');
