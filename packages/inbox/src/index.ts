export { VerifiedInbox, type InboxOutcome, type InboxParts, type InboxSettings } from './verified-inbox.js';
export { openedEnvelopes, verifiedHeaders, type InboxVerification } from './inbox-verification.js';
export { Refused } from './refused.js';
export { signalHeaderInbox, type SignalHeaderSettings } from './signal-header-inbox.js';
export { informationAnswerInbox, type InformationAnswerEnvelope, type InformationAnswerInbox, type InformationAnswerSettings, type SentInformationRequest, type SentInformationRequests } from './information-answer-inbox.js';
