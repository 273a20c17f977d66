import { AppError } from '../../platform/errors.js';
import {
  type Dossier,
  type Finding,
  isStandardError,
  type ProfileCode,
  readDossier,
} from '../../standard/index.js';
import type { PupilIdentity } from '../pupils/identity.js';
import { isSwvProfile } from '../pupils/koppelsleutel.js';
import { validateDossierOffThread } from '../validation/pool.js';
import { profileOfDossier } from './dossier-store.js';

/** A document checked in strict mode and read into the model. */
export interface CheckedDocument {
  xml: Uint8Array;
  dossier: Dossier;
  findings: Finding[];
  profile: ProfileCode;
}

/**
 * Strict validation of OSO XML bytes. Refuses (DOSSIER_INVALID) what is not a well-formed, schema-valid
 * single `<dossier>` of one of the six profiles (a larger one on a validation thread); business-rule findings are returned, not refused —
 * they are kept with the version, and a `fout` stops klaarzetten.
 */
export async function checkDocument(xml: Uint8Array): Promise<CheckedDocument> {
  try {
    // One parse for the verdict and the model; readDossier only to refuse a batch with its reason.
    const { result, dossier: read } = await validateDossierOffThread(xml);
    if (!result.wellFormed || !result.xsdValid) {
      throw new AppError('DOSSIER_INVALID', {
        findings: result.findings.filter((f) => f.severity === 'fout').slice(0, 50),
      });
    }
    const dossier = read ?? readDossier(xml);
    const profile = profileOfDossier(dossier);
    if (!profile) throw new AppError('DOSSIER_INVALID', { reason: 'no-profile' });
    return { xml, dossier, findings: result.findings, profile };
  } catch (e) {
    if (isStandardError(e)) {
      throw new AppError(
        'DOSSIER_INVALID',
        { standardCode: e.code, problems: e.problems.slice(0, 50) },
        e.messages,
      );
    }
    throw e;
  }
}

/**
 * The pupil's identity as the dossier states it: by BSN or onderwijsnummer; in an SWV dossier, which
 * has neither (PaO.LL12), by the school's own leerlingid (see ownPupilKeyer).
 */
export function identityOf(dossier: Dossier): PupilIdentity {
  const l = dossier.huidigeschool.leerling;
  const bsn = l.bsn?.trim() || undefined;
  const onderwijsnummer = l.onderwijsnummer?.trim() || undefined;
  const profile = profileOfDossier(dossier);
  const leerlingid = profile && isSwvProfile(profile) ? l.leerlingid?.trim() || '' : undefined;
  if (leerlingid === '') throw new AppError('DOSSIER_NO_LEERLINGID');
  if (leerlingid === undefined && !bsn && !onderwijsnummer) throw new AppError('DOSSIER_NO_PUPIL_NUMBER');
  if (!l.geboortedatum) throw new AppError('DOSSIER_INVALID', { reason: 'no-geboortedatum' });
  return {
    ...(leerlingid !== undefined ? { leerlingid } : {}),
    ...(leerlingid === undefined && bsn ? { bsn } : {}),
    ...(leerlingid === undefined && onderwijsnummer ? { onderwijsnummer } : {}),
    achternaam: l.achternaam.trim(),
    ...(l.voorvoegsel?.trim() ? { voorvoegsel: l.voorvoegsel.trim() } : {}),
    ...(l.roepnaam?.trim() ? { roepnaam: l.roepnaam.trim() } : {}),
    geboortedatum: l.geboortedatum.trim(),
  };
}
