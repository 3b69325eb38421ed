import type { SimRequest, SimResponse } from "@/lib/sim/types";

/** Serves bytes with HTTP Range support (single ranges), as a real file server would. */
export function serveBytes(req: SimRequest, bytes: Buffer, contentType: string): SimResponse {
  const common = { "content-type": contentType, "accept-ranges": "bytes" };
  const range = req.headers.range;
  if (!range) return { status: 200, headers: { ...common, "content-length": String(bytes.length) }, body: bytes };
  const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  const size = bytes.length;
  let start = match?.[1] ? Number(match[1]) : undefined;
  let end = match?.[2] ? Number(match[2]) : undefined;
  if (match && start === undefined && end !== undefined) {
    start = Math.max(0, size - end);
    end = size - 1;
  }
  start ??= 0;
  end = Math.min(end ?? size - 1, size - 1);
  if (!match || start > end || start >= size) {
    return { status: 416, headers: { ...common, "content-range": `bytes */${size}` } };
  }
  const slice = bytes.subarray(start, end + 1);
  return {
    status: 206,
    headers: { ...common, "content-range": `bytes ${start}-${end}/${size}`, "content-length": String(slice.length) },
    body: slice,
  };
}
