import "server-only";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { getDb } from "@/lib/db/client";
import { MAX_BODY_BYTES, type ReceiverStatus, receiveCalldogDelivery, receiverAnswer } from "@/lib/webhooks/calldog-receiver";
import { CALLDOG_RECEIVER_PATH } from "@/lib/webhooks/url";

/**
 * `npm run webhooks`: the webhook receiver alone, on Node's own HTTP server rather than Next's router, for the
 * processes a load balancer sends `/api/webhooks/` to (docs/architecture.md). The same receiver as the app's route
 * (lib/webhooks/calldog-receiver.ts), at a fraction of the CPU: a delivery does not go through page routing.
 * Answers `POST /api/webhooks/calldog/<token>` and `GET /api/health`; anything else is a 404.
 */
export function createWebhookReceiverServer(): Server {
  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      console.error("[webhooks] request failed:", error instanceof Error ? error.name : "unknown");
      if (!response.headersSent) send(response, 503, { ok: false });
      else response.end();
    });
  });
  // A sender that trickles its body holds a socket at most this long.
  server.requestTimeout = 30_000;
  return server;
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = (request.url ?? "/").split("?")[0] as string;
  if (path.startsWith(CALLDOG_RECEIVER_PATH)) {
    if (request.method !== "POST") return send(response, 405, { ok: false }, { allow: "POST" });
    const status = await receiveCalldogDelivery({
      // A token is URL-safe base64: anything else, a slash included, fails its pattern (404).
      token: path.slice(CALLDOG_RECEIVER_PATH.length),
      declaredBytes: Number(request.headers["content-length"] ?? 0),
      readBody: () => readBody(request),
    });
    // The rest of an over-long body is not read: the connection is closed after the answer.
    return send(response, status, receiverAnswer(status), status === 413 ? { connection: "close" } : {});
  }
  if (path === "/api/health" && request.method === "GET") {
    const healthy = await getDb()
      .then(({ raw }) => raw.query("select 1", []))
      .then(
        () => true,
        () => false,
      );
    return send(response, healthy ? 200 : 503, { ok: healthy });
  }
  send(response, 404, { ok: false });
}

/** The body's text, or undefined once it passes MAX_BODY_BYTES. */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      request.off("data", onData);
      request.off("end", onEnd);
      resolve(undefined);
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString("utf8"));
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", reject);
  });
}

function send(response: ServerResponse, status: ReceiverStatus | 405, body: { ok: boolean }, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    "content-type": "application/json",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...(process.env.NODE_ENV === "production" ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
    ...headers,
  });
  response.end(JSON.stringify(body));
}
