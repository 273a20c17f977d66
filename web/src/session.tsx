import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { ApiError, api, setCsrfToken } from './api';
import { type Language, useT } from './i18n';

export type Permission = string;

export interface SchoolMembership {
  scope: 'school';
  brin: string;
  schoolName: string;
  sector: 'po' | 'vo' | 'so' | 'swv';
  roles: string[];
}
export interface RegionMembership {
  scope: 'region';
  regionId: string;
  regionName: string;
  roles: string[];
}
export type Membership = SchoolMembership | RegionMembership | { scope: 'servicedesk' };

export interface Me {
  state: 'totp_required' | 'totp_enrolment_required' | 'signed_in';
  csrfToken: string;
  account: { id: string; email: string; name: string; language: Language };
  memberships: Membership[];
  permissions: Record<string, Permission[]>;
  global: Permission[];
}

interface Session {
  me: Me | null;
  loading: boolean;
  refresh(): Promise<Me | null>;
  signOut(): Promise<void>;
  /** May the signed-in person do this at this school (or globally when brin is omitted)? */
  can(permission: Permission, brin?: string): boolean;
  schools: SchoolMembership[];
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const { setLanguage } = useT();

  const refresh = useCallback(async () => {
    try {
      const next = await api.get<Me>('/api/auth/me');
      setCsrfToken(next.csrfToken);
      setMe(next);
      return next;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      setCsrfToken(undefined);
      setMe(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // The account's language wins once, when a person signs in; afterwards the switch decides.
  const accountLanguage = me?.state === 'signed_in' ? me.account.language : undefined;
  const accountId = me?.account.id;
  const applied = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!accountId || applied.current === accountId) return;
    applied.current = accountId;
    if (accountLanguage) setLanguage(accountLanguage);
  }, [accountId, accountLanguage, setLanguage]);

  const signOut = useCallback(async () => {
    await api.post('/api/auth/logout');
    setCsrfToken(undefined);
    setMe(null);
  }, []);

  const can = useCallback(
    (permission: Permission, brin?: string) => {
      if (me?.state !== 'signed_in') return false;
      if (me.global.includes(permission)) return true;
      if (brin === undefined) return false;
      return (me.permissions[brin] ?? []).includes(permission);
    },
    [me],
  );

  const schools = (me?.memberships ?? []).filter((m): m is SchoolMembership => m.scope === 'school');
  return (
    <SessionContext.Provider value={{ me, loading, refresh, signOut, can, schools }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
