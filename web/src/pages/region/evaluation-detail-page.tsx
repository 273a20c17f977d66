import { useState } from 'react';
import { ApiError, api, seg } from '../../api';
import { Button, ButtonGroup, Heading, Paragraph, Section } from '../../components';
import { type MessageKey, useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { EvaluationNav, StateBadge, useRoleName } from './evaluation-page';
import { type EvaluationView, evaluationsApi, type MadeLink } from './evaluation-types';
import { formatDay } from './format';
import { Notice } from './ui';

/**
 * /regio/:regionId/evaluatie/:evaluationId — an evaluation's state (open it, close it) and its links
 * per role: made and mailed to the role's people at the member schools, or — for parents — shown to
 * copy. A link is shown only right after it is made: Overstap keeps only its fingerprint.
 */
export function EvaluationDetailPage({ regionId, evaluationId }: { regionId: string; evaluationId: string }) {
  const { t } = useT();
  const url = `${evaluationsApi(regionId)}/${seg(evaluationId)}`;
  const view = useResource<EvaluationView>(url);
  const e = view.data;
  return (
    <>
      <Heading level={1}>
        {t('region.evaluation.detail.heading', { schoolYear: e?.schoolYear ?? '' }).trim()}
      </Heading>
      <EvaluationNav regionId={regionId} evaluationId={evaluationId} />
      {view.error ? <ErrorMessage error={view.error} onRetry={() => void view.reload()} /> : null}
      {view.loading && !e ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {e ? (
        <>
          <StateSection view={e} url={url} onChange={() => void view.reload()} />
          <LinksSection view={e} url={url} onChange={() => void view.reload()} />
        </>
      ) : null}
    </>
  );
}

function StateSection({ view, url, onChange }: { view: EvaluationView; url: string; onChange(): void }) {
  const { t, pick } = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{
    tone: 'ok' | 'error';
    title: string;
    text?: string;
    key: string;
  }>();
  const change = async (to: 'open' | 'close') => {
    setBusy(true);
    try {
      await api.post(`${url}/${to}`);
      setConfirming(false);
      setOutcome({
        tone: 'ok',
        title: t(to === 'open' ? 'region.evaluation.detail.opened' : 'region.evaluation.detail.closed'),
        key: `${Date.now()}`,
      });
      onChange();
    } catch (e) {
      setOutcome({
        tone: 'error',
        title: t('region.evaluation.detail.failed'),
        text: e instanceof ApiError ? pick(e.serverMessage) : t('state.error'),
        key: `${Date.now()}`,
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t('region.evaluation.detail.stateTitle')}>
      {outcome ? (
        <Notice tone={outcome.tone} title={outcome.title} focusKey={outcome.key}>
          {outcome.text ? <Paragraph>{outcome.text}</Paragraph> : null}
        </Notice>
      ) : null}
      <Paragraph>
        <StateBadge state={view.state} /> {t(`region.evaluation.detail.${view.state}` as MessageKey)}
      </Paragraph>
      {view.state === 'concept' ? (
        <Button busy={busy} onClick={() => void change('open')}>
          {t('region.evaluation.detail.openAction')}
        </Button>
      ) : null}
      {view.state === 'open' && !confirming ? (
        <Button kind="secondary" onClick={() => setConfirming(true)}>
          {t('region.evaluation.detail.closeAction')}
        </Button>
      ) : null}
      {view.state === 'open' && confirming ? (
        <div className="ovs-region-confirm">
          <Paragraph>{t('region.evaluation.detail.closeConfirm')}</Paragraph>
          <ButtonGroup>
            <Button kind="danger" busy={busy} onClick={() => void change('close')}>
              {t('region.evaluation.detail.closeYes')}
            </Button>
            <Button kind="secondary" onClick={() => setConfirming(false)}>
              {t('region.evaluation.detail.closeNo')}
            </Button>
          </ButtonGroup>
        </div>
      ) : null}
    </Section>
  );
}

function LinksSection({ view, url, onChange }: { view: EvaluationView; url: string; onChange(): void }) {
  const { t, pick, language } = useT();
  const roleName = useRoleName();
  const [made, setMade] = useState<{ link: MadeLink; key: string }>();
  const [failure, setFailure] = useState<{ text: string; key: string }>();
  const [busy, setBusy] = useState<string>();
  const make = async (role: string, mail: boolean) => {
    setBusy(`${role}-${mail}`);
    setFailure(undefined);
    try {
      const link = await api.post<MadeLink>(`${url}/links/${role}`, { mail });
      setMade({ link, key: `${Date.now()}` });
      onChange();
    } catch (e) {
      setFailure({
        text: e instanceof ApiError ? pick(e.serverMessage) : t('state.error'),
        key: `${Date.now()}`,
      });
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Section title={t('region.evaluation.links.title')}>
      <Paragraph>{t('region.evaluation.links.intro')}</Paragraph>
      {failure ? <Notice tone="error" title={failure.text} focusKey={failure.key} /> : null}
      <ul className="ovs-evaluation-roles">
        {view.roles.map((r) => {
          const isParents = r.role === 'ouders';
          const closed = view.state === 'gesloten';
          return (
            <li key={r.role} className="ovs-evaluation-role">
              <Heading level={3}>{roleName(r.role)}</Heading>
              <Paragraph>
                {r.responses === 1
                  ? t('region.evaluation.links.responsesOne')
                  : t('region.evaluation.links.responses', { count: r.responses })}
              </Paragraph>
              <Paragraph>
                {r.link === null
                  ? t('region.evaluation.links.none')
                  : r.link.mailed > 0
                    ? t('region.evaluation.links.mailed', {
                        date: formatDay(r.link.madeAt.slice(0, 10), language),
                        count: r.link.mailed,
                      })
                    : t('region.evaluation.links.made', {
                        date: formatDay(r.link.madeAt.slice(0, 10), language),
                      })}{' '}
                {isParents
                  ? t('region.evaluation.links.parentsHint')
                  : r.recipients === 0
                    ? t('region.evaluation.links.noRecipients')
                    : t('region.evaluation.links.recipients', { count: r.recipients ?? 0 })}
              </Paragraph>
              {made && made.link.role === r.role ? <MadePanel link={made.link} focusKey={made.key} /> : null}
              {closed ? null : (
                <ButtonGroup>
                  {!isParents ? (
                    <Button
                      busy={busy === `${r.role}-true`}
                      disabled={view.state !== 'open' || r.recipients === 0}
                      aria-describedby={view.state !== 'open' ? `mail-when-open-${r.role}` : undefined}
                      onClick={() => void make(r.role, true)}
                    >
                      {t(r.link ? 'region.evaluation.links.mailNew' : 'region.evaluation.links.mail')}
                    </Button>
                  ) : null}
                  <Button
                    kind="secondary"
                    busy={busy === `${r.role}-false`}
                    onClick={() => void make(r.role, false)}
                  >
                    {t(r.link ? 'region.evaluation.links.copyOnlyNew' : 'region.evaluation.links.copyOnly')}
                  </Button>
                </ButtonGroup>
              )}
              {!isParents && !closed && view.state !== 'open' ? (
                <p className="utrecht-paragraph ovs-muted" id={`mail-when-open-${r.role}`}>
                  {t('region.evaluation.links.mailWhenOpen')}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

function MadePanel({ link, focusKey }: { link: MadeLink; focusKey: string }) {
  const { t } = useT();
  const roleName = useRoleName();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Notice
      title={t('region.evaluation.links.madeTitle', { role: roleName(link.role).toLowerCase() })}
      focusKey={focusKey}
    >
      {link.mailed > 0 ? (
        <Paragraph>{t('region.evaluation.links.madeMailed', { count: link.mailed })}</Paragraph>
      ) : null}
      {link.failed > 0 ? (
        <Paragraph>{t('region.evaluation.links.madeFailed', { count: link.failed })}</Paragraph>
      ) : null}
      {link.replaced ? <Paragraph>{t('region.evaluation.links.replaced')}</Paragraph> : null}
      <p className="utrecht-paragraph ovs-evaluation-url-label">{t('region.evaluation.links.url')}</p>
      <p className="utrecht-paragraph ovs-evaluation-url">
        <code>{link.url}</code>
      </p>
      <Button kind="secondary" onClick={() => void copy()}>
        {t('region.evaluation.links.copy')}
      </Button>
      {copied ? (
        <p className="utrecht-paragraph" role="status">
          {t('region.evaluation.links.copied')}
        </p>
      ) : null}
    </Notice>
  );
}
