import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, api, seg } from '../../api';
import { Alert, Button, DataList, Heading, Link, Paragraph, Section, StatusBadge } from '../../components';
import { useT } from '../../i18n';
import { ErrorMessage, NotFound } from '../../layout';
import { useSession } from '../../session';
import { useResource } from '../../use-resource';
import {
  formatDate,
  formatDateTime,
  nextStep,
  resultKey,
  STATE_TONE,
  schoolLabel,
  stateKey,
  triggerKey,
} from './labels';
import { ReceivedSection } from './received-section';
import { RegistrationForm } from './registration-form';
import { POLL_MS } from './registrations-page';
import { useSchoolNames } from './school-directory';
import {
  CORRECTABLE_STATES,
  pupilName,
  REQUESTABLE,
  type RegistrationDetail,
  type RequestResult,
  WAITING_STATES,
} from './types';
import './vo.css';

/**
 * /school/:brin/aanmeldingen/:registrationId — one registration: the pupil, where the request
 * stands and what to do next, the request history, the received dossier (rendered, export,
 * import, reject) and — after LeerlingNietGevonden and the like — a correction. Only actions the
 * person may do are offered. Asks again every 10 s while the dossier is on its way.
 */
export function RegistrationPage() {
  const { t, pick, language } = useT();
  const { brin = '', registrationId = '' } = useParams();
  const { can } = useSession();
  const [waiting, setWaiting] = useState(false);
  const detail = useResource<RegistrationDetail>(
    can('received:read', brin) ? `/api/gw/schools/${seg(brin)}/registrations/${seg(registrationId)}` : null,
    { pollMs: waiting ? POLL_MS : undefined },
  );
  const r = detail.data;
  const nowWaiting = r ? WAITING_STATES.includes(r.state) : false;
  useEffect(() => setWaiting(nowWaiting), [nowWaiting]);
  const names = useSchoolNames(r && r.sourceSchoolName === null ? [r.sourceBrin] : []);
  const [notice, setNotice] = useState<{ type: 'ok' | 'info' | 'error'; text: string }>();
  const [requesting, setRequesting] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const correctHeading = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (correcting) correctHeading.current?.focus();
  }, [correcting]);

  if (!can('received:read', brin)) {
    return <ErrorMessage error={new ApiError(403, 'FORBIDDEN', { nl: '', en: '' })} />;
  }
  if (detail.error?.status === 404) return <NotFound />;
  if (detail.error && !r) return <ErrorMessage error={detail.error} onRetry={() => void detail.reload()} />;
  if (!r) return <Paragraph>{t('state.loading')}</Paragraph>;

  const name = pupilName(r.pupil);
  const school = schoolLabel(r, names);
  const mayRequest = can('request:send', brin) && REQUESTABLE.includes(r.state);
  const mayCorrect = can('registration:write', brin) && CORRECTABLE_STATES.includes(r.state);
  const needsCorrection = r.state === 'niet_gevonden';
  /** States in which requesting is the next thing to do (the primary button). */
  const REQUEST_FIRST = ['aanmelding', 'fout'];

  const request = async () => {
    setRequesting(true);
    setNotice(undefined);
    try {
      const result = await api.post<RequestResult>(
        `/api/gw/schools/${seg(brin)}/registrations/${seg(registrationId)}/request`,
      );
      setNotice({
        type: result.result === 'OverdrachtGeslaagd' ? 'ok' : 'info',
        text: t('vo.reg.requested', { result: t(resultKey(result.result)) }),
      });
    } catch (e) {
      setNotice({ type: 'error', text: e instanceof ApiError ? pick(e.serverMessage) : t('state.error') });
    } finally {
      setRequesting(false);
      await detail.reload();
    }
  };

  const changed = async (text: string) => {
    setNotice({ type: 'ok', text });
    await detail.reload();
  };

  return (
    <>
      <p className="ovs-vo-back">
        <Link to={`/school/${brin}/aanmeldingen`}>← {t('vo.reg.back')}</Link>
      </p>
      <Heading level={1}>{name}</Heading>
      <Paragraph lead>{t('vo.reg.lead', { school })}</Paragraph>

      <section className="ovs-vo-next" aria-labelledby="vo-next-h">
        <div className="ovs-vo-status">
          <Heading level={2} id="vo-next-h">
            {t('vo.reg.statusTitle')}
          </Heading>
          <StatusBadge tone={STATE_TONE[r.state]}>{t(stateKey(r.state))}</StatusBadge>
          {r.lastResult && r.lastResultAt && r.state !== 'aangevraagd' ? (
            <span className="ovs-muted">
              {t('vo.reg.lastResult', {
                result: t(resultKey(r.lastResult)),
                when: formatDateTime(r.lastResultAt, language),
              })}
            </span>
          ) : null}
        </div>
        <Paragraph>{nextStep(r, t, pick)}</Paragraph>
        {r.state === 'afgewezen' && r.rejectReason ? (
          <Paragraph>
            <strong>{t('vo.received.rejectReason')}:</strong> {r.rejectReason}
          </Paragraph>
        ) : null}
        {waiting ? (
          <p className="ovs-vo-polling">
            <span className="ovs-vo-polling__dot" aria-hidden="true" />
            {t('vo.reg.polling')}
          </p>
        ) : null}
        <div className="ovs-vo-actions">
          {mayRequest ? (
            <Button
              kind={REQUEST_FIRST.includes(r.state) ? 'primary' : 'secondary'}
              busy={requesting}
              onClick={() => void request()}
            >
              {r.requests.length > 0 ? t('vo.reg.requestAgain') : t('vo.reg.request')}
            </Button>
          ) : null}
          {mayCorrect && !correcting ? (
            <Button kind={needsCorrection ? 'primary' : 'secondary'} onClick={() => setCorrecting(true)}>
              {t('vo.correct.open')}
            </Button>
          ) : null}
        </div>
        <div aria-live="polite">{notice ? <Alert type={notice.type}>{notice.text}</Alert> : null}</div>
      </section>

      {correcting ? (
        <Section title={t('vo.correct.title')}>
          <div ref={correctHeading} tabIndex={-1} className="ovs-vo-focus-target">
            <Paragraph>{t('vo.correct.intro')}</Paragraph>
          </div>
          <RegistrationForm
            brin={brin}
            registrationId={r.registrationId}
            idPrefix="vo-correct"
            initial={{
              pupil: r.pupil,
              number: r.number,
              school: { brin: r.sourceBrin, name: school },
              preferenceRank: r.preferenceRank,
            }}
            onSaved={() => {
              setCorrecting(false);
              void changed(t('vo.correct.saved'));
            }}
            onCancel={() => setCorrecting(false)}
          />
        </Section>
      ) : null}

      <ReceivedSection brin={brin} registration={r} onChanged={changed} />

      <Section title={t('vo.reg.details')}>
        <DataList
          items={[
            { key: t('vo.reg.birthDate'), value: formatDate(r.pupil.geboortedatum, language) },
            ...(r.number?.bsn ? [{ key: t('vo.reg.bsn'), value: r.number.bsn }] : []),
            ...(r.number?.onderwijsnummer
              ? [{ key: t('vo.reg.onderwijsnummer'), value: r.number.onderwijsnummer }]
              : []),
            {
              key: t('vo.reg.school'),
              value: (
                <>
                  {school} <span className="ovs-muted">({r.sourceBrin})</span>
                </>
              ),
            },
            {
              key: t('vo.reg.rank'),
              value: r.preferenceRank ? t('vo.rank', { rank: r.preferenceRank }) : '—',
            },
            { key: t('vo.reg.createdAt'), value: formatDateTime(r.createdAt, language) },
            {
              key: t('vo.reg.requestedAt'),
              value: r.requestedAt ? formatDateTime(r.requestedAt, language) : t('vo.reg.never'),
            },
          ]}
        />
      </Section>

      <Section title={t('vo.reg.history')}>
        {r.requests.length === 0 ? (
          <Paragraph>{t('vo.reg.historyEmpty')}</Paragraph>
        ) : (
          <div className="utrecht-table-container utrecht-table-container--overflow-inline">
            <table className="utrecht-table utrecht-table--html-table ovs-vo-table">
              <caption className="utrecht-table__caption">{t('vo.reg.historyCaption')}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  {[
                    t('vo.reg.col.when'),
                    t('vo.reg.col.how'),
                    t('vo.reg.col.result'),
                    t('vo.reg.col.next'),
                  ].map((h) => (
                    <th key={h} scope="col" className="utrecht-table__header-cell">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {r.requests.map((q) => (
                  <tr key={q.requestId} className="utrecht-table__row">
                    <td className="utrecht-table__cell" data-label={t('vo.reg.col.when')}>
                      {formatDateTime(q.requestedAt, language)}
                    </td>
                    <td className="utrecht-table__cell" data-label={t('vo.reg.col.how')}>
                      {t(triggerKey(q.trigger))}
                    </td>
                    <td className="utrecht-table__cell" data-label={t('vo.reg.col.result')}>
                      {t(resultKey(q.result))}
                    </td>
                    <td className="utrecht-table__cell" data-label={t('vo.reg.col.next')}>
                      {pick(q.explanation)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </>
  );
}
