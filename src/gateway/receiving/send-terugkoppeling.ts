import { randomUUID } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { enqueue } from '../../platform/jobs/index.js';
import {
  dutchDay,
  type Finding,
  isStandardError,
  readDossier,
  type Terugkoppeling,
  type Tiperschooljaar,
  type Vertrek,
  validateDocument,
  writeDossiers,
} from '../../standard/index.js';
import { activeDeliveryPoint } from '../hosting/delivery-points.js';
import { requireHostedSchool } from '../hosting/hosted-schools.js';
import { identityOf, loadRegistration, receivedAad } from './registration-store.js';

export interface TerugkoppelingInput {
  /** The school that received the dossier (hosted here). */
  schoolBrin: string;
  registrationId: string;
  /** How the pupil is doing, per school year (tiperschooljaar). */
  schooljaren?: Tiperschooljaar[];
  /** The pupil left the school. */
  vertrek?: Vertrek;
}

export interface TerugkoppelingQueued {
  terugkoppelingId: string;
  registrationId: string;
  sourceBrin: string;
  state: 'wachtrij';
  /** Warnings of the strict validation (an error refuses the feedback). */
  findings: Finding[];
}

/** Job kind: deliver a terugkoppeling to the source school's delivery point. */
export const SEND_TERUGKOPPELING = 'gw.send-terugkoppeling';

export const outgoingTerugkoppelingAad = (id: string) => `gw.outgoing_terugkoppelingen:${id}`;

const MAX_SCHOOLJAREN = 20;

/**
 * Feedback (the OSO terugkoppeling) about a pupil whose dossier this school received, for the
 * school that sent it: per school year how the pupil is doing (schooljaar, dates, group, jaargroep,
 * ILT code) and/or that the pupil left (vertrek). Built as OSO XML — a `<dossiers>` holding one
 * `<terugkoppeling>`, the pupil named as the received dossier names it (leerlingmatching) — with the
 * standard library, validated strictly (TERUGKOPPELING_INVALID with the findings on an error),
 * stored encrypted and delivered by a durable job (gw.send-terugkoppeling) in the same transaction.
 */
export async function sendTerugkoppeling(
  ctx: Ctx,
  input: TerugkoppelingInput,
): Promise<TerugkoppelingQueued> {
  authorize(ctx, 'received:write', input.schoolBrin);
  const schooljaren = input.schooljaren ?? [];
  if ((schooljaren.length === 0 && input.vertrek === undefined) || schooljaren.length > MAX_SCHOOLJAREN) {
    throw new AppError('TERUGKOPPELING_INVALID', {
      problems: { schooljaren: `1 to ${MAX_SCHOOLJAREN} school years, a vertrek, or both` },
    });
  }
  const at = ctx.now();
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const school = await requireHostedSchool(tx, input.schoolBrin);
    const registration = await loadRegistration(tx, input.schoolBrin, input.registrationId);
    const { rows } = await tx.query<{ id: string; xml_enc: Uint8Array }>(
      `SELECT id, xml_enc FROM gw.received_dossiers WHERE registration_id = $1 ORDER BY received_at DESC LIMIT 1`,
      [registration.id],
    );
    if (!rows[0]) throw new AppError('RECEIVED_DOSSIER_NOT_FOUND', { registrationId: registration.id });
    const leerling = readDossier(ctx.keyring.decrypt(rows[0].xml_enc, receivedAad(rows[0].id))).huidigeschool
      .leerling;
    const who = identityOf(ctx.keyring, registration);
    const voornaam = leerling.voornaam?.length
      ? leerling.voornaam
      : [leerling.roepnaam ?? who.roepnaam ?? ''];
    const ownPoint = await activeDeliveryPoint(tx, school.brin, 'OV');

    const terugkoppeling: Terugkoppeling = {
      metadata: {
        deeldossier: 'LAS',
        pakketnaam: 'Overstap',
        pakketversie: '1',
        datum: dutchDay(at),
        standaardversie: '2019.1',
        validatieversie: '2019.1.1',
      },
      voschool: {
        school: {
          naam: school.name,
          brincode: school.brin,
          vestigingscode: school.vestiging,
          aanleverpunt: ownPoint?.routingKey ?? `${school.brin}${school.vestiging}`,
        },
      },
      leerlingmatching: {
        // The source school's own key for the pupil; our registration's id when its dossier had none.
        leerlingid: leerling.leerlingid?.trim() || registration.id,
        voornaam,
        ...(leerling.voorvoegsel ? { tussenvoegsel: leerling.voorvoegsel } : {}),
        achternaam: leerling.achternaam,
        geslacht: leerling.geslacht ?? '0',
        geboortedatum: leerling.geboortedatum ?? who.geboortedatum,
      },
      terugkoppelinformatie: {
        ...(schooljaren.length > 0 ? { tiperschooljaar: schooljaren } : {}),
        ...(input.vertrek ? { vertrek: input.vertrek } : {}),
      },
    };
    const { xml, findings } = writeChecked(terugkoppeling);

    await tx.query(
      `INSERT INTO gw.outgoing_terugkoppelingen
         (id, school_brin, registration_id, source_brin, xml_enc, size_bytes, state, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'wachtrij', $7, $8)`,
      [
        id,
        school.brin,
        registration.id,
        registration.source_brin,
        ctx.keyring.encrypt(xml, outgoingTerugkoppelingAad(id)),
        xml.byteLength,
        ctx.actor.id,
        at,
      ],
    );
    await enqueue(tx, SEND_TERUGKOPPELING, { terugkoppelingId: id }, { key: id });
    await audit.record(tx, ctx, 'terugkoppeling.created', {
      schoolBrin: school.brin,
      subject: registration.id,
      details: {
        terugkoppelingId: id,
        sourceBrin: registration.source_brin,
        schooljaren: schooljaren.length,
        vertrek: input.vertrek !== undefined,
      },
    });
    return {
      terugkoppelingId: id,
      registrationId: registration.id,
      sourceBrin: registration.source_brin,
      state: 'wachtrij' as const,
      findings,
    };
  });
}

/** The OSO XML of one terugkoppeling, valid in strict mode; TERUGKOPPELING_INVALID otherwise. */
function writeChecked(terugkoppeling: Terugkoppeling): { xml: Buffer; findings: Finding[] } {
  try {
    const xml = writeDossiers({ terugkoppeling: [terugkoppeling] });
    const verdict = validateDocument(xml, { mode: 'strict' });
    const errors = verdict.findings.filter((f) => f.severity === 'fout');
    if (!verdict.xsdValid || errors.length > 0) {
      throw new AppError('TERUGKOPPELING_INVALID', { findings: errors.slice(0, 50) });
    }
    return { xml, findings: verdict.findings };
  } catch (e) {
    if (isStandardError(e)) {
      throw new AppError(
        'TERUGKOPPELING_INVALID',
        { standardCode: e.code, problems: e.problems.slice(0, 50) },
        e.messages,
      );
    }
    throw e;
  }
}
