import { useId } from 'react';
import { Heading, Table } from '../../components';
import { useT } from '../../i18n';
import { formatDay, formatShortDay } from './monitoring-format';
import type { MilestoneKey, MilestoneStatus, ProgressPoint, SchoolRow } from './monitoring-types';

/**
 * The monitoring's two charts as inline SVG, no chart library: each is an image with a title and a
 * description that says what it shows in words, lines and bars that differ in pattern as well as
 * colour, and the same numbers as a table under a disclosure.
 */

const LINE_STYLES = [
  { colour: '#01496d', dash: '' },
  { colour: '#6a2c91', dash: '8 4' },
  { colour: '#8a4b00', dash: '2 4' },
  { colour: '#0b6b2e', dash: '12 4 2 4' },
];

export interface Series {
  key: MilestoneKey;
  label: string;
}

/** Lines of regional totals over time, against a reference (the leaving pupils). */
export function ProgressChart({
  title,
  points,
  series,
  reference,
}: {
  title: string;
  points: ProgressPoint[];
  series: Series[];
  /** A dashed line at this value, e.g. all leaving pupils. */
  reference?: { key: MilestoneKey; label: string };
}) {
  const { t, language } = useT();
  const id = useId();
  const width = 800;
  const height = 280;
  const pad = { left: 52, right: 16, top: 16, bottom: 36 };
  const last = points.at(-1);
  const referenceValue = reference && last ? last.counts[reference.key] : 0;
  const max = Math.max(1, referenceValue, ...points.flatMap((p) => series.map((s) => p.counts[s.key])));
  const x = (i: number) =>
    pad.left +
    (points.length <= 1
      ? (width - pad.left - pad.right) / 2
      : (i / (points.length - 1)) * (width - pad.left - pad.right));
  const y = (v: number) => pad.top + (1 - v / max) * (height - pad.top - pad.bottom);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f));
  const description = last
    ? t('region.monitoring.chart.progressDesc', {
        from: formatDay(points[0].day, language),
        to: formatDay(last.day, language),
        values: series.map((s) => `${s.label}: ${last.counts[s.key]}`).join(', '),
        reference: reference ? `${reference.label}: ${referenceValue}` : '',
      })
    : t('region.monitoring.noData');
  const dayTicks =
    points.length > 2 ? [0, Math.floor((points.length - 1) / 2), points.length - 1] : points.map((_, i) => i);
  return (
    <figure className="ovs-monitoring-chart">
      <Heading level={3}>{title}</Heading>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="ovs-monitoring-chart__svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((v) => (
          <g key={`tick-${v}`}>
            <line
              x1={pad.left}
              x2={width - pad.right}
              y1={y(v)}
              y2={y(v)}
              className="ovs-monitoring-chart__grid"
            />
            <text x={pad.left - 6} y={y(v) + 4} textAnchor="end" className="ovs-monitoring-chart__label">
              {v}
            </text>
          </g>
        ))}
        {reference ? (
          <line
            x1={pad.left}
            x2={width - pad.right}
            y1={y(referenceValue)}
            y2={y(referenceValue)}
            className="ovs-monitoring-chart__reference"
          />
        ) : null}
        {dayTicks.map((i) => (
          <text
            key={`day-${points[i].day}`}
            x={x(i)}
            y={height - 12}
            textAnchor={
              i === 0 && points.length > 1
                ? 'start'
                : i === points.length - 1 && points.length > 1
                  ? 'end'
                  : 'middle'
            }
            className="ovs-monitoring-chart__label"
          >
            {formatShortDay(points[i].day, language)}
          </text>
        ))}
        {series.map((s, si) => {
          const style = LINE_STYLES[si % LINE_STYLES.length];
          const d = points
            .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.counts[s.key]).toFixed(1)}`)
            .join(' ');
          return (
            <g key={s.key}>
              <path d={d} fill="none" stroke={style.colour} strokeWidth={3} strokeDasharray={style.dash} />
              {last ? (
                <circle cx={x(points.length - 1)} cy={y(last.counts[s.key])} r={4} fill={style.colour} />
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="ovs-monitoring-legend">
          {series.map((s, si) => {
            const style = LINE_STYLES[si % LINE_STYLES.length];
            return (
              <li key={s.key}>
                <svg width="36" height="12" aria-hidden="true" focusable="false">
                  <line
                    x1="0"
                    x2="36"
                    y1="6"
                    y2="6"
                    stroke={style.colour}
                    strokeWidth={3}
                    strokeDasharray={style.dash}
                  />
                </svg>
                {s.label}
                {last ? <strong> {last.counts[s.key]}</strong> : null}
              </li>
            );
          })}
          {reference ? (
            <li>
              <svg width="36" height="12" aria-hidden="true" focusable="false">
                <line x1="0" x2="36" y1="6" y2="6" className="ovs-monitoring-chart__reference" />
              </svg>
              {reference.label}
              <strong> {referenceValue}</strong>
            </li>
          ) : null}
        </ul>
        <details className="ovs-monitoring-details">
          <summary>{t('region.monitoring.chart.asTable')}</summary>
          <Table
            caption={title}
            rowKey={(p: ProgressPoint) => p.day}
            rows={points}
            columns={[
              {
                key: 'day',
                header: t('region.monitoring.chart.day'),
                cell: (p) => formatDay(p.day, language),
              },
              ...(reference
                ? [
                    {
                      key: reference.key,
                      header: reference.label,
                      numeric: true,
                      cell: (p: ProgressPoint) => p.counts[reference.key],
                    },
                  ]
                : []),
              ...series.map((s) => ({
                key: s.key,
                header: s.label,
                numeric: true,
                cell: (p: ProgressPoint) => p.counts[s.key],
              })),
            ]}
          />
        </details>
      </figcaption>
    </figure>
  );
}

const BAR_PARTS: Array<{ status: MilestoneStatus; className: string }> = [
  { status: 'done', className: 'ovs-monitoring-bar--done' },
  { status: 'on_track', className: 'ovs-monitoring-bar--on-track' },
  { status: 'behind', className: 'ovs-monitoring-bar--behind' },
];

/** Per milestone: how many schools are done, on track and behind (stacked bars). */
export function SchoolsBehindChart({
  title,
  schools,
  milestones,
}: {
  title: string;
  schools: SchoolRow[];
  milestones: Array<{ key: MilestoneKey; label: string }>;
}) {
  const { t } = useT();
  const id = useId();
  // a pattern referenced by url(#…): only characters that need no escaping
  const stripes = `stripes-${id.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const rows = milestones.map((m) => {
    const counts = { done: 0, on_track: 0, behind: 0, other: 0 };
    for (const s of schools) {
      const status = s.cells[m.key].status;
      if (status === 'not_applicable') continue;
      if (status === 'done' || status === 'on_track' || status === 'behind') counts[status]++;
      else counts.other++;
    }
    return { ...m, counts, total: counts.done + counts.on_track + counts.behind + counts.other };
  });
  const statusWord = (status: string) =>
    t(`region.monitoring.status.${status}` as 'region.monitoring.status.done');
  const width = 800;
  const labelWidth = 210;
  const barWidth = width - labelWidth - 16;
  const rowHeight = 34;
  const height = rows.length * rowHeight + 8;
  const description = rows
    .map((r) =>
      t('region.monitoring.chart.behindRow', {
        milestone: r.label,
        done: r.counts.done,
        onTrack: r.counts.on_track,
        behind: r.counts.behind,
      }),
    )
    .join(' ');
  const behindTotal = rows.reduce((n, r) => n + r.counts.behind, 0);
  return (
    <figure className="ovs-monitoring-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="ovs-monitoring-chart__svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <defs>
          <pattern
            id={stripes}
            width="8"
            height="8"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="8" height="8" className="ovs-monitoring-bar--behind" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" strokeWidth="3" />
          </pattern>
        </defs>
        {rows.map((r, ri) => {
          let at = labelWidth;
          const top = ri * rowHeight + 6;
          return (
            <g key={r.key}>
              <text
                x={0}
                y={top + 17}
                className="ovs-monitoring-chart__label ovs-monitoring-chart__label--row"
              >
                {r.label}
              </text>
              <rect
                x={labelWidth}
                y={top}
                width={barWidth}
                height={24}
                className="ovs-monitoring-bar--empty"
              />
              {BAR_PARTS.map((part) => {
                const n = r.counts[part.status as 'done' | 'on_track' | 'behind'];
                if (n === 0 || r.total === 0) return null;
                const w = (n / r.total) * barWidth;
                const x = at;
                at += w;
                return (
                  <g key={part.status}>
                    <rect
                      x={x}
                      y={top}
                      width={w}
                      height={24}
                      className={part.status === 'behind' ? undefined : part.className}
                      fill={part.status === 'behind' ? `url(#${stripes})` : undefined}
                    />
                    {w >= 22 ? (
                      <text
                        x={x + w / 2}
                        y={top + 17}
                        textAnchor="middle"
                        className={`ovs-monitoring-chart__count ovs-monitoring-chart__count--${part.status}`}
                      >
                        {n}
                      </text>
                    ) : null}
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="ovs-monitoring-legend">
          {BAR_PARTS.map((part) => (
            <li key={part.status}>
              <svg width="18" height="14" aria-hidden="true" focusable="false">
                <rect
                  width="18"
                  height="14"
                  className={part.status === 'behind' ? undefined : part.className}
                  fill={part.status === 'behind' ? `url(#${stripes})` : undefined}
                />
              </svg>
              {statusWord(part.status)}
            </li>
          ))}
          <li>
            <svg width="18" height="14" aria-hidden="true" focusable="false">
              <rect width="18" height="14" className="ovs-monitoring-bar--empty" />
            </svg>
            {t('region.monitoring.chart.other')}
          </li>
        </ul>
        <p className="utrecht-paragraph">
          {behindTotal === 0
            ? t('region.monitoring.chart.noneBehind')
            : t('region.monitoring.chart.someBehind')}
        </p>
        <details className="ovs-monitoring-details">
          <summary>{t('region.monitoring.chart.asTable')}</summary>
          <Table
            caption={title}
            rowKey={(r) => r.key}
            rows={rows}
            columns={[
              { key: 'milestone', header: t('region.monitoring.col.milestone'), cell: (r) => r.label },
              { key: 'done', header: statusWord('done'), numeric: true, cell: (r) => r.counts.done },
              {
                key: 'on_track',
                header: statusWord('on_track'),
                numeric: true,
                cell: (r) => r.counts.on_track,
              },
              { key: 'behind', header: statusWord('behind'), numeric: true, cell: (r) => r.counts.behind },
              {
                key: 'other',
                header: t('region.monitoring.chart.other'),
                numeric: true,
                cell: (r) => r.counts.other,
              },
            ]}
          />
        </details>
      </figcaption>
    </figure>
  );
}
