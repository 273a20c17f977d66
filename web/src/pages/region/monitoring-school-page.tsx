import { useState } from 'react';
import { useParams } from 'react-router';
import { seg } from '../../api';
import { Heading, Link, Paragraph, Section, SelectField, StatusBadge, Table } from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { schoolYearOf, today } from './format';
import {
  cellText,
  formatDay,
  milestoneKey,
  schoolYearChoicesBack,
  statusKey,
  statusTone,
} from './monitoring-format';
import type { MilestoneCell, MilestoneKey, PupilListItem, SchoolProgress } from './monitoring-types';
import { MILESTONES } from './monitoring-types';
import { ReminderNotices } from './reminder-notices';
import { Notice } from './ui';
import './monitoring.css';

/**
 * /school/:brin/voortgang — a school's own progress: its row against the region's deadlines next to
 * the regional totals, and for its own staff the pupils behind its counts (dossiers set ready that
 * nobody asked for, registrations whose dossier has not arrived), with links to do something.
 */
export function SchoolProgressPage() {
  const { brin = '' } = useParams();
  const { t } = useT();
  const [year, setYear] = useState(() => schoolYearOf(today()));
  const progress = useResource<SchoolProgress>(
    `/api/region/schools/${seg(brin)}/progress?schoolYear=${year}`,
    {
      pollMs: 60_000,
    },
  );
  const p = progress.data;
  return (
    <div className="ovs-monitoring">
      <Heading level={1}>
        {p ? t('region.monitoring.school.heading', { school: p.name }) : t('region.monitoring.school.title')}
      </Heading>
      <Paragraph lead>{t('region.monitoring.school.intro')}</Paragraph>
      <ReminderNotices brin={brin} />
      <div className="ovs-monitoring-school-year">
        <SelectField
          label={t('region.monitoring.schoolYear')}
          value={year}
          onChange={(e) => setYear(e.target.value)}
          options={schoolYearChoicesBack().map((y) => ({ value: y, label: y }))}
        />
      </div>
      {progress.error ? <ErrorMessage error={progress.error} onRetry={() => void progress.reload()} /> : null}
      {progress.loading && !p ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {p ? (
        <>
          {p.regions.length === 0 ? (
            <Notice tone="warning" title={t('region.monitoring.school.noRegion.title')}>
              <Paragraph>{t('region.monitoring.school.noRegion.text')}</Paragraph>
            </Notice>
          ) : null}
          {p.regions.map((r) => (
            <RegionProgress key={r.regionId} region={r} schoolName={p.name} today={p.today} />
          ))}
          {p.readyNotRequested ? (
            <PupilList
              brin={p.brin}
              kind="readyNotRequested"
              items={p.readyNotRequested}
              deadline={p.regions[0]?.timeline?.requestedBy ?? null}
              today={p.today}
            />
          ) : null}
          {p.notArrived &&
          (p.notArrived.length > 0 || p.regions.some((r) => r.row.sides.includes('receiving'))) ? (
            <PupilList
              brin={p.brin}
              kind="notArrived"
              items={p.notArrived}
              deadline={p.regions[0]?.timeline?.requestedBy ?? null}
              today={p.today}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function Cell({ cell }: { cell: MilestoneCell }) {
  const { t } = useT();
  if (cell.status === 'not_applicable') {
    return (
      <span className="ovs-muted">
        <span aria-hidden="true">—</span>
        <span className="ovs-visually-hidden">{t(statusKey(cell.status))}</span>
      </span>
    );
  }
  return (
    <>
      {cell.count === null ? null : <>{cellText(cell, t)} </>}
      <StatusBadge tone={statusTone(cell.status)}>{t(statusKey(cell.status))}</StatusBadge>
    </>
  );
}

function RegionProgress({
  region,
  schoolName,
  today,
}: {
  region: SchoolProgress['regions'][number];
  schoolName: string;
  today: string;
}) {
  const { t, language } = useT();
  const byKey = new Map(region.milestones.map((m) => [m.key, m]));
  const keys = MILESTONES.filter((k) => region.row.cells[k].status !== 'not_applicable');
  return (
    <Section title={t('region.monitoring.school.regionTitle', { region: region.regionName })}>
      <Paragraph>
        {region.row.reportedOn
          ? t('region.monitoring.school.reportedOn', { date: formatDay(region.row.reportedOn, language) })
          : t('region.monitoring.school.notReported')}{' '}
        {region.row.reportedOn === null
          ? null
          : region.row.behind === 0
            ? t('region.monitoring.school.behindNone')
            : t('region.monitoring.school.behind', { count: region.row.behind })}
      </Paragraph>
      <Table
        caption={t('region.monitoring.school.caption', { school: schoolName, region: region.regionName })}
        rowKey={(k: MilestoneKey) => k}
        rows={keys}
        columns={[
          { key: 'milestone', header: t('region.monitoring.col.milestone'), cell: (k) => t(milestoneKey(k)) },
          {
            key: 'deadline',
            header: t('region.monitoring.col.deadline'),
            cell: (k) => {
              const deadline = byKey.get(k)?.deadline;
              return deadline ? formatDay(deadline, language) : t('region.monitoring.deadline.none');
            },
          },
          {
            key: 'school',
            header: t('region.monitoring.col.ownSchool'),
            cell: (k) => <Cell cell={region.row.cells[k]} />,
          },
          {
            key: 'region',
            header: t('region.monitoring.col.regionTotal'),
            cell: (k) => {
              const m = byKey.get(k);
              return m ? <Cell cell={m.total} /> : null;
            },
          },
        ]}
      />
      <Paragraph>
        <small className="ovs-muted">
          {t('region.monitoring.school.totalsNote', {
            schools: region.totals.schools,
            today: formatDay(today, language),
          })}
        </small>
      </Paragraph>
    </Section>
  );
}

function PupilList({
  brin,
  kind,
  items,
  deadline,
  today,
}: {
  brin: string;
  kind: 'readyNotRequested' | 'notArrived';
  items: PupilListItem[];
  deadline: string | null;
  today: string;
}) {
  const { t, language } = useT();
  const late = deadline !== null && today > deadline;
  const ready = kind === 'readyNotRequested';
  return (
    <Section title={t(`region.monitoring.school.${kind}.title`)}>
      <Paragraph>
        {t(`region.monitoring.school.${kind}.intro`)}{' '}
        {deadline
          ? late
            ? t('region.monitoring.school.deadlinePast', { date: formatDay(deadline, language) })
            : t('region.monitoring.school.deadlineFuture', { date: formatDay(deadline, language) })
          : null}
      </Paragraph>
      {items.length === 0 ? (
        <Paragraph>{t(`region.monitoring.school.${kind}.empty`)}</Paragraph>
      ) : (
        <Table
          caption={t(`region.monitoring.school.${kind}.caption`, { count: items.length })}
          rowKey={(i: PupilListItem) => i.id}
          rows={items}
          columns={[
            {
              key: 'name',
              header: t('region.monitoring.col.pupil'),
              cell: (i) => (
                <Link to={`/school/${seg(brin)}/${ready ? 'vertrek' : 'aanmeldingen'}/${seg(i.id)}`}>
                  {i.name}
                </Link>
              ),
            },
            ...(ready
              ? [
                  {
                    key: 'groep',
                    header: t('region.monitoring.col.groep'),
                    cell: (i: PupilListItem) => i.groep ?? '—',
                  },
                ]
              : [
                  {
                    key: 'state',
                    header: t('region.monitoring.col.state'),
                    cell: (i: PupilListItem) =>
                      i.state ? t(`region.monitoring.registrationState.${i.state}` as MessageKey) : '—',
                  },
                ]),
            {
              key: 'school',
              header: ready ? t('region.monitoring.col.readyFor') : t('region.monitoring.col.comesFrom'),
              cell: (i: PupilListItem) => i.otherSchool.name ?? i.otherSchool.brin,
            },
            {
              key: 'since',
              header: ready ? t('region.monitoring.col.readySince') : t('region.monitoring.col.registeredOn'),
              cell: (i: PupilListItem) => formatDay(i.since.slice(0, 10), language),
            },
          ]}
        />
      )}
    </Section>
  );
}
