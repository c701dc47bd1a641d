import { TreeSelect } from "antd";
import { useMemo } from "react";
import { useRemote } from "../../../api/use-remote";
import { loadRoots } from "../../../components/areas/area-api";
import type { AreaNode } from "../../../components/areas/area-tree";
import { useAreaTree } from "../../../components/areas/use-area-tree";
import { useT } from "../../../i18n/I18nProvider";
import { useMe } from "../../../session/SessionProvider";

interface Node {
  value: string;
  title: string;
  isLeaf: boolean;
  children?: Node[];
}

/** Filters a list by area: a tree of the user's own scope that loads as it opens. */
export function AreaFilter({
  value,
  onChange,
  style,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  style?: React.CSSProperties;
}) {
  const t = useT();
  const me = useMe();
  const roots = useRemote("areas:roots", () => loadRoots(me));
  const tree = useAreaTree(roots.data);
  const treeData = useMemo(() => {
    const convert = (nodes: readonly AreaNode[]): Node[] =>
      nodes.map((n) => ({
        value: n.key,
        title: n.title,
        isLeaf: n.isLeaf,
        children: n.children && convert(n.children),
      }));
    return convert(tree.nodes);
  }, [tree.nodes]);

  return (
    <TreeSelect<string>
      style={{ minWidth: 180, ...style }}
      value={value}
      placeholder={t("registry.filter.area")}
      treeData={treeData}
      treeLoadedKeys={tree.loadedKeys}
      loadData={(node) => tree.loadChildren(String(node.value))}
      onChange={(v) => onChange?.(v || undefined)}
      showSearch={{ treeNodeFilterProp: "title" }}
      allowClear
      popupMatchSelectWidth={false}
    />
  );
}
