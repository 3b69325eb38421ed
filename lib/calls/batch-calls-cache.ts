import type { BatchCallsRead } from "@/lib/calls/batch-calls";

/**
 * A batch's calls read a moment ago, per process: changing a filter or a page right after a refresh does
 * not walk the provider's pages again. Shorter than the polling interval, so every poll reads afresh.
 */
const TTL_MS = 3_000;
const MAX_ENTRIES = 50;
const entries = new Map<string, { at: number; value: Promise<BatchCallsRead> }>();

export function cachedBatchCalls(key: string, read: () => Promise<BatchCallsRead>): Promise<BatchCallsRead> {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const value = read();
  entries.set(key, { at: now, value });
  // A failed read is not kept: the next request tries again.
  value.catch(() => entries.get(key)?.value === value && entries.delete(key));
  if (entries.size > MAX_ENTRIES) {
    for (const [k, e] of entries) if (now - e.at >= TTL_MS) entries.delete(k);
  }
  return value;
}

/** After a call is placed the next read must see it. */
export function forgetBatchCalls(key: string): void {
  entries.delete(key);
}
