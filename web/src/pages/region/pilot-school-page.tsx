import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, api, seg } from '../../api';
import { Button, type Column, Heading, Paragraph, Section, StatusBadge, Table } from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { formatPeriod, PairChecklist, PairStatusBadge } from './pilot-checklist';
import type { PilotKind, PilotListItem, SchoolPilots, StepOutcome } from './pilot-types';
import { Notice } from './ui';
import './pilot.css';

type SchoolPair = SchoolPilots['pilots'][number]['pairs'][number];
type Step = 'prepare' | 'request' | 'import';

const kindKey = (kind: PilotKind): MessageKey =>
  kind === 'regular' ? 'region.pilot.school.kind.regular' : 'region.pilot.school.kind.support';

/**
 * /school/:brin/pilot — the pilots a school takes part in (ADR 0007): per pair its checklist and this
 * school's step — the po school makes and sets ready its two pilot dossiers, the vo school
 * registers the fictional pupils, requests and imports their dossiers — for whoever may take it;
 * and the school's own pilot lists, apart from its worklists.
 */
export function SchoolPilotPage() {
  const { brin = '' } = useParams();
  const { t, language } = useT();
  const data = useResource<SchoolPilots>(`/api/region/schools/${seg(brin)}/pilots`);
  const d = data.data;
  return (
    <>
      <Heading level={1}>{t('region.pilot.school.heading')}</Heading>
      <Paragraph lead>{t('region.pilot.school.intro')}</Paragraph>
      {data.error ? <ErrorMessage error={data.error} onRetry={() => void data.reload()} /> : null}
      {data.loading && !d ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {d && d.pilots.length === 0 ? <Paragraph>{t('region.pilot.school.none')}</Paragraph> : null}
      {d?.pilots.map((p) => (
        <Section
          key={p.id}
          title={t('region.pilot.school.pilotTitle', { name: p.name, period: formatPeriod(t, language, p) })}
        >
          <Paragraph>{p.regionName}</Paragraph>
          {p.pairs.map((pair) => (
            <PairStep
              key={pair.pairId}
              brin={brin}
              pilotId={p.id}
              pair={pair}
              onDone={() => void data.reload()}
            />
          ))}
        </Section>
      ))}
      {d?.sending && d.sending.length > 0 ? <SendingList items={d.sending} names={namesOf(d)} /> : null}
      {d?.receiving && d.receiving.length > 0 ? (
        <ReceivingList items={d.receiving} names={namesOf(d)} />
      ) : null}
    </>
  );
}

function PairStep({
  brin,
  pilotId,
  pair,
  onDone,
}: {
  brin: string;
  pilotId: string;
  pair: SchoolPair;
  onDone(): void;
}) {
  const { t, pick } = useT();
  const [busy, setBusy] = useState<Step>();
  const [outcome, setOutcome] = useState<
    { tone: 'ok'; outcomes: StepOutcome[]; key: string } | { tone: 'error'; text: string; key: string }
  >();
  const state = (s: string) => {
    const key = `${pair.side === 'po' ? 'po' : 'vo'}.state.${s}` as MessageKey;
    const text = t(key);
    return text === key ? s : text;
  };
  const run = async (step: Step) => {
    setBusy(step);
    try {
      const answer = await api.post<{ outcomes: StepOutcome[] }>(
        `/api/region/schools/${seg(brin)}/pilots/${seg(pilotId)}/pairs/${seg(pair.pairId)}/${step}`,
      );
      setOutcome({ tone: 'ok', key: `${Date.now()}`, outcomes: answer.outcomes });
      onDone();
    } catch (e) {
      setOutcome({
        tone: 'error',
        key: `${Date.now()}`,
        text: e instanceof ApiError ? pick(e.serverMessage) : t('state.error'),
      });
    } finally {
      setBusy(undefined);
    }
  };
  // rendered in the language chosen now, also after switching
  const line = (o: StepOutcome) =>
    o.result
      ? t('region.pilot.school.outcomeResult', {
          kind: t(kindKey(o.kind)),
          state: state(o.state),
          result: t(`vo.result.${o.result}` as MessageKey),
        })
      : t('region.pilot.school.outcome', { kind: t(kindKey(o.kind)), state: state(o.state) });
  const button = (step: Step, label: MessageKey) => (
    <Button busy={busy === step} disabled={busy !== undefined} onClick={() => void run(step)}>
      {t(label)}
    </Button>
  );
  // Only the step that is still open for this school: what was done stays done.
  const all = (step: string) => pair.kinds.every((k) => k.steps.some((s) => s.step === step && s.done));
  const some = (test: (done: Record<string, boolean>) => boolean) =>
    pair.kinds.some((k) => test(Object.fromEntries(k.steps.map((s) => [s.step, s.done]))));
  const open = {
    prepare: pair.actions.prepare && !all('setReady'),
    request: pair.actions.request && !all('delivered'),
    import: pair.actions.import && some((d) => d.delivered === true && d.imported !== true),
  };
  const mayAct = pair.actions.prepare || pair.actions.request || pair.actions.import;
  const nothingOpen = !open.prepare && !open.request && !open.import;
  return (
    <>
      <div className="ovs-pilot-pair-head">
        <Heading level={3}>{t('region.pilot.pair.title', { po: pair.po.name, vo: pair.vo.name })}</Heading>
        <PairStatusBadge status={pair.status} />
      </div>
      {pair.complete ? null : (
        <Paragraph>
          {pair.side === 'po'
            ? t('region.pilot.school.stepPo', { vo: pair.vo.name })
            : t('region.pilot.school.stepVo', { po: pair.po.name })}
        </Paragraph>
      )}
      {outcome ? (
        <Notice
          tone={outcome.tone}
          title={outcome.tone === 'ok' ? t('region.pilot.school.outcomeTitle') : outcome.text}
          focusKey={outcome.key}
        >
          {outcome.tone === 'ok' ? (
            <ul className="ovs-pilot-outcomes">
              {outcome.outcomes.map((o) => (
                <li key={o.kind}>{line(o)}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      {pair.complete ? <Paragraph>{t('region.pilot.school.complete')}</Paragraph> : null}
      {!pair.complete && mayAct && nothingOpen ? (
        <Paragraph>
          {t('region.pilot.school.waiting', { school: pair.side === 'po' ? pair.vo.name : pair.po.name })}
        </Paragraph>
      ) : null}
      {!pair.complete && !mayAct ? <Paragraph>{t('region.pilot.school.noPermission')}</Paragraph> : null}
      {nothingOpen ? null : (
        <div className="utrecht-button-group">
          {open.prepare ? button('prepare', 'region.pilot.school.prepare') : null}
          {open.request ? button('request', 'region.pilot.school.request') : null}
          {open.import ? button('import', 'region.pilot.school.import') : null}
        </div>
      )}
      <PairChecklist pair={pair} />
    </>
  );
}

/** The names the school's pilot lists show: each pair's pilot, each school of a pair. */
interface Names {
  pilot(pilotRef: string): string;
  school(brin: string | null): string;
}

function namesOf(d: SchoolPilots): Names {
  const pilots = new Map(d.pilots.flatMap((p) => p.pairs.map((x) => [x.pairId, p.name] as const)));
  const schools = new Map(
    d.pilots.flatMap((p) =>
      p.pairs.flatMap((x) => [[x.po.brin, x.po.name] as const, [x.vo.brin, x.vo.name] as const]),
    ),
  );
  return {
    pilot: (ref) => pilots.get(ref) ?? '—',
    school: (brin) => (brin ? `${schools.get(brin) ?? brin} (${brin})` : '—'),
  };
}

/** The columns both lists share: pilot, pupil, kind, state (the po or vo lifecycle), the other school. */
function pairColumns(
  t: ReturnType<typeof useT>['t'],
  names: Names,
  side: 'po' | 'vo',
): Column<PilotListItem>[] {
  return [
    { key: 'pilot', header: t('region.pilot.school.col.pilot'), cell: (i) => names.pilot(i.pilotRef) },
    { key: 'pupil', header: t('region.pilot.school.col.pupil'), cell: (i) => i.name },
    { key: 'kind', header: t('region.pilot.school.col.kind'), cell: (i) => t(kindKey(i.kind)) },
    {
      key: 'state',
      header: t('region.pilot.school.col.state'),
      cell: (i) => <StatusBadge tone="info">{t(`${side}.state.${i.state}` as MessageKey)}</StatusBadge>,
    },
    { key: 'other', header: t('region.pilot.school.col.other'), cell: (i) => names.school(i.otherBrin) },
  ];
}

function SendingList({ items, names }: { items: PilotListItem[]; names: Names }) {
  const { t } = useT();
  return (
    <Section title={t('region.pilot.school.sendingTitle')}>
      <Table
        caption={t('region.pilot.school.sendingCaption')}
        rows={items}
        rowKey={(i) => i.id}
        columns={[
          ...pairColumns(t, names, 'po'),
          {
            key: 'delivered',
            header: t('region.pilot.school.col.delivered'),
            numeric: true,
            cell: (i) => t('region.pilot.school.times', { count: i.deliveries }),
          },
        ]}
      />
    </Section>
  );
}

function ReceivingList({ items, names }: { items: PilotListItem[]; names: Names }) {
  const { t } = useT();
  return (
    <Section title={t('region.pilot.school.receivingTitle')}>
      <Table
        caption={t('region.pilot.school.receivingCaption')}
        rows={items}
        rowKey={(i) => i.id}
        columns={[
          ...pairColumns(t, names, 'vo'),
          {
            key: 'result',
            header: t('region.pilot.school.col.result'),
            cell: (i) => (i.lastResult ? t(`vo.result.${i.lastResult}` as MessageKey) : '—'),
          },
          {
            key: 'marked',
            header: t('region.pilot.school.col.marked'),
            cell: (i) =>
              i.receivedPilot === null
                ? t('region.pilot.school.notYet')
                : i.receivedPilot
                  ? t('region.pilot.school.yes')
                  : t('region.pilot.school.no'),
          },
        ]}
      />
    </Section>
  );
}
