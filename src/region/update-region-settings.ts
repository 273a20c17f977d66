import * as audit from '../platform/audit/index.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import type { Message } from '../standard/index.js';
import { authorizeRegion, type Region, type RegionSettings, requireRegion } from './region-store.js';
import { HOLIDAY_REGIONS } from './school-calendar.js';

const REGISTRATIONS = ['one', 'several'] as const;
const ORDERS = ['first_preference', 'after_placement'] as const;
const PLATFORMS = ['none', 'onderwijs_transparant', 'triple_w_ict', 'other'] as const;
const ROUTES = ['oso', 'platform'] as const;

function refuse(field: keyof RegionSettings, message: Message): never {
  throw new AppError('REGION_SETTINGS_INVALID', { field }, message);
}

/**
 * The region's rules: one or several registrations per pupil and, with several, the order in which
 * the dossier goes; whether a regional platform is used (then every school needs a delivery point
 * for it) and how the final test result travels; the holiday region and the shortest gap between
 * deadlines. Settings that do not fit together are refused with an explanation at the field.
 */
export async function updateRegionSettings(
  ctx: Ctx,
  regionId: string,
  input: RegionSettings,
): Promise<Region> {
  authorizeRegion(ctx, 'region:admin', regionId);
  const settings = normalize(input);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await requireRegion(tx, regionId, { lock: true });
    await tx.query(
      `UPDATE region.regions SET registrations_per_pupil = $2, dossier_order = $3, platform = $4,
              platform_name = $5, eindtoets_route = $6, holiday_region = $7, min_gap_school_days = $8,
              updated_at = $9
        WHERE id = $1`,
      [
        regionId,
        settings.registrationsPerPupil,
        settings.dossierOrder,
        settings.platform,
        settings.platformName,
        settings.eindtoetsRoute,
        settings.holidayRegion,
        settings.minGapSchoolDays,
        now,
      ],
    );
    await audit.record(tx, ctx, 'region.settings.updated', { subject: regionId, details: { ...settings } });
    return requireRegion(tx, regionId);
  });
}

function normalize(input: RegionSettings): RegionSettings {
  const oneOf = <T extends string>(values: readonly T[], value: unknown, field: keyof RegionSettings): T => {
    if (!values.includes(value as T)) throw new AppError('VALIDATION_FAILED', { field });
    return value as T;
  };
  const registrationsPerPupil = oneOf(REGISTRATIONS, input.registrationsPerPupil, 'registrationsPerPupil');
  const platform = oneOf(PLATFORMS, input.platform, 'platform');
  const eindtoetsRoute = oneOf(ROUTES, input.eindtoetsRoute, 'eindtoetsRoute');
  const holidayRegion = oneOf(HOLIDAY_REGIONS, input.holidayRegion, 'holidayRegion');
  let dossierOrder: RegionSettings['dossierOrder'] = null;
  if (registrationsPerPupil === 'several') {
    if (input.dossierOrder == null) {
      refuse('dossierOrder', {
        nl: 'Kies in welke volgorde het dossier gaat als een leerling bij meer scholen is aangemeld.',
        en: 'Choose in which order the dossier goes when a pupil registered at more than one school.',
      });
    }
    dossierOrder = oneOf(ORDERS, input.dossierOrder, 'dossierOrder');
  }
  const platformName = platform === 'other' ? (input.platformName ?? '').trim() : '';
  if (platform === 'other' && (platformName === '' || platformName.length > 200)) {
    refuse('platformName', {
      nl: 'Geef de naam van het regionale platform.',
      en: 'Give the name of the regional platform.',
    });
  }
  if (eindtoetsRoute === 'platform' && platform === 'none') {
    refuse('eindtoetsRoute', {
      nl: 'De uitslag van de eindtoets kan alleen via het regionale platform gaan als de regio een platform gebruikt. Kies een platform, of laat de uitslag via OSO gaan.',
      en: 'The final test result can only travel via the regional platform if the region uses one. Choose a platform, or let the result travel via OSO.',
    });
  }
  const minGapSchoolDays = input.minGapSchoolDays;
  if (!Number.isInteger(minGapSchoolDays) || minGapSchoolDays < 1 || minGapSchoolDays > 30) {
    refuse('minGapSchoolDays', {
      nl: 'Het kleinste aantal schooldagen tussen twee data is een heel getal van 1 tot en met 30.',
      en: 'The smallest number of school days between two dates is a whole number from 1 to 30.',
    });
  }
  return {
    registrationsPerPupil,
    dossierOrder,
    platform,
    platformName: platform === 'other' ? platformName : null,
    eindtoetsRoute,
    holidayRegion,
    minGapSchoolDays,
  };
}
