"use server";

import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/db/queries/audit";
import { findConnection } from "@/lib/db/queries/connections";
import { ensureWebhookToken, rotateWebhookToken as rotateToken, webhookStats } from "@/lib/db/queries/webhook-events";
import { SafeError } from "@/lib/errors";
import { requestIp } from "@/lib/request-ip";
import { CALLDOG_RECEIVER_PATH, calldogReceiverUrl } from "@/lib/webhooks/url";

export type WebhookReceiverView = {
  /** The full URL Calldog is given, or null when APP_PUBLIC_URL is not set (then results arrive by polling). */
  url: string | null;
  /** The path on this app, shown when there is no public URL. */
  path: string;
  lastReceivedAt: string | null;
  receivedToday: number;
  pending: number;
  failed: number;
};

const idSchema = z.object({ id: z.uuid() });

/** The receiver of a Calldog connection, for admins: its URL (the token is made on first use) and what arrived. */
export const getWebhookReceiver = action({ role: "admin", schema: idSchema }, async ({ id }) => {
  await calldogConnection(id);
  const token = await ensureWebhookToken({ connectionId: id });
  if (!token) throw new SafeError("connectionNotFound");
  return view(id, token);
});

/** A new token: the old URL answers 404 from now on; calls already created with it lose their webhooks (the sync still polls them). */
export const rotateWebhookToken = action({ role: "admin", schema: idSchema }, async ({ id }, admin) => {
  const connection = await calldogConnection(id);
  const token = await rotateToken({ connectionId: id });
  if (!token) throw new SafeError("connectionNotFound");
  await recordAudit({ actor: admin, action: "connection.webhookTokenRotated", target: connection.name, ip: await requestIp(), details: { provider: connection.provider } });
  return view(id, token);
});

async function calldogConnection(id: string) {
  const connection = await findConnection({ id });
  if (connection?.provider !== "calldog") throw new SafeError("connectionNotFound");
  return connection;
}

async function view(connectionId: string, token: string): Promise<WebhookReceiverView> {
  const stats = await webhookStats({ connectionId, since: new Date(Date.now() - 86_400_000) });
  return {
    url: calldogReceiverUrl(token) ?? null,
    path: `${CALLDOG_RECEIVER_PATH}${token}`,
    lastReceivedAt: stats.lastReceivedAt?.toISOString() ?? null,
    receivedToday: stats.receivedToday,
    pending: stats.pending,
    failed: stats.failed,
  };
}
