import {
  BranchesOutlined,
  DragOutlined,
  EditOutlined,
  FormOutlined,
  HistoryOutlined,
  MergeCellsOutlined,
} from "@ant-design/icons";
import { Button, Space } from "antd";
import type { AreaView } from "../../../api/area-types";
import { useT } from "../../../i18n/I18nProvider";

export type AreaActionKind = "rename" | "move" | "redraw" | "split" | "merge" | "history";

/** The buttons for what the user may do with an area (from its `can`); history is for everyone who sees it. */
export function AreaActions({
  area,
  onAction,
}: {
  area: AreaView;
  onAction: (kind: AreaActionKind) => void;
}) {
  const t = useT();
  const edit = area.can.edit;
  const top = !area.parent;
  return (
    <Space wrap size={8}>
      {edit ? (
        <Button icon={<EditOutlined />} onClick={() => onAction("rename")}>
          {t("areas.rename")}
        </Button>
      ) : null}
      {edit && !top ? (
        <Button icon={<DragOutlined />} onClick={() => onAction("move")}>
          {t("areas.move")}
        </Button>
      ) : null}
      {edit ? (
        <Button icon={<FormOutlined />} onClick={() => onAction("redraw")}>
          {t("areas.redraw")}
        </Button>
      ) : null}
      {edit && !top ? (
        <Button icon={<BranchesOutlined />} onClick={() => onAction("split")}>
          {t("areas.split")}
        </Button>
      ) : null}
      {edit && !top ? (
        <Button icon={<MergeCellsOutlined />} onClick={() => onAction("merge")}>
          {t("areas.merge")}
        </Button>
      ) : null}
      <Button icon={<HistoryOutlined />} onClick={() => onAction("history")}>
        {t("areas.history")}
      </Button>
    </Space>
  );
}
