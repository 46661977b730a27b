import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api';

export interface Loaded<T> { data: T | null; error: string | null; loading: boolean }

/** Runs an API call when its key changes; answers the latest call only. */
export function useApi<T>(key: string | null, call: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: !!key });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((s) => ({ data: s.data, error: null, loading: true }));
    call().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (e: unknown) => live && setState({ data: null, error: e instanceof ApiError || e instanceof Error ? e.message : String(e), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}
