import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { ApiError, seg } from '../../api';
import { Alert, DataList, Heading, Link, Paragraph, Section, StatusBadge } from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useSession } from '../../session';
import { useResource } from '../../use-resource';
import { AttachmentsSection } from './attachments-section';
import { formatDate, formatDateTime } from './dates';
import { FieldsForm } from './fields-form';
import { FindingsSection } from './findings-section';
import { HistorySection } from './history-section';
import { ImportForm } from './import-form';
import { InspectionSection } from './inspection-section';
import { profileLabel, STATE_TONE, schoolLabel, schoolShort, stateLabel } from './labels';
import { ReadinessSection } from './readiness-section';
import { type DossierOverview, firstPreference, pupilName, shownState } from './types';
import './po.css';

interface Next {
  text: string;
  /** The section where it is done. */
  anchor?: string;
  linkText?: string;
  /** Someone else does it (the person lacks the permission). */
  byOthers?: boolean;
}

/** What to do next with this dossier, in one sentence, and where on the page. */
function nextStep(
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
  language: 'nl' | 'en',
  d: DossierOverview,
  may: { write: boolean; inspect: boolean; ready: boolean },
): Next {
  const state = shownState(d);
  if (state === 'geleverd' && d.destination)
    return {
      text: t('po.next.geleverd', {
        school: schoolShort(t, d.destination),
        date: formatDate(d.deliveries.lastAt ?? d.destination.readyAt, language),
      }),
    };
  if (state === 'klaargezet' && d.destination)
    return { text: t('po.next.klaargezet', { school: schoolShort(t, d.destination) }) };
  if (d.errorCount > 0)
    return {
      text: t('po.next.fixErrors'),
      anchor: 'controle',
      linkText: t('po.next.toFindings'),
      byOthers: !may.write,
    };
  if (state === 'verlopen')
    return {
      text: t('po.next.verlopen'),
      anchor: 'klaarzetten',
      linkText: t('po.next.toReady'),
      byOthers: !may.ready,
    };
  if (state === 'ingetrokken')
    return {
      text: t('po.next.ingetrokken'),
      anchor: 'klaarzetten',
      linkText: t('po.next.toReady'),
      byOthers: !may.ready,
    };
  if (state === 'ter_inzage')
    return {
      text: t('po.next.ter_inzage'),
      anchor: 'inzage',
      linkText: t('po.next.toInspection'),
      byOthers: !may.inspect,
    };
  if (state === 'ingezien' || (state === 'concept' && !d.inspectionRequired)) {
    const first = firstPreference(d);
    return {
      text: first
        ? t('po.next.ready', { school: schoolShort(t, first) })
        : d.registeredAt.length > 0
          ? t('po.next.readyChoose')
          : t('po.next.readyNoRegistration'),
      anchor: 'klaarzetten',
      linkText: t('po.next.toReady'),
      byOthers: !may.ready,
    };
  }
  return {
    text: t('po.next.concept'),
    anchor: 'advies',
    linkText: t('po.next.toAdvice'),
    byOthers: !may.write && !may.inspect,
  };
}

/**
 * /school/:brin/vertrek/:dossierId — one leaving pupil's dossier: the state and what to do next, the
 * findings, what the school writes (advice, aandachtspunten, contact), attachments, the parents'
 * inspection, klaarzetten for the registered school, a new version from the administration, and the
 * history. Only the actions this person may do are offered.
 */
export function LeavingDossierPage() {
  const { t, language } = useT();
  const { brin = '', dossierId = '' } = useParams();
  const { can } = useSession();
  const location = useLocation();
  const allowed = can('dossier:read', brin);
  const overview = useResource<DossierOverview>(
    allowed ? `/api/gw/schools/${seg(brin)}/dossiers/${seg(dossierId)}` : null,
  );
  const [notice, setNotice] = useState<string | undefined>(() => {
    const imported = (location.state as { imported?: number } | null)?.imported;
    return imported ? t('po.import.done', { version: imported }) : undefined;
  });
  const may = {
    write: can('dossier:write', brin),
    inspect: can('dossier:inzage', brin),
    ready: can('dossier:klaarzetten', brin),
  };
  const back = (
    <p className="utrecht-paragraph ovs-po-back">
      <Link to={`/school/${brin}/vertrek`}>← {t('po.dossier.back')}</Link>
    </p>
  );

  if (!allowed) {
    return (
      <div className="ovs-po">
        {back}
        <Heading level={1}>{t('po.dossier.title')}</Heading>
        <Alert type="error">
          <Paragraph>
            <strong>{t('forbidden.title')}</strong>
          </Paragraph>
          <Paragraph>{t('po.forbidden')}</Paragraph>
        </Alert>
      </div>
    );
  }
  const d = overview.data;
  if (!d) {
    return (
      <div className="ovs-po">
        {back}
        <Heading level={1}>{t('po.dossier.title')}</Heading>
        {overview.error ? (
          overview.error instanceof ApiError && overview.error.code === 'DOSSIER_NOT_FOUND' ? (
            <Alert type="error">
              <Paragraph>{t('po.dossier.notFound')}</Paragraph>
            </Alert>
          ) : (
            <ErrorMessage error={overview.error} onRetry={() => void overview.reload()} />
          )
        ) : (
          <Paragraph>{t('state.loading')}</Paragraph>
        )}
      </div>
    );
  }

  const reload = (text?: string) => {
    setNotice(text);
    void overview.reload();
  };
  const state = shownState(d);
  const next = nextStep(t, language, d, may);
  const ready = d.destination?.state === 'klaargezet' ? d.destination : undefined;

  return (
    <div className="ovs-po">
      {back}
      <Heading level={1}>{pupilName(d.pupil)}</Heading>
      <Paragraph lead>
        {t('po.dossier.intro', {
          schooljaar: d.schooljaar,
          profile: profileLabel(t, d.profile),
          version: d.version,
        })}
      </Paragraph>

      <div className="ovs-po-status">
        <StatusBadge tone={STATE_TONE[state]}>{stateLabel(t, state)}</StatusBadge>
        <span className="ovs-muted">
          {t('po.dossier.since', { date: formatDateTime(d.stateChangedAt, language) })}
        </span>
      </div>
      <section className="ovs-po-next" aria-labelledby="ovs-po-next-title">
        <h2 className="utrecht-heading-2" id="ovs-po-next-title">
          {t('po.next.title')}
        </h2>
        <Paragraph>{next.text}</Paragraph>
        {next.byOthers ? <Paragraph>{t('po.next.byOthers')}</Paragraph> : null}
        {next.anchor && !next.byOthers ? (
          <a className="utrecht-link" href={`#${next.anchor}`}>
            {next.linkText}
          </a>
        ) : null}
      </section>
      {notice ? (
        <Alert type="ok">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      ) : null}

      <Section title={t('po.dossier.summary')}>
        <DataList
          items={[
            { key: t('po.dossier.name'), value: pupilName(d.pupil) },
            ...(d.pupil.voornamen.length > 0
              ? [{ key: t('po.dossier.firstNames'), value: d.pupil.voornamen.join(' ') }]
              : []),
            { key: t('po.dossier.birthDate'), value: formatDate(d.pupil.geboortedatum, language) },
            { key: t('po.dossier.groep'), value: d.groep ?? '—' },
            { key: t('po.dossier.schooljaar'), value: d.schooljaar },
            { key: t('po.dossier.profile'), value: profileLabel(t, d.profile) },
            {
              key: t('po.dossier.registered'),
              value:
                d.registeredAt.length === 0
                  ? t('po.list.registered.none')
                  : d.registeredAt
                      .map((r) =>
                        r.preferenceRank !== null && d.registeredAt.length > 1
                          ? `${schoolLabel(t, r)} (${t('po.rank', { rank: r.preferenceRank })})`
                          : schoolLabel(t, r),
                      )
                      .join('; '),
            },
            {
              key: t('po.dossier.destination'),
              value: ready
                ? schoolLabel(t, ready)
                : d.destination
                  ? t('po.dossier.noLongerReady', {
                      school: schoolLabel(t, d.destination),
                      state: stateLabel(t, d.destination.state).toLocaleLowerCase(language),
                    })
                  : t('po.dossier.notReady'),
            },
            {
              key: t('po.dossier.delivered'),
              value: d.deliveries.lastAt
                ? t('po.dossier.deliveredTimes', {
                    count: d.deliveries.count,
                    date: formatDateTime(d.deliveries.lastAt, language),
                  })
                : t('po.dossier.notDelivered'),
            },
          ]}
        />
      </Section>

      <div id="controle" className="ovs-po-anchor">
        <FindingsSection dossier={d} mayWrite={may.write} />
      </div>
      <div id="advies" className="ovs-po-anchor">
        <FieldsForm brin={brin} dossier={d} mayWrite={may.write} onSaved={() => reload()} />
      </div>
      <div id="bijlagen" className="ovs-po-anchor">
        <AttachmentsSection brin={brin} dossier={d} mayWrite={may.write} onChanged={() => reload()} />
      </div>
      <div id="inzage" className="ovs-po-anchor">
        <InspectionSection
          brin={brin}
          dossier={d}
          mayInspect={may.inspect}
          onChanged={() => reload(undefined)}
        />
      </div>
      <div id="klaarzetten" className="ovs-po-anchor">
        <ReadinessSection brin={brin} dossier={d} mayReady={may.ready} onChanged={() => reload(undefined)} />
      </div>
      {may.write ? (
        <Section title={t('po.import.versionTitle')}>
          <Paragraph>{t('po.import.versionIntro')}</Paragraph>
          <ImportForm
            brin={brin}
            dossierId={d.dossierId}
            onImported={(saved) => reload(t('po.import.done', { version: saved.version }))}
          />
        </Section>
      ) : null}
      <div id="versies" className="ovs-po-anchor">
        <HistorySection dossier={d} />
      </div>
    </div>
  );
}
