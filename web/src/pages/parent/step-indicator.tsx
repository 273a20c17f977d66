import { type MessageKey, useT } from '../../i18n';

export type StepName = 'check' | 'read' | 'answer' | 'done';
export const STEPS: readonly StepName[] = ['check', 'read', 'answer', 'done'];
export const STEP_LABEL: Record<StepName, MessageKey> = {
  check: 'parent.steps.check',
  read: 'parent.steps.read',
  answer: 'parent.steps.answer',
  done: 'parent.steps.done',
};

/** Where the parent is: "Stap 2 van 4" and the four steps, the current one marked (aria-current). */
export function StepIndicator({ current }: { current: StepName }) {
  const { t } = useT();
  const index = STEPS.indexOf(current);
  return (
    <nav className="ovs-parent-steps" aria-label={t('parent.steps.label')}>
      <p className="ovs-parent-steps__progress">{t('parent.steps.progress', { n: index + 1 })}</p>
      <ol className="ovs-parent-steps__list">
        {STEPS.map((step, i) => (
          <li
            key={step}
            className={`ovs-parent-steps__item${i < index ? ' ovs-parent-steps__item--done' : ''}${i === index ? ' ovs-parent-steps__item--current' : ''}`}
            aria-current={i === index ? 'step' : undefined}
          >
            <span className="ovs-parent-steps__number" aria-hidden="true">
              {i < index ? '✓' : i + 1}
            </span>
            <span className="ovs-parent-steps__label">{t(STEP_LABEL[step])}</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
