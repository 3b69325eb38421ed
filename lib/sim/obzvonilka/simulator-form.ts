/** A form body's fields; a multipart file part is kept as `{ file }` so that it can be refused. */
export type FormFields = Map<string, string | { file: string }>;

/** Reads urlencoded and multipart bodies; undefined for anything else (JSON, plain text). An empty body is an empty form. */
export function parseForm(contentType: string | undefined, body: Buffer): FormFields | undefined {
  if (body.length === 0) return new Map();
  const type = (contentType ?? "").toLowerCase();
  if (type.startsWith("application/x-www-form-urlencoded")) {
    return new Map(new URLSearchParams(body.toString("utf8")));
  }
  if (type.startsWith("multipart/form-data")) return parseMultipart(contentType ?? "", body);
  return undefined;
}

function parseMultipart(contentType: string, body: Buffer): FormFields | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) return undefined;
  const fields: FormFields = new Map();
  const parts = body.toString("utf8").split(`--${boundary}`);
  // parts[0] is the preamble; the last part starts with "--" (the closing delimiter).
  for (const part of parts.slice(1)) {
    if (part.startsWith("--")) break;
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd < 0) return undefined;
    const headers = part.slice(0, headerEnd);
    const value = part.slice(headerEnd + 4).replace(/\r\n$/, "");
    const name = /(?:^|[;\s])name="((?:[^"\\]|\\.)*)"/i.exec(headers)?.[1];
    if (name === undefined) return undefined;
    const filename = /filename="((?:[^"\\]|\\.)*)"/i.exec(headers)?.[1];
    fields.set(name, filename === undefined ? value : { file: filename });
  }
  return fields;
}
