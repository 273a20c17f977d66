import { randomUUID } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { enqueue } from '../../platform/jobs/index.js';
import type { TrafficCenterClient } from '../chain/clients.js';
import { requireHostedSchool } from '../hosting/hosted-schools.js';
import { encodeIdentity, isBrin, type PupilIdentity } from '../pupils/identity.js';
import { pupilKeyer } from '../pupils/pupil-key.js';
import { SEND_REGISTRATION_NOTICE } from './register-pupil.js';
import {
  checkRegistration,
  isAdmittedSource,
  REGISTRATION_PROBLEMS,
  type RegistrationField,
} from './registration-input.js';
import { registrationAad } from './registration-store.js';
import {
  CSV_COLUMNS,
  CSV_MESSAGES,
  type CsvProblem,
  type CsvRow,
  readRegistrationsCsv,
} from './registrations-csv.js';

/** At most this many problems go back in one answer (the rest are counted). */
const MAX_REPORTED_PROBLEMS = 1_000;

export interface ImportedRegistrations {
  created: number;
  registrationIds: string[];
}

/**
 * Records the registrations of a CSV file (`registrations-csv.ts` reads it) all at once or not at
 * all. Every line is checked with the rules of one registration (`checkRegistration`: 11-check,
 * BRIN format, birth date, rank), the source schools must be known and admitted (one look-up per
 * school in the traffic center's overview), and a pupil may appear only once in the file and must
 * not be registered here already. Any problem → REGISTRATIONS_CSV_INVALID with every problem per
 * line and column (nl/en), and nothing stored. Otherwise all registrations are stored in one
 * transaction, each with its registration notice enqueued and its audit entry, as `registerPupil`
 * does for one.
 */
export async function importRegistrationsCsv(
  ctx: Ctx,
  chain: { trafficCenter: TrafficCenterClient },
  input: { schoolBrin: string; csv: Uint8Array },
): Promise<ImportedRegistrations> {
  authorize(ctx, 'registration:write', input.schoolBrin);
  const reading = readRegistrationsCsv(input.csv);
  if (!reading.ok) throw csvInvalid(reading.problems, 0);

  const now = ctx.now();
  const keyOf = await pupilKeyer(ctx);
  const problems: CsvProblem[] = [];
  const valid: Array<{ row: CsvRow; identity: PupilIdentity; pupilKey: string }> = [];
  const firstLineOf = new Map<string, number>();
  const linesOfSource = new Map<string, CsvRow[]>();
  const problem = (row: CsvRow, field: RegistrationField, message: CsvProblem['message']) =>
    problems.push({ line: row.line, column: columnOf(row, field), field, message });

  for (const row of reading.rows) {
    problems.push(...row.problems);
    const alreadyReported = new Set(row.problems.map((p) => p.field));
    const checked = checkRegistration(row.fields, now);
    if (!checked.ok) {
      for (const [field, p] of Object.entries(checked.problems) as Array<
        [RegistrationField, (typeof REGISTRATION_PROBLEMS)[keyof typeof REGISTRATION_PROBLEMS]]
      >) {
        if (!alreadyReported.has(field)) problem(row, field, p.message);
      }
    }
    if (isBrin(row.fields.sourceBrin)) {
      const lines = linesOfSource.get(row.fields.sourceBrin) ?? [];
      lines.push(row);
      linesOfSource.set(row.fields.sourceBrin, lines);
    }
    if (!checked.ok || row.problems.length > 0) continue;
    const pupilKey = keyOf(checked.identity);
    const first = firstLineOf.get(pupilKey);
    if (first !== undefined) {
      problem(row, numberField(row), CSV_MESSAGES.duplicateInFile(first));
      continue;
    }
    firstLineOf.set(pupilKey, row.line);
    valid.push({ row, identity: checked.identity, pupilKey });
  }

  for (const [brin, rows] of linesOfSource) {
    if (await isAdmittedSource(chain.trafficCenter, brin, ctx.requestId)) continue;
    for (const row of rows) problem(row, 'sourceBrin', REGISTRATION_PROBLEMS.sourceNotAdmitted.message);
  }

  if (valid.length > 0) {
    const { rows: existing } = await ctx.db.query<{ pupil_key: string }>(
      'SELECT pupil_key FROM gw.registrations WHERE school_brin = $1 AND pupil_key = ANY($2::text[])',
      [input.schoolBrin, valid.map((v) => v.pupilKey)],
    );
    const registered = new Set(existing.map((r) => r.pupil_key));
    for (const v of valid) {
      if (registered.has(v.pupilKey)) problem(v.row, numberField(v.row), CSV_MESSAGES.alreadyRegistered);
    }
  }

  if (problems.length > 0) throw csvInvalid(problems, reading.rows.length);

  const ids = valid.map(() => randomUUID());
  try {
    await ctx.db.transaction(async (tx) => {
      await requireHostedSchool(tx, input.schoolBrin);
      // One statement for all rows; the notices and audit entries follow (audit last: it holds the chain lock).
      await tx.query(
        `INSERT INTO gw.registrations
           (id, school_brin, source_brin, pupil_key, identity_enc, preference_rank, state, created_by, created_at, updated_at)
         SELECT id, $1, source_brin, pupil_key, identity_enc, preference_rank, 'aanmelding', $2, $3, $3
           FROM unnest($4::uuid[], $5::text[], $6::text[], $7::bytea[], $8::integer[])
             AS t(id, source_brin, pupil_key, identity_enc, preference_rank)`,
        [
          input.schoolBrin,
          ctx.actor.id,
          now,
          ids,
          valid.map((v) => v.row.fields.sourceBrin),
          valid.map((v) => v.pupilKey),
          valid.map((v, i) => ctx.keyring.encrypt(encodeIdentity(v.identity), registrationAad(ids[i]))),
          valid.map((v) => v.row.fields.preferenceRank ?? null),
        ],
      );
      for (const id of ids) {
        await enqueue(tx, SEND_REGISTRATION_NOTICE, { registrationId: id }, { key: id });
      }
      for (const [i, id] of ids.entries()) {
        await audit.record(tx, ctx, 'registration.created', {
          schoolBrin: input.schoolBrin,
          subject: id,
          details: {
            sourceBrin: valid[i].row.fields.sourceBrin,
            preferenceRank: valid[i].row.fields.preferenceRank ?? null,
            via: 'csv',
          },
        });
      }
      await audit.record(tx, ctx, 'registration.csv-imported', {
        schoolBrin: input.schoolBrin,
        details: { count: valid.length },
      });
    });
  } catch (e) {
    // Someone registered one of these pupils meanwhile: nothing of the file is stored.
    if (isUniqueViolation(e)) throw new AppError('REGISTRATION_EXISTS', { schoolBrin: input.schoolBrin });
    throw e;
  }
  return { created: ids.length, registrationIds: ids };
}

/** The column a field came from in this file (or the template's name for it). */
function columnOf(row: CsvRow, field: RegistrationField): string | null {
  return row.columns[field] ?? CSV_COLUMNS.find((c) => c.field === field)?.header ?? null;
}

/** The number column that identifies the pupil on this line. */
function numberField(row: CsvRow): RegistrationField {
  return row.fields.bsn ? 'bsn' : 'onderwijsnummer';
}

function csvInvalid(problems: CsvProblem[], lines: number): AppError {
  const order = (p: CsvProblem) => CSV_COLUMNS.findIndex((c) => c.field === p.field);
  const sorted = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || order(a) - order(b));
  return new AppError('REGISTRATIONS_CSV_INVALID', {
    lines,
    problems: sorted.slice(0, MAX_REPORTED_PROBLEMS),
    ...(sorted.length > MAX_REPORTED_PROBLEMS ? { omitted: sorted.length - MAX_REPORTED_PROBLEMS } : {}),
  });
}
