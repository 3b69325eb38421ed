import http from "node:http";

export type Reply = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A local HTTP server answering each request with the next queued reply (200 `{}` when none is left). */
export type LocalServer = {
  baseUrl: string;
  replies: Reply[];
  hits: { method: string; url: string; headers: http.IncomingHttpHeaders }[];
  close: () => Promise<void>;
};

export async function startLocalServer(): Promise<LocalServer> {
  const replies: Reply[] = [];
  const hits: LocalServer["hits"] = [];
  const server = http.createServer((req, res) => {
    hits.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    req.resume();
    req.on("end", () => (replies.shift() ?? jsonReply(200, {}))(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    replies,
    hits,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return (_req, res) => res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}

/** Answers with exactly this text (or nothing), for bodies that are not JSON objects. */
export function textReply(status: number, text: string, headers: Record<string, string> = {}): Reply {
  return (_req, res) => res.writeHead(status, { "content-type": "application/json", ...headers }).end(text);
}

/** Never answers. */
export const hangReply: Reply = () => {};
