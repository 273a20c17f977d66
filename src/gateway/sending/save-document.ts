import { randomUUID } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { type Finding, type ProfileCode, schoolYearOf } from '../../standard/index.js';
import { requireHostedSchool } from '../hosting/hosted-schools.js';
import { assertPilotIdentity } from '../pilot/pilot-identity.js';
import { isTestBsn, type PilotKind } from '../pilot/test-bsn.js';
import { encodeIdentity, type PupilIdentity } from '../pupils/identity.js';
import { ownPupilKeyer } from '../pupils/pupil-key.js';
import { type CheckedDocument, identityOf } from './check-document.js';
import {
  countFindings,
  type DossierRow,
  endReadiness,
  identityAad,
  insertVersion,
  loadDossier,
  moveDossier,
} from './dossier-store.js';
import { groepOf } from './groep.js';
import { findingCountsOf } from './inspection-findings.js';
import type { DossierState } from './lifecycle.js';

export interface SavedDossier {
  dossierId: string;
  version: number;
  state: DossierState;
  profile: ProfileCode;
  schooljaar: string;
  /** A previous ready destination this new version withdrew. */
  withdrawnFrom?: string;
  /** Errors the school must fix: not those that only say the parents' inspection is still open. */
  errorCount: number;
  warningCount: number;
  /** Errors of the inspection rules (OVa.IZ*): a new version waits for the parents' inspection. */
  awaitingInspection: number;
  /** Every finding of the strict check, those of the inspection rules included. */
  findings: Finding[];
}

/**
 * Stores a checked document as the first version of a new dossier or, when the school already has a
 * dossier of this pupil in this school year (or `dossierId` names one), as its next version: back
 * to concept, a ready destination withdrawn, the inspection to be done again where the profile
 * requires it. One transaction; the audit entry carries ids and counts only.
 */
export async function saveDossierDocument(
  ctx: Ctx,
  input: {
    schoolBrin: string;
    doc: CheckedDocument;
    origin: 'import' | 'generated' | 'edit';
    schooljaar?: string;
    dossierId?: string;
    /** Refuse with DOSSIER_CHANGED unless `dossierId` is still at this version (an edit of what was read). */
    expectedVersion?: number;
    /** A new dossier of the region's pilot (pilot/create-pilot-dossier.ts): a fictional pupil with a test BSN. */
    pilot?: { ref: string; kind: PilotKind };
  },
): Promise<SavedDossier> {
  const { doc, schoolBrin } = input;
  const school = doc.dossier.huidigeschool;
  if (school.brincode.trim() !== schoolBrin) {
    throw new AppError('DOSSIER_WRONG_SCHOOL', { schoolBrin, documentBrin: school.brincode.trim() });
  }
  const identity = identityOf(doc.dossier);
  // ADR 0007: a new dossier is a pilot dossier exactly when its BSN is a test BSN (an edit keeps its
  // pupil, checked below, and so what it was).
  if (!input.dossierId) assertPilotIdentity(identity, input.pilot !== undefined);
  // The school year of the dossier's date (metadata/datum, 'YYYY-MM-DD', possibly with a time).
  const datum = doc.dossier.metadata.datum.trim();
  const year =
    input.schooljaar ?? (/^\d{4}-\d{2}-\d{2}/.test(datum) ? schoolYearOf(datum.slice(0, 10)) : undefined);
  if (!year || !/^\d{4}-\d{4}$/.test(year)) {
    throw new AppError('VALIDATION_FAILED', { field: 'schooljaar', reason: 'YYYY-YYYY' });
  }
  const schooljaar: string = year;
  const keyOf = await ownPupilKeyer(ctx);
  const pupilKey = keyOf(identity);
  const at = ctx.now();
  const { errors, warnings } = countFindings(doc.findings);

  try {
    return await store();
  } catch (e) {
    // Two imports of the same new pupil at once: one created the pupil or dossier first.
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', { reason: 'imported-meanwhile' });
    throw e;
  }

  function store(): Promise<SavedDossier> {
    return ctx.db.transaction(async (tx) => {
      await requireHostedSchool(tx, schoolBrin);
      const pupilId = await upsertPupil(tx, ctx, schoolBrin, pupilKey, identity, at);
      let existing: DossierRow | undefined;
      if (input.dossierId) {
        existing = await loadDossier(tx, schoolBrin, input.dossierId, { lock: true });
        if (existing.pupil_id !== pupilId) {
          throw new AppError('VALIDATION_FAILED', {
            reason: 'the document is about another pupil than this dossier',
          });
        }
        if (input.expectedVersion !== undefined && existing.current_version !== input.expectedVersion) {
          throw new AppError('DOSSIER_CHANGED', {
            dossierId: existing.id,
            version: existing.current_version,
            expectedVersion: input.expectedVersion,
          });
        }
      } else {
        const { rows } = await tx.query<{ id: string }>(
          'SELECT id FROM gw.dossiers WHERE pupil_id = $1 AND schooljaar = $2',
          [pupilId, schooljaar],
        );
        if (rows[0]) existing = await loadDossier(tx, schoolBrin, rows[0].id, { lock: true });
      }

      let dossierId: string;
      let version: number;
      let withdrawnFrom: string | undefined;
      if (existing) {
        dossierId = existing.id;
        version = existing.current_version + 1;
        await moveDossier(tx, existing, 'concept', at);
        withdrawnFrom = await endReadiness(tx, dossierId, 'ingetrokken', at);
        await insertVersion(tx, ctx.keyring, dossierId, version, {
          ...docVersion(doc, input.origin, ctx, at),
        });
        await tx.query('UPDATE gw.dossiers SET current_version = $2, profile = $3 WHERE id = $1', [
          dossierId,
          version,
          doc.profile,
        ]);
      } else {
        dossierId = randomUUID();
        version = 1;
        await tx.query(
          `INSERT INTO gw.dossiers (id, school_brin, pupil_id, schooljaar, profile, state, current_version, state_changed_at, created_at,
                                  pilot_ref, pilot_kind)
         VALUES ($1, $2, $3, $4, $5, 'concept', 1, $6, $6, $7, $8)`,
          [
            dossierId,
            schoolBrin,
            pupilId,
            schooljaar,
            doc.profile,
            at,
            input.pilot?.ref ?? null,
            input.pilot?.kind ?? null,
          ],
        );
        await insertVersion(tx, ctx.keyring, dossierId, 1, docVersion(doc, input.origin, ctx, at));
      }
      await audit.record(tx, ctx, existing ? 'dossier.version.created' : 'dossier.created', {
        schoolBrin,
        subject: dossierId,
        details: {
          version,
          origin: input.origin,
          profile: doc.profile,
          errors,
          warnings,
          ...(withdrawnFrom ? { withdrawnFrom } : {}),
          ...(input.pilot ? { pilot: input.pilot.kind } : {}),
        },
      });
      return {
        dossierId,
        version,
        state: 'concept' as const,
        profile: doc.profile,
        schooljaar: existing?.schooljaar ?? schooljaar,
        ...(withdrawnFrom ? { withdrawnFrom } : {}),
        ...findingCountsOf(doc.findings, false),
        findings: doc.findings,
      };
    });
  }
}

function docVersion(doc: CheckedDocument, origin: 'import' | 'generated' | 'edit', ctx: Ctx, at: Date) {
  return {
    xml: doc.xml,
    findings: doc.findings,
    origin,
    createdBy: ctx.actor.id,
    at,
    groep: groepOf(doc.dossier),
  };
}

async function upsertPupil(
  tx: Parameters<Parameters<Ctx['db']['transaction']>[0]>[0],
  ctx: Ctx,
  schoolBrin: string,
  pupilKey: string,
  identity: PupilIdentity,
  at: Date,
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    'SELECT id FROM gw.pupils WHERE school_brin = $1 AND pupil_key = $2 FOR UPDATE',
    [schoolBrin, pupilKey],
  );
  const id = rows[0]?.id ?? randomUUID();
  const enc = ctx.keyring.encrypt(encodeIdentity(identity), identityAad(id));
  if (rows[0]) {
    await tx.query('UPDATE gw.pupils SET identity_enc = $2, updated_at = $3 WHERE id = $1', [id, enc, at]);
  } else {
    await tx.query(
      `INSERT INTO gw.pupils (id, school_brin, pupil_key, identity_enc, created_at, updated_at, pilot)
       VALUES ($1, $2, $3, $4, $5, $5, $6)`,
      [id, schoolBrin, pupilKey, enc, at, isTestBsn(identity.bsn)],
    );
  }
  return id;
}
