import "server-only";
import { ensureWebhookToken } from "@/lib/db/queries/webhook-events";
import { env } from "@/lib/env";
import { CALLDOG_URL_MAX } from "@/lib/providers/calldog/wire";

export const CALLDOG_RECEIVER_PATH = "/api/webhooks/calldog/";

/** The receiver's URL for a token, on the app's public address; undefined when APP_PUBLIC_URL is not set. */
export function calldogReceiverUrl(token: string, publicUrl: string | undefined = env().APP_PUBLIC_URL): string | undefined {
  if (!publicUrl) return undefined;
  const url = `${publicUrl.replace(/\/+$/, "")}${CALLDOG_RECEIVER_PATH}${token}`;
  // Calldog takes at most 255 characters; a longer address cannot be used, so the calls are polled instead.
  return url.length <= CALLDOG_URL_MAX ? url : undefined;
}

/**
 * The `webhookUrl` to give Calldog for a connection's calls (creates the connection's token on first use);
 * undefined when the app has no public address — then results arrive by the status sync only.
 */
export async function webhookUrl(connectionId: string): Promise<string | undefined> {
  if (!env().APP_PUBLIC_URL) return undefined;
  const token = await ensureWebhookToken({ connectionId });
  return token ? calldogReceiverUrl(token) : undefined;
}
