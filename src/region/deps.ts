import type { Mailer } from '../platform/auth/index.js';
import type { Ctx, Keyring } from '../platform/context.js';
import type { Db } from '../platform/db/index.js';

/**
 * What the region module needs from the rest of the chain, as two small ports (ADR 0006): facts
 * about schools from the traffic center, and the gateway's summer switch. In the all-in-one process
 * `all-in-one-ports.ts` implements them over the traffic center's and the gateway's public faces;
 * a federated deployment can implement them over HTTP without touching the use cases.
 */

/** What the traffic center knows about a school that the region's readiness check needs. */
export interface ChainSchoolFacts {
  brin: string;
  name: string;
  sector: 'po' | 'vo' | 'so' | 'swv';
  place: string | null;
  /** Qualified and today within its qualified period: the school may exchange today. */
  admittedToday: boolean;
  /** A supplier system holds a current mandate for the school. */
  mandated: boolean;
  /** When the successful test exchange was recorded (ISO 8601), or null. */
  testExchangeAt: string | null;
  /** The purposes (OV, SWV, RP) for which the school has an active point of a mandated supplier. */
  deliveryPointPurposes: Array<'OV' | 'SWV' | 'RP'>;
  /** The names of the supplier systems that hold the school's mandate now. */
  suppliers: string[];
}

export interface ChainFacts {
  /** The facts of these schools; a school the traffic center does not know is left out. */
  schools(brins: readonly string[]): Promise<Map<string, ChainSchoolFacts>>;
}

/** The gateway's summer switch per region (the region's name, as schools carry it at the gateway). */
export interface GatewaySummerSwitch {
  /** The region's own date (MM-DD) at the gateway, if it has one. */
  current(region: string): Promise<string | undefined>;
  /**
   * Sets the region's date (MM-DD); the gateway schedules its next occurrence. `ctx` is the
   * caller's, for the audit log; the port acts for the region module.
   */
  set(ctx: Ctx, input: { region: string; monthDay: string }): Promise<{ next: Date }>;
}

/** Mailing a coordinator's invitation (platform/auth's invitePerson needs them). */
export interface InvitationMail {
  mailer: Mailer;
  publicUrl: () => string;
}

export interface RegionDeps {
  db: Db;
  keyring: Keyring;
  chain: ChainFacts;
  summerSwitch: GatewaySummerSwitch;
  /** For inviting coordinators; without it the route answers 404. */
  invitations?: InvitationMail;
  now?: () => Date;
}
