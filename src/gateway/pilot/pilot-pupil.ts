import { type Dossier, generateDossier } from '../../standard/index.js';
import type { PupilIdentity } from '../pupils/identity.js';
import type { PilotKind } from './test-bsn.js';

/**
 * The fictional pupils of a pilot pair (ADR 0007), the same wherever they are worked out: the po
 * school's gateway generates the dossier, the vo school's gateway registers the pupil, and both
 * find the same pupil from the same three facts the region hands them — a seed (the pair), the
 * kind and the test BSN the region gave the pupil — plus the school year. Everything else (name,
 * birth date, family, results, and for the support dossier diagnoses, action plans and
 * arrangements) comes from src/standard's generator, so no school or region stores it.
 */
export interface PilotPupilSpec {
  seed: string;
  kind: PilotKind;
  /** A test BSN (999990000–999999999, 11-check), given by the region. */
  bsn: string;
  /** YYYY-YYYY */
  schooljaar: string;
}

/** The generator's dossiers of a seed are searched this far for one of the wanted kind. */
const SEARCH_LIMIT = 400;
const PLACEHOLDER_SCHOOL = { brincode: '00AA', vestigingscode: '00', naam: 'Pilot' };

/** A support dossier carries onderwijsondersteuning (support needs, plans); a regular one none. */
export function kindOfDossier(dossier: Dossier): PilotKind {
  const oo = dossier.huidigeschool.leerling.onderwijsondersteuning;
  return oo && Object.keys(oo).length > 0 ? 'support' : 'regular';
}

const indexes = new Map<string, number>();

/**
 * The first dossier of the seed whose pupil fits the kind (the search is remembered). It judges the
 * dossier as the po school stores it, with its attachments: a pupil with support needs and nothing
 * else under onderwijsondersteuning gets only an attachment there (the toelichting), so without
 * attachments such a pupil would pass for a regular one.
 */
export function pilotIndex(spec: Pick<PilotPupilSpec, 'seed' | 'kind' | 'schooljaar'>): number {
  const key = `${spec.seed}|${spec.kind}|${spec.schooljaar}`;
  const known = indexes.get(key);
  if (known !== undefined) return known;
  for (let index = 0; index < SEARCH_LIMIT; index++) {
    const dossier = generateDossier(
      {
        profile: 'POVO',
        seed: spec.seed,
        attachments: 'small',
        schooljaar: spec.schooljaar,
        school: PLACEHOLDER_SCHOOL,
      },
      index,
    );
    if (kindOfDossier(dossier) === spec.kind) {
      if (indexes.size > 1000) indexes.clear();
      indexes.set(key, index);
      return index;
    }
  }
  throw new RangeError(`no ${spec.kind} dossier among the first ${SEARCH_LIMIT} of the seed`);
}

/** The pilot dossier (POVO) of the spec for a school, with the test BSN in it. */
export function pilotDossier(
  spec: PilotPupilSpec,
  school: { brincode: string; vestigingscode: string; naam: string } = PLACEHOLDER_SCHOOL,
  attachments: 'none' | 'small' = 'small',
): Dossier {
  const dossier = generateDossier(
    { profile: 'POVO', seed: spec.seed, attachments, schooljaar: spec.schooljaar, school },
    pilotIndex(spec),
  );
  dossier.huidigeschool.leerling.bsn = spec.bsn;
  return dossier;
}

/** Who the fictional pupil is, as a registration names them. */
export function pilotIdentity(spec: PilotPupilSpec): PupilIdentity & { bsn: string } {
  const l = pilotDossier(spec, PLACEHOLDER_SCHOOL, 'none').huidigeschool.leerling;
  return {
    bsn: spec.bsn,
    achternaam: l.achternaam.trim(),
    ...(l.voorvoegsel?.trim() ? { voorvoegsel: l.voorvoegsel.trim() } : {}),
    ...(l.roepnaam?.trim() ? { roepnaam: l.roepnaam.trim() } : {}),
    geboortedatum: (l.geboortedatum ?? '').trim(),
  };
}
