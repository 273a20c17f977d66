import { randomUUID } from 'node:crypto';
import type { Keyring } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { type Finding, type ProfileCode, profileOfDossier } from '../../standard/index.js';
import { countInspectionErrors } from './inspection-findings.js';
import { assertTransition, type DossierState } from './lifecycle.js';

/**
 * Rows of the sending side and the few statements several use cases share. Dossier XML, findings
 * (their messages can quote a BSN) and pupil identities are keyring records bound to their row.
 */
export interface DossierRow {
  id: string;
  school_brin: string;
  pupil_id: string;
  pupil_key: string;
  schooljaar: string;
  profile: ProfileCode;
  state: DossierState;
  current_version: number;
  revision: number;
  /** Of the current version. */
  version_id: string;
  version_created_at: Date;
  frozen_at: Date | null;
  inspected_at: Date | null;
  error_count: number;
  warning_count: number;
  /** Of error_count, those of the inspection rules (inspection-findings.ts). */
  inspection_error_count: number;
}

export const versionAad = (versionId: string) => `gw.dossier_versions:${versionId}`;
export const findingsAad = (versionId: string) => `gw.dossier_versions.findings:${versionId}`;
export const identityAad = (pupilId: string) => `gw.pupils:${pupilId}`;

const DOSSIER_SELECT = `
  SELECT d.id, d.school_brin, d.pupil_id, p.pupil_key, d.schooljaar, d.profile, d.state, d.current_version,
         d.revision, v.id AS version_id, v.created_at AS version_created_at, v.frozen_at, v.inspected_at,
         v.error_count, v.warning_count, v.inspection_error_count
    FROM gw.dossiers d
    JOIN gw.pupils p ON p.id = d.pupil_id
    JOIN gw.dossier_versions v ON v.dossier_id = d.id AND v.version = d.current_version`;

/**
 * A dossier of a school, or DOSSIER_NOT_FOUND (also when it belongs to another school: a school
 * never learns that another school's dossier exists). `lock` takes the row lock (FOR UPDATE).
 */
export async function loadDossier(
  tx: Tx,
  schoolBrin: string,
  dossierId: string,
  options: { lock?: boolean } = {},
): Promise<DossierRow> {
  if (!/^[0-9a-f-]{36}$/i.test(dossierId)) throw new AppError('DOSSIER_NOT_FOUND', { dossierId });
  const { rows } = await tx.query<DossierRow>(
    `${DOSSIER_SELECT} WHERE d.id = $1 AND d.school_brin = $2${options.lock ? ' FOR UPDATE OF d' : ''}`,
    [dossierId, schoolBrin],
  );
  if (!rows[0]) throw new AppError('DOSSIER_NOT_FOUND', { dossierId });
  return rows[0];
}

/**
 * Moves a dossier to `to` if nobody changed it since it was read (same revision): the
 * compare-and-set that lets exactly one of two racing use cases win; the loser gets CONFLICT.
 * The database trigger checks the transition once more.
 */
export async function moveDossier(tx: Tx, dossier: DossierRow, to: DossierState, at: Date): Promise<number> {
  assertTransition(dossier.state, to);
  const { rows } = await tx.query<{ revision: number }>(
    `UPDATE gw.dossiers SET state = $3, revision = revision + 1, state_changed_at = $4
      WHERE id = $1 AND revision = $2 RETURNING revision`,
    [dossier.id, dossier.revision, to, at],
  );
  if (!rows[0]) throw new AppError('CONFLICT', { dossierId: dossier.id, reason: 'changed-meanwhile' });
  return rows[0].revision;
}

export interface NewVersion {
  xml: Uint8Array;
  findings: Finding[];
  origin: 'import' | 'generated' | 'edit';
  createdBy: string;
  at: Date;
  /** The pupil's current group (groep.ts), shown and filtered in the worklist. */
  groep?: string;
}

export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === 'fout') errors++;
  return { errors, warnings: findings.length - errors };
}

/** Stores version `version` of a dossier; returns the version row id. */
export async function insertVersion(
  tx: Tx,
  keyring: Keyring,
  dossierId: string,
  version: number,
  v: NewVersion,
): Promise<string> {
  const id = randomUUID();
  const { errors, warnings } = countFindings(v.findings);
  await tx.query(
    `INSERT INTO gw.dossier_versions
       (id, dossier_id, version, xml_enc, size_bytes, findings_enc, error_count, warning_count, origin, created_by, created_at, groep,
        inspection_error_count)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      id,
      dossierId,
      version,
      keyring.encrypt(v.xml, versionAad(id)),
      v.xml.byteLength,
      keyring.encrypt(Buffer.from(JSON.stringify(v.findings)), findingsAad(id)),
      errors,
      warnings,
      v.origin,
      v.createdBy,
      v.at,
      v.groep ?? null,
      countInspectionErrors(v.findings),
    ],
  );
  return id;
}

/**
 * Replaces the document of a stored version with a rewrite of its `inzage` block (putting it up
 * for inspection, recording the inspection: the only change a frozen version allows), with the
 * findings and counts of its new strict check.
 */
export async function replaceVersionDocument(
  tx: Tx,
  keyring: Keyring,
  versionId: string,
  doc: { xml: Uint8Array; findings: Finding[] },
): Promise<void> {
  const { errors, warnings } = countFindings(doc.findings);
  await tx.query(
    `UPDATE gw.dossier_versions
        SET xml_enc = $2, size_bytes = $3, findings_enc = $4, error_count = $5, warning_count = $6,
            inspection_error_count = $7
      WHERE id = $1`,
    [
      versionId,
      keyring.encrypt(doc.xml, versionAad(versionId)),
      doc.xml.byteLength,
      keyring.encrypt(Buffer.from(JSON.stringify(doc.findings)), findingsAad(versionId)),
      errors,
      warnings,
      countInspectionErrors(doc.findings),
    ],
  );
}

/** The XML of a version, decrypted. */
export async function versionXml(tx: Tx, keyring: Keyring, versionId: string): Promise<Buffer> {
  const { rows } = await tx.query<{ xml_enc: Uint8Array }>(
    'SELECT xml_enc FROM gw.dossier_versions WHERE id = $1',
    [versionId],
  );
  if (!rows[0]) throw new AppError('DOSSIER_NOT_FOUND', { versionId });
  return Buffer.from(keyring.decrypt(rows[0].xml_enc, versionAad(versionId)));
}

export async function versionFindings(tx: Tx, keyring: Keyring, versionId: string): Promise<Finding[]> {
  const { rows } = await tx.query<{ findings_enc: Uint8Array }>(
    'SELECT findings_enc FROM gw.dossier_versions WHERE id = $1',
    [versionId],
  );
  if (!rows[0]) throw new AppError('DOSSIER_NOT_FOUND', { versionId });
  return JSON.parse(
    Buffer.from(keyring.decrypt(rows[0].findings_enc, findingsAad(versionId))).toString('utf8'),
  );
}

/** Ends the ready destination of a dossier, if any; returns the BRIN it was ready for. */
export async function endReadiness(
  tx: Tx,
  dossierId: string,
  state: 'ingetrokken' | 'verlopen',
  at: Date,
): Promise<string | undefined> {
  const { rows } = await tx.query<{ destination_brin: string }>(
    `UPDATE gw.dossier_destinations SET state = $2, ended_at = $3
      WHERE dossier_id = $1 AND state = 'klaargezet' RETURNING destination_brin`,
    [dossierId, state, at],
  );
  return rows[0]?.destination_brin;
}

export { profileOfDossier };
