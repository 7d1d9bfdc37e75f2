import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * The one logger factory. Log lines carry ids and counts only — never signal content, names,
 * addresses or kentekens (DESIGN.md §8.3). The redact list is a safety net, not the rule.
 */
export function createLogger(service: string, level = 'info'): Logger {
  const options = {
    name: service,
    level,
    base: { service },
    redact: { paths: ['payload', 'body', 'plaintext', '*.payload', '*.body', '*.plaintext'], censor: '[redacted]' },
  };
  // Asynchronous: lines logged while a write is under way go out together in the next one, instead
  // of one blocking system call per line. pino flushes what is still buffered when the process exits.
  return pino(options, pino.destination({ dest: 1, sync: false }));
}
