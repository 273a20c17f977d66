import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { Message } from '../../standard/index.js';
import { dutchDay } from '../../standard/index.js';
import { requireMember } from '../region-store.js';
import { day } from '../texts.js';
import type { OkrDeps } from './deps.js';
import { addendumHtml, MAX_ANSWER, MAX_FILLED_BY, readAddendum } from './okr-addendum.js';
import { addendumFileName, addendumPdf } from './print-okr-addendum.js';

export interface AttachOkrAddendumInput {
  schoolBrin: string;
  dossierId: string;
  /** The dossier version the person was looking at; a newer one refuses with DOSSIER_CHANGED. */
  version: number;
  regionId: string;
  /** The form's version as the school was shown it (AddendumForm.version). */
  formVersion: string;
  /** The answers per field of the form ('' or left out: not filled in). */
  values: Array<{ fieldId: string; value: string }>;
  filledBy?: string | null;
}

export interface AttachedOkrAddendum {
  dossierId: string;
  /** The dossier's new version, with the addendum among its own attachments. */
  version: number;
  state: string;
  fileName: string;
}

export const ADDENDUM_OMSCHRIJVING = 'Regionaal OKR-addendum';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

interface AnswerProblem {
  fieldId: string | null;
  message: Message;
}

/**
 * A po school fills in the region's addendum for one pupil: the answers become a PDF that is added
 * to the dossier's own attachments (`overigdocumentlijst`, omschrijving "Regionaal OKR-addendum
 * <region>") through the gateway's attachment use case — a new version of the dossier, back to
 * concept, as any change. The answers themselves are kept nowhere else. The form must be the one the
 * school saw (OKR_ADDENDUM_CHANGED otherwise) and hold at least one answer (OKR_ADDENDUM_INVALID).
 */
export async function attachOkrAddendum(
  ctx: Ctx,
  deps: OkrDeps,
  input: AttachOkrAddendumInput,
): Promise<AttachedOkrAddendum> {
  authorize(ctx, 'dossier:write', input.schoolBrin);
  const form = await ctx.db.transaction(async (tx) => {
    await requireMember(tx, input.regionId, input.schoolBrin);
    return readAddendum(tx, input.regionId);
  });
  if (form.fieldCount === 0) throw new AppError('OKR_ADDENDUM_EMPTY', { regionId: input.regionId });
  const known = new Set(form.sections.flatMap((s) => s.fields.map((f) => f.id)));
  if (input.formVersion !== form.version || input.values.some((v) => !known.has(v.fieldId))) {
    throw new AppError('OKR_ADDENDUM_CHANGED', { regionId: input.regionId, formVersion: form.version });
  }
  const problems: AnswerProblem[] = [];
  const values = new Map<string, string>();
  for (const { fieldId, value } of input.values) {
    const text = value.replace(/\r\n?/g, '\n').trim();
    if (CONTROL.test(text)) {
      problems.push({
        fieldId,
        message: {
          nl: 'Dit antwoord bevat onzichtbare stuurtekens; typ het opnieuw.',
          en: 'This answer contains invisible control characters; type it again.',
        },
      });
    } else if (text.length > MAX_ANSWER) {
      problems.push({
        fieldId,
        message: {
          nl: `Dit antwoord is te lang: hoogstens ${MAX_ANSWER} tekens.`,
          en: `This answer is too long: at most ${MAX_ANSWER} characters.`,
        },
      });
    }
    values.set(fieldId, text);
  }
  const filledBy = (input.filledBy ?? '').replace(/\s+/g, ' ').trim();
  if (filledBy.length > MAX_FILLED_BY || CONTROL.test(filledBy)) {
    problems.push({
      fieldId: 'filledBy',
      message: {
        nl: `Vul bij ‘Ingevuld door’ hoogstens ${MAX_FILLED_BY} tekens in.`,
        en: `Use at most ${MAX_FILLED_BY} characters for ‘Filled in by’.`,
      },
    });
  }
  if (problems.length === 0 && [...values.values()].every((v) => v === '')) {
    problems.push({
      fieldId: null,
      message: {
        nl: 'Vul minstens één veld van het addendum in. Is er niets aan te vullen, voeg dan geen addendum toe.',
        en: 'Fill in at least one field of the addendum. If there is nothing to add, do not add an addendum.',
      },
    });
  }
  if (problems.length > 0) throw new AppError('OKR_ADDENDUM_INVALID', { problems });

  const schoolName = (await deps.chain.schools([input.schoolBrin])).get(input.schoolBrin)?.name;
  const html = addendumHtml(form, {
    lang: 'nl',
    filled: {
      values,
      schoolName: schoolName ? `${schoolName} (${input.schoolBrin})` : input.schoolBrin,
      date: day(dutchDay(ctx.now())).nl,
      filledBy: filledBy === '' ? null : filledBy,
    },
  });
  const pdf = await addendumPdf(form, html, 'nl', deps);
  const fileName = addendumFileName(form);
  const saved = await deps.attachments.add(ctx, {
    schoolBrin: input.schoolBrin,
    dossierId: input.dossierId,
    version: input.version,
    fileName,
    omschrijving: `${ADDENDUM_OMSCHRIJVING} ${form.regionName}`.slice(0, 200),
    content: pdf,
  });
  await audit.record(ctx.db, ctx, 'region.okr.addendum.attached', {
    schoolBrin: input.schoolBrin,
    subject: saved.dossierId,
    details: {
      regionId: input.regionId,
      version: saved.version,
      answered: [...values.values()].filter((v) => v !== '').length,
    },
  });
  return { dossierId: saved.dossierId, version: saved.version, state: saved.state, fileName };
}
