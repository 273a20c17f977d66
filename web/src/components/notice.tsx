import { type ReactNode, useEffect, useRef } from 'react';
import { Heading } from './index';

/**
 * The outcome of an action (or a refusal that is not about one field), as an alert with a heading,
 * focused when it appears and whenever `focusKey` changes, so that it is heard first.
 */
export function Notice({
  title,
  children,
  tone = 'ok',
  focusKey,
  className,
}: {
  title: string;
  children?: ReactNode;
  tone?: 'ok' | 'error' | 'warning';
  focusKey?: string;
  /** An area's own class for spacing (e.g. ovs-region-notice). */
  className?: string;
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
      className={`${className ?? ''} utrecht-alert utrecht-alert--${tone}`.trim()}
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
