/**
 * The only way the web app talks to the server: JSON over fetch, the session cookie travels by
 * itself, the CSRF token is sent on every change, and errors arrive in Overstap's one shape
 * `{code, message: {nl, en}, details}` as an ApiError.
 */
export interface ServerMessage {
  nl: string;
  en: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly serverMessage: ServerMessage,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${serverMessage.en}`);
  }
}

let csrfToken: string | undefined;

/** Set from the sign-in answer and from GET /api/auth/me. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

type Body = unknown;

async function request<T>(method: string, path: string, body?: Body, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  // A caller's own token wins (the parents' inspection has a session of its own, apart from staff's).
  if (method !== 'GET' && method !== 'HEAD' && csrfToken && !headers.has('x-csrf-token'))
    headers.set('x-csrf-token', csrfToken);
  let payload: BodyInit | undefined;
  if (body instanceof Blob || body instanceof FormData || typeof body === 'string') {
    payload = body as BodyInit;
  } else if (body !== undefined) {
    headers.set('content-type', 'application/json');
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { ...init, method, headers, body: payload, credentials: 'same-origin' });
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const shaped = typeof data === 'object' && data !== null && 'code' in data;
    throw new ApiError(
      response.status,
      shaped ? String(data.code) : 'HTTP_ERROR',
      shaped && data.message
        ? data.message
        : { nl: `De server gaf fout ${response.status}.`, en: `The server answered ${response.status}.` },
      shaped ? (data.details ?? {}) : {},
    );
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: Body, init?: RequestInit) => request<T>('POST', path, body, init),
  put: <T>(path: string, body?: Body, init?: RequestInit) => request<T>('PUT', path, body, init),
  patch: <T>(path: string, body?: Body) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** Sends OSO XML (a dossier upload). */
  postXml: <T>(path: string, xml: string | Blob) =>
    request<T>('POST', path, xml, { headers: { 'content-type': 'application/xml' } }),
};

/** Encodes a path segment (BRINs, ids). */
export const seg = (value: string) => encodeURIComponent(value);
