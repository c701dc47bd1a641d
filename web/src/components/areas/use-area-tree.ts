import { useCallback, useEffect, useRef, useState } from "react";
import type { Area } from "../../api/types";
import { listChildren, loadArea } from "./area-api";
import {
  findNode,
  loadedKeys,
  parentInTree,
  replaceArea,
  setChildren,
  toNodes,
  type AreaNode,
} from "./area-tree";

export interface AreaTree {
  nodes: AreaNode[];
  loadedKeys: string[];
  /** Loads (or reloads) the children of `code`. */
  loadChildren: (code: string) => Promise<void>;
  /** Reloads what an edit of `code` may have changed: its place among its siblings and its children. */
  refresh: (code: string) => Promise<void>;
}

/** The state of a lazily loaded area tree below `roots`, shared by the tree editor and the area pickers. */
export function useAreaTree(roots: readonly Area[] | undefined): AreaTree {
  const [nodes, setNodes] = useState<AreaNode[]>([]);
  const current = useRef(nodes);
  useEffect(() => {
    current.current = nodes;
  }, [nodes]);
  useEffect(() => {
    if (roots) setNodes(toNodes(roots));
  }, [roots]);

  const loadChildren = useCallback(async (code: string) => {
    const items = await listChildren(code);
    setNodes((prev) => setChildren(prev, code, items));
  }, []);

  const refresh = useCallback(
    async (code: string) => {
      const parent = parentInTree(current.current, code);
      const hadChildren = Boolean(findNode(current.current, code)?.children);
      if (parent) await loadChildren(parent.key);
      else {
        // a root: there is no parent to reload, so read the area itself
        const { name, level, path } = await loadArea(code);
        setNodes((prev) => replaceArea(prev, { code, name, level, path }));
      }
      if (hadChildren) await loadChildren(code).catch(() => undefined); // it may be gone (split, merged)
    },
    [loadChildren],
  );

  return { nodes, loadedKeys: loadedKeys(nodes), loadChildren, refresh };
}
