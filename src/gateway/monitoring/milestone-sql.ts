/**
 * What the region's monitoring counts at a hosted school, as SQL shared by the counts
 * (count-milestones.ts) and the school's own lists (list-ready-not-requested.ts,
 * list-not-arrived.ts), so that a school never sees a count of 3 beside a list of 2.
 *
 * Parameters of every fragment: $1 the school's BRIN, $2 the school year (YYYY-YYYY), $3 and $4 the
 * school year's first day and the day after its last (1 August – 31 July); registrations and
 * registration notices carry no school year of their own and count when they came in that window.
 */

/**
 * The school's leaving pupils of the school year: one transfer dossier each (SWV dossiers are not,
 * nor the region's pilot dossiers about fictional pupils, ADR 0007).
 */
export const LEAVING_DOSSIERS = `
  SELECT d.id, d.state, d.pupil_id, p.pupil_key, v.inspected_at, v.groep,
         t.destination_brin, t.ready_at
    FROM gw.dossiers d
    JOIN gw.pupils p ON p.id = d.pupil_id
    JOIN gw.dossier_versions v ON v.dossier_id = d.id AND v.version = d.current_version
    LEFT JOIN gw.dossier_destinations t ON t.dossier_id = d.id AND t.state = 'klaargezet'
   WHERE d.school_brin = $1 AND d.schooljaar = $2 AND d.profile NOT IN ('POSWV', 'VOSWV')
     AND d.pilot_ref IS NULL`;

/** Someone told us where the pupil registered (a pupil with several registrations is one pupil). */
export const REGISTRATION_KNOWN = `EXISTS (
  SELECT 1 FROM gw.registration_notices n
   WHERE n.school_brin = $1 AND n.pupil_key = l.pupil_key AND n.received_at >= $3 AND n.received_at < $4)`;

/** A school asked for the pupil's dossier (whatever the answer). */
export const REQUESTED = `EXISTS (
  SELECT 1 FROM gw.incoming_requests r
   WHERE r.school_brin = $1 AND r.pupil_key = l.pupil_key AND r.received_at >= $3 AND r.received_at < $4)`;

/** The dossier went to a school at least once. */
export const DELIVERED = `EXISTS (
  SELECT 1 FROM gw.incoming_requests r WHERE r.dossier_id = l.id AND r.result = 'OverdrachtGeslaagd')`;

/** Set ready now, or was until the summer switch. */
export const SET_READY = `l.state IN ('klaargezet', 'verlopen')`;

/** Ready for a school that has not asked for it since it was set ready for that school. */
export const READY_NOT_REQUESTED = `l.state = 'klaargezet' AND l.destination_brin IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM gw.incoming_requests r
   WHERE r.school_brin = $1 AND r.pupil_key = l.pupil_key AND r.destination_brin = l.destination_brin
     AND r.received_at >= l.ready_at)`;

/** The school's registrations of the school year (receiving side), one per pupil (a unique key); not the pilot's. */
export const REGISTRATIONS_OF_YEAR = `r.school_brin = $1 AND r.created_at >= $3 AND r.created_at < $4
  AND r.pilot_ref IS NULL`;

/** A dossier arrived for the registration (also when it was imported or rejected since). */
export const ARRIVED = `EXISTS (SELECT 1 FROM gw.received_dossiers x WHERE x.registration_id = r.id)`;

/** The first day of a school year and the day after its last, as the window parameters $3, $4. */
export function schoolYearWindow(schoolYear: string): [string, string] {
  const start = Number(schoolYear.slice(0, 4));
  return [`${start}-08-01`, `${start + 1}-08-01`];
}

export const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/;

/** True for '2026-2027': two consecutive years. */
export function isSchoolYear(value: string): boolean {
  const m = SCHOOL_YEAR.exec(value);
  return m !== null && Number(m[2]) === Number(m[1]) + 1;
}
