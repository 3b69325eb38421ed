// npm run webhooks [-- -p 3001 -H 0.0.0.0] — the webhook receiver alone (lib/webhooks/receiver-server.ts), for the
// processes a load balancer sends /api/webhooks/ to when deliveries are many (docs/architecture.md). PostgreSQL only
// (DATABASE_URL), with the app's AUTH_SECRET and APP_ENCRYPTION_KEY; stores each delivery and sends the apply job
// that `npm run worker` (or a web process with workers inline) works. Runs until SIGTERM or SIGINT.
import { parseArgs } from "node:util";
import { closeDb } from "@/lib/db/client";
import { startWebhookReceiverProcess } from "@/lib/server/start";
import { createWebhookReceiverServer } from "@/lib/webhooks/receiver-server";

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p", default: process.env.WEBHOOKS_PORT ?? "3001" },
    hostname: { type: "string", short: "H" },
  },
});

const { stop } = await startWebhookReceiverProcess();
const server = createWebhookReceiverServer();
server.listen(Number(values.port), values.hostname, () => {
  console.info(`[webhooks] receiver on http://${values.hostname ?? "localhost"}:${values.port} (pid ${process.pid})`);
});

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.info(`[webhooks] ${signal}: stopping`);
    // Deliveries in flight are answered; new connections are refused.
    server.close(async () => {
      await stop();
      await closeDb();
      process.exit(0);
    });
    server.closeIdleConnections();
  });
}
