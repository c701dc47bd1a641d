import { useCallback, useEffect, useEffectEvent, useState } from "react";

interface RemoteState<T> {
  id: string;
  data?: T;
  error?: unknown;
}

export interface Remote<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data for `key` (any string naming the request, e.g. its URL) and reloads when the key
 * changes or `reload()` is called. `key === null` skips loading. Keeps the last data while loading.
 */
export function useRemote<T>(key: string | null, load: () => Promise<T>): Remote<T> {
  const [nonce, setNonce] = useState(0);
  const [state, setState] = useState<RemoteState<T>>({ id: "" });
  const id = key === null ? "" : `${nonce}:${key}`;
  const run = useEffectEvent(load);

  useEffect(() => {
    if (!id) return;
    let alive = true;
    run().then(
      (data) => alive && setState({ id, data }),
      (error: unknown) => alive && setState((prev) => ({ id, data: prev.data, error })),
    );
    return () => {
      alive = false;
    };
  }, [id]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return {
    data: state.data,
    error: state.id === id ? state.error : undefined,
    loading: id !== "" && state.id !== id,
    reload,
  };
}
