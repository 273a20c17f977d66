/** What every part of the dossier builder needs to know about the dossier being made. */
import type { ProfileCode } from '../profiles.js';
import type { AttachmentFactory } from './attachments.js';
import type { Day, SchoolYear } from './calendar.js';
import type { Home } from './family.js';
import type { Pupil } from './pupil.js';
import type { Random } from './random.js';
import type { School } from './school.js';

export interface BuildContext {
  rng: Random;
  profile: ProfileCode;
  /** The school year the dossier is made in. */
  year: SchoolYear;
  /** `metadata/datum`: nothing in the dossier happened after it. */
  datum: Day;
  school: School;
  pupil: Pupil;
  home: Home;
  att: AttachmentFactory;
  /** Teacher of the current class (contact person, test administrator). */
  teacher: { naam: string; email: string };
}

/** A number with one decimal, as report grades are written (6.8). */
export function oneDecimal(n: number): string {
  return (Math.round(n * 10) / 10).toFixed(1);
}

export function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

/** The pupil's display name for documents: roepnaam, tussenvoegsel, achternaam. */
export function pupilName(ctx: BuildContext): string {
  const s = ctx.pupil.surname;
  return `${ctx.pupil.roepnaam} ${s.voorvoegsel ? `${s.voorvoegsel} ` : ''}${s.achternaam}`;
}
