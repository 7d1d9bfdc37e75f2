/**
 * The start-up check behind the compile-time one: every declared name (event type, job) has exactly one
 * handler, and no handler exists for a name nobody declared (a typo would otherwise never run). Returns
 * one problem per name, worded for the `Invalid configuration` message (exit 78).
 */
export function checkHandlers(kind: string, declared: readonly string[], handled: readonly string[]): string[] {
  const problems: string[] = [];
  const declaredSet = new Set(declared);
  for (const name of new Set(declared)) {
    const count = handled.filter((handledName) => handledName === name).length;
    if (count === 0) problems.push(`${kind} '${name}' has no handler`);
    if (count > 1) problems.push(`${kind} '${name}' has ${String(count)} handlers; exactly one is allowed`);
  }
  for (const name of new Set(handled)) {
    if (!declaredSet.has(name)) problems.push(`${kind} '${name}' has a handler but is not declared`);
  }
  return problems;
}
