import type { SchoolRole } from '../../platform/auth/index.js';
import type { Ctx } from '../../platform/context.js';
import {
  addMemberSchool,
  addRegionContact,
  addSchoolContact,
  createRegion,
  gatewaySummerSwitch,
  type RegionDeps,
  saveTimeline,
  seedDemoEvaluation,
  trafficCenterFacts,
} from '../../region/index.js';
import { dutchDay, schoolYearOf } from '../../standard/index.js';

/** The demo region's code (memberships `region:eemland`, pages /regio/eemland). */
export const DEMO_REGION_ID = 'eemland';

/**
 * The people the demo region recorded per school and role. Daltonschool De Sterrenkijker (03CC) has
 * no technical contact on purpose: the readiness check shows it as missing. People with a demo
 * account (01AA, 21XX) fill their roles by their account.
 */
const SCHOOL_CONTACTS: Array<{
  brin: string;
  role: SchoolRole;
  name: string;
  email?: string;
  phone?: string;
}> = [
  {
    brin: '01AA',
    role: 'technisch',
    name: 'Tom Terpstra',
    email: 'ict@01aa.demo.test',
    phone: '033 555 0101',
  },
  { brin: '02BB', role: 'administratie', name: 'Bea Bakker', email: 'administratie@02bb.demo.test' },
  { brin: '02BB', role: 'directie', name: 'Henk de Vries', email: 'directie@02bb.demo.test' },
  { brin: '02BB', role: 'leerkracht', name: 'Fatima El Amrani', email: 'groep8@02bb.demo.test' },
  {
    brin: '02BB',
    role: 'technisch',
    name: 'Kees Jansen',
    email: 'ict@02bb.demo.test',
    phone: '033 555 0202',
  },
  { brin: '03CC', role: 'administratie', name: 'Ilse Smit', email: 'administratie@03cc.demo.test' },
  { brin: '03CC', role: 'directie', name: 'Ruud Visser', phone: '035 555 0303' },
  { brin: '03CC', role: 'leerkracht', name: 'Noor Bos', email: 'groep8@03cc.demo.test' },
  { brin: '21XX', role: 'directie', name: 'Mirjam de Boer', email: 'directie@21xx.demo.test' },
  {
    brin: '21XX',
    role: 'technisch',
    name: 'Yusuf Demir',
    email: 'ict@21xx.demo.test',
    phone: '033 555 2121',
  },
  { brin: '22YY', role: 'administratie', name: 'Sandra Mulder', email: 'administratie@22yy.demo.test' },
  { brin: '22YY', role: 'directie', name: 'Peter de Groot', email: 'directie@22yy.demo.test' },
  { brin: '22YY', role: 'coordinator', name: 'Lotte Meijer', email: 'brugklas@22yy.demo.test' },
  { brin: '22YY', role: 'technisch', name: 'Daan Hendriks', email: 'ict@22yy.demo.test' },
];

/**
 * The demo region "Demo-regio Eemland" (holiday region midden): the demo schools as members, the
 * region's own contacts for the help pages, the schools' contacts per role, and the timeline of
 * current school year (which also gives the gateway the region's summer switch), and the closed
 * evaluation of the previous school year with made-up answers and findings.
 */
export async function seedDemoRegion(
  ctx: Ctx,
  deps: { name: string; brins: readonly string[] },
): Promise<void> {
  const regionDeps: Pick<RegionDeps, 'chain' | 'summerSwitch'> = {
    chain: trafficCenterFacts(ctx.db, ctx.keyring),
    summerSwitch: gatewaySummerSwitch(ctx.db),
  };
  await createRegion(ctx, { id: DEMO_REGION_ID, name: deps.name, holidayRegion: 'midden' });
  for (const brin of deps.brins) await addMemberSchool(ctx, regionDeps, { regionId: DEMO_REGION_ID, brin });
  await addRegionContact(ctx, {
    regionId: DEMO_REGION_ID,
    name: 'Marieke van Dam',
    function: 'Regiocoördinator overstap po-vo',
    email: 'overstap@regio-eemland.demo.test',
    phone: '033 555 0000',
  });
  await addRegionContact(ctx, {
    regionId: DEMO_REGION_ID,
    name: 'Jeroen Kok',
    function: 'Projectleider samenwerkingsverband',
    email: 'j.kok@regio-eemland.demo.test',
  });
  for (const c of SCHOOL_CONTACTS) await addSchoolContact(ctx, { regionId: DEMO_REGION_ID, ...c });
  // This school year's timeline (so the dashboard is about now): the same days every year.
  const schoolYear = schoolYearOf(dutchDay(ctx.now()));
  const spring = Number(schoolYear.slice(5));
  await saveTimeline(ctx, regionDeps, {
    regionId: DEMO_REGION_ID,
    schoolYear,
    dates: {
      inspectedBy: `${spring}-03-05`,
      registeredBy: `${spring}-03-19`,
      destinationKnownBy: `${spring}-03-26`,
      readyBy: `${spring}-04-09`,
      requestedBy: `${spring}-04-16`,
      summerSwitch: `${spring}-07-17`,
    },
  });
  // The evaluation of the previous school year, closed, with answers and findings for this timeline.
  await seedDemoEvaluation(ctx, DEMO_REGION_ID);
}
