import { Fragment } from 'react';
import { useSearchParams } from 'react-router';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  Heading,
  Link,
  Paragraph,
  Section,
  Table,
} from '../../components';
import { FocusHeading } from '../../components/focus-heading';
import { useT } from '../../i18n';
import { ErrorMessage } from '../../layout';
import { useResource } from '../../use-resource';
import { formatDateTime } from './dates';
import './auth.css';

interface CaughtMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  sentAt: string;
}

/**
 * /dev/mail — the development mail catcher. Without an SMTP server (OVERSTAP_SMTP_URL) Overstap
 * keeps its mails in an outbox; this page lists them and shows one as plain text with its links
 * clickable. The mail's HTML is never put into the page.
 */
export function DevMailPage() {
  const { t, language } = useT();
  const [params] = useSearchParams();
  const openId = params.get('mail');
  const mails = useResource<CaughtMail[]>('/api/dev/mail', { pollMs: 5000 });
  const open = openId ? mails.data?.find((m) => m.id === openId) : undefined;

  return (
    <>
      <Heading level={1}>{t('auth.devMail.title')}</Heading>
      <Paragraph lead>{t('auth.devMail.intro')}</Paragraph>
      <Alert type="warning">{t('auth.devMail.onlyWithoutSmtp')}</Alert>
      {mails.error?.status === 404 ? (
        <Section title={t('auth.devMail.unavailableTitle')}>
          <Paragraph>{t('auth.devMail.unavailableText')}</Paragraph>
        </Section>
      ) : mails.error ? (
        <ErrorMessage error={mails.error} onRetry={() => void mails.reload()} />
      ) : null}
      {mails.loading && !mails.data ? <Paragraph>{t('state.loading')}</Paragraph> : null}
      {mails.data && openId ? (
        <article className="ovs-section ovs-mail" aria-labelledby="mail-subject">
          <Paragraph>
            <Link to="/dev/mail">{t('auth.devMail.back')}</Link>
          </Paragraph>
          {open ? (
            <>
              <FocusHeading level={2} id="mail-subject" focusKey={open.id}>
                {open.subject}
              </FocusHeading>
              <DataList
                items={[
                  { key: t('auth.devMail.to'), value: open.to },
                  { key: t('auth.devMail.sentAt'), value: formatDateTime(open.sentAt, language) },
                ]}
              />
              <section className="ovs-mail__body" aria-label={t('auth.devMail.body')}>
                <MailText text={open.text} />
              </section>
            </>
          ) : (
            <Alert type="warning">{t('auth.devMail.notFound')}</Alert>
          )}
        </article>
      ) : null}
      {mails.data && !openId ? (
        mails.data.length === 0 ? (
          <Alert>{t('auth.devMail.empty')}</Alert>
        ) : (
          <>
            <div className="ovs-mail__bar">
              <p className="utrecht-paragraph" aria-live="polite">
                {mails.data.length === 1
                  ? t('auth.devMail.countOne')
                  : t('auth.devMail.count', { count: mails.data.length })}
              </p>
              <ButtonGroup>
                <Button kind="secondary" onClick={() => void mails.reload()}>
                  {t('auth.devMail.refresh')}
                </Button>
              </ButtonGroup>
            </div>
            <Table
              caption={t('auth.devMail.caption')}
              rows={mails.data}
              rowKey={(m) => m.id}
              columns={[
                {
                  key: 'subject',
                  header: t('auth.devMail.col.subject'),
                  cell: (m) => (
                    <Link to={`/dev/mail?mail=${encodeURIComponent(m.id)}`}>
                      {m.subject}
                      <span className="ovs-visually-hidden"> {t('auth.devMail.toHidden', { to: m.to })}</span>
                    </Link>
                  ),
                },
                { key: 'to', header: t('auth.devMail.col.to'), cell: (m) => m.to },
                {
                  key: 'sentAt',
                  header: t('auth.devMail.col.sentAt'),
                  cell: (m) => formatDateTime(m.sentAt, language),
                },
              ]}
            />
          </>
        )
      ) : null}
    </>
  );
}

/** Web addresses that end a sentence keep their full stop outside the link. */
const URL_PATTERN = /(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)'])/g;

/** A mail's plain text with line breaks kept and http(s) links as links. */
export function MailText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <p className="utrecht-paragraph ovs-mail__text">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text
          <a key={index} className="utrecht-link utrecht-link--html-a" href={part}>
            {part}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </p>
  );
}
