import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Finding, listAttachments, readDossier, requirementOf } from '../../standard/index.js';
import { loadDossier, versionFindings, versionXml } from './dossier-store.js';
import { findingCounts, splitFindings } from './inspection-findings.js';
import { type DossierListItem, dossierSummaries } from './list-dossiers.js';
import { type SchoolFields, schoolFieldsOf } from './school-fields.js';

export interface ReadDossierOverviewInput {
  schoolBrin: string;
  dossierId: string;
}

export interface AttachmentSummary {
  /** Position among all attachments, in document order (to open it: readAttachment). */
  position: number;
  /** In the dossier's own list (`overigdocumentlijst`): the school may remove it. */
  own: boolean;
  /** The delivery category it travels in, e.g. `cat_bijlagedocs`. */
  category: string;
  bestandsnaam: string;
  omschrijving: string | null;
  /** Bytes of the ZIP the standard wraps it in. */
  size: number;
}

export interface VersionSummary {
  version: number;
  origin: 'import' | 'generated' | 'edit';
  createdAt: string;
  errorCount: number;
  warningCount: number;
  /** Errors of the inspection rules while this version was not inspected (see DossierListItem). */
  awaitingInspection: number;
  frozenAt: string | null;
  inspectedAt: string | null;
}

export interface DestinationSummary {
  brin: string;
  schoolName: string | null;
  state: 'klaargezet' | 'ingetrokken' | 'verlopen';
  version: number;
  readyAt: string;
  endedAt: string | null;
}

/** Everything the dossier page of a po school shows, in one answer. */
export interface DossierOverview extends DossierListItem {
  pupil: DossierListItem['pupil'] & { voornamen: string[] };
  /** Whether the profile requires the parents' inspection before klaarzetten (POPO, POVO, VOVO). */
  inspectionRequired: boolean;
  /** The current version's findings the school reads as its own (errorCount, warningCount). */
  findings: Finding[];
  /**
   * The findings of the inspection rules (OVa.IZ*) while the current version has not been
   * inspected: they say the parents' inspection is still open (awaitingInspection).
   */
  inspectionFindings: Finding[];
  fields: SchoolFields;
  attachments: AttachmentSummary[];
  versions: VersionSummary[];
  destinations: DestinationSummary[];
}

/**
 * One dossier of a school for its dossier page: the worklist's summary plus the current version's
 * findings, the fields the school edits, its attachments (names and sizes, no content), the
 * versions and every readiness so far. The read is audited like a read of the XML.
 */
export async function readDossierOverview(
  ctx: Ctx,
  input: ReadDossierOverviewInput,
): Promise<DossierOverview> {
  authorize(ctx, 'dossier:read', input.schoolBrin);
  return ctx.db.transaction(async (tx) => {
    const dossier = await loadDossier(tx, input.schoolBrin, input.dossierId);
    const [summary] = await dossierSummaries(tx, ctx.keyring, {
      schoolBrin: input.schoolBrin,
      dossierId: dossier.id,
    });
    if (!summary) throw new AppError('DOSSIER_NOT_FOUND', { dossierId: input.dossierId });
    const model = readDossier(await versionXml(tx, ctx.keyring, dossier.version_id));
    const findings = await versionFindings(tx, ctx.keyring, dossier.version_id);
    const versions = await tx.query<{
      version: number;
      origin: VersionSummary['origin'];
      created_at: Date;
      error_count: number;
      warning_count: number;
      inspection_error_count: number;
      frozen_at: Date | null;
      inspected_at: Date | null;
    }>(
      `SELECT version, origin, created_at, error_count, warning_count, inspection_error_count, frozen_at,
              inspected_at
         FROM gw.dossier_versions WHERE dossier_id = $1 ORDER BY version DESC`,
      [dossier.id],
    );
    const destinations = await tx.query<{
      destination_brin: string;
      name: string | null;
      state: DestinationSummary['state'];
      version: number;
      ready_at: Date;
      ended_at: Date | null;
    }>(
      `SELECT t.destination_brin, s.name, t.state, v.version, t.ready_at, t.ended_at
         FROM gw.dossier_destinations t
         JOIN gw.dossier_versions v ON v.id = t.version_id
         LEFT JOIN gw.schools s ON s.brin = t.destination_brin
        WHERE t.dossier_id = $1 ORDER BY t.ready_at DESC, t.id`,
      [dossier.id],
    );
    await audit.record(tx, ctx, 'dossier.read', {
      schoolBrin: input.schoolBrin,
      subject: dossier.id,
      details: { version: dossier.current_version, view: 'overview' },
    });
    const own = 'huidigeschool.leerling.overigdocumentlijst.';
    return {
      ...summary,
      pupil: { ...summary.pupil, voornamen: model.huidigeschool.leerling.voornaam ?? [] },
      inspectionRequired: requirementOf(dossier.profile, 'cat_ouderinzage') === 'VERPLICHT',
      ...splitFindings(findings, dossier.inspected_at !== null),
      fields: schoolFieldsOf(model),
      attachments: listAttachments(model).map((a, position) => ({
        position,
        own: a.path.startsWith(own),
        category: a.category,
        bestandsnaam: a.bestandsnaam,
        omschrijving: a.omschrijving ?? null,
        size: a.size,
      })),
      versions: versions.rows.map((v) => ({
        version: v.version,
        origin: v.origin,
        createdAt: v.created_at.toISOString(),
        ...findingCounts({
          errorCount: v.error_count,
          warningCount: v.warning_count,
          inspectionErrorCount: v.inspection_error_count,
          inspected: v.inspected_at !== null,
        }),
        frozenAt: v.frozen_at?.toISOString() ?? null,
        inspectedAt: v.inspected_at?.toISOString() ?? null,
      })),
      destinations: destinations.rows.map((t) => ({
        brin: t.destination_brin,
        schoolName: t.name,
        state: t.state,
        version: t.version,
        readyAt: t.ready_at.toISOString(),
        endedAt: t.ended_at?.toISOString() ?? null,
      })),
    };
  });
}
