import { createHash } from 'node:crypto';
import type { Queryable } from '../../platform/db/index.js';
import { escapeHtml, type Message } from '../../standard/index.js';
import { requireRegion } from '../region-store.js';

/**
 * The regional addendum: the fields of the region's OKR that the coordinator confirmed as "not in
 * OSO", as a form a po school fills in per pupil — on screen or on paper — and attaches to the
 * dossier. Only those fields: never the whole OKR again. This file reads the form and renders it
 * as one self-contained HTML page (no scripts, no external resources) that Chromium prints.
 */

export interface AddendumField {
  id: string;
  name: string;
  section: string | null;
  description: string | null;
}

export interface AddendumForm {
  regionId: string;
  regionName: string;
  /** The fields in the OKR's order, grouped by section in order of first appearance. */
  sections: Array<{ section: string | null; fields: AddendumField[] }>;
  fieldCount: number;
  /**
   * A fingerprint of the fields: a filled form is accepted only for the version it was made from,
   * so a school never attaches answers to questions the region has since changed.
   */
  version: string;
}

/** The longest answer to one field. */
export const MAX_ANSWER = 4000;
/** The longest "filled in by". */
export const MAX_FILLED_BY = 200;

export async function readAddendum(tx: Queryable, regionId: string): Promise<AddendumForm> {
  const region = await requireRegion(tx, regionId);
  const { rows } = await tx.query<AddendumField>(
    `SELECT id, name, section, description FROM region.okr_fields
      WHERE region_id = $1 AND mapping = 'not_in_oso' ORDER BY position`,
    [regionId],
  );
  const sections: AddendumForm['sections'] = [];
  for (const f of rows) {
    let group = sections.find((s) => s.section === f.section);
    if (!group) {
      group = { section: f.section, fields: [] };
      sections.push(group);
    }
    group.fields.push({ id: f.id, name: f.name, section: f.section, description: f.description });
  }
  const version = createHash('sha256')
    .update(JSON.stringify(rows.map((f) => [f.id, f.name, f.section, f.description])))
    .digest('hex')
    .slice(0, 16);
  return { regionId: region.id, regionName: region.name, sections, fieldCount: rows.length, version };
}

type Lang = 'nl' | 'en';

const T = {
  title: { nl: 'Regionaal OKR-addendum', en: 'Regional OKR addendum' },
  intro: {
    nl: 'Dit addendum hoort bij het digitale overstapdossier (OSO) van de leerling. Het bevat alleen de onderdelen van het onderwijskundig rapport (OKR) van de regio die niet in de OSO-gegevensset staan; al het andere gaat met het dossier zelf mee.',
    en: "This addendum belongs with the pupil's digital transfer dossier (OSO). It holds only the parts of the region's transfer report (OKR) that are not in the OSO data set; everything else travels with the dossier itself.",
  },
  pupil: { nl: 'Naam leerling', en: "Pupil's name" },
  birthDate: { nl: 'Geboortedatum', en: 'Date of birth' },
  school: { nl: 'School', en: 'School' },
  filledBy: { nl: 'Ingevuld door (naam en functie)', en: 'Filled in by (name and role)' },
  date: { nl: 'Datum', en: 'Date' },
  general: { nl: 'Algemeen', en: 'General' },
  notFilled: { nl: 'Niet ingevuld', en: 'Not filled in' },
  attachedNote: {
    nl: 'Als PDF toegevoegd aan de bijlagen van het overstapdossier (overige documenten).',
    en: "Added as a PDF to the transfer dossier's attachments (other documents).",
  },
  pageOf: { nl: 'Pagina', en: 'Page' },
  of: { nl: 'van', en: 'of' },
} satisfies Record<string, Message>;

export const ADDENDUM_TEXTS = T;

const CSS = `
  @page { size: A4; }
  * { box-sizing: border-box; }
  body { font-family: 'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif; font-size: 10.5pt;
         color: #1a1a1a; line-height: 1.45; margin: 0; }
  h1 { font-size: 17pt; margin: 0 0 2mm; color: #154273; }
  .region { font-size: 11pt; color: #4f5b67; margin: 0 0 4mm; }
  .intro { margin: 0 0 6mm; }
  h2 { font-size: 12.5pt; color: #154273; border-bottom: 1px solid #b4c3d3; padding-bottom: 1mm; margin: 7mm 0 3mm; }
  table.meta { border-collapse: collapse; width: 100%; margin-bottom: 4mm; }
  table.meta th { text-align: left; font-weight: 600; width: 48mm; padding: 1.6mm 3mm 1.6mm 0; vertical-align: top; }
  table.meta td { padding: 1.6mm 0; border-bottom: 1px solid #8a96a3; min-height: 7mm; }
  .field { break-inside: avoid; margin: 0 0 5mm; }
  .field .name { font-weight: 600; }
  .field .description { color: #4f5b67; font-size: 9.5pt; margin: 0.5mm 0 1.5mm; white-space: pre-wrap; }
  .answer { white-space: pre-wrap; border-left: 3px solid #b4c3d3; padding: 1mm 0 1mm 3mm; }
  .answer.empty { color: #6b7680; font-style: italic; }
  .lines { height: 24mm; background-image: repeating-linear-gradient(to bottom, transparent 0, transparent 7.4mm, #8a96a3 7.4mm, #8a96a3 7.7mm);
           border: 1px solid #b4c3d3; border-radius: 1mm; }
  .note { font-size: 9pt; color: #4f5b67; margin-top: 8mm; }
`;

const e = escapeHtml;

export interface FilledAddendum {
  /** Answers by field id ('' = not filled in). */
  values: ReadonlyMap<string, string>;
  schoolName: string;
  /** The day it was filled in, as people read it (e.g. `12 maart 2027`). */
  date: string;
  filledBy: string | null;
}

/** The addendum as one HTML page: blank (boxes to write in) or filled (the school's answers). */
export function addendumHtml(form: AddendumForm, options: { lang: Lang; filled?: FilledAddendum }): string {
  const { lang, filled } = options;
  const meta = filled
    ? [
        [T.school[lang], filled.schoolName],
        [T.date[lang], filled.date],
        ...(filled.filledBy ? [[T.filledBy[lang], filled.filledBy]] : []),
      ]
    : [
        [T.pupil[lang], ''],
        [T.birthDate[lang], ''],
        [T.school[lang], ''],
        [T.filledBy[lang], ''],
        [T.date[lang], ''],
      ];
  const sections = form.sections
    .map((s) => {
      const fields = s.fields
        .map((f) => {
          const answer = filled?.values.get(f.id)?.trim() ?? '';
          const body = filled
            ? answer === ''
              ? `<div class="answer empty">${e(T.notFilled[lang])}</div>`
              : `<div class="answer">${e(answer)}</div>`
            : '<div class="lines"></div>';
          return `<div class="field"><div class="name">${e(f.name)}</div>${
            f.description ? `<div class="description">${e(f.description)}</div>` : ''
          }${body}</div>`;
        })
        .join('');
      return `<section><h2>${e(s.section ?? T.general[lang])}</h2>${fields}</section>`;
    })
    .join('');
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${e(
    `${T.title[lang]} · ${form.regionName}`,
  )}</title><style>${CSS}</style></head><body><h1>${e(T.title[lang])}</h1><p class="region">${e(
    form.regionName,
  )}</p><p class="intro">${e(T.intro[lang])}</p><table class="meta"><tbody>${meta
    .map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${e(v)}</td></tr>`)
    .join('')}</tbody></table>${sections}${
    filled ? `<p class="note">${e(T.attachedNote[lang])}</p>` : ''
  }</body></html>`;
}
