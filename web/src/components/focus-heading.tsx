import { type ReactNode, useEffect, useRef } from 'react';
import './focus-heading.css';

/**
 * A page or step heading that receives focus when it appears and whenever `focusKey` changes, so
 * that keyboard and screen-reader users start at the new content of a single-page step (sign-in
 * steps, a form that became a confirmation). Not in the tab order (tabIndex -1).
 */
export function FocusHeading({
  level = 1,
  focusKey,
  children,
  id,
}: {
  level?: 1 | 2 | 3;
  focusKey?: string;
  children: ReactNode;
  id?: string;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focusKey is the trigger
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  const Tag = `h${level}` as const;
  return (
    <Tag ref={ref} id={id} tabIndex={-1} className={`utrecht-heading-${level} ovs-focus-heading`}>
      {children}
    </Tag>
  );
}
