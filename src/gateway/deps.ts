import type { Mailer } from '../platform/auth/index.js';
import type { Keyring } from '../platform/context.js';
import type { Db } from '../platform/db/index.js';
import type { GatewayChain } from './chain/clients.js';
import type { LookupLimit } from './sending/lookup-limit.js';

/** What the gateway's routes and jobs need from the process that runs them. */
export interface GatewayDeps {
  db: Db;
  keyring: Keyring;
  /** The traffic center and peer clients (mutual TLS); see createGatewayChainClients. */
  chain: GatewayChain;
  /** Where this gateway's chain endpoints are reachable for peers (config.publicChainUrl). */
  publicChainUrl: string;
  /** Failed look-ups per requesting school before TeVeelVerzoeken (default 30 per hour, 60 min). */
  lookupLimit?: LookupLimit;
  /** The summer switch, MM-DD (default 07-15). */
  summerSwitch?: string;
  /** Where people reach the web app (config.publicUrl): the parents' inspection links start with it. */
  publicUrl?: () => string;
  /** The mail sender of platform/auth (SMTP or the development outbox) for inspection links. */
  mailer?: Mailer;
  /** How many days a parents' inspection link works (default 14). */
  inspectionLinkDays?: number;
  now?: () => Date;
  /** This process as a gateway instance (instances/gateway-instance.ts): the holder of the requests it sends. */
  instanceId?: string;
}
