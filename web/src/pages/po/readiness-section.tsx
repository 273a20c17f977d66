import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError, api, seg } from '../../api';
import {
  Alert,
  Button,
  ButtonGroup,
  ErrorSummary,
  Heading,
  Paragraph,
  RadioGroup,
  Section,
  TextField,
} from '../../components';
import { useT } from '../../i18n';
import { formatDate, formatDateTime } from './dates';
import { schoolLabel, schoolShort } from './labels';
import type { DossierOverview } from './types';

/**
 * Klaarzetten for the one school the pupil registered at (the choice is the registered schools in
 * preference order; a BRIN can only be typed when no registration is known), withdrawing, and setting
 * it ready again after the summer switch. Only for people who may klaarzetten.
 */
export function ReadinessSection({
  brin,
  dossier,
  mayReady,
  onChanged,
}: {
  brin: string;
  dossier: DossierOverview;
  mayReady: boolean;
  onChanged(): void;
}) {
  const { t, pick, language } = useT();
  const id = useId();
  const registered = dossier.registeredAt;
  const ready = dossier.destination?.state === 'klaargezet' ? dossier.destination : undefined;
  const [choice, setChoice] = useState<string>(ready?.brin ?? registered[0]?.brin ?? '');
  const [typed, setTyped] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const [changing, setChanging] = useState(false);
  const withdrawHeading = useRef<HTMLParagraphElement>(null);
  const base = `/api/gw/schools/${seg(brin)}/dossiers/${seg(dossier.dossierId)}`;

  useEffect(() => {
    if (confirmWithdraw) withdrawHeading.current?.focus();
  }, [confirmWithdraw]);

  const waitsForInspection =
    dossier.inspectionRequired && (dossier.state === 'concept' || dossier.state === 'ter_inzage');
  const canSetReady =
    mayReady &&
    !waitsForInspection &&
    dossier.errorCount === 0 &&
    ['concept', 'ingezien', 'klaargezet', 'ingetrokken', 'verlopen'].includes(dossier.state);
  const destinationBrin = registered.length > 0 ? choice : typed.trim().toUpperCase();
  const chosen = registered.find((r) => r.brin === destinationBrin) ?? {
    brin: destinationBrin,
    schoolName: null,
  };
  const again = dossier.state === 'verlopen' || dossier.state === 'ingetrokken';

  const setReady = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!/^[0-9]{2}[A-Z]{2}$/.test(destinationBrin)) {
      setFieldError(registered.length > 0 ? t('po.ready.error.choose') : t('po.ready.error.brin'));
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      await api.post(`${base}/klaarzetten`, { destinationBrin });
      setChanging(false);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`${base}/withdraw`);
      setConfirmWithdraw(false);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };

  const lastEnded = dossier.destinations.find((d) => d.state !== 'klaargezet');
  // Ready already: the choice opens only when the person wants another school.
  const showForm = canSetReady && (!ready || changing);
  const fieldId = registered.length > 0 ? `${id}-choice-${registered[0].brin}` : `${id}-brin`;
  return (
    <Section title={t('po.ready.title')}>
      <Paragraph>{t('po.ready.intro')}</Paragraph>

      {ready ? (
        <Alert type="ok">
          <Paragraph>
            {t('po.ready.current', {
              school: schoolLabel(t, ready),
              date: formatDateTime(ready.readyAt, language),
            })}
          </Paragraph>
          <Paragraph>
            {dossier.deliveries.lastAt
              ? t('po.ready.delivered', {
                  count: dossier.deliveries.count,
                  date: formatDateTime(dossier.deliveries.lastAt, language),
                })
              : t('po.ready.notDelivered')}
          </Paragraph>
        </Alert>
      ) : null}
      {dossier.state === 'verlopen' && lastEnded?.endedAt ? (
        <Alert type="warning">
          <Paragraph>
            {t('po.ready.expired', {
              school: schoolShort(t, lastEnded),
              date: formatDate(lastEnded.endedAt, language),
            })}
          </Paragraph>
        </Alert>
      ) : null}
      {dossier.state === 'ingetrokken' && lastEnded?.endedAt ? (
        <Alert type="warning">
          <Paragraph>
            {t('po.ready.withdrawn', {
              school: schoolShort(t, lastEnded),
              date: formatDate(lastEnded.endedAt, language),
            })}
          </Paragraph>
        </Alert>
      ) : null}

      {registered.length > 0 && !(showForm && registered.length > 1) ? (
        <>
          <Heading level={3}>{t('po.ready.registeredTitle')}</Heading>
          <ol className="ovs-po-registrations">
            {registered.map((r) => (
              <li key={r.brin}>
                {schoolLabel(t, r)}
                {r.preferenceRank !== null ? (
                  <span className="ovs-muted"> — {t('po.rankLong', { rank: r.preferenceRank })}</span>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <Paragraph>{t('po.ready.noRegistration')}</Paragraph>
      )}

      {!mayReady ? <Paragraph>{t('po.ready.notAllowed')}</Paragraph> : null}
      {mayReady && waitsForInspection ? (
        <Alert type="info">
          <Paragraph>{t('po.ready.needsInspection')}</Paragraph>
        </Alert>
      ) : null}
      {mayReady && !waitsForInspection && dossier.errorCount > 0 ? (
        <Alert type="warning">
          <Paragraph>{t('po.ready.needsFix')}</Paragraph>
        </Alert>
      ) : null}

      {showForm ? (
        <form onSubmit={(e) => void setReady(e)} noValidate className="ovs-po-subform">
          <ErrorSummary
            title={t('form.errorSummary')}
            errors={fieldError ? [{ fieldId, message: fieldError }] : []}
          />
          {registered.length > 0 ? (
            registered.length > 1 ? (
              <RadioGroup
                legend={t('po.ready.choose')}
                name={`${id}-choice`}
                idPrefix={`${id}-choice`}
                value={choice}
                onChange={setChoice}
                error={fieldError}
                options={registered.map((r) => ({
                  value: r.brin,
                  label:
                    r.preferenceRank !== null
                      ? t('po.ready.option', { school: schoolLabel(t, r), rank: r.preferenceRank })
                      : schoolLabel(t, r),
                }))}
              />
            ) : null
          ) : (
            <TextField
              id={`${id}-brin`}
              label={t('po.ready.brin')}
              description={t('po.ready.brinHint')}
              value={typed}
              error={fieldError}
              maxLength={4}
              autoComplete="off"
              className="ovs-po-brin"
              onChange={(e) => setTyped(e.target.value)}
            />
          )}
          {error ? (
            <Alert type="error">
              <Paragraph>{pick(error.serverMessage)}</Paragraph>
            </Alert>
          ) : null}
          <ButtonGroup>
            <Button type="submit" busy={busy} disabled={!!ready && ready.brin === destinationBrin}>
              {destinationBrin
                ? again
                  ? t('po.ready.submitAgain', { school: schoolShort(t, chosen) })
                  : ready
                    ? t('po.ready.submitOther', { school: schoolShort(t, chosen) })
                    : t('po.ready.submit', { school: schoolShort(t, chosen) })
                : t('po.ready.submitPlain')}
            </Button>
            {changing ? (
              <Button kind="secondary" onClick={() => setChanging(false)} disabled={busy}>
                {t('action.cancel')}
              </Button>
            ) : null}
          </ButtonGroup>
        </form>
      ) : null}

      {mayReady && ready ? (
        <div className="ovs-po-subform">
          {confirmWithdraw ? (
            <Alert type="warning">
              <p className="utrecht-paragraph" tabIndex={-1} ref={withdrawHeading}>
                <strong>{t('po.withdraw.confirmTitle')}</strong>
              </p>
              <Paragraph>{t('po.withdraw.confirmText', { school: schoolShort(t, ready) })}</Paragraph>
              {error ? <Paragraph>{pick(error.serverMessage)}</Paragraph> : null}
              <ButtonGroup>
                <Button kind="danger" onClick={() => void withdraw()} busy={busy}>
                  {t('po.withdraw.confirm')}
                </Button>
                <Button kind="secondary" onClick={() => setConfirmWithdraw(false)} disabled={busy}>
                  {t('action.cancel')}
                </Button>
              </ButtonGroup>
            </Alert>
          ) : (
            <ButtonGroup>
              {canSetReady && registered.length > 1 && !changing ? (
                <Button kind="secondary" onClick={() => setChanging(true)}>
                  {t('po.ready.change')}
                </Button>
              ) : null}
              <Button kind="secondary" onClick={() => setConfirmWithdraw(true)}>
                {t('po.withdraw.button')}
              </Button>
            </ButtonGroup>
          )}
        </div>
      ) : null}
    </Section>
  );
}
