import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from './api';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): Promise<void>;
}

/** GETs a path (null = nothing yet) and keeps the answer; `reload()` after a change. */
export function useResource<T>(path: string | null, options: { pollMs?: number } = {}): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(path !== null);
  const current = useRef(path);
  current.current = path;

  const reload = useCallback(async () => {
    if (path === null) return;
    setLoading(true);
    try {
      const answer = await api.get<T>(path);
      if (current.current === path) {
        setData(answer);
        setError(undefined);
      }
    } catch (e) {
      if (current.current === path) {
        setError(
          e instanceof ApiError
            ? e
            : new ApiError(0, 'NETWORK', {
                nl: 'Geen verbinding met de server.',
                en: 'No connection to the server.',
              }),
        );
      }
    } finally {
      if (current.current === path) setLoading(false);
    }
  }, [path]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    if (!options.pollMs || path === null) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, options.pollMs);
    return () => clearInterval(timer);
  }, [options.pollMs, path, reload]);

  return { data, error, loading, reload };
}
