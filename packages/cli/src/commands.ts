import type { CommandSpec } from './command-spec.js';
import { keysAddCommand } from './commands/keys-add.js';
import { keysInitCommand } from './commands/keys-init.js';
import { openCommand } from './commands/open.js';
import { sealCommand } from './commands/seal.js';
import { signalenImporterenCommand } from './commands/signalen-importeren.js';
import { termijnenCommand } from './commands/termijnen.js';
import { tokenCommand } from './commands/token.js';

export const COMMANDS: readonly CommandSpec[] = [keysInitCommand, keysAddCommand, sealCommand, openCommand, tokenCommand, termijnenCommand, signalenImporterenCommand];
