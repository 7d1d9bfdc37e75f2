import { ReleaseJson } from './riec-feed.js';

/*
 * Payload of `feed.published` (DESIGN.md §6): one disclosure-controlled release, sealed by the RIEC to its
 * recipient alone (the RIEC's own party, or one municipality, which gets its own figures and the regional
 * ones). It is the feed's JSON export itself (`ReleaseJson`), so the event and the download cannot drift
 * apart: never the atoms, the recipient or the ledger's sequence.
 */
export const FeedPublished = ReleaseJson;
export type FeedPublished = ReleaseJson;
