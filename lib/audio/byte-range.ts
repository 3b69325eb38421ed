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

/** A 200 with the whole body or a 206 with the asked part, with the headers a player needs to seek. */
export function byteRangeResponse(bytes: Uint8Array, contentType: string, rangeHeader: string | null, extraHeaders: Record<string, string> = {}): Response {
  const size = bytes.length;
  const range = parseByteRange(rangeHeader, size);
  const common = { "accept-ranges": "bytes", "content-type": contentType, ...extraHeaders };
  if (range === "unsatisfiable") return new Response(null, { status: 416, headers: { ...common, "content-range": `bytes */${size}` } });
  if (!range) return new Response(new Uint8Array(bytes), { status: 200, headers: { ...common, "content-length": String(size) } });
  const part = bytes.subarray(range.start, range.end + 1);
  return new Response(new Uint8Array(part), {
    status: 206,
    headers: { ...common, "content-length": String(part.length), "content-range": `bytes ${range.start}-${range.end}/${size}` },
  });
}
