import type { SimRequest, SimResponse } from "@/lib/sim/types";

/** The parsed body of a Calldog request: JSON, or the fields and files of a multipart form. */
export type CalldogBody = { fields: Record<string, unknown>; files: Map<string, { bytes: Buffer; filename: string }> };

export function ok(data: unknown): SimResponse {
  return { status: 200, body: { status: "success", data } };
}

/** The error envelope; the message never repeats the key. */
export function fail(status: number, message: string, data?: unknown): SimResponse {
  return { status, body: { status: "error", message, ...(data === undefined ? {} : { data }) } };
}

export function isMultipart(req: SimRequest): boolean {
  return (req.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/form-data");
}

/** undefined when the body is neither a JSON object nor a multipart form. */
export async function parseBody(req: SimRequest): Promise<CalldogBody | undefined> {
  if (isMultipart(req)) {
    try {
      const form = await new Request("http://sim.local/", {
        method: "POST",
        headers: { "content-type": req.headers["content-type"] ?? "" },
        body: new Uint8Array(req.body),
      }).formData();
      const body: CalldogBody = { fields: {}, files: new Map() };
      for (const [name, value] of form.entries()) {
        if (typeof value === "string") body.fields[name] = value;
        else body.files.set(name, { bytes: Buffer.from(await value.arrayBuffer()), filename: value.name });
      }
      return body;
    } catch {
      return undefined;
    }
  }
  if (req.body.length === 0) return undefined;
  try {
    const json: unknown = JSON.parse(req.body.toString("utf8"));
    if (!json || typeof json !== "object" || Array.isArray(json)) return undefined;
    return { fields: json as Record<string, unknown>, files: new Map() };
  } catch {
    return undefined;
  }
}

/** The key a request presents, wherever it put it (JSON body, multipart field, or the query for audio). */
export function presentedKey(req: SimRequest): string | undefined {
  const fromQuery = req.query.get("apiKey");
  if (fromQuery) return fromQuery;
  const text = req.body.toString("utf8");
  if (isMultipart(req)) return /name="apiKey"\r\n\r\n([^\r\n]*)\r\n/.exec(text)?.[1];
  try {
    const json = JSON.parse(text) as { apiKey?: unknown };
    return typeof json?.apiKey === "string" ? json.apiKey : undefined;
  } catch {
    return undefined;
  }
}

export function authMethod(req: SimRequest): string {
  if (req.query.get("apiKey")) return "query:apiKey";
  const key = presentedKey(req);
  if (!key) return "none";
  return isMultipart(req) ? "multipart:apiKey" : "body:apiKey";
}

export function flag(value: unknown): 0 | 1 | undefined {
  if (value === undefined || value === null || value === "") return 0;
  if (value === 0 || value === "0" || value === false || value === "false") return 0;
  if (value === 1 || value === "1" || value === true || value === "true") return 1;
  return undefined;
}

export function integer(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}
