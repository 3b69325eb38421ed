// The production start (`npm start`, and scripts/serve.mts for the demo and e2e): Next's own server, with
// one thing added before each request reaches it — the socket's address, in a header no client can set
// (scripts/client-address.mjs). `next start` offers no way to learn it: Next copies it into X-Forwarded-For
// only when the client sent none, so a forged header would be taken for the address (lib/request-ip.ts).
//   node scripts/start.mjs [-p 3000] [-H 0.0.0.0]
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { stampSocketAddress } from "./client-address.mjs";

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p", default: process.env.PORT ?? "3000" },
    // Like `next start`: every interface unless -H says otherwise (HOSTNAME is often the container's name, not an address).
    hostname: { type: "string", short: "H" },
  },
});
const port = Number(values.port);

process.env.NODE_ENV = "production";
process.env.PROZVON_SOCKET_ADDRESS = "1";
const app = next({ dev: false, dir: process.cwd(), port, hostname: values.hostname });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer(async (request, response) => {
  stampSocketAddress(request.headers, request.socket.remoteAddress);
  try {
    await handle(request, response);
  } catch (error) {
    // What `next start` does with a failure outside any page's own handling: a plain 500, the cause in the log.
    console.error(`[start] request failed: ${error instanceof Error ? error.message : "unknown"}`);
    if (!response.headersSent) response.statusCode = 500;
    response.end();
  }
});
server.listen(port, values.hostname, () => {
  console.info(`[start] Prozvon on http://${values.hostname ?? "localhost"}:${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
