/** The command line is wrong (unknown flag, missing argument): exit code 2. Messages are Dutch, for the user. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The work could not be done (bad input file, existing files, wrong passphrase): exit code 1. */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
}
