import { Input, Space, TreeSelect } from "antd";
import { useMemo } from "react";
import type { Area } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import { levelLabel } from "../../i18n/translate";
import type { AreaNode } from "./area-tree";
import { useAreaTree } from "./use-area-tree";

interface PickerNode {
  value: string;
  title: string;
  isLeaf: boolean;
  disabled: boolean;
  children?: PickerNode[];
}

/**
 * Chooses an area by code: a tree below `roots` that loads as it opens, or a code typed by hand
 * (for an area not yet loaded). Areas whose path starts with `disabledPath` cannot be chosen.
 */
export function AreaPicker({
  roots,
  value,
  onChange,
  disabledPath,
  id,
}: {
  roots: readonly Area[] | undefined;
  value?: string;
  onChange?: (code: string | undefined) => void;
  disabledPath?: string;
  id?: string;
}) {
  const t = useT();
  const tree = useAreaTree(roots);
  const treeData = useMemo(() => {
    const convert = (nodes: readonly AreaNode[]): PickerNode[] =>
      nodes.map((n) => ({
        value: n.key,
        title: `${n.title} · ${levelLabel(t, n.area.level)}`,
        isLeaf: n.isLeaf,
        disabled: disabledPath ? n.area.path.startsWith(disabledPath) : false,
        children: n.children && convert(n.children),
      }));
    return convert(tree.nodes);
  }, [tree.nodes, disabledPath, t]);

  return (
    <Space.Compact style={{ width: "100%" }}>
      <TreeSelect<string>
        id={id}
        style={{ width: "65%" }}
        value={value}
        placeholder={t("areas.pickArea")}
        treeData={treeData}
        treeLoadedKeys={tree.loadedKeys}
        loadData={(node) => tree.loadChildren(String(node.value))}
        onChange={(v) => onChange?.(v)}
        showSearch
        treeNodeFilterProp="title"
        allowClear
        popupMatchSelectWidth={false}
      />
      <Input
        style={{ width: "35%" }}
        aria-label={t("areas.typeCode")}
        placeholder={t("areas.typeCode")}
        value={value ?? ""}
        onChange={(e) => onChange?.(e.target.value.trim() || undefined)}
      />
    </Space.Compact>
  );
}
