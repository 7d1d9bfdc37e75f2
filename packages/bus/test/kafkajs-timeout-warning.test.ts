import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ignoreKafkajsNegativeTimeoutWarning } from '../src/kafkajs-timeout-warning.js';

const filterModule = new URL('../src/kafkajs-timeout-warning.ts', import.meta.url).href;

/**
 * Node emits a TimeoutNegativeWarning once per process, so each case runs in a fresh Node (which loads the
 * filter's TypeScript source itself) and the test reads what that process printed.
 */
async function warningsPrintedBy(body: string): Promise<string> {
  const script = [
    `import { createRequire } from 'node:module';`,
    `import { ignoreKafkajsNegativeTimeoutWarning } from ${JSON.stringify(filterModule)};`,
    `const require = createRequire(${JSON.stringify(import.meta.url)});`,
    `ignoreKafkajsNegativeTimeoutWarning();`,
    body,
  ].join('\n');
  const { stderr } = await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', script]);
  return stderr;
}

describe(ignoreKafkajsNegativeTimeoutWarning.name, () => {
  it('drops the TimeoutNegativeWarning of the timer kafkajs arms while no request is throttled', async () => {
    // kafkajs' own request queue, whose idle check timer has the negative delay (tulios/kafkajs#1751).
    const printed = await warningsPrintedBy(`
      const RequestQueue = require('kafkajs/src/network/requestQueue/index.js');
      const quiet = { debug() {}, info() {}, warn() {}, error() {} };
      const sut = new RequestQueue({
        instrumentationEmitter: null, maxInFlightRequests: null, requestTimeout: 1000, enforceRequestTimeout: false,
        clientId: 'warning-test', broker: '127.0.0.1:1', logger: { namespace: () => quiet }, isConnected: () => true,
      });
      sut.scheduleCheckPendingRequests();
      clearTimeout(sut.throttleCheckTimeoutId);
      process.emitWarning('after the kafkajs timer', 'MarkerWarning');
    `);

    expect(printed).toContain('MarkerWarning: after the kafkajs timer');
    expect(printed).not.toContain('TimeoutNegativeWarning');
  });

  it('passes on a TimeoutNegativeWarning when code other than kafkajs sets the negative timeout', async () => {
    const printed = await warningsPrintedBy(`clearTimeout(setTimeout(() => {}, -1));`);

    expect(printed).toContain('TimeoutNegativeWarning: -1 is a negative number');
  });

  it('wraps process.emitWarning once however often it is called', () => {
    const emitWarning = (): unknown => Object.getOwnPropertyDescriptor(process, 'emitWarning')?.value;
    ignoreKafkajsNegativeTimeoutWarning();
    const installed = emitWarning();

    ignoreKafkajsNegativeTimeoutWarning();

    expect(emitWarning()).toBe(installed);
  });
});
