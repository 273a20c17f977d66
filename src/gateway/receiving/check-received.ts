import {
  type Dossier,
  type Finding,
  isStandardError,
  type ProfileCode,
  readDossier,
} from '../../standard/index.js';
import type { PupilIdentity } from '../pupils/identity.js';
import { isSwvProfile } from '../pupils/koppelsleutel.js';
import { countFindings, profileOfDossier } from '../sending/dossier-store.js';
import { validateDossierOffThread } from '../validation/pool.js';

export interface CheckedReceived {
  xml: Buffer;
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  profile?: ProfileCode;
}

/**
 * Strict validation of a delivered dossier (a larger one on a validation thread). Undefined — the delivery counts as a technical error —
 * when it is not a well-formed, schema-valid single dossier, or when it is about another pupil than
 * the one requested (BSN or onderwijsnummer differ). Business-rule findings are kept: the receiving
 * school sees them and decides to import or reject.
 */
export function checkReceived(xml: Buffer, identity: PupilIdentity): Promise<CheckedReceived | undefined> {
  return check(xml, (dossier) => {
    const leerling = dossier.huidigeschool.leerling;
    return identity.bsn
      ? leerling.bsn?.trim() === identity.bsn
      : leerling.onderwijsnummer?.trim() === identity.onderwijsnummer;
  });
}

/**
 * Strict validation of a delivered SWV dossier, asked for by koppelsleutel: as checkReceived, but
 * it names no pupil by number, and it must be of an SWV profile (POSWV, VOSWV).
 */
export async function checkReceivedSwv(
  xml: Buffer,
): Promise<(CheckedReceived & { profile: ProfileCode }) | undefined> {
  const checked = await check(xml, (dossier) => {
    const profile = profileOfDossier(dossier);
    return profile !== undefined && isSwvProfile(profile);
  });
  return checked?.profile ? { ...checked, profile: checked.profile } : undefined;
}

async function check(
  xml: Buffer,
  accept: (dossier: Dossier) => boolean,
): Promise<CheckedReceived | undefined> {
  try {
    // One parse for the verdict and the model; readDossier only to refuse a batch with its reason.
    const { result, dossier: read } = await validateDossierOffThread(xml);
    if (!result.wellFormed || !result.xsdValid) return undefined;
    const dossier = read ?? readDossier(xml);
    if (!accept(dossier)) return undefined;
    const { errors, warnings } = countFindings(result.findings);
    const profile = profileOfDossier(dossier);
    return {
      xml,
      findings: result.findings,
      errorCount: errors,
      warningCount: warnings,
      ...(profile ? { profile } : {}),
    };
  } catch (e) {
    if (isStandardError(e)) return undefined;
    throw e;
  }
}
