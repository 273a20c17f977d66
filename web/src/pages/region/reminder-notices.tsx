import { useId, useState } from 'react';
import { useLocation } from 'react-router';
import { api, seg } from '../../api';
import { Button, Heading, Link, Paragraph } from '../../components';
import { useT } from '../../i18n';
import { useResource } from '../../use-resource';
import type { SchoolNotices } from './reminders-types';
import './reminders.css';

/**
 * The region's open reminders for a school, on the school's own pages (its leaving pupils, its
 * registrations, its progress): per notice the deadline, what to do and for whom, a link to the page
 * to do it on, and "read" for the person looking. Nothing when there is nothing open — or when the
 * region module is not in reach (another role): the notices are an extra, never in the way.
 */
export function ReminderNotices({ brin }: { brin: string }) {
  const { t, pick } = useT();
  const { pathname } = useLocation();
  const id = useId();
  const notices = useResource<SchoolNotices>(brin ? `/api/region/schools/${seg(brin)}/notices` : null);
  const [busy, setBusy] = useState<string>();
  const [marked, setMarked] = useState(false);
  const open = (notices.data?.notices ?? []).filter((n) => n.open);

  const markRead = async (noticeId: string) => {
    setBusy(noticeId);
    try {
      await api.post(`/api/region/schools/${seg(brin)}/notices/${seg(noticeId)}/read`);
      setMarked(true);
      await notices.reload();
      // the button is gone: focus the page's main content rather than losing it
      document.getElementById('main')?.focus();
    } catch {
      // the notice stays; the next load shows it again
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      <p className="ovs-visually-hidden" aria-live="polite">
        {marked ? t('region.notices.marked') : ''}
      </p>
      {open.length > 0 ? (
        <section className="ovs-notices" aria-labelledby={id}>
          <Heading level={2} id={id}>
            {t('region.notices.title')} ({t('region.notices.count', { count: open.length })})
          </Heading>
          <ul className="ovs-notices__list">
            {open.map((n) => (
              <li
                key={n.id}
                className={`ovs-notices__item ${n.kind === 'after' ? '' : 'ovs-notices__item--before'}`.trim()}
              >
                <Heading level={3}>{pick(n.title)}</Heading>
                <Paragraph>
                  {pick(n.text)} {n.progress ? pick(n.progress) : null}
                </Paragraph>
                <Paragraph>
                  <strong>{t('region.notices.todo')}</strong> {pick(n.action)}
                </Paragraph>
                <p className="utrecht-paragraph ovs-notices__meta">
                  {t('region.notices.for', { roles: pick(n.roles), region: n.regionName })}
                </p>
                <div className="ovs-notices__actions">
                  {n.link !== pathname ? <Link to={n.link}>{t('region.notices.go')}</Link> : null}
                  <Button
                    kind="secondary"
                    busy={busy === n.id}
                    aria-label={t('region.notices.readLabel', { title: pick(n.title) })}
                    onClick={() => void markRead(n.id)}
                  >
                    {t('region.notices.read')}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
