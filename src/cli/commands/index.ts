import type { Command } from '../command.js';
import { generateCommand } from './generate.js';
import { keysCommand } from './keys.js';
import { pkiCommand } from './pki.js';
import { renderCommand } from './render.js';
import { validateCommand } from './validate.js';

/** Every `overstap` command, in the order the help lists them. */
export const COMMANDS: Command[] = [validateCommand, renderCommand, generateCommand, pkiCommand, keysCommand];
