import { regionGrantKey } from '../platform/auth/index.js';
import { authorize, type Ctx, type Permission } from '../platform/context.js';
import type { Queryable } from '../platform/db/index.js';
import { AppError } from '../platform/errors.js';
import type { HolidayRegion } from './school-calendar.js';
import { TIMELINE_FIELDS, type TimelineDates } from './timeline-rules.js';

/**
 * Reads of the region's tables that several use cases share, and the mapping of rows to the shapes
 * the API gives. Writes stay in the use cases.
 */

/** The first line of a region use case: may the actor do this in this region (`region:<id>`)? */
export function authorizeRegion(ctx: Pick<Ctx, 'actor'>, permission: Permission, regionId: string): void {
  authorize(ctx, permission, regionGrantKey(regionId));
}

export const REGION_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
export const BRIN = /^[0-9]{2}[A-Z]{2}$/;

export type RegistrationsPerPupil = 'one' | 'several';
export type DossierOrder = 'first_preference' | 'after_placement';
export type RegionalPlatform = 'none' | 'onderwijs_transparant' | 'triple_w_ict' | 'other';
export type EindtoetsRoute = 'oso' | 'platform';

export interface RegionSettings {
  /** One registration per pupil, or several (in order of preference). */
  registrationsPerPupil: RegistrationsPerPupil;
  /** With several registrations: in which order the dossier goes; null with one. */
  dossierOrder: DossierOrder | null;
  /** The regional platform the region uses, if any; each school then needs an RP delivery point. */
  platform: RegionalPlatform;
  /** The platform's name when it is 'other'. */
  platformName: string | null;
  /** How the final test result (eindtoets) travels: with OSO, or via the platform. */
  eindtoetsRoute: EindtoetsRoute;
  /** The school-holiday region the timeline is checked against. */
  holidayRegion: HolidayRegion;
  /** Gaps between deadlines shorter than this many school days are warned about. */
  minGapSchoolDays: number;
}

export interface Region {
  id: string;
  name: string;
  settings: RegionSettings;
  updatedAt: string;
}

interface RegionRow {
  id: string;
  name: string;
  registrations_per_pupil: RegistrationsPerPupil;
  dossier_order: DossierOrder | null;
  platform: RegionalPlatform;
  platform_name: string | null;
  eindtoets_route: EindtoetsRoute;
  holiday_region: HolidayRegion;
  min_gap_school_days: number;
  updated_at: Date;
}

const REGION_COLUMNS = `id, name, registrations_per_pupil, dossier_order, platform, platform_name,
  eindtoets_route, holiday_region, min_gap_school_days, updated_at`;

export function toRegion(row: RegionRow): Region {
  return {
    id: row.id,
    name: row.name,
    settings: {
      registrationsPerPupil: row.registrations_per_pupil,
      dossierOrder: row.dossier_order,
      platform: row.platform,
      platformName: row.platform_name,
      eindtoetsRoute: row.eindtoets_route,
      holidayRegion: row.holiday_region,
      minGapSchoolDays: Number(row.min_gap_school_days),
    },
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function findRegion(
  tx: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Region | undefined> {
  if (!REGION_ID.test(id)) return undefined;
  const { rows } = await tx.query<RegionRow>(
    `SELECT ${REGION_COLUMNS} FROM region.regions WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toRegion(rows[0]) : undefined;
}

export async function requireRegion(
  tx: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Region> {
  const region = await findRegion(tx, id, options);
  if (!region) throw new AppError('REGION_NOT_FOUND', { regionId: id });
  return region;
}

export async function listRegionsByIds(tx: Queryable, ids: readonly string[] | 'all'): Promise<Region[]> {
  const { rows } = await tx.query<RegionRow>(
    `SELECT ${REGION_COLUMNS} FROM region.regions WHERE $1::text[] IS NULL OR id = ANY($1) ORDER BY name, id`,
    [ids === 'all' ? null : [...ids]],
  );
  return rows.map(toRegion);
}

/** The BRINs of a region's member schools, in BRIN order. */
export async function memberBrins(tx: Queryable, regionId: string): Promise<string[]> {
  const { rows } = await tx.query<{ brin: string }>(
    'SELECT brin FROM region.member_schools WHERE region_id = $1 ORDER BY brin',
    [regionId],
  );
  return rows.map((r) => r.brin);
}

/** Refuses with REGION_MEMBER_NOT_FOUND unless the school is a member of the region. */
export async function requireMember(tx: Queryable, regionId: string, brin: string): Promise<void> {
  const { rows } = BRIN.test(brin)
    ? await tx.query('SELECT 1 FROM region.member_schools WHERE region_id = $1 AND brin = $2', [
        regionId,
        brin,
      ])
    : { rows: [] as unknown[] };
  if (rows.length === 0) throw new AppError('REGION_MEMBER_NOT_FOUND', { regionId, brin });
}

/** The regions a school is a member of. */
export async function regionsOfSchool(tx: Queryable, brin: string): Promise<Region[]> {
  const { rows } = await tx.query<RegionRow>(
    `SELECT r.* FROM region.regions r
       JOIN region.member_schools m ON m.region_id = r.id
      WHERE m.brin = $1 ORDER BY r.name, r.id`,
    [brin],
  );
  return rows.map(toRegion);
}

// ---- timelines ---------------------------------------------------------------------------------

export interface StoredTimeline {
  schoolYear: string;
  dates: TimelineDates;
  updatedAt: string;
}

interface TimelineRow {
  school_year: string;
  inspected_by: string;
  registered_by: string;
  destination_known_by: string;
  ready_by: string;
  requested_by: string;
  summer_switch: string;
  updated_at: Date;
}

/** The column of each timeline field. */
export const TIMELINE_COLUMNS: Record<keyof TimelineDates, string> = {
  inspectedBy: 'inspected_by',
  registeredBy: 'registered_by',
  destinationKnownBy: 'destination_known_by',
  readyBy: 'ready_by',
  requestedBy: 'requested_by',
  summerSwitch: 'summer_switch',
};

function toTimeline(row: TimelineRow): StoredTimeline {
  const dates = Object.fromEntries(
    TIMELINE_FIELDS.map((f) => [f, row[TIMELINE_COLUMNS[f] as keyof TimelineRow] as string]),
  ) as TimelineDates;
  return { schoolYear: row.school_year, dates, updatedAt: row.updated_at.toISOString() };
}

export async function findTimeline(
  tx: Queryable,
  regionId: string,
  schoolYear: string,
): Promise<StoredTimeline | undefined> {
  const { rows } = await tx.query<TimelineRow>(
    'SELECT * FROM region.timelines WHERE region_id = $1 AND school_year = $2',
    [regionId, schoolYear],
  );
  return rows[0] ? toTimeline(rows[0]) : undefined;
}

export async function listTimelines(tx: Queryable, regionId: string): Promise<StoredTimeline[]> {
  const { rows } = await tx.query<TimelineRow>(
    'SELECT * FROM region.timelines WHERE region_id = $1 ORDER BY school_year',
    [regionId],
  );
  return rows.map(toTimeline);
}
