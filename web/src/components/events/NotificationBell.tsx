import { BellOutlined } from "@ant-design/icons";
import { Badge, Button, Empty, List, Popover, Space, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { api } from "../../api/client";
import type { NotificationItem } from "../../api/event-types";
import { useT } from "../../i18n/I18nProvider";
import { formatDateTime } from "../../lib/time";
import { loadNotifications } from "./event-api";
import { mergeNotice, noticeLink, parseNotice, publishNotice } from "./live";

/** How often the list is asked for when the live stream is not available. */
const POLL_MS = 30_000;

/**
 * The notification bell of the header: the unread count, live through the server's event stream
 * (`GET /api/notifications/stream`), falling back to polling; a list that opens on click, each item
 * leading to its event; mark one or all read.
 */
export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const [items, setItems] = useState<NotificationItem[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);

  const refresh = useCallback(() => {
    loadNotifications().then(
      (list) => {
        setItems(list.items);
        setUnread(list.unread ?? list.items.filter((n) => !n.readAt).length);
      },
      () => undefined, // the bell stays quiet; the pages show their own errors
    );
  }, []);

  useEffect(() => {
    refresh();
    let poll: ReturnType<typeof setInterval> | undefined;
    let stream: EventSource | undefined;
    const startPolling = () => {
      if (!poll) poll = setInterval(refresh, POLL_MS);
    };
    if (typeof EventSource === "undefined") startPolling();
    else {
      stream = new EventSource("/api/notifications/stream");
      const onNotice = (e: MessageEvent<string>) => {
        const notice = parseNotice(e.data);
        if (!notice) return;
        setItems((prev) => mergeNotice(prev, notice));
        if (!notice.readAt) setUnread((u) => u + 1);
        publishNotice(notice);
      };
      stream.addEventListener("message", onNotice);
      stream.addEventListener("notification", onNotice as EventListener);
      stream.onerror = () => {
        // the browser reconnects by itself; a stream that is closed for good is replaced by polling
        if (stream?.readyState === EventSource.CLOSED) startPolling();
      };
      stream.onopen = () => {
        if (poll) clearInterval(poll);
        poll = undefined;
        refresh(); // what came while the stream was down
      };
    }
    return () => {
      stream?.close();
      if (poll) clearInterval(poll);
    };
  }, [refresh]);

  const markRead = async (ids: (string | number)[] | "all") => {
    try {
      await api.post("/api/notifications/read", ids === "all" ? { all: true } : { ids });
    } catch {
      return;
    }
    const now = new Date().toISOString();
    setItems((prev) =>
      prev.map((n) => (ids === "all" || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n)),
    );
    setUnread((u) => (ids === "all" ? 0 : Math.max(0, u - ids.length)));
  };

  const openNotice = (n: NotificationItem) => {
    if (!n.readAt) void markRead([n.id]);
    const link = noticeLink(n);
    setOpen(false);
    if (link) navigate(link);
  };

  const content = (
    <div style={{ width: 340, maxWidth: "calc(100vw - 32px)" }}>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }}>
        <Typography.Text strong>{t("events.notice.title")}</Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} onClick={() => void markRead("all")}>
          {t("events.notice.readAll")}
        </Button>
      </Space>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("events.notice.empty")} />
      ) : (
        <List
          size="small"
          dataSource={items.slice(0, 20)}
          style={{ maxHeight: 420, overflowY: "auto" }}
          renderItem={(n) => (
            <List.Item
              key={String(n.id)}
              onClick={() => openNotice(n)}
              style={{ cursor: "pointer", opacity: n.readAt ? 0.6 : 1, alignItems: "flex-start" }}
              data-testid="notice"
            >
              <List.Item.Meta
                avatar={<Badge status={n.readAt ? "default" : "processing"} />}
                title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
                description={
                  <>
                    {n.body ? <div>{n.body}</div> : null}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Button
        type="text"
        aria-label={t("events.notice.title")}
        data-testid="notification-bell"
        style={{ color: "inherit" }}
        icon={
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined style={{ color: "#fff", fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
