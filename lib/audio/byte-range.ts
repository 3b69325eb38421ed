/** The one byte range a request asks for, inclusive; "unsatisfiable" answers 416; undefined serves the whole file. */
export function parseByteRange(header: string | null, size: number): { start: number; end: number } | "unsatisfiable" | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges or another unit: serving the whole file is allowed (RFC 9110 §14.2).
  if (!match) return undefined;
  const [, from = "", to = ""] = match;
  if (from === "" && to === "") return undefined;
  if (from === "") {
    const suffix = Number(to);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  if (start >= size) return "unsatisfiable";
  const end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
  return end < start ? "unsatisfiable" : { start, end };
}

/**
 * A 200 with the whole body or a 206 with the asked part, with the headers a player needs to seek.
 * `read` fetches only the bytes needed (inclusive range), so seeking in a long file stays cheap.
 */
export async function byteRangeResponse({
  size,
  contentType,
  rangeHeader,
  read,
  headers = {},
}: {
  size: number;
  contentType: string;
  rangeHeader: string | null;
  read: (start: number, end: number) => Promise<Uint8Array | undefined>;
  headers?: Record<string, string>;
}): Promise<Response> {
  const range = parseByteRange(rangeHeader, size);
  const common = { "accept-ranges": "bytes", "content-type": contentType, ...headers };
  if (range === "unsatisfiable") return new Response(null, { status: 416, headers: { ...common, "content-range": `bytes */${size}` } });
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const bytes = await read(start, end);
  if (!bytes) return new Response(null, { status: 404 });
  const body = new Uint8Array(bytes);
  if (!range) return new Response(body, { status: 200, headers: { ...common, "content-length": String(body.length) } });
  return new Response(body, { status: 206, headers: { ...common, "content-length": String(body.length), "content-range": `bytes ${start}-${end}/${size}` } });
}
