/**
 * kafkajs 2.2.4 arms its request queue's check timer with `throttledUntil - Date.now()` while nothing is
 * throttled (`throttledUntil` is -1), a large negative delay (tulios/kafkajs#1751, open). Node has always run
 * such a timer after 1 ms; since Node 24 it also emits a `TimeoutNegativeWarning` (once per process), which
 * every service printed on its first Kafka connection.
 * This drops exactly that warning when kafkajs itself called `setTimeout`; every other warning, including a
 * negative timeout set by our own code (a handler kafkajs calls, for one), goes through unchanged.
 */
const WARNING_NAME = 'TimeoutNegativeWarning';
const KAFKAJS_FRAME = /[\\/]node_modules[\\/]kafkajs[\\/]/;
/** Marks `process` itself, so a second copy of this module never wraps `emitWarning` twice. */
const FILTER_INSTALLED = Symbol.for('signaalhub.bus.kafkajsTimeoutWarningFilter');

export function ignoreKafkajsNegativeTimeoutWarning(): void {
  const marked = process as NodeJS.Process & { [FILTER_INSTALLED]?: true };
  if (marked[FILTER_INSTALLED]) return;
  marked[FILTER_INSTALLED] = true;
  const emitWarning = process.emitWarning.bind(process);
  const filtered = (warning: string | Error, ...rest: unknown[]): void => {
    if (warningName(warning, rest[0]) === WARNING_NAME && setTimeoutCalledByKafkajs(filtered)) return;
    Reflect.apply(emitWarning, undefined, [warning, ...rest]);
  };
  process.emitWarning = filtered;
}

/** The name `process.emitWarning` gives a warning: the Error's own, or the type argument (string or options). */
function warningName(warning: string | Error, typeOrOptions: unknown): string {
  if (warning instanceof Error) return warning.name;
  if (typeof typeOrOptions === 'string') return typeOrOptions;
  if (typeof typeOrOptions === 'object' && typeOrOptions !== null && 'type' in typeOrOptions && typeof typeOrOptions.type === 'string') {
    return typeOrOptions.type;
  }
  return 'Warning';
}

/** Node raises this warning inside `setTimeout`; the first frame outside Node's own code is its caller. */
function setTimeoutCalledByKafkajs(below: (...args: never[]) => void): boolean {
  const trace: { stack?: string } = {};
  Error.captureStackTrace(trace, below);
  const caller = (trace.stack ?? '')
    .split('\n')
    .slice(1)
    .find((frame) => !frame.includes('(node:') && !frame.includes(' node:'));
  return caller !== undefined && KAFKAJS_FRAME.test(caller);
}
