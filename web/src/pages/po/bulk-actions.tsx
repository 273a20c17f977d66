import { useEffect, useRef, useState } from 'react';
import { ApiError, api, seg } from '../../api';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '../../components';
import { useT } from '../../i18n';
import { schoolShort } from './labels';
import {
  type BulkAction,
  type BulkResult,
  type DossierListItem,
  firstPreference,
  pupilName,
  type SchoolRef,
} from './types';

/** What a bulk action will do to the selected dossiers, worked out before asking. */
function plan(
  action: BulkAction,
  rows: DossierListItem[],
): { ids: string[]; change: number; skip: number; bySchool: Array<readonly [SchoolRef, number]> } {
  if (action === 'ter_inzage') {
    // Only a concept goes up for inspection; what is further along (or there already) is left alone.
    const ids = rows.filter((d) => d.state === 'concept').map((d) => d.dossierId);
    return { ids, change: ids.length, skip: rows.length - ids.length, bySchool: [] };
  }
  const bySchool = new Map<string, number>();
  const ids: string[] = [];
  for (const d of rows) {
    const first = firstPreference(d);
    if (!first) continue;
    ids.push(d.dossierId);
    bySchool.set(first.brin, (bySchool.get(first.brin) ?? 0) + 1);
  }
  const names = new Map(rows.flatMap((d) => d.registeredAt.map((r) => [r.brin, r] as const)));
  return {
    ids,
    change: ids.length,
    skip: rows.length - ids.length,
    bySchool: [...bySchool].map(([brin, n]) => [names.get(brin) ?? { brin, schoolName: null }, n] as const),
  };
}

/**
 * The bulk toolbar above the worklist: what is selected, the actions this person may do, a
 * confirmation that says what will happen (per school, what is skipped), and per dossier what did
 * happen afterwards.
 */
export function BulkActions({
  brin,
  selected,
  rows,
  mayInspect,
  mayReady,
  onClear,
  onDone,
}: {
  brin: string;
  selected: DossierListItem[];
  rows: DossierListItem[];
  mayInspect: boolean;
  mayReady: boolean;
  onClear(): void;
  onDone(): void;
}) {
  const { t, pick } = useT();
  const [pending, setPending] = useState<BulkAction>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [result, setResult] = useState<BulkResult>();
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (pending) confirmRef.current?.focus();
  }, [pending]);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const count = selected.length;
  const run = async (action: BulkAction, dossierIds: string[]) => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api.post<BulkResult>(`/api/gw/schools/${seg(brin)}/dossiers/bulk`, {
        action,
        dossierIds,
      });
      setPending(undefined);
      setResult(answer);
      onClear();
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };

  const names = new Map(rows.map((d) => [d.dossierId, pupilName(d.pupil)]));
  const p = pending ? plan(pending, selected) : undefined;

  return (
    <div className="ovs-po-bulk">
      <section className="ovs-po-bulk__bar" aria-label={t('po.bulk.title')}>
        <p className="utrecht-paragraph ovs-po-bulk__count" aria-live="polite">
          {count === 0
            ? t('po.bulk.none')
            : count === 1
              ? t('po.bulk.selectedOne')
              : t('po.bulk.selected', { count })}
        </p>
        {count > 0 ? (
          <div className="ovs-po-bulk__actions">
            {mayInspect ? (
              <Button kind="secondary" onClick={() => setPending('ter_inzage')} disabled={busy}>
                {t('po.bulk.terInzage')}
              </Button>
            ) : null}
            {mayReady ? (
              <Button kind="secondary" onClick={() => setPending('klaarzetten')} disabled={busy}>
                {t('po.bulk.klaarzetten')}
              </Button>
            ) : null}
            <Button kind="subtle" onClick={onClear}>
              {t('po.bulk.clear')}
            </Button>
          </div>
        ) : null}
      </section>

      {pending && p ? (
        <section className="ovs-po-confirm" aria-labelledby="ovs-po-bulk-confirm">
          <h2 className="utrecht-heading-2" id="ovs-po-bulk-confirm" tabIndex={-1} ref={confirmRef}>
            {pending === 'ter_inzage'
              ? t('po.bulk.confirm.inspectTitle', { count })
              : t('po.bulk.confirm.readyTitle', { count })}
          </h2>
          <Paragraph>
            {pending === 'ter_inzage' ? t('po.bulk.confirm.inspectText') : t('po.bulk.confirm.readyText')}
          </Paragraph>
          <ul className="utrecht-unordered-list">
            {pending === 'ter_inzage' ? (
              <li>{t('po.bulk.confirm.inspectCount', { count: p.change })}</li>
            ) : (
              p.bySchool.map(([school, n]) => (
                <li key={school.brin}>
                  {t('po.bulk.confirm.toSchool', { count: n, school: schoolShort(t, school) })}
                </li>
              ))
            )}
            {p.skip > 0 ? (
              <li>
                {pending === 'ter_inzage'
                  ? t('po.bulk.confirm.inspectSkip', { count: p.skip })
                  : t('po.bulk.confirm.readySkip', { count: p.skip })}
              </li>
            ) : null}
          </ul>
          {pending === 'klaarzetten' ? <Paragraph>{t('po.bulk.confirm.readyRefusals')}</Paragraph> : null}
          {error ? (
            <Alert type="error">
              <Paragraph>{pick(error.serverMessage)}</Paragraph>
            </Alert>
          ) : null}
          <ButtonGroup>
            <Button onClick={() => void run(pending, p.ids)} busy={busy} disabled={p.change === 0}>
              {pending === 'ter_inzage'
                ? t('po.bulk.confirm.inspectGo', { count: p.change })
                : t('po.bulk.confirm.readyGo', { count: p.change })}
            </Button>
            <Button kind="secondary" onClick={() => setPending(undefined)} disabled={busy}>
              {t('action.cancel')}
            </Button>
          </ButtonGroup>
        </section>
      ) : null}

      {result ? (
        <div ref={resultRef} tabIndex={-1} className="ovs-po-focus-target">
          <Alert type={result.refused > 0 ? 'warning' : 'ok'}>
            <Heading level={2}>
              {result.action === 'ter_inzage'
                ? t('po.bulk.result.inspectTitle')
                : t('po.bulk.result.readyTitle')}
            </Heading>
            <Paragraph>
              {t('po.bulk.result.counts', {
                ok: result.ok,
                unchanged: result.unchanged,
                refused: result.refused,
              })}
            </Paragraph>
            {result.refused > 0 ? (
              <>
                <Paragraph>{t('po.bulk.result.refusedIntro')}</Paragraph>
                <ul className="utrecht-unordered-list">
                  {result.outcomes
                    .filter((o) => o.result === 'refused')
                    .map((o) => (
                      <li key={o.dossierId}>
                        <strong>{names.get(o.dossierId) ?? t('po.bulk.result.unknownPupil')}</strong>:{' '}
                        {pick(o.message)}
                      </li>
                    ))}
                </ul>
              </>
            ) : null}
            <Button kind="subtle" onClick={() => setResult(undefined)}>
              {t('action.close')}
            </Button>
          </Alert>
        </div>
      ) : null}
    </div>
  );
}
