import type { Db } from '../../platform/db/index.js';
import { schoolYearOf } from '../../standard/index.js';
import { findTimeline } from '../region-store.js';
import type { TimelineDates } from '../timeline-rules.js';
import type { SnapshotCounts } from './milestones.js';
import { upsertSnapshot } from './snapshot-store.js';

/**
 * Made-up snapshots for the demo of `npm start` (development only): a few weeks of a region's
 * progress, so that the dashboard has something to show before the first daily report. Each school
 * moves towards each deadline of the region's timeline (or typical dates when it has none) along an
 * S-curve; one po school lags. The numbers are invented; the next daily report of the gateway
 * replaces the day it reports with real counts.
 */

const DAY_MS = 86_400_000;
const RAMP_DAYS = 180;

/** Typical deadlines when the region has no timeline yet. */
function typicalTimeline(schoolYear: string): TimelineDates {
  const y = Number(schoolYear.slice(0, 4)) + 1;
  return {
    inspectedBy: `${y}-02-13`,
    registeredBy: `${y}-03-20`,
    destinationKnownBy: `${y}-04-10`,
    readyBy: `${y}-05-15`,
    requestedBy: `${y}-06-19`,
    summerSwitch: `${y}-07-17`,
  };
}

/** A stable number in [0, 1) from a text. */
function unit(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

/**
 * How far along a school is on `day` towards a deadline: an S-curve over the half year before it;
 * `pace` above 1 reaches everyone before the deadline, below 1 does not.
 */
function along(day: number, deadline: string, pace: number): number {
  const end = Date.parse(`${deadline}T00:00:00Z`);
  const t = (day - (end - RAMP_DAYS * DAY_MS)) / (RAMP_DAYS * DAY_MS); // 0 half a year before, 1 at the deadline
  const s = 1 / (1 + Math.exp(-8 * (t - 0.55)));
  return Math.max(0, Math.min(1, s * pace));
}

function countsOn(
  day: number,
  school: { brin: string; sector: string; lagging: boolean },
  timeline: TimelineDates,
): SnapshotCounts {
  const pace = school.lagging ? 0.72 : 1.08 + unit(school.brin) * 0.1;
  const part = (whole: number, deadline: string, extra = 0) =>
    Math.min(whole, Math.round(whole * along(day - extra * DAY_MS, deadline, pace)));
  const zero: SnapshotCounts = {
    leaving: 0,
    inspected: 0,
    registrationsKnown: 0,
    setReady: 0,
    requested: 0,
    delivered: 0,
    readyNotRequested: 0,
    registrations: 0,
    firstPreference: 0,
    dossiersRequested: 0,
    received: 0,
    imported: 0,
    notArrived: 0,
  };
  if (school.sector === 'po' || school.sector === 'so') {
    const leaving = 35 + Math.round(unit(`${school.brin}-leaving`) * 30);
    const setReady = part(leaving, timeline.readyBy);
    const requested = Math.min(setReady, part(leaving, timeline.requestedBy, 5));
    const delivered = Math.min(requested, part(leaving, timeline.requestedBy, 8));
    return {
      ...zero,
      leaving,
      inspected: part(leaving, timeline.inspectedBy),
      registrationsKnown: part(leaving, timeline.destinationKnownBy),
      setReady,
      requested,
      delivered,
      readyNotRequested: setReady - requested,
    };
  }
  const expected = 70 + Math.round(unit(`${school.brin}-registrations`) * 60);
  const registrations = part(expected, timeline.registeredBy);
  const firstPreference = Math.round(registrations * 0.86);
  const dossiersRequested = Math.min(registrations, part(registrations, timeline.requestedBy, -10));
  const received = Math.min(dossiersRequested, part(registrations, timeline.requestedBy, -5));
  const imported = Math.min(received, part(registrations, timeline.summerSwitch, 10));
  return {
    ...zero,
    registrations,
    firstPreference,
    dossiersRequested,
    received,
    imported,
    notArrived: registrations - received,
  };
}

/**
 * Writes `days` days of snapshots up to and including today for the given member schools of a
 * region (within the current school year). Returns how many were written.
 */
export async function seedDemoSnapshots(
  db: Db,
  input: {
    regionId: string;
    schools: ReadonlyArray<{ brin: string; sector: string }>;
    days?: number;
    today?: Date;
  },
): Promise<number> {
  const today = input.today ?? new Date();
  const todayDay = today.toISOString().slice(0, 10);
  const schoolYear = schoolYearOf(todayDay);
  const first = `${schoolYear.slice(0, 4)}-08-01`;
  const timeline = (await findTimeline(db, input.regionId, schoolYear))?.dates ?? typicalTimeline(schoolYear);
  const lagging = input.schools.filter((s) => s.sector === 'po').at(-1)?.brin;
  let written = 0;
  await db.transaction(async (tx) => {
    for (let back = (input.days ?? 42) - 1; back >= 0; back--) {
      const at = Date.parse(`${todayDay}T00:00:00Z`) - back * DAY_MS;
      const day = new Date(at).toISOString().slice(0, 10);
      if (day < first) continue;
      for (const school of input.schools) {
        await upsertSnapshot(tx, {
          brin: school.brin,
          schoolYear,
          day,
          counts: countsOn(at, { ...school, lagging: school.brin === lagging }, timeline),
          reportedAt: new Date(at + 4 * 3_600_000),
          reportedBy: 'demo',
        });
        written++;
      }
    }
  });
  return written;
}
