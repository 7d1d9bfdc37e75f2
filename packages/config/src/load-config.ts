import { z } from 'zod';

/** A configuration problem, naming each bad variable and the rule it broke. Never carries the value. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates environment variables once; throws a ConfigError naming every bad variable. */
export function loadConfig<Schema extends z.ZodObject>(
  schema: Schema,
  env: Record<string, string | undefined> = process.env,
): z.infer<Schema> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.join('.') || '(environment)';
    const rule = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
    return `${variable}: ${rule}`;
  });
  throw new ConfigError(problems);
}

/** For a service's main(): validate or stop the process with a clear message and a non-zero exit code. */
export function loadConfigOrExit<Schema extends z.ZodObject>(
  schema: Schema,
  env: Record<string, string | undefined> = process.env,
): z.infer<Schema> {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG from sysexits.h
  }
}

/**
 * For a service's main(): a configuration problem found after the environment (keys, files) exits 78
 * like a bad variable; anything else that stops the start exits 1. Only messages, never values.
 */
export function exitOnStartFailure(service: string, error: unknown): never {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`${service} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
