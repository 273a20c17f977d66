import * as audit from '../../platform/audit/index.js';
import { listScopeMembers, type Mailer } from '../../platform/auth/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { authorizeRegion } from '../region-store.js';
import { pilotInvalid } from './create-pilot.js';
import type { PilotDeps } from './deps.js';
import type { PilotProblem } from './pilot-rules.js';
import { logEvent, requirePilot } from './pilot-store.js';
import { buildPilotViews } from './pilot-view.js';
import { emailInvalid, notificationMail, supplierUnknown } from './texts.js';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export interface PilotNotification {
  regionId: string;
  pilotId: string;
  /** The contact address of each supplier system to tell (the traffic center knows the systems, not whom to mail). */
  suppliers: Array<{ name: string; email: string }>;
  /** The servicedesk's address; without it, every person with the servicedesk role is mailed. */
  servicedeskEmail?: string;
}

export interface Recipient {
  kind: 'supplier' | 'servicedesk';
  /** The supplier system, or the servicedesk person. */
  to: string;
  email: string;
}

/**
 * Tells the suppliers of the pilot's schools and the servicedesk the pilot's dates (ADR 0007): one
 * mail each (Dutch, with English below) naming the period, the pairs and — for a supplier — the
 * schools it serves in the pilot. The supplier systems come from the traffic center (mandates of
 * the pilot's schools); the coordinator gives each one's contact address. The recipients are kept
 * in the pilot's log, so that the checklist shows the notification, and a changed period can be
 * told again.
 */
export async function notifyPilot(
  ctx: Ctx,
  deps: Pick<PilotDeps, 'chain' | 'exchanges'> & { mailer: Mailer },
  input: PilotNotification,
): Promise<{ recipients: Recipient[] }> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  const pilot = await requirePilot(ctx.db, input.regionId, input.pilotId);
  const [view] = await buildPilotViews(ctx, deps, [pilot]);
  const known = new Map(view.suppliers.map((s) => [s.name, s.schools]));
  const problems: PilotProblem[] = [];
  const suppliers = (input.suppliers ?? []).map((s) => ({ name: s.name.trim(), email: s.email.trim() }));
  suppliers.forEach((s, index) => {
    if (!known.has(s.name)) problems.push({ field: 'suppliers', index, message: supplierUnknown(s.name) });
    else if (!EMAIL.test(s.email) || s.email.length > 254)
      problems.push({ field: 'suppliers', index, message: emailInvalid(s.name) });
  });
  const deskEmail = input.servicedeskEmail?.trim();
  if (deskEmail && (!EMAIL.test(deskEmail) || deskEmail.length > 254)) {
    problems.push({ field: 'servicedeskEmail', message: emailInvalid('servicedesk') });
  }
  if (problems.length > 0) throw pilotInvalid(problems);

  const desk: Recipient[] = deskEmail
    ? [{ kind: 'servicedesk', to: 'servicedesk', email: deskEmail }]
    : (await listScopeMembers(ctx.db, 'servicedesk', [''])).map((m) => ({
        kind: 'servicedesk' as const,
        to: m.name,
        email: m.email,
      }));
  const recipients: Recipient[] = [
    ...suppliers.map((s) => ({ kind: 'supplier' as const, to: s.name, email: s.email })),
    ...desk,
  ];
  if (recipients.length === 0) throw new AppError('PILOT_NO_RECIPIENTS', { pilotId: pilot.id });

  const coordinators = await listScopeMembers(ctx.db, 'region', [input.regionId]);
  const me = coordinators.find((c) => `account:${c.accountId}` === ctx.actor.id);
  const pairs = view.pairs.map((p) => ({
    po: `${p.po.name} (${p.po.brin})`,
    vo: `${p.vo.name} (${p.vo.brin})`,
  }));
  const at = ctx.now();
  for (const r of recipients) {
    const mail = notificationMail({
      regionName: view.regionName,
      pilotName: pilot.name,
      startsOn: pilot.startsOn,
      endsOn: pilot.endsOn,
      pairs,
      ...(r.kind === 'supplier' ? { supplier: { name: r.to, schools: known.get(r.to) ?? [] } } : {}),
      coordinator: me?.name ?? 'De regiocoördinator / The regional coordinator',
    });
    await deps.mailer.send(ctx.db, { to: r.email, ...mail }, at);
  }
  await ctx.db.transaction(async (tx) => {
    await logEvent(tx, ctx, pilot.id, 'notified', {
      startsOn: pilot.startsOn,
      endsOn: pilot.endsOn,
      recipients,
    });
    await audit.record(tx, ctx, 'region.pilot.notified', {
      subject: pilot.id,
      details: {
        suppliers: recipients.filter((r) => r.kind === 'supplier').length,
        servicedesk: desk.length,
      },
    });
  });
  return { recipients };
}
