import type { SchoolRole } from '../platform/auth/index.js';
import type { Message } from '../standard/index.js';
import type { ChainSchoolFacts } from './deps.js';
import type { RegionSettings } from './region-store.js';

/**
 * The readiness checklist of one school in a region, in words (DESIGN.md §6): admitted to the
 * chain, delivery point(s) registered — the regional platform's too where the region uses one —,
 * the roles filled, and the test exchange done. Pure: the use case gathers the facts.
 */

export type ReadinessItem = 'admitted' | 'deliveryPoint' | 'platformDeliveryPoint' | 'roles' | 'testExchange';

export interface ReadinessCheck {
  item: ReadinessItem;
  ok: boolean;
  /** What is checked, as a heading. */
  label: Message;
  /** What is missing and who can do something about it; absent when ok. */
  missing?: Message;
}

export interface SchoolReadiness {
  brin: string;
  name: string;
  sector: ChainSchoolFacts['sector'] | 'onbekend';
  place: string | null;
  /** The traffic center knows the school. */
  known: boolean;
  /** Every check is ok. */
  ready: boolean;
  checks: ReadinessCheck[];
  /** The roles nobody fills yet (also in the roles check's words). */
  missingRoles: SchoolRole[];
}

/** The roles each kind of school needs someone in; a technical contact everywhere. */
export const REQUIRED_ROLES: Record<SchoolReadiness['sector'], readonly SchoolRole[]> = {
  po: ['administratie', 'directie', 'leerkracht', 'technisch'],
  vo: ['administratie', 'directie', 'coordinator', 'technisch'],
  so: ['administratie', 'directie', 'leerkracht', 'technisch'],
  swv: ['administratie', 'technisch'],
  onbekend: ['administratie', 'directie', 'technisch'],
};

export const ROLE_NAMES: Record<SchoolRole, Message> = {
  administratie: { nl: 'administratie', en: 'administration' },
  directie: { nl: 'directie', en: 'head' },
  leerkracht: { nl: 'leerkracht groep 8', en: 'year 8 teacher' },
  coordinator: { nl: 'brugklas-/instroomcoördinator', en: 'intake coordinator' },
  technisch: { nl: 'technisch contact', en: 'technical contact' },
};

export function platformName(settings: Pick<RegionSettings, 'platform' | 'platformName'>): Message {
  switch (settings.platform) {
    case 'onderwijs_transparant':
      return { nl: 'Onderwijs Transparant (POVO-module)', en: 'Onderwijs Transparant (POVO module)' };
    case 'triple_w_ict':
      return { nl: 'Triple W-ICT (LDOS/ELK)', en: 'Triple W-ICT (LDOS/ELK)' };
    case 'other':
      return { nl: settings.platformName ?? 'ander platform', en: settings.platformName ?? 'other platform' };
    default:
      return { nl: 'geen', en: 'none' };
  }
}

const list = (items: string[], and: string) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

export function schoolReadiness(input: {
  brin: string;
  facts: ChainSchoolFacts | undefined;
  settings: RegionSettings;
  /** The roles someone fills at the school (an account with the role, or a recorded contact). */
  filledRoles: ReadonlySet<SchoolRole>;
}): SchoolReadiness {
  const { brin, facts, settings } = input;
  const sector = facts?.sector ?? 'onbekend';
  const checks: ReadinessCheck[] = [];
  const purposes = new Set(facts?.deliveryPointPurposes ?? []);

  checks.push({
    item: 'admitted',
    ok: facts?.admittedToday === true,
    label: { nl: 'Toegelaten tot de keten', en: 'Admitted to the chain' },
    ...(facts?.admittedToday
      ? {}
      : {
          missing: !facts
            ? {
                nl: 'Het verkeerscentrum kent deze school nog niet. Vraag de servicedesk de school te registreren.',
                en: 'The traffic center does not know this school yet. Ask the servicedesk to register it.',
              }
            : !facts.mandated
              ? {
                  nl: 'Nog niet toegelaten: geen leverancier heeft een mandaat van de school. De school kiest een leverancier; de servicedesk legt het mandaat vast.',
                  en: 'Not admitted yet: no supplier holds a mandate of the school. The school chooses a supplier; the servicedesk records the mandate.',
                }
              : {
                  nl: 'Nog niet toegelaten tot de keten. De servicedesk laat de school toe na een geslaagde testuitwisseling.',
                  en: 'Not admitted to the chain yet. The servicedesk admits the school after a successful test exchange.',
                },
        }),
  });

  checks.push({
    item: 'deliveryPoint',
    ok: purposes.has('OV'),
    label: { nl: 'Aanleverpunt geregistreerd', en: 'Delivery point registered' },
    ...(purposes.has('OV')
      ? {}
      : {
          missing: {
            nl: 'Geen actief aanleverpunt voor overstapdossiers (OV). De leverancier maakt het aan; de servicedesk registreert het.',
            en: 'No active delivery point for transfer dossiers (OV). The supplier creates it; the servicedesk registers it.',
          },
        }),
  });

  if (settings.platform !== 'none') {
    const name = platformName(settings);
    checks.push({
      item: 'platformDeliveryPoint',
      ok: purposes.has('RP'),
      label: {
        nl: `Aanleverpunt voor ${name.nl}`,
        en: `Delivery point for ${name.en}`,
      },
      ...(purposes.has('RP')
        ? {}
        : {
            missing: {
              nl: `Geen aanleverpunt voor het regionale platform ${name.nl} (RP). De regio gebruikt dit platform, dus elke school heeft er een extra aanleverpunt voor nodig.`,
              en: `No delivery point for the regional platform ${name.en} (RP). The region uses this platform, so every school needs an extra delivery point for it.`,
            },
          }),
    });
  }

  const missingRoles = REQUIRED_ROLES[sector].filter((r) => !input.filledRoles.has(r));
  checks.push({
    item: 'roles',
    ok: missingRoles.length === 0,
    label: { nl: 'Rollen ingevuld', en: 'Roles filled' },
    ...(missingRoles.length === 0
      ? {}
      : {
          missing: {
            nl: `Nog niemand als ${list(
              missingRoles.map((r) => ROLE_NAMES[r].nl),
              'en',
            )}. Leg een contactpersoon vast of nodig iemand uit in die rol.`,
            en: `Nobody yet as ${list(
              missingRoles.map((r) => ROLE_NAMES[r].en),
              'and',
            )}. Record a contact or invite someone to that role.`,
          },
        }),
  });

  const tested = facts?.testExchangeAt != null;
  checks.push({
    item: 'testExchange',
    ok: tested,
    label: { nl: 'Testuitwisseling gedaan', en: 'Test exchange done' },
    ...(tested
      ? {}
      : {
          missing: {
            nl: 'Nog geen geslaagde testuitwisseling. De leverancier doet die met de servicedesk.',
            en: 'No successful test exchange yet. The supplier does it with the servicedesk.',
          },
        }),
  });

  return {
    brin,
    name: facts?.name ?? brin,
    sector,
    place: facts?.place ?? null,
    known: facts !== undefined,
    ready: checks.every((c) => c.ok),
    checks,
    missingRoles,
  };
}
