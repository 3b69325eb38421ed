import type { ProviderSim, RequestLogEntry, SimRequest } from "@/lib/sim/types";

const MAX_ENTRIES = 5_000;

/** What each provider was asked, readable by tests: never a key, only the shape of each body. */
export class RequestLog {
  private readonly logs = new Map<string, RequestLogEntry[]>();

  start(provider: ProviderSim, req: SimRequest): RequestLogEntry {
    const entry: RequestLogEntry = {
      at: new Date().toISOString(),
      method: req.method,
      path: req.path,
      auth: provider.authMethod(req),
      bodyShape: shapeOf(req),
      status: 0,
    };
    const phone = provider.loggedPhone?.(req);
    if (phone) entry.phone = phone;
    const plannedAt = provider.loggedPlannedAt?.(req);
    if (plannedAt !== undefined) entry.plannedAt = plannedAt;
    const list = this.logs.get(provider.provider) ?? [];
    list.push(entry);
    if (list.length > MAX_ENTRIES) list.splice(0, list.length - MAX_ENTRIES);
    this.logs.set(provider.provider, list);
    return entry;
  }

  finish(entry: RequestLogEntry, status: number, fault?: string): void {
    entry.status = status;
    if (fault) entry.fault = fault;
  }

  entries(provider: string): RequestLogEntry[] {
    return this.logs.get(provider) ?? [];
  }

  reset(provider: string): void {
    this.logs.delete(provider);
  }
}

const SECRET_FIELDS = /^(apikey|api_key|key|password|token)$/i;

function shapeOf(req: SimRequest): unknown {
  if (req.body.length === 0) return undefined;
  const type = req.headers["content-type"] ?? "";
  const text = req.body.toString("utf8");
  if (type.includes("application/json")) {
    try {
      return shape(JSON.parse(text));
    } catch {
      return "invalid-json";
    }
  }
  if (type.includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries([...new URLSearchParams(text).keys()].map((k) => [k, SECRET_FIELDS.test(k) ? "redacted" : "string"]));
  }
  if (type.includes("multipart/form-data")) return "multipart";
  return `bytes:${req.body.length}`;
}

function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shape(value[0])] : [];
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_FIELDS.test(k) ? "redacted" : shape(v)]),
    );
  }
  return value === null ? "null" : typeof value;
}
