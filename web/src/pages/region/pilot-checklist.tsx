import { Heading, StatusBadge, Table, type Tone } from '../../components';
import { type Language, type MessageKey, useT } from '../../i18n';
import { formatDay } from './format';
import {
  type PairStatus,
  PILOT_STEPS,
  type PilotPair,
  type PilotStatus,
  type PilotStep,
} from './pilot-types';
import { Say } from './ui';

/** The pilot's status as a badge with words. */
export function PilotStatusBadge({ status }: { status: PilotStatus }) {
  const { t } = useT();
  const tone: Record<PilotStatus, Tone> = {
    planned: 'neutral',
    running: 'info',
    completed: 'ok',
    ended: 'warning',
  };
  return <StatusBadge tone={tone[status]}>{t(`region.pilot.status.${status}` as MessageKey)}</StatusBadge>;
}

export function PairStatusBadge({ status }: { status: PairStatus }) {
  const { t } = useT();
  const tone: Record<PairStatus, Tone> = { not_started: 'neutral', in_progress: 'info', complete: 'ok' };
  return <StatusBadge tone={tone[status]}>{t(`region.pilot.pair.${status}` as MessageKey)}</StatusBadge>;
}

/** Done or not yet, in words (never colour alone). */
export function DoneBadge({ done }: { done: boolean }) {
  const { t } = useT();
  return (
    <StatusBadge tone={done ? 'ok' : 'neutral'}>
      {done ? t('region.pilot.done') : t('region.pilot.open')}
    </StatusBadge>
  );
}

export function formatPeriod(
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
  language: Language,
  period: { startsOn: string; endsOn: string },
): string {
  return t('region.pilot.period', {
    from: formatDay(period.startsOn, language),
    to: formatDay(period.endsOn, language),
  });
}

/**
 * One pair's checklist: the connection of both schools (admitted, delivery point, test exchange)
 * and, for the regular and the support dossier, the four steps through the chain.
 */
export function PairChecklist({ pair }: { pair: PilotPair }) {
  const { t } = useT();
  const rows = PILOT_STEPS.map((step) => ({ step }));
  const stepOf = (kind: number, step: PilotStep) => pair.kinds[kind]?.steps.find((s) => s.step === step);
  return (
    <div className="ovs-pilot-pair">
      <Table
        caption={t('region.pilot.pair.caption', { po: pair.po.name, vo: pair.vo.name })}
        rows={rows}
        rowKey={(r) => r.step}
        columns={[
          {
            key: 'step',
            header: t('region.pilot.pair.col.step'),
            cell: (r) => {
              const s = stepOf(0, r.step);
              return s ? <Say message={s.label} /> : r.step;
            },
          },
          ...pair.kinds.map((k, index) => ({
            key: k.kind,
            header: <Say message={k.label} />,
            cell: (r: { step: PilotStep }) => <DoneBadge done={stepOf(index, r.step)?.done === true} />,
          })),
        ]}
      />
      <div className="ovs-pilot-subheading">
        <Heading level={4}>{t('region.pilot.pair.readinessTitle')}</Heading>
      </div>
      <ul className="ovs-pilot-readiness">
        {[pair.po, pair.vo].map((s) => (
          <li key={s.brin}>
            <StatusBadge tone={s.ready ? 'ok' : 'warning'}>
              {s.ready
                ? t('region.pilot.pair.ready', { school: s.name })
                : t('region.pilot.pair.notReady', { school: s.name })}
            </StatusBadge>
            {s.ready ? null : (
              <ul className="ovs-region-missing">
                {s.checks
                  .filter((c) => !c.ok)
                  .map((c) => (
                    <li key={c.item}>
                      <strong>
                        <Say message={c.label} />:
                      </strong>{' '}
                      {c.missing ? <Say message={c.missing} /> : null}
                    </li>
                  ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The pilot's own checklist: pairs chosen, suppliers told, schools connected, pairs complete. */
export function PilotChecklist({
  checklist,
}: {
  checklist: Array<{ check: string; ok: boolean; label: { nl: string; en: string } }>;
}) {
  return (
    <ul className="ovs-pilot-checklist">
      {checklist.map((c) => (
        <li key={c.check}>
          <DoneBadge done={c.ok} /> <Say message={c.label} />
        </li>
      ))}
    </ul>
  );
}
