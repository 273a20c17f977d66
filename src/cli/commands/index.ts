import type { Command } from '../command.js';
import { accountCommand } from './account.js';
import { apikeyCommand } from './apikey.js';
import { auditCommand } from './audit.js';
import { deliverypointCommand } from './deliverypoint.js';
import { dossierCommand } from './dossier.js';
import { generateCommand } from './generate.js';
import { hostingCommand } from './hosting.js';
import { keysCommand } from './keys.js';
import { pkiCommand } from './pki.js';
import { registrationCommand } from './registration.js';
import { renderCommand } from './render.js';
import { retentionCommand } from './retention.js';
import { schoolCommand } from './school.js';
import { serveCommand } from './serve.js';
import { trafficcenterCommand } from './trafficcenter.js';
import { validateCommand } from './validate.js';

/** Every `overstap` command, in the order the help lists them. */
export const COMMANDS: Command[] = [
  serveCommand,
  validateCommand,
  renderCommand,
  generateCommand,
  pkiCommand,
  keysCommand,
  apikeyCommand,
  deliverypointCommand,
  trafficcenterCommand,
  schoolCommand,
  hostingCommand,
  dossierCommand,
  registrationCommand,
  retentionCommand,
  accountCommand,
  auditCommand,
];
