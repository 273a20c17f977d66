import { type FormEvent, useState } from 'react';
import { useLocation } from 'react-router';
import { ApiError, api, seg } from '../../api';
import {
  Button,
  ButtonGroup,
  ButtonLink,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  Section,
  SelectField,
  TextField,
} from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { formatDay } from './format';
import {
  formatPeriod,
  PairChecklist,
  PairStatusBadge,
  PilotChecklist,
  PilotStatusBadge,
} from './pilot-checklist';
import type { PilotDetail, PilotPair, PilotProblem } from './pilot-types';
import type { RegionOverview } from './types';
import { Notice } from './ui';

/**
 * /regio/:regionId/pilots/:pilotId — one pilot for its coordinator: its own checklist, every pair's
 * checklist (both schools' connection, both dossiers' steps, filled in from the chain), adding and
 * removing pairs, telling suppliers and servicedesk the dates, and the log.
 */
export function PilotDetailPage({ regionId, pilotId }: { regionId: string; pilotId: string }) {
  const { t, language } = useT();
  const location = useLocation();
  const path = `/api/region/regions/${seg(regionId)}/pilots/${seg(pilotId)}`;
  const pilot = useResource<PilotDetail>(path);
  const [notice, setNotice] = useState<{ text: string; key: string } | undefined>(() => {
    const text = (location.state as { notice?: string } | null)?.notice;
    return text ? { text, key: 'arrived' } : undefined;
  });
  const changed = (text: string) => {
    setNotice({ text, key: `${Date.now()}` });
    void pilot.reload();
  };
  const p = pilot.data;
  const base = `/regio/${seg(regionId)}/pilots`;
  // the log names schools by BRIN; the pairs know their names
  const names = new Map(
    p?.pairs.flatMap((x) => [[x.po.brin, x.po.name] as const, [x.vo.brin, x.vo.name] as const]),
  );
  const nameOf = (brin: unknown) => (typeof brin === 'string' ? (names.get(brin) ?? brin) : '');
  return (
    <>
      <Heading level={1}>{p ? p.name : t('region.pilot.list.title')}</Heading>
      {notice ? <Notice title={notice.text} focusKey={notice.key} /> : null}
      {pilot.error ? <ErrorMessage error={pilot.error} onRetry={() => void pilot.reload()} /> : null}
      {pilot.loading && !p ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {p ? (
        <>
          <div className="ovs-pilot-summary">
            <Paragraph lead>
              {t('region.pilot.detail.summary', {
                region: p.regionName,
                period: formatPeriod(t, language, p),
                schoolYear: p.schoolYear,
              })}
            </Paragraph>
            <PilotStatusBadge status={p.status} />
          </div>
          <ButtonGroup>
            <ButtonLink to={`${base}/${seg(p.id)}/wijzigen`}>{t('region.pilot.detail.edit')}</ButtonLink>
          </ButtonGroup>
          <Section title={t('region.pilot.detail.checklistTitle')}>
            <Paragraph>
              {t('region.pilot.detail.progress', { done: p.completePairs, total: p.pairs.length })}
            </Paragraph>
            <PilotChecklist checklist={p.checklist} />
          </Section>
          <Section title={t('region.pilot.detail.pairsTitle')}>
            <Paragraph>{t('region.pilot.detail.pairsIntro')}</Paragraph>
            {p.pairs.length === 0 ? <Paragraph>{t('region.pilot.detail.noPairs')}</Paragraph> : null}
            {p.pairs.map((pair) => (
              <PairSection
                key={pair.pairId}
                regionId={regionId}
                pilotId={p.id}
                pair={pair}
                onRemoved={changed}
              />
            ))}
          </Section>
          <AddPairForm regionId={regionId} pilotId={p.id} onAdded={changed} />
          <NotifyForm path={path} pilot={p} onSent={changed} />
          <Section title={t('region.pilot.detail.logTitle')}>
            {p.log.length === 0 ? <Paragraph>{t('region.pilot.detail.logEmpty')}</Paragraph> : null}
            <ul className="ovs-pilot-log">
              {[...p.log].reverse().map((e, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the log only grows; newest first
                <li key={`${e.at}-${index}`}>
                  <time dateTime={e.at}>
                    {new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                      timeZone: 'Europe/Amsterdam',
                    }).format(new Date(e.at))}
                  </time>{' '}
                  {t(`region.pilot.log.${e.event}` as MessageKey, {
                    po: nameOf(e.details.poBrin),
                    vo: nameOf(e.details.voBrin),
                    count: Array.isArray(e.details.recipients) ? e.details.recipients.length : 0,
                  })}
                </li>
              ))}
            </ul>
          </Section>
          <Paragraph>
            <Link to={base}>{t('region.pilot.detail.back')}</Link>
          </Paragraph>
        </>
      ) : null}
    </>
  );
}

function PairSection({
  regionId,
  pilotId,
  pair,
  onRemoved,
}: {
  regionId: string;
  pilotId: string;
  pair: PilotPair;
  onRemoved(text: string): void;
}) {
  const { t, pick } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const remove = async () => {
    setBusy(true);
    try {
      await api.delete(
        `/api/region/regions/${seg(regionId)}/pilots/${seg(pilotId)}/pairs/${seg(pair.pairId)}`,
      );
      onRemoved(t('region.pilot.detail.pairRemoved', { po: pair.po.name, vo: pair.vo.name }));
    } catch (e) {
      setError(e instanceof ApiError ? pick(e.serverMessage) : t('state.error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <div className="ovs-pilot-pair-head">
        <Heading level={3}>{t('region.pilot.pair.title', { po: pair.po.name, vo: pair.vo.name })}</Heading>
        <PairStatusBadge status={pair.status} />
        {pair.started ? null : (
          <Button
            kind="subtle"
            busy={busy}
            aria-label={t('region.pilot.detail.removePairLabel', { po: pair.po.name, vo: pair.vo.name })}
            onClick={() => void remove()}
          >
            {t('region.pilot.detail.removePair')}
          </Button>
        )}
      </div>
      {error ? <Notice tone="error" title={error} /> : null}
      <PairChecklist pair={pair} />
    </>
  );
}

function AddPairForm({
  regionId,
  pilotId,
  onAdded,
}: {
  regionId: string;
  pilotId: string;
  onAdded(text: string): void;
}) {
  const { t, pick } = useT();
  const region = useResource<RegionOverview>(`/api/region/regions/${seg(regionId)}`);
  const [po, setPo] = useState('');
  const [vo, setVo] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const members = region.data?.members ?? [];
  const choices = (list: typeof members) => [
    { value: '', label: t('region.pilot.form.choose') },
    ...list.map((m) => ({ value: m.brin, label: `${m.name} (${m.brin})` })),
  ];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!po || !vo) return setError(t('region.pilot.form.error.pair', { number: 1 }));
    setError(undefined);
    setBusy(true);
    try {
      await api.post(`/api/region/regions/${seg(regionId)}/pilots/${seg(pilotId)}/pairs`, {
        poBrin: po,
        voBrin: vo,
      });
      setPo('');
      setVo('');
      onAdded(t('region.pilot.detail.pairAdded'));
    } catch (e) {
      const problems = e instanceof ApiError ? (e.details.problems as PilotProblem[] | undefined) : undefined;
      setError(
        problems?.[0]
          ? pick(problems[0].message)
          : e instanceof ApiError
            ? pick(e.serverMessage)
            : t('state.error'),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t('region.pilot.detail.addTitle')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary
          title={t('form.errorSummary')}
          errors={error ? [{ fieldId: 'pilot-add-po', message: error }] : []}
        />
        <div className="ovs-pilot-pair-row__fields">
          <SelectField
            id="pilot-add-po"
            label={t('region.pilot.form.po')}
            value={po}
            error={error}
            options={choices(members.filter((m) => m.sector === 'po' || m.sector === 'so'))}
            onChange={(e) => setPo(e.target.value)}
          />
          <SelectField
            id="pilot-add-vo"
            label={t('region.pilot.form.vo')}
            value={vo}
            options={choices(members.filter((m) => m.sector === 'vo'))}
            onChange={(e) => setVo(e.target.value)}
          />
        </div>
        <Button type="submit" kind="secondary" busy={busy}>
          {t('region.pilot.detail.addSubmit')}
        </Button>
      </form>
    </Section>
  );
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function NotifyForm({
  path,
  pilot,
  onSent,
}: {
  path: string;
  pilot: PilotDetail;
  onSent(text: string): void;
}) {
  const { t, pick, language } = useT();
  const [emails, setEmails] = useState<Record<string, string>>({});
  const [desk, setDesk] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const fieldId = (index: number) => `pilot-notify-${index}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const found: Record<string, string> = {};
    pilot.suppliers.forEach((s, index) => {
      const value = (emails[s.name] ?? '').trim();
      if (value && !EMAIL.test(value)) found[fieldId(index)] = t('region.pilot.notify.error.email');
    });
    if (desk.trim() && !EMAIL.test(desk.trim()))
      found['pilot-notify-desk'] = t('region.pilot.notify.error.email');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const answer = await api.post<{ recipients: unknown[] }>(`${path}/notify`, {
        suppliers: pilot.suppliers
          .map((s) => ({ name: s.name, email: (emails[s.name] ?? '').trim() }))
          .filter((s) => s.email !== ''),
        ...(desk.trim() ? { servicedeskEmail: desk.trim() } : {}),
      });
      const count = answer.recipients.length;
      onSent(count === 1 ? t('region.pilot.notify.sentOne') : t('region.pilot.notify.sent', { count }));
    } catch (e) {
      const problems = e instanceof ApiError ? (e.details.problems as PilotProblem[] | undefined) : undefined;
      if (problems) {
        const refused: Record<string, string> = {};
        for (const p of problems)
          refused[p.field === 'servicedeskEmail' ? 'pilot-notify-desk' : fieldId(p.index ?? 0)] = pick(
            p.message,
          );
        setErrors(refused);
      } else setFailure(e instanceof ApiError ? pick(e.serverMessage) : t('state.error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t('region.pilot.notify.title')}>
      <Paragraph>{t('region.pilot.notify.intro')}</Paragraph>
      <Paragraph>
        {pilot.notifiedAt
          ? t('region.pilot.notify.last', { date: formatDay(pilot.notifiedAt.slice(0, 10), language) })
          : t('region.pilot.notify.never')}
      </Paragraph>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {failure ? <Notice tone="error" title={failure} /> : null}
        <ErrorSummary
          title={t('form.errorSummary')}
          errors={Object.entries(errors).map(([id, message]) => ({ fieldId: id, message }))}
        />
        {pilot.suppliers.length === 0 ? <Paragraph>{t('region.pilot.notify.noSuppliers')}</Paragraph> : null}
        {pilot.suppliers.map((s, index) => (
          <TextField
            key={s.name}
            id={fieldId(index)}
            type="email"
            autoComplete="off"
            className="ovs-pilot-email"
            label={t('region.pilot.notify.supplier', { supplier: s.name })}
            description={t('region.pilot.notify.supplierHint', { schools: s.schools.join(', ') })}
            error={errors[fieldId(index)]}
            value={emails[s.name] ?? ''}
            onChange={(e) => setEmails({ ...emails, [s.name]: e.target.value })}
          />
        ))}
        <TextField
          id="pilot-notify-desk"
          type="email"
          autoComplete="off"
          className="ovs-pilot-email"
          label={t('region.pilot.notify.desk')}
          description={t('region.pilot.notify.deskHint')}
          error={errors['pilot-notify-desk']}
          value={desk}
          onChange={(e) => setDesk(e.target.value)}
        />
        <Button type="submit" busy={busy}>
          {t('region.pilot.notify.submit')}
        </Button>
      </form>
    </Section>
  );
}
