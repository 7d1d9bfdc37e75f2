/** Polls until `condition` returns a value other than undefined; never a fixed sleep. */
export async function eventually<T>(
  condition: () => Promise<T | undefined> | T | undefined,
  options: { readonly timeoutMs: number; readonly what: string; readonly intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await condition();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${options.what}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}

/** Polls until `condition` holds: `eventually` for a yes/no condition. */
export async function waitUntil(
  condition: () => Promise<boolean> | boolean,
  options: { readonly timeoutMs: number; readonly what: string; readonly intervalMs?: number },
): Promise<void> {
  await eventually(async () => ((await condition()) ? true : undefined), options);
}
