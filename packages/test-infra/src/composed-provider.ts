/**
 * The composition's instance of a provider class (what Nest would inject), for tests that call a
 * service's parts directly instead of through HTTP.
 */
export function composedProvider<T>(composed: { readonly providers?: readonly unknown[] | undefined }, type: abstract new (...args: never[]) => T): T {
  const entry = (composed.providers ?? []).find((provider): provider is { provide: unknown; useValue: unknown } => typeof provider === 'object' && provider !== null && 'provide' in provider && provider.provide === type && 'useValue' in provider);
  if (entry === undefined) throw new Error(`no ${type.name} in the composition`);
  return entry.useValue as T;
}
