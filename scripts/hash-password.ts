// `npm run -s account:hash`: reads a password on standard input and prints the scrypt hash for an
// ACCOUNTS_FILE entry (services/web/README.md). The password is never echoed or logged.
import { text } from 'node:stream/consumers';
import { hashPassword } from '../services/web/src/accounts/password-hash.js';

const password = (await text(process.stdin)).replace(/\r?\n$/, '');
if (password.length < 12) {
  process.stderr.write('Het wachtwoord moet minstens 12 tekens lang zijn.\n');
  process.exit(2);
}
process.stdout.write(`${await hashPassword(password)}\n`);
