import { Alert, Heading, Paragraph } from '../../components';
import { FocusHeading } from '../../components/focus-heading';
import { type MessageKey, useT } from '../../i18n';
import type { Answer, ClosedReason, Responded } from './inspection-api';

/** Step 4: what the parent said, in a sentence or two, and what happens next. */
export function DoneStep({ result, toestemming }: { result: Responded; toestemming?: Answer }) {
  const { t } = useT();
  return (
    <div className="ovs-parent__narrow">
      <FocusHeading focusKey="done">{t('parent.done.title')}</FocusHeading>
      <Alert type="ok">
        <Paragraph>
          {result.akkoord === 'Ja' ? t('parent.done.agreed') : t('parent.done.disagreed')}
        </Paragraph>
        {toestemming ? (
          <Paragraph>
            {toestemming === 'Ja' ? t('parent.done.consentYes') : t('parent.done.consentNo')}
          </Paragraph>
        ) : null}
        {result.viewAdded ? <Paragraph>{t('parent.done.viewAdded')}</Paragraph> : null}
      </Alert>
      <section className="ovs-parent__card" aria-labelledby="parent-next">
        <Heading level={2} id="parent-next">
          {t('parent.done.nextTitle')}
        </Heading>
        <ol className="utrecht-ordered-list ovs-parent__next">
          <li className="utrecht-ordered-list__item">{t('parent.done.next1')}</li>
          <li className="utrecht-ordered-list__item">{t('parent.done.next2')}</li>
          <li className="utrecht-ordered-list__item">{t('parent.done.next3')}</li>
        </ol>
      </section>
      <Paragraph>{t('parent.done.close')}</Paragraph>
    </div>
  );
}

const CLOSED_TEXT: Record<ClosedReason, MessageKey> = {
  expired: 'parent.closed.expired',
  used: 'parent.closed.used',
  replaced: 'parent.closed.replaced',
  blocked: 'parent.closed.blocked',
  withdrawn: 'parent.closed.withdrawn',
  unknown: 'parent.closed.unknown',
};

/** A link that no longer works: why, in plain words, and what to do (ask the school for a new one). */
export function ClosedLink({ reason }: { reason: ClosedReason }) {
  const { t } = useT();
  return (
    <div className="ovs-parent__narrow">
      <FocusHeading focusKey={`closed-${reason}`}>{t('parent.closed.title')}</FocusHeading>
      <Alert type={reason === 'used' ? 'info' : 'warning'}>
        <Paragraph>{t(CLOSED_TEXT[reason] ?? 'parent.closed.unknown')}</Paragraph>
      </Alert>
      <section className="ovs-parent__card" aria-labelledby="parent-what">
        <Heading level={2} id="parent-what">
          {t('parent.closed.whatTitle')}
        </Heading>
        <Paragraph>{t(reason === 'used' ? 'parent.closed.whatUsed' : 'parent.closed.what')}</Paragraph>
      </section>
    </div>
  );
}
