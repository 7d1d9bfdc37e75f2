/**
 * A short reference people can say aloud in a meeting ("kenmerk 1A2B3C4D"): the first 8 characters of
 * the signal id (the agenda item id is the same id). Not secret and not personal.
 */
export function signalReference(id: string): string {
  return id.replaceAll('-', '').slice(0, 8).toUpperCase();
}
