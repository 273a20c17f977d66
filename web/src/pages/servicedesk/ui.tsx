import { createContext, type ReactNode, useContext, useState } from 'react';
import { Button, ButtonGroup, Paragraph } from '../../components';
import { FocusHeading } from '../../components/focus-heading';
import { Notice as SharedNotice } from '../../components/notice';
import { useT } from '../../i18n';

type NoticeProps = Omit<Parameters<typeof SharedNotice>[0], 'className'>;

/** The shared notice (components/notice.tsx) with this area's spacing. */
export function Notice(props: NoticeProps) {
  return <SharedNotice {...props} className="ovs-sd-notice" />;
}

/**
 * "Are you sure?" before an action that matters: a titled panel that takes focus, says what will
 * happen, and offers the action and Cancel. `children` may hold a field (a reason).
 */
export function ConfirmPanel({
  title,
  text,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
  danger,
  error,
  children,
}: {
  title: string;
  text: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  busy?: boolean;
  danger?: boolean;
  error?: string;
  children?: ReactNode;
}) {
  const { t } = useT();
  return (
    <div className="ovs-sd-confirm">
      <FocusHeading level={3} focusKey={title}>
        {title}
      </FocusHeading>
      <Paragraph>{text}</Paragraph>
      {children}
      {error ? (
        <div className="utrecht-alert utrecht-alert--error" role="alert">
          <div className="utrecht-alert__content">
            <div className="utrecht-alert__message">
              <Paragraph>{error}</Paragraph>
            </div>
          </div>
        </div>
      ) : null}
      <ButtonGroup>
        <Button kind={danger ? 'danger' : 'primary'} busy={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button kind="secondary" onClick={onCancel}>
          {t('action.cancel')}
        </Button>
      </ButtonGroup>
    </div>
  );
}

/** Previous / next page, with where we are. */
export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage(page: number): void }) {
  const { t } = useT();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('sd.pager.label')} className="ovs-sd-pager">
      <Button kind="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('sd.pager.previous')}
      </Button>
      <span>{t('sd.pager.where', { page, pages })}</span>
      <Button kind="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('sd.pager.next')}
      </Button>
    </nav>
  );
}

/** A BRIN (and vestiging) as a detail beside a name. */
export function Code({ children }: { children: ReactNode }) {
  return <span className="ovs-sd-code">{children}</span>;
}

interface NoticeState {
  section: string;
  text: string;
  key: string;
}
const NoticeContext = createContext<{ current?: NoticeState; set(next?: NoticeState): void } | null>(null);

/** Holds the one message after an action on a page: a newer one replaces it, wherever it shows. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [current, set] = useState<NoticeState>();
  return <NoticeContext.Provider value={{ current, set }}>{children}</NoticeContext.Provider>;
}

/**
 * The message after an action of one section of the page, focused when it appears; with a
 * NoticeProvider around the page, showing one clears the others.
 */
export function useNotice(section = 'page') {
  const shared = useContext(NoticeContext);
  const [own, setOwn] = useState<NoticeState>();
  const current = shared ? shared.current : own;
  const set = shared ? shared.set : setOwn;
  return {
    notice: current?.section === section ? current : undefined,
    show: (text: string) => set({ section, text, key: `${Date.now()}` }),
    clear: () => {
      if (current?.section === section) set(undefined);
    },
  };
}
