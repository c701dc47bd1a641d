import { Alert, App, Card, Descriptions, Space, Spin, Typography } from "antd";
import { lazy, Suspense, useEffect, useEffectEvent, useState } from "react";
import type { AreaView, MergeResult, SplitResult } from "../../../api/area-types";
import type { Area } from "../../../api/types";
import { useRemote } from "../../../api/use-remote";
import { loadArea, pathCodesText } from "../../../components/areas/area-api";
import { ProblemTable } from "../../../components/areas/ProblemTable";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useT } from "../../../i18n/I18nProvider";
import { levelLabel } from "../../../i18n/translate";
import { GridTeamCard } from "../../team/GridTeamCard";
import { PoliceDistrictCard } from "../../team/PoliceDistrictCard";
import { AreaActions, type AreaActionKind } from "./AreaActions";
import { HistoryDrawer } from "./HistoryDrawer";
import { MergeModal } from "./MergeModal";
import { MoveModal } from "./MoveModal";
import { RedrawModal } from "./RedrawModal";
import { RenameModal } from "./RenameModal";
import { SplitModal } from "./SplitModal";

// MapLibre is large: the preview loads after the details
const AreaPreview = lazy(() => import("./AreaPreview").then((m) => ({ default: m.AreaPreview })));

/** What an edit changed, for the page to refresh the tree and the selection. */
export type AreaEdit =
  | { kind: "renamed" | "redrawn"; code: string }
  | { kind: "moved"; code: string; parent: string }
  | { kind: "split"; code: string; result: SplitResult }
  | { kind: "merged"; code: string; result: MergeResult };

/** The selected area: its details, import warnings, the actions it allows, a map, and a grid's team. */
export function AreaDetails({
  code,
  roots,
  onEdited,
  onSelect,
  onLoaded,
}: {
  code: string;
  roots: readonly Area[] | undefined;
  onEdited: (edit: AreaEdit) => void;
  onSelect: (code: string) => void;
  /** Called with the area's path once it is loaded (the page opens the tree down to it). */
  onLoaded?: (path: string) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [version, setVersion] = useState(0);
  const detail = useRemote(`area:${code}:${version}`, () => loadArea(code));
  const [action, setAction] = useState<AreaActionKind | null>(null);
  const [actionKey, setActionKey] = useState(0);
  const area: AreaView | undefined = detail.data?.code === code ? detail.data : undefined;
  const loaded = useEffectEvent((path: string) => onLoaded?.(path));
  const path = area?.path;
  useEffect(() => {
    if (path) loaded(path);
  }, [path]);

  if (detail.error) return <ErrorAlert error={detail.error} onRetry={detail.reload} />;
  if (!area) return <Spin style={{ display: "block", padding: 48 }} />;

  const close = () => setAction(null);
  const done = (edit: AreaEdit, text: string) => {
    close();
    message.success(text);
    setVersion((v) => v + 1);
    onEdited(edit);
  };
  const open = (kind: AreaActionKind) => {
    setActionKey((k) => k + 1);
    setAction(kind);
  };
  const warnings = area.warnings ?? [];

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card
        title={area.name}
        extra={<Typography.Text type="secondary">{levelLabel(t, area.level)}</Typography.Text>}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: "name", label: t("areas.name"), children: area.name },
            { key: "level", label: t("areas.level"), children: levelLabel(t, area.level) },
            {
              key: "code",
              label: t("areas.code"),
              children: <Typography.Text copyable>{area.code}</Typography.Text>,
            },
            { key: "parent", label: t("areas.parent"), children: area.parent ?? t("common.none") },
            { key: "path", label: t("areas.path"), span: 2, children: pathCodesText(area.path) },
          ]}
        />
        <div style={{ marginTop: 12 }}>
          <AreaActions area={area} onAction={open} />
        </div>
        {warnings.length > 0 ? (
          <div style={{ marginTop: 16 }}>
            <Alert type="warning" showIcon title={t("areas.warnings", { count: warnings.length })} />
            <ProblemTable problems={warnings} />
          </div>
        ) : null}
        <div style={{ marginTop: 16 }}>
          {area.geometry ? (
            <Suspense fallback={<Spin />}>
              <AreaPreview code={area.code} version={version} onSelect={onSelect} />
            </Suspense>
          ) : (
            <Alert type="info" showIcon title={t("map.noGeometry")} />
          )}
        </div>
      </Card>
      {area.level === "grid" && area.can.viewTeam ? (
        <>
          <GridTeamCard key={`team${version}`} gridCode={area.code} />
          <PoliceDistrictCard key={`police${version}`} gridCode={area.code} />
        </>
      ) : null}

      <RenameModal
        key={`rename${actionKey}`}
        area={area}
        open={action === "rename"}
        onClose={close}
        onDone={() => done({ kind: "renamed", code }, t("areas.renamed"))}
      />
      <MoveModal
        key={`move${actionKey}`}
        area={area}
        roots={roots}
        open={action === "move"}
        onClose={close}
        onDone={(parent) => done({ kind: "moved", code, parent }, t("areas.moved"))}
      />
      <RedrawModal
        key={`redraw${actionKey}`}
        area={area}
        open={action === "redraw"}
        onClose={close}
        onDone={() => done({ kind: "redrawn", code }, t("areas.redrawn"))}
      />
      <SplitModal
        key={`split${actionKey}`}
        area={area}
        open={action === "split"}
        onClose={close}
        onDone={(result) =>
          done({ kind: "split", code, result }, t("areas.splitDone", { count: result.parts.length }))
        }
      />
      <MergeModal
        key={`merge${actionKey}`}
        area={area}
        open={action === "merge"}
        onClose={close}
        onDone={(result) =>
          done({ kind: "merged", code, result }, t("areas.mergeDone", { count: result.retired.length }))
        }
      />
      <HistoryDrawer key={`history${version}`} area={area} open={action === "history"} onClose={close} />
    </Space>
  );
}
