import { type FormEvent, useId, useState } from 'react';
import { ApiError, api, seg } from '../../api';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  ErrorSummary,
  Heading,
  Paragraph,
  RadioGroup,
  Section,
  SelectField,
  TextArea,
  TextField,
} from '../../components';
import { useT } from '../../i18n';
import { formatDate, formatDateTime, today } from './dates';
import { akkoordLabel } from './labels';
import type { DossierOverview, InspectionLink } from './types';

/**
 * The parents' inspection: put the version up for inspection, invite the parents with a personal link
 * (print or copy it, or have it mailed), or record an inspection on paper; afterwards what they said.
 */
export function InspectionSection({
  brin,
  dossier,
  mayInspect,
  onChanged,
}: {
  brin: string;
  dossier: DossierOverview;
  mayInspect: boolean;
  onChanged(): void;
}) {
  const { t, pick, language } = useT();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ text: string; state: string }>();
  const base = `/api/gw/schools/${seg(brin)}/dossiers/${seg(dossier.dossierId)}`;

  const putUp = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`${base}/ter-inzage`);
      setDone({ text: t('po.inspection.putUpDone'), state: 'ter_inzage' });
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };

  const inspection = dossier.inspection;
  return (
    <Section title={t('po.inspection.title')}>
      <Paragraph>
        {dossier.inspectionRequired ? t('po.inspection.introRequired') : t('po.inspection.introOptional')}
      </Paragraph>
      {done && done.state === dossier.state ? (
        <Alert type="ok">
          <Paragraph>{done.text}</Paragraph>
        </Alert>
      ) : null}
      {inspection && dossier.state !== 'concept' && dossier.state !== 'ter_inzage' ? (
        <DataList
          items={[
            { key: t('po.inspection.date'), value: formatDate(inspection.inzagedatum, language) },
            { key: t('po.inspection.agree'), value: akkoordLabel(t, inspection.akkoord) },
            ...(inspection.toestemming
              ? [{ key: t('po.inspection.consent'), value: akkoordLabel(t, inspection.toestemming) }]
              : []),
          ]}
        />
      ) : null}
      {dossier.state === 'concept' ? (
        <>
          <Paragraph>{t('po.inspection.notYet')}</Paragraph>
          {mayInspect ? (
            <>
              <Paragraph>{t('po.inspection.putUpText')}</Paragraph>
              {dossier.errorCount > 0 ? (
                <Alert type="warning">
                  <Paragraph>{t('po.inspection.putUpWithErrors')}</Paragraph>
                </Alert>
              ) : null}
              {error ? (
                <Alert type="error">
                  <Paragraph>{pick(error.serverMessage)}</Paragraph>
                </Alert>
              ) : null}
              <Button onClick={() => void putUp()} busy={busy}>
                {t('po.inspection.putUp')}
              </Button>
            </>
          ) : null}
        </>
      ) : null}
      {dossier.state === 'ter_inzage' ? (
        <>
          <Alert type="info">
            <Paragraph>
              {t('po.inspection.since', {
                date: formatDateTime(dossier.frozenAt ?? dossier.stateChangedAt, language),
              })}
            </Paragraph>
          </Alert>
          {mayInspect ? (
            <>
              <InviteParents base={base} />
              <PaperInspection
                base={base}
                profile={dossier.profile}
                onRecorded={() => {
                  setDone({ text: t('po.inspection.paper.done'), state: 'ingezien' });
                  onChanged();
                }}
              />
            </>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}

function InviteParents({ base }: { base: string }) {
  const { t, pick, language } = useT();
  const id = useId();
  const [email, setEmail] = useState('');
  const [mailLanguage, setMailLanguage] = useState<'nl' | 'en'>(language);
  const [link, setLink] = useState<InspectionLink & { email?: string }>();
  const [error, setError] = useState<ApiError>();
  const [unavailable, setUnavailable] = useState(false);
  const [emailError, setEmailError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setCopied(false);
    const address = email.trim();
    const problem =
      address && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)
        ? t('po.inspection.invite.emailError')
        : undefined;
    setEmailError(problem);
    if (problem) return;
    setBusy(true);
    try {
      const answer = await api.post<InspectionLink>(`${base}/inspection-link`, {
        ...(address ? { email: address } : {}),
        language: mailLanguage,
      });
      setLink({ ...answer, ...(address ? { email: address } : {}) });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && e.code !== 'DOSSIER_NOT_FOUND') setUnavailable(true);
      else if (e instanceof ApiError && (e.details.problems as Record<string, string> | undefined)?.email)
        setEmailError(t('po.inspection.invite.emailError'));
      else setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      (document.getElementById(`${id}-link`) as HTMLInputElement | null)?.select();
    }
  };

  return (
    <div className="ovs-po-subform">
      <Heading level={3}>{t('po.inspection.invite.title')}</Heading>
      {unavailable ? (
        <Alert type="info">
          <Paragraph>{t('po.inspection.invite.unavailable')}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t('po.inspection.invite.text')}</Paragraph>
          <form onSubmit={(e) => void submit(e)} noValidate>
            <ErrorSummary
              title={t('form.errorSummary')}
              errors={emailError ? [{ fieldId: `${id}-email`, message: emailError }] : []}
            />
            <TextField
              id={`${id}-email`}
              label={t('po.inspection.invite.email')}
              description={t('po.inspection.invite.emailHint')}
              type="email"
              autoComplete="off"
              value={email}
              error={emailError}
              onChange={(e) => setEmail(e.target.value)}
            />
            <SelectField
              label={t('po.inspection.invite.language')}
              value={mailLanguage}
              onChange={(e) => setMailLanguage(e.target.value === 'en' ? 'en' : 'nl')}
              options={[
                { value: 'nl', label: 'Nederlands' },
                { value: 'en', label: 'English' },
              ]}
            />
            {error ? (
              <Alert type="error">
                <Paragraph>{pick(error.serverMessage)}</Paragraph>
              </Alert>
            ) : null}
            <Button type="submit" kind="secondary" busy={busy}>
              {t('po.inspection.invite.submit')}
            </Button>
          </form>
        </>
      )}
      {link ? (
        <div className="ovs-po-link" role="status">
          <TextField
            label={t('po.inspection.invite.link')}
            description={t('po.inspection.invite.expires', { date: formatDate(link.expiresAt, language) })}
            value={link.url}
            readOnly
            id={`${id}-link`}
            onFocus={(e) => e.target.select()}
          />
          <Paragraph>
            {link.mailed
              ? t('po.inspection.invite.mailed', { email: link.email ?? '' })
              : link.email
                ? t('po.inspection.invite.mailFailed')
                : t('po.inspection.invite.notMailed')}
          </Paragraph>
          <ButtonGroup>
            <Button kind="secondary" onClick={() => void copy()}>
              {copied ? t('po.inspection.invite.copied') : t('po.inspection.invite.copy')}
            </Button>
            <Button
              kind="secondary"
              onClick={() => {
                document.body.classList.add('ovs-po-print-link');
                window.print();
                document.body.classList.remove('ovs-po-print-link');
              }}
            >
              {t('po.inspection.invite.print')}
            </Button>
          </ButtonGroup>
        </div>
      ) : null}
    </div>
  );
}

type PaperField = 'inzagedatum' | 'akkoord' | 'redenNietAkkoord' | 'toestemming';

function PaperInspection({
  base,
  profile,
  onRecorded,
}: {
  base: string;
  profile: string;
  onRecorded(): void;
}) {
  const { t, pick } = useT();
  const id = useId();
  const ids: Record<PaperField, string> = {
    inzagedatum: `${id}-date`,
    akkoord: `${id}-akkoord`,
    redenNietAkkoord: `${id}-reden`,
    toestemming: `${id}-toestemming`,
  };
  const [date, setDate] = useState(today());
  const [akkoord, setAkkoord] = useState<string>();
  const [reden, setReden] = useState('');
  const [toestemming, setToestemming] = useState<string>();
  const [errors, setErrors] = useState<Partial<Record<PaperField, string>>>({});
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const consentRequired = profile === 'VOVO';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const found: Partial<Record<PaperField, string>> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > today())
      found.inzagedatum = t('po.inspection.error.date');
    if (!akkoord) found.akkoord = t('po.inspection.error.akkoord');
    if (akkoord === 'Nee' && !reden.trim()) found.redenNietAkkoord = t('po.inspection.error.reden');
    if (consentRequired && !toestemming) found.toestemming = t('po.inspection.error.toestemming');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await api.post(`${base}/inspection`, {
        inzagedatum: date,
        akkoord,
        ...(akkoord === 'Nee' ? { redenNietAkkoord: reden.trim() } : {}),
        ...(toestemming ? { toestemming } : {}),
      });
      onRecorded();
    } catch (e) {
      if (e instanceof ApiError) {
        const problems = (e.details.problems ?? {}) as Record<string, string>;
        const mapped: Partial<Record<PaperField, string>> = {};
        if (problems.inzagedatum) mapped.inzagedatum = t('po.inspection.error.date');
        if (problems.akkoord) mapped.akkoord = t('po.inspection.error.akkoord');
        if (problems.redenNietAkkoord) mapped.redenNietAkkoord = t('po.inspection.error.reden');
        if (problems.toestemming) mapped.toestemming = t('po.inspection.error.toestemming');
        setErrors(mapped);
        if (Object.keys(mapped).length === 0) setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  const answers = [
    { value: 'Ja', label: t('po.inspection.answer.Ja') },
    { value: 'Nee', label: t('po.inspection.answer.Nee') },
    { value: 'Onbekend', label: t('po.inspection.answer.Onbekend') },
  ];
  const order: PaperField[] = ['inzagedatum', 'akkoord', 'redenNietAkkoord', 'toestemming'];
  const summary = order.flatMap((f) =>
    errors[f]
      ? [
          {
            fieldId: f === 'akkoord' || f === 'toestemming' ? `${ids[f]}-Ja` : ids[f],
            message: errors[f] as string,
          },
        ]
      : [],
  );
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="ovs-po-subform">
      <Heading level={3}>{t('po.inspection.paper.title')}</Heading>
      <Paragraph>{t('po.inspection.paper.text')}</Paragraph>
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      <TextField
        id={ids.inzagedatum}
        label={t('po.inspection.paper.date')}
        description={t('po.inspection.paper.dateHint')}
        type="date"
        max={today()}
        required
        value={date}
        error={errors.inzagedatum}
        onChange={(e) => setDate(e.target.value)}
        className="ovs-po-date"
      />
      <RadioGroup
        legend={t('po.inspection.paper.akkoord')}
        name={`${id}-akkoord`}
        idPrefix={ids.akkoord}
        value={akkoord}
        onChange={setAkkoord}
        options={answers}
        error={errors.akkoord}
      />
      {akkoord === 'Nee' ? (
        <TextArea
          id={ids.redenNietAkkoord}
          label={t('po.inspection.paper.reden')}
          description={t('po.inspection.paper.redenHint')}
          required
          value={reden}
          maxLength={4000}
          error={errors.redenNietAkkoord}
          onChange={(e) => setReden(e.target.value)}
        />
      ) : null}
      <RadioGroup
        legend={t('po.inspection.paper.toestemming')}
        description={
          consentRequired
            ? t('po.inspection.paper.toestemmingRequired')
            : t('po.inspection.paper.toestemmingHint')
        }
        name={`${id}-toestemming`}
        idPrefix={ids.toestemming}
        value={toestemming}
        onChange={setToestemming}
        options={answers}
        error={errors.toestemming}
      />
      {error ? (
        <Alert type="error">
          <Paragraph>{pick(error.serverMessage)}</Paragraph>
        </Alert>
      ) : null}
      <Button type="submit" busy={busy}>
        {t('po.inspection.paper.submit')}
      </Button>
    </form>
  );
}
