import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { readDocument, type Tiperschooljaar, type Vertrek } from '../../standard/index.js';
import { incomingTerugkoppelingAad } from './receive-feedback.js';

export interface TerugkoppelingListItem {
  terugkoppelingId: string;
  /** The school's dossier the feedback is about. */
  dossierId: string;
  /** The school that received the dossier and sent the feedback. */
  fromBrin: string;
  receivedAt: string;
  /** The pupil as the sender names it (leerlingmatching). */
  leerling: {
    leerlingid: string;
    voornaam: string[];
    tussenvoegsel?: string;
    achternaam: string;
    geslacht: string;
    geboortedatum: string;
  };
  schooljaren: Tiperschooljaar[];
  vertrek: Vertrek | null;
}

/**
 * The feedback (terugkoppelingen) a school received about pupils whose dossier it delivered, oldest
 * first, with its content read from the stored OSO XML. One audit entry for the read.
 */
export async function listTerugkoppelingen(
  ctx: Ctx,
  input: { schoolBrin: string },
): Promise<TerugkoppelingListItem[]> {
  authorize(ctx, 'dossier:read', input.schoolBrin);
  const { rows } = await ctx.db.query<{
    id: string;
    dossier_id: string;
    from_brin: string;
    xml_enc: Uint8Array;
    received_at: Date;
  }>(
    `SELECT id, dossier_id, from_brin, xml_enc, received_at FROM gw.incoming_terugkoppelingen
      WHERE school_brin = $1 ORDER BY received_at, id`,
    [input.schoolBrin],
  );
  const items = rows.map((r): TerugkoppelingListItem => {
    const doc = readDocument(ctx.keyring.decrypt(r.xml_enc, incomingTerugkoppelingAad(r.id)));
    // Stored only after strict validation as a batch of exactly one terugkoppeling.
    const t = doc.kind === 'dossiers' ? doc.dossiers.terugkoppeling?.[0] : undefined;
    if (!t) throw new RangeError(`gw.incoming_terugkoppelingen ${r.id} holds no terugkoppeling`);
    const m = t.leerlingmatching;
    return {
      terugkoppelingId: r.id,
      dossierId: r.dossier_id,
      fromBrin: r.from_brin,
      receivedAt: r.received_at.toISOString(),
      leerling: {
        leerlingid: m.leerlingid,
        voornaam: m.voornaam,
        ...(m.tussenvoegsel ? { tussenvoegsel: m.tussenvoegsel } : {}),
        achternaam: m.achternaam,
        geslacht: m.geslacht,
        geboortedatum: m.geboortedatum,
      },
      schooljaren: t.terugkoppelinformatie.tiperschooljaar ?? [],
      vertrek: t.terugkoppelinformatie.vertrek ?? null,
    };
  });
  await audit.record(ctx.db, ctx, 'terugkoppeling.list', {
    schoolBrin: input.schoolBrin,
    details: { count: items.length },
  });
  return items;
}
