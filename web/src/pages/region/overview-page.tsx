import { type FormEvent, useRef, useState } from 'react';
import { ApiError, api, seg } from '../../api';
import {
  Button,
  ButtonGroup,
  ButtonLink,
  DataList,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  Section,
  Table,
  TextField,
} from '../../components';
import { FocusHeading } from '../../components/focus-heading';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { formatDay, schoolYearOf, today } from './format';
import type { RegionOverview, RegionReadiness, RegionSettings, SchoolReadiness, TimelineView } from './types';
import { TIMELINE_FIELDS } from './types';
import { Notice, ReadinessBadge, Say } from './ui';

/**
 * /regio/:regionId — the region at a glance: its member schools and what each still lacks before
 * the transfer season (in words), the timeline of this school year, the region's rules; adding and
 * removing schools.
 */
export function OverviewPage({ regionId }: { regionId: string }) {
  const { t } = useT();
  const base = `/api/region/regions/${seg(regionId)}`;
  const overview = useResource<RegionOverview>(base);
  const readiness = useResource<RegionReadiness>(`${base}/readiness`);
  const [notice, setNotice] = useState<{ text: string; key: string }>();
  const changed = (text: string) => {
    setNotice({ text, key: `${Date.now()}` });
    void overview.reload();
    void readiness.reload();
  };
  return (
    <>
      <Heading level={1}>{overview.data?.name ?? t('region.overview.heading')}</Heading>
      <Paragraph lead>{t('region.overview.intro')}</Paragraph>
      {notice ? <Notice title={notice.text} focusKey={notice.key} /> : null}
      {overview.error ? <ErrorMessage error={overview.error} onRetry={() => void overview.reload()} /> : null}
      <div className="ovs-region-cards">
        <TimelineCard regionId={regionId} />
        {overview.data ? <SettingsCard regionId={regionId} settings={overview.data.settings} /> : null}
      </div>
      {readiness.error ? (
        <ErrorMessage error={readiness.error} onRetry={() => void readiness.reload()} />
      ) : null}
      {readiness.loading && !readiness.data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {readiness.data ? (
        <ReadinessSection regionId={regionId} readiness={readiness.data} onRemoved={changed} />
      ) : null}
      <AddSchoolForm regionId={regionId} onAdded={changed} />
    </>
  );
}

function TimelineCard({ regionId }: { regionId: string }) {
  const { t, language } = useT();
  const day = today();
  const year = schoolYearOf(day);
  const timeline = useResource<TimelineView>(`/api/region/regions/${seg(regionId)}/timelines/${year}`);
  const dates = timeline.data?.dates;
  const next = dates ? TIMELINE_FIELDS.find((f) => dates[f] >= day) : undefined;
  return (
    <Section title={t('region.overview.timelineTitle', { schoolYear: year })}>
      {timeline.loading && !timeline.data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {timeline.data && !dates ? (
        <Paragraph>{t('region.overview.timelineNone', { schoolYear: year })}</Paragraph>
      ) : null}
      {dates && next ? (
        <Paragraph>
          {t('region.overview.timelineNext', {
            label: t(`region.field.${next}` as MessageKey),
            date: formatDay(dates[next], language),
          })}
        </Paragraph>
      ) : null}
      {dates && !next ? <Paragraph>{t('region.overview.timelineDone')}</Paragraph> : null}
      {timeline.data && timeline.data.warnings.length > 0 ? (
        <Paragraph>
          {timeline.data.warnings.length === 1
            ? t('region.overview.timelineWarningsOne')
            : t('region.overview.timelineWarnings', { count: timeline.data.warnings.length })}
        </Paragraph>
      ) : null}
      <ButtonLink to={`/regio/${seg(regionId)}/tijdlijn`} kind={dates ? 'secondary' : 'primary'}>
        {dates ? t('region.overview.timelineEdit') : t('region.overview.timelineFill')}
      </ButtonLink>
    </Section>
  );
}

function SettingsCard({ regionId, settings }: { regionId: string; settings: RegionSettings }) {
  const { t } = useT();
  const platform =
    settings.platform === 'other' && settings.platformName
      ? settings.platformName
      : t(`region.settings.platform.${settings.platform}` as MessageKey);
  return (
    <Section title={t('region.overview.settingsTitle')}>
      <DataList
        items={[
          {
            key: t('region.settings.registrations.legend'),
            value: t(`region.settings.registrations.${settings.registrationsPerPupil}` as MessageKey),
          },
          { key: t('region.settings.platform.legend'), value: platform },
          {
            key: t('region.settings.eindtoets.legend'),
            value: t(`region.settings.eindtoets.${settings.eindtoetsRoute}` as MessageKey),
          },
          {
            key: t('region.settings.holiday.legend'),
            value: t(`region.settings.holiday.${settings.holidayRegion}` as MessageKey),
          },
        ]}
      />
      <ButtonLink to={`/regio/${seg(regionId)}/instellingen`}>{t('region.overview.settingsEdit')}</ButtonLink>
    </Section>
  );
}

function ReadinessSection({
  regionId,
  readiness,
  onRemoved,
}: {
  regionId: string;
  readiness: RegionReadiness;
  onRemoved(text: string): void;
}) {
  const { t, pick } = useT();
  const [pending, setPending] = useState<SchoolReadiness>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const open = (s: SchoolReadiness) => s.checks.filter((c) => !c.ok).length;

  const cancel = () => {
    setPending(undefined);
    setError(undefined);
    opener.current?.focus();
  };
  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      await api.delete(`/api/region/regions/${seg(regionId)}/members/${seg(pending.brin)}`);
      setPending(undefined);
      onRemoved(t('region.overview.removed', { name: pending.name }));
    } catch (e) {
      setError(e instanceof ApiError ? pick(e.serverMessage) : t('state.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('region.overview.readinessTitle')}>
      <Paragraph>
        {readiness.schools > 0 && readiness.ready === readiness.schools
          ? t('region.overview.summaryAll', { schools: readiness.schools })
          : t('region.overview.summary', { ready: readiness.ready, schools: readiness.schools })}
      </Paragraph>
      {pending ? (
        <div className="ovs-region-confirm">
          <FocusHeading level={3} focusKey={pending.brin}>
            {t('region.overview.confirmTitle')}
          </FocusHeading>
          <Paragraph>{t('region.overview.confirmText', { name: pending.name })}</Paragraph>
          {error ? <Notice tone="error" title={error} /> : null}
          <ButtonGroup>
            <Button kind="danger" busy={busy} onClick={() => void confirm()}>
              {t('region.overview.confirmYes')}
            </Button>
            <Button kind="secondary" onClick={cancel}>
              {t('action.cancel')}
            </Button>
          </ButtonGroup>
        </div>
      ) : null}
      {readiness.members.length === 0 ? (
        <Paragraph>{t('region.overview.empty')}</Paragraph>
      ) : (
        <Table
          caption={t('region.overview.caption', { count: readiness.schools })}
          rows={readiness.members}
          rowKey={(s) => s.brin}
          columns={[
            {
              key: 'school',
              header: t('region.overview.col.school'),
              cell: (s) => (
                <>
                  <span className="ovs-region-school">{s.name}</span>
                  <span className="ovs-muted ovs-region-detail">
                    {s.sector === 'onbekend'
                      ? s.brin
                      : `${t(`sector.${s.sector}` as MessageKey)} · ${s.brin}`}
                    {s.place ? ` · ${s.place}` : ''}
                  </span>
                </>
              ),
            },
            {
              key: 'status',
              header: t('region.overview.col.status'),
              cell: (s) => <ReadinessBadge ready={s.ready} open={open(s)} />,
            },
            {
              key: 'missing',
              header: t('region.overview.col.missing'),
              cell: (s) =>
                s.ready ? (
                  t('region.overview.nothingMissing')
                ) : (
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
                ),
            },
            {
              key: 'actions',
              header: t('region.overview.col.actions'),
              cell: (s) => (
                <div className="ovs-region-actions">
                  <Link
                    to={`/regio/${seg(regionId)}/contacten?school=${seg(s.brin)}`}
                    aria-label={t('region.overview.contactsLabel', { name: s.name })}
                  >
                    {t('region.overview.contacts')}
                  </Link>
                  <Button
                    kind="subtle"
                    aria-label={t('region.overview.removeLabel', { name: s.name })}
                    onClick={(e) => {
                      opener.current = e.currentTarget;
                      setError(undefined);
                      setPending(s);
                    }}
                  >
                    {t('region.overview.remove')}
                  </Button>
                </div>
              ),
            },
          ]}
        />
      )}
    </Section>
  );
}

const BRIN = /^[0-9]{2}[A-Z]{2}$/;

function AddSchoolForm({ regionId, onAdded }: { regionId: string; onAdded(text: string): void }) {
  const { t, pick } = useT();
  const [brin, setBrin] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = brin.trim().toUpperCase();
    setBrin(value);
    if (!value) return setError(t('region.overview.add.error.missing'));
    if (!BRIN.test(value)) return setError(t('region.overview.add.error.format'));
    setError(undefined);
    setBusy(true);
    try {
      const { added } = await api.put<{ added: boolean }>(
        `/api/region/regions/${seg(regionId)}/members/${seg(value)}`,
      );
      setBrin('');
      onAdded(
        added
          ? t('region.overview.add.added', { brin: value })
          : t('region.overview.add.already', { brin: value }),
      );
    } catch (e) {
      setError(e instanceof ApiError ? pick(e.serverMessage) : t('state.error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t('region.overview.add.title')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary
          title={t('form.errorSummary')}
          errors={error ? [{ fieldId: 'region-add-brin', message: error }] : []}
        />
        <TextField
          id="region-add-brin"
          label={t('region.overview.add.brin')}
          description={t('region.overview.add.brinHint')}
          error={error}
          value={brin}
          autoComplete="off"
          spellCheck={false}
          maxLength={4}
          className="ovs-region-brin"
          onChange={(e) => setBrin(e.target.value)}
        />
        <Button type="submit" busy={busy}>
          {t('region.overview.add.submit')}
        </Button>
      </form>
    </Section>
  );
}
