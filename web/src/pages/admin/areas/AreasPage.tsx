import { ImportOutlined, ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Space, Tag, Tree, Typography } from "antd";
import { useCallback, useEffect, useEffectEvent, useState } from "react";
import { useSearchParams } from "react-router";
import { useRemote } from "../../../api/use-remote";
import { loadRoots } from "../../../components/areas/area-api";
import { findNode, pathCodes, type AreaNode } from "../../../components/areas/area-tree";
import { useAreaTree } from "../../../components/areas/use-area-tree";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useT } from "../../../i18n/I18nProvider";
import { levelLabel } from "../../../i18n/translate";
import { useMe } from "../../../session/SessionProvider";
import { AreaDetails, type AreaEdit } from "./AreaDetails";
import { ImportModal } from "./ImportModal";
import "./areas.css";

/** `/admin/areas?area=CODE`: the administrator's area tree, with each area's details, edits, history and import. */
export function AreasPage() {
  const t = useT();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const selected = params.get("area");
  const roots = useRemote("areas:roots", () => loadRoots(me));
  const tree = useAreaTree(roots.data);
  const [importing, setImporting] = useState({ open: false, key: 0 });
  const [expanded, setExpanded] = useState<string[]>([]);

  const select = useCallback(
    (code: string | null) => setParams(code ? { area: code } : {}, { replace: false }),
    [setParams],
  );
  const selectedNode = selected ? findNode(tree.nodes, selected) : undefined;

  const onEdited = async (edit: AreaEdit) => {
    await tree.refresh(edit.code).catch(() => undefined);
    if (edit.kind === "moved") {
      if (findNode(tree.nodes, edit.parent)?.children) await tree.loadChildren(edit.parent);
      setExpanded((keys) => [...new Set([...keys, edit.parent])]);
    }
    if (edit.kind === "split") select(edit.result.parts[0]?.code ?? null);
  };

  // an area opened by link (or from the map preview) may be deep in a tree not yet loaded:
  // once both the area and the tree's roots are there, load and open the branches down to it
  const [reveal, setReveal] = useState<string | null>(null);
  const hasRoots = tree.nodes.length > 0;
  const revealPath = useEffectEvent(async (path: string) => {
    const codes = pathCodes(path);
    const top = codes.findIndex((c) => tree.nodes.some((r) => r.key === c));
    if (top < 0) return;
    const above = codes.slice(top, -1);
    for (const c of above) {
      if (!tree.loadedKeys.includes(c)) await tree.loadChildren(c).catch(() => undefined);
    }
    setExpanded((keys) => [...new Set([...keys, ...above])]);
  });
  useEffect(() => {
    if (reveal && hasRoots) {
      setReveal(null);
      void revealPath(reveal);
    }
  }, [reveal, hasRoots]);

  const onImported = (parent: string | undefined) => {
    if (parent && findNode(tree.nodes, parent)) {
      void tree.loadChildren(parent);
      setExpanded((keys) => [...new Set([...keys, parent])]);
    }
  };

  const titleOf = (node: AreaNode) => (
    <span className="area-tree-title" data-code={node.key} title={`${node.area.name}（${node.key}）`}>
      {node.title}
      <Tag bordered={false} className="area-tree-level">
        {levelLabel(t, node.area.level)}
      </Tag>
    </span>
  );

  return (
    <div className="areas-page">
      <Card
        className="areas-tree-card"
        size="small"
        styles={{ body: { maxHeight: "calc(100vh - 160px)", overflow: "auto" } }}
        title={t("areas.title")}
        extra={
          <Space size={4}>
            <Button
              size="small"
              icon={<ReloadOutlined />}
              aria-label={t("common.refresh")}
              title={t("common.refresh")}
              onClick={roots.reload}
            />
            <Button
              size="small"
              type="primary"
              icon={<ImportOutlined />}
              onClick={() => setImporting((s) => ({ open: true, key: s.key + 1 }))}
            >
              {t("import.button")}
            </Button>
          </Space>
        }
      >
        {roots.error ? <ErrorAlert error={roots.error} onRetry={roots.reload} /> : null}
        {roots.data && roots.data.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("map.noArea")} />
        ) : null}
        <Tree<AreaNode>
          className="areas-tree"
          blockNode
          showLine
          treeData={tree.nodes}
          loadData={(node) => tree.loadChildren(node.key)}
          loadedKeys={tree.loadedKeys}
          expandedKeys={expanded}
          onExpand={(keys) => setExpanded(keys.map(String))}
          selectedKeys={selected ? [selected] : []}
          onSelect={(keys) => keys.length > 0 && select(String(keys[0]))}
          titleRender={titleOf}
        />
      </Card>
      <div className="areas-detail">
        {selected ? (
          <AreaDetails
            key={selected}
            code={selected}
            roots={roots.data}
            onEdited={(edit) => void onEdited(edit)}
            onSelect={(code) => select(code)}
            onLoaded={setReveal}
          />
        ) : (
          <Card>
            <Empty
              description={<Typography.Text type="secondary">{t("areas.selectHint")}</Typography.Text>}
            />
          </Card>
        )}
      </div>
      <ImportModal
        key={importing.key}
        open={importing.open}
        roots={roots.data}
        parent={selectedNode?.area ?? null}
        childLevelHint={selectedNode?.children?.[0]?.area.level}
        onClose={() => setImporting((s) => ({ ...s, open: false }))}
        onImported={onImported}
      />
    </div>
  );
}
