import { type FormEvent, useState } from 'react';
import { ApiError, api, seg } from '../../api';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  ErrorSummary,
  Heading,
  Paragraph,
  Section,
  TextArea,
} from '../../components';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { formatDateTime } from './labels';
import { pupilName, type RegistrationDetail } from './types';

/**
 * The received dossier of a registration: when it came and how it checked out; export for the
 * school administration (XML, complete — administratie only) and as JSON; "mark imported" and
 * "reject" with a required reason; and the dossier itself, rendered by the server
 * (…/dossier.html, support information only for who may see it) in a sandboxed frame.
 */
export function ReceivedSection({
  brin,
  registration,
  onChanged,
}: {
  brin: string;
  registration: RegistrationDetail;
  onChanged(message: string): Promise<void>;
}) {
  const { t, pick, language } = useT();
  const { can } = useSession();
  const received = registration.received;
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState<'import' | 'reject'>();
  if (!received) return null;

  const base = `/api/gw/schools/${seg(brin)}/registrations/${seg(registration.registrationId)}`;
  const name = pupilName(registration.pupil);
  const fileName = `overstapdossier-${registration.pupil.achternaam.replace(/[^\p{L}\p{N}-]+/gu, '-')}`;
  const mayWrite = can('received:write', brin);
  const maySupport = can('received:support', brin);
  const decidable = registration.state === 'ontvangen';

  const act = async (kind: 'import' | 'reject') => {
    setFailure(undefined);
    setBusy(kind);
    try {
      if (kind === 'import') {
        await api.post(`${base}/import`);
        await onChanged(t('vo.received.imported'));
      } else {
        await api.post(`${base}/reject`, { reason: reason.trim() });
        setRejecting(false);
        setReason('');
        await onChanged(t('vo.received.rejected'));
      }
    } catch (e) {
      setFailure(e instanceof ApiError ? pick(e.serverMessage) : t('state.error'));
    } finally {
      setBusy(undefined);
    }
  };

  const submitReject = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError(t('vo.received.reasonRequired'));
      return;
    }
    setReasonError(undefined);
    void act('reject');
  };

  return (
    <Section title={t('vo.received.title')}>
      <div className="ovs-vo-section-body">
        <DataList
          items={[
            { key: t('vo.received.receivedAt'), value: formatDateTime(received.receivedAt, language) },
            ...(received.versionReadyAt
              ? [
                  {
                    key: t('vo.received.versionReadyAt'),
                    value: formatDateTime(received.versionReadyAt, language),
                  },
                ]
              : []),
            {
              key: t('vo.received.findings'),
              value:
                received.errorCount + received.warningCount === 0
                  ? t('vo.received.findingsNone')
                  : t('vo.received.findingsCount', {
                      errors: received.errorCount,
                      warnings: received.warningCount,
                    }),
            },
            ...(received.importedAt
              ? [{ key: t('vo.received.importedAt'), value: formatDateTime(received.importedAt, language) }]
              : []),
          ]}
        />
        <Heading level={3}>{t('vo.received.actions')}</Heading>
        <div className="ovs-vo-actions">
          {mayWrite ? (
            <a
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
              href={`${base}/dossier`}
              download={`${fileName}.xml`}
            >
              {t('vo.received.exportXml')}
            </a>
          ) : null}
          <a
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            href={`${base}/dossier?format=json`}
            download={`${fileName}.json`}
          >
            {t('vo.received.exportJson')}
          </a>
          {mayWrite && decidable ? (
            <>
              <Button kind="secondary" busy={busy === 'import'} onClick={() => void act('import')}>
                {t('vo.received.markImported')}
              </Button>
              <Button kind="secondary" onClick={() => setRejecting(true)} aria-expanded={rejecting}>
                {t('vo.received.reject')}
              </Button>
            </>
          ) : null}
        </div>
        <Paragraph>{mayWrite ? t('vo.received.exportHint') : t('vo.received.exportHintRead')}</Paragraph>
        {failure ? <Alert type="error">{failure}</Alert> : null}
        {rejecting ? (
          <form className="ovs-vo-confirm" onSubmit={submitReject} noValidate>
            <Heading level={3}>{t('vo.received.rejectTitle')}</Heading>
            <Paragraph>{t('vo.received.rejectIntro')}</Paragraph>
            <ErrorSummary
              title={t('form.errorSummary')}
              errors={reasonError ? [{ fieldId: 'vo-reject-reason', message: reasonError }] : []}
            />
            <TextArea
              id="vo-reject-reason"
              label={t('vo.received.reason')}
              description={t('vo.received.reasonHint')}
              required
              maxLength={2000}
              value={reason}
              error={reasonError}
              onChange={(e) => setReason(e.target.value)}
            />
            <ButtonGroup>
              <Button type="submit" kind="danger" busy={busy === 'reject'}>
                {t('vo.received.confirmReject')}
              </Button>
              <Button
                kind="secondary"
                onClick={() => {
                  setRejecting(false);
                  setReasonError(undefined);
                }}
              >
                {t('action.cancel')}
              </Button>
            </ButtonGroup>
          </form>
        ) : null}

        <Heading level={3}>{t('vo.received.view')}</Heading>
        <Alert type="info">
          {maySupport ? t('vo.received.supportShown') : t('vo.received.supportHidden')}
        </Alert>
        <iframe
          key={received.receivedDossierId}
          className="ovs-vo-dossier-frame"
          title={t('vo.received.frameTitle', { name })}
          src={`${base}/dossier.html?lang=${language}`}
          sandbox=""
          referrerPolicy="no-referrer"
        />
        <Paragraph>
          <a
            className="utrecht-link"
            href={`${base}/dossier.html?lang=${language}`}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t('vo.received.openNew')}
          </a>
        </Paragraph>
      </div>
    </Section>
  );
}
