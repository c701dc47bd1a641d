import { useCallback, useState } from "react";
import { api } from "../../../api/client";
import { useRemote } from "../../../api/use-remote";
import type { Bodies, ConfigDoc, ConfigKind } from "./config-types";

export interface ConfigEditor<K extends ConfigKind> {
  doc: ConfigDoc<K> | undefined;
  error: unknown;
  loading: boolean;
  /** The body being edited (the saved one until the first change). */
  draft: Bodies[K] | undefined;
  dirty: boolean;
  setDraft: (next: Bodies[K]) => void;
  discard: () => void;
  /** Writes the draft as a new version with a note; resolves to the saved document. */
  save: (note: string) => Promise<ConfigDoc<K>>;
  reload: () => void;
}

/** Loads one configuration document and keeps an edited copy until it is saved as a new version. */
export function useConfigDoc<K extends ConfigKind>(kind: K): ConfigEditor<K> {
  const url = `/api/event-config/${kind}`;
  const remote = useRemote(url, () => api.get<ConfigDoc<K>>(url));
  const [edited, setEdited] = useState<{ version: number; body: Bodies[K] } | null>(null);
  const doc = remote.data;
  // an edit belongs to the version it started from; a newer version loaded from elsewhere drops it
  const draft = edited && doc && edited.version === doc.version ? edited.body : doc?.body;
  const dirty = Boolean(edited && doc && edited.version === doc.version);
  const { reload } = remote;

  const setDraft = useCallback(
    (body: Bodies[K]) => setEdited({ version: doc?.version ?? 0, body }),
    [doc?.version],
  );
  const discard = useCallback(() => setEdited(null), []);
  const save = useCallback(
    async (note: string) => {
      const saved = await api.put<ConfigDoc<K>>(url, { body: draft, note });
      setEdited(null);
      reload();
      return saved;
    },
    [url, draft, reload],
  );
  return { doc, error: remote.error, loading: remote.loading, draft, dirty, setDraft, discard, save, reload };
}
