import type { Area } from "../../api/types";
import { shortName } from "../../pages/map/geo";

/** A node of the lazily loaded area tree; `children` is absent until the node's children are loaded. */
export interface AreaNode {
  key: string;
  /** The name without its parent's name in front (`张斌社区第1网格` under `张斌社区` → `第1网格`). */
  title: string;
  area: Area;
  isLeaf: boolean;
  children?: AreaNode[];
}

/** The lowest level: its areas never have children. */
const LEAF_LEVEL = "micro_grid";

/** Tree nodes for a list of areas (children of `parentName`, if given), in the order given; micro-grids are leaves. */
export function toNodes(items: readonly Area[], parentName = ""): AreaNode[] {
  return items.map((area) => ({
    key: area.code,
    title: parentName ? shortName(area.name, parentName) : area.name,
    area,
    isLeaf: area.level === LEAF_LEVEL,
  }));
}

/** The node with `key`, searched depth-first; undefined when it is not in the tree. */
export function findNode(nodes: readonly AreaNode[], key: string): AreaNode | undefined {
  for (const node of nodes) {
    if (node.key === key) return node;
    const found = node.children && findNode(node.children, key);
    if (found) return found;
  }
  return undefined;
}

/** Applies `fn` to the node with `key`, copying only the nodes on the way to it. */
function updateNode(
  nodes: readonly AreaNode[],
  key: string,
  fn: (node: AreaNode) => AreaNode | null,
): AreaNode[] {
  const out: AreaNode[] = [];
  for (const node of nodes) {
    if (node.key === key) {
      const next = fn(node);
      if (next) out.push(next);
    } else if (node.children) out.push({ ...node, children: updateNode(node.children, key, fn) });
    else out.push(node);
  }
  return out;
}

/**
 * Sets the children of `key` to `items`. A child that was already in the tree keeps its own
 * loaded children, so expanded branches stay open after a refresh; the others start unloaded.
 */
export function setChildren(nodes: readonly AreaNode[], key: string, items: readonly Area[]): AreaNode[] {
  return updateNode(nodes, key, (node) => {
    const previous = new Map((node.children ?? []).map((c) => [c.key, c]));
    const children = toNodes(items, node.area.name).map((fresh) => {
      const old = previous.get(fresh.key);
      return old?.children ? { ...fresh, children: old.children } : fresh;
    });
    return { ...node, children };
  });
}

/** Replaces the area shown by node `area.code` (after a rename), keeping its children. */
export function replaceArea(nodes: readonly AreaNode[], area: Area): AreaNode[] {
  return updateNode(nodes, area.code, (node) => ({ ...node, area, title: area.name }));
}

/** Removes node `key` and its subtree. */
export function removeNode(nodes: readonly AreaNode[], key: string): AreaNode[] {
  return updateNode(nodes, key, () => null);
}

/** The codes on an area's materialised path, top first (`/330212/330212009/` → both codes). */
export function pathCodes(path: string): string[] {
  return path.split("/").filter(Boolean);
}

/** The parent of node `key` in the tree: the nearest code on its path above it that the tree holds. */
export function parentInTree(nodes: readonly AreaNode[], key: string): AreaNode | undefined {
  const node = findNode(nodes, key);
  if (!node) return undefined;
  const above = pathCodes(node.area.path).filter((c) => c !== key);
  for (let i = above.length - 1; i >= 0; i--) {
    const found = findNode(nodes, above[i]);
    if (found) return found;
  }
  return undefined;
}

/** The keys of nodes whose children are loaded (`children` present), for antd's `loadedKeys`. */
export function loadedKeys(nodes: readonly AreaNode[]): string[] {
  const keys: string[] = [];
  const walk = (list: readonly AreaNode[]) => {
    for (const n of list) {
      if (n.children) {
        keys.push(n.key);
        walk(n.children);
      }
    }
  };
  walk(nodes);
  return keys;
}

/**
 * The level to offer for new children of an area of `level`: the level its children already have,
 * else the next level down (a deployment may skip grid layers); undefined below micro-grids.
 */
export function childLevel(
  levels: readonly string[],
  level: string,
  existingChild?: string,
): string | undefined {
  if (existingChild) return existingChild;
  const i = levels.indexOf(level);
  return i >= 0 && i < levels.length - 1 ? levels[i + 1] : undefined;
}
