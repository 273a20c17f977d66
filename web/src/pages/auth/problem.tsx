import { type ReactNode, useEffect, useRef } from 'react';
import { Heading } from '../../components';

/**
 * A message that is not about one field — a refusal (account locked, too many attempts, a link
 * that no longer works) or the outcome of an action — as an alert with a heading, focused when it
 * appears (and when `focusKey` changes) so that it is heard first.
 */
export function ProblemAlert({
  title,
  children,
  tone = 'error',
  focusKey,
}: {
  title: string;
  children?: ReactNode;
  tone?: 'error' | 'warning' | 'ok';
  focusKey?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focusKey is the trigger
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={tone === 'ok' ? 'status' : 'alert'}
      className={`ovs-problem utrecht-alert utrecht-alert--${tone}`}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <Heading level={2}>{title}</Heading>
          {children}
        </div>
      </div>
    </div>
  );
}
