import { api, seg } from '../../api';

/** The parents' inspection API (/api/inzage/:token): what the page sends and gets. */
export interface OpenedLink {
  language: 'nl' | 'en';
  checked: boolean;
  expiresAt: string;
}

export interface InspectionSummary {
  schoolName: string;
  pupilFirstName: string;
  profile: string;
  version: number;
  consentRequired: boolean;
  viewAllowed: boolean;
  language: 'nl' | 'en';
  linkExpiresAt: string;
  sessionExpiresAt: string;
  csrfToken: string;
}

export type Answer = 'Ja' | 'Nee';

export interface ResponseBody {
  akkoord: Answer;
  reden?: string;
  toestemming?: Answer;
  zienswijze?: string;
}

export interface Responded {
  state: 'ingezien';
  inzagedatum: string;
  akkoord: Answer;
  viewAdded: boolean;
}

/** Why a link no longer works (details.reason of a 410). */
export type ClosedReason = 'expired' | 'used' | 'replaced' | 'blocked' | 'withdrawn' | 'unknown';

export const MAX_REASON_LENGTH = 4000;
export const MAX_VIEW_LENGTH = 20_000;

export const inspectionApi = (token: string) => {
  const base = `/api/inzage/${seg(token)}`;
  return {
    base,
    open: () => api.get<OpenedLink>(base),
    check: (geboortedatum: string) =>
      api.post<{ csrfToken: string; expiresAt: string }>(`${base}/check`, { geboortedatum }),
    summary: () => api.get<InspectionSummary>(`${base}/dossier`),
    respond: (body: ResponseBody, csrfToken: string) =>
      api.post<Responded>(`${base}/response`, body, { headers: { 'x-csrf-token': csrfToken } }),
    htmlUrl: (lang: string) => `${base}/dossier.html?lang=${lang}`,
    pdfUrl: (lang: string) => `${base}/dossier.pdf?lang=${lang}`,
  };
};
