import { renderSettingsAsShellLines } from './settings.js';
import { stackDown, stackStatus, stackUp } from './stack.js';

/**
 * `up` prints only the settings on stdout (so `eval "$(… up)"` works); progress goes to stderr.
 * Ports and the stack dir come from STACK_* variables; KAFKA_BROKERS, REDIS_URL and DATABASE_URL
 * name servers the stack then leaves alone.
 */
const usage = 'usage: stack up|down|status';

const log = (line: string): void => {
  process.stderr.write(`[stack] ${line}\n`);
};

async function main(command: string | undefined): Promise<number> {
  switch (command) {
    case 'up': {
      const settings = await stackUp({ log });
      process.stdout.write(`${renderSettingsAsShellLines(settings).join('\n')}\n`);
      return 0;
    }
    case 'down':
      await stackDown({ log });
      log('stack is down');
      return 0;
    case 'status': {
      const status = await stackStatus({ log });
      for (const component of status.components) {
        const pid = component.pid === undefined ? '' : `  pid ${component.pid}`;
        process.stdout.write(`${component.name.padEnd(9)}${component.state.padEnd(15)}${component.endpoint}${pid}\n`);
      }
      process.stdout.write(`stack dir: ${status.settings.stackDir}\n`);
      return status.components.every((component) => component.state === 'running' || component.state === 'external') ? 0 : 3;
    }
    case undefined:
    default:
      process.stderr.write(`${usage}\n`);
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // The cause chain carries the failing command's stderr, which says what to fix.
    if (!(error instanceof Error)) process.stderr.write('[stack] failed\n');
    for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
      process.stderr.write(`[stack] ${cause.message}\n`);
    }
    process.exitCode = 1;
  },
);
