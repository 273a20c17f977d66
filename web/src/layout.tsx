import type { ReactNode } from 'react';
import { matchPath, Navigate, NavLink, useLocation, useNavigate } from 'react-router';
import { ApiError, api } from './api';
import { Alert, Button, Heading, Paragraph } from './components';
import { useT } from './i18n';
import { RegionMenu } from './pages/region/menu';
import { ServicedeskMenu } from './pages/servicedesk/menu';
import { useSession } from './session';

/** The frame of every page: skip link, header with the product name, menu, language, footer. */
export function Shell({ children }: { children: ReactNode }) {
  const { t, language, setLanguage } = useT();
  const { me, signOut, schools, can } = useSession();
  const { pathname } = useLocation();
  const brin = matchPath('/school/:brin/*', pathname)?.params.brin;
  const regionId = matchPath('/regio/:regionId/*', pathname)?.params.regionId;
  // pages behind a link, for people without an account: no "sign in" in the header
  const parentPage = pathname.startsWith('/inzage/') || pathname.startsWith('/evaluatie/');
  const signedIn = me?.state === 'signed_in';
  const school = schools.find((s) => s.brin === brin);
  const navigate = useNavigate();
  // The choice is kept in this browser and, for a signed-in person, in the account (mails, next sign-in).
  const switchLanguage = () => {
    const next = language === 'nl' ? 'en' : 'nl';
    setLanguage(next);
    if (signedIn) void api.put('/api/auth/me/language', { language: next }).catch(() => undefined);
  };
  // To the sign-in page first: a page that needs a session would otherwise send the person there
  // with itself as the return path the moment the session is gone.
  const signOutAndLeave = async () => {
    navigate('/inloggen', { state: { signedOut: true } });
    await signOut().catch(() => undefined);
  };
  return (
    <div className="ovs-app">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        {t('nav.skip')}
      </a>
      <header className="ovs-header">
        <div className="ovs-header__inner">
          <NavLink to="/" className="ovs-brand">
            <span className="ovs-brand__mark" aria-hidden="true">
              ➜
            </span>
            <span className="ovs-brand__name">{t('app.name')}</span>
            <span className="ovs-brand__tagline">{t('app.tagline')}</span>
          </NavLink>
          <div className="ovs-header__tools">
            <button
              type="button"
              className="ovs-header__link"
              onClick={switchLanguage}
              lang={language === 'nl' ? 'en' : 'nl'}
              aria-label={t('nav.languageLabel')}
            >
              {t('nav.language')}
            </button>
            {signedIn ? (
              <>
                <span className="ovs-header__who">{me.account.name}</span>
                <button type="button" className="ovs-header__link" onClick={() => void signOutAndLeave()}>
                  {t('nav.signOut')}
                </button>
              </>
            ) : parentPage ? null : (
              <NavLink className="ovs-header__link" to="/inloggen">
                {t('nav.signIn')}
              </NavLink>
            )}
          </div>
        </div>
        {signedIn && school ? (
          <SchoolMenu brin={school.brin} name={school.schoolName} sector={school.sector} />
        ) : null}
        {signedIn && pathname.startsWith('/servicedesk') && can('tc:read') ? <ServicedeskMenu /> : null}
        {signedIn && regionId ? <RegionMenu regionId={regionId} /> : null}
      </header>
      <main id="main" className="ovs-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="ovs-footer">
        <div className="ovs-footer__inner">
          <Paragraph>{t('footer.text')}</Paragraph>
          <Paragraph>{t('footer.help')}</Paragraph>
          <NavLink className="utrecht-link" to="/scholen">
            {t('nav.schools')}
          </NavLink>
        </div>
      </footer>
    </div>
  );
}

function SchoolMenu({ brin, name, sector }: { brin: string; name: string; sector: string }) {
  const { t } = useT();
  const { can } = useSession();
  const items: Array<{ to: string; label: string; show: boolean }> = [
    { to: `/school/${brin}/vertrek`, label: t('nav.leaving'), show: can('dossier:read', brin) },
    {
      to: `/school/${brin}/aanmeldingen`,
      label: t('nav.registrations'),
      show: can('received:read', brin) || can('registration:write', brin),
    },
    { to: `/school/${brin}/mensen`, label: t('nav.people'), show: can('school:people', brin) },
    { to: `/school/${brin}/voortgang`, label: t('region.monitoring.navSchool'), show: true },
    { to: `/school/${brin}/pilot`, label: t('region.pilot.navSchool'), show: true },
    { to: `/school/${brin}/hulp`, label: t('region.nav.help'), show: true },
  ];
  return (
    <nav className="ovs-schoolnav" aria-label={t('nav.main')}>
      <div className="ovs-schoolnav__inner">
        <span className="ovs-schoolnav__school">
          {name} <span className="ovs-muted">({brin})</span>
          <span className="ovs-visually-hidden"> {sector}</span>
        </span>
        <ul className="ovs-schoolnav__list">
          {items
            .filter((i) => i.show)
            .map((i) => (
              <li key={i.to}>
                <NavLink to={i.to} className="ovs-schoolnav__link">
                  {i.label}
                </NavLink>
              </li>
            ))}
        </ul>
      </div>
    </nav>
  );
}

/** Shows its children only to a fully signed-in person; others go to the sign-in page. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  const { t } = useT();
  if (loading) return <Paragraph>{t('state.loading')}</Paragraph>;
  if (me?.state !== 'signed_in') {
    return (
      <Navigate to={`/inloggen?terug=${encodeURIComponent(location.pathname + location.search)}`} replace />
    );
  }
  return <>{children}</>;
}

/** A failed load or action in plain words (the server's own message), with a retry. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, pick } = useT();
  if (error instanceof ApiError && error.status === 403) {
    return (
      <Alert type="error">
        <Heading level={2}>{t('forbidden.title')}</Heading>
        <Paragraph>{t('forbidden.text')}</Paragraph>
      </Alert>
    );
  }
  return (
    <Alert type="error">
      <Paragraph>{error instanceof ApiError ? pick(error.serverMessage) : t('state.error')}</Paragraph>
      {onRetry ? (
        <Button kind="secondary" onClick={onRetry}>
          {t('action.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}

export function NotFound() {
  const { t } = useT();
  return (
    <>
      <Heading level={1}>{t('notFound.title')}</Heading>
      <Paragraph>{t('notFound.text')}</Paragraph>
    </>
  );
}
