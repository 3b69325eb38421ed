import { formatPhone } from "@/lib/phone-format";
import type { CalldronClient } from "@/lib/providers/calldron/client";
import type { CalldronCall } from "@/lib/providers/calldron/wire";

/**
 * Calldron pages a batch's calls with no filters, so the app reads every page (up to this bound) and
 * filters and pages in the app. 2,000 calls are 20 requests of 100; a bigger batch is shown and filtered
 * over its first 2,000 calls, and the page says so (docs/providers.md, "Calls in the app").
 */
export const MAX_CALLS_READ = 2_000;
const READ_PAGE_SIZE = 100;
export const CALLS_PER_PAGE = 25;

export type FinalFilter = "all" | "final" | "pending";

/** What the browser gets for one call: never the provider's record URL, only whether there is one. */
export type CallRow = {
  id: string;
  phone: string;
  /** Formatted here, so that the browser does not load the phone-number library for the table. */
  phoneDisplay: string;
  status: string;
  result: string | null;
  final: boolean;
  durationSeconds: number;
  dialedAt: string | null;
  endedAt: string | null;
  hasRecording: boolean;
};

export type BatchCallsRead = { calls: CalldronCall[]; truncated: boolean };

/** Every call of a batch, in the provider's order, up to MAX_CALLS_READ (then `truncated`). */
export async function readBatchCalls(client: CalldronClient, batchId: string, limit = MAX_CALLS_READ): Promise<BatchCallsRead> {
  const calls: CalldronCall[] = [];
  for await (const call of client.iterateCalls(batchId, READ_PAGE_SIZE)) {
    if (calls.length === limit) return { calls, truncated: true };
    calls.push(call);
  }
  return { calls, truncated: false };
}

export type CallsSelection = {
  rows: CallRow[];
  /** Calls read (all of the batch unless truncated). */
  total: number;
  /** Calls that pass the filters. */
  matching: number;
  page: number;
  pageCount: number;
  /** Per status over all calls read, for the filter's options. */
  statusCounts: Record<string, number>;
  /** Some call read is not final yet: the batch is still working. */
  anyPending: boolean;
};

/** Filters by status and finality, newest first, and cuts one page (a page past the end shows the last one). */
export function selectCalls(
  calls: CalldronCall[],
  { status, final, page, perPage = CALLS_PER_PAGE }: { status?: string; final: FinalFilter; page: number; perPage?: number },
): CallsSelection {
  const statusCounts: Record<string, number> = {};
  for (const c of calls) statusCounts[c.status] = (statusCounts[c.status] ?? 0) + 1;
  const matching = calls
    .filter((c) => (!status || c.status === status) && (final === "all" || c.final === (final === "final")))
    .reverse();
  const pageCount = Math.max(1, Math.ceil(matching.length / perPage));
  const current = Math.min(Math.max(1, page), pageCount);
  return {
    rows: matching.slice((current - 1) * perPage, current * perPage).map(toRow),
    total: calls.length,
    matching: matching.length,
    page: current,
    pageCount,
    statusCounts,
    anyPending: calls.some((c) => !c.final),
  };
}

export function toRow(c: CalldronCall): CallRow {
  return {
    id: c.id,
    phone: c.phone,
    phoneDisplay: formatPhone(c.phone),
    status: c.status,
    result: c.result,
    final: c.final,
    durationSeconds: c.durationSeconds,
    dialedAt: c.dialedAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    hasRecording: c.recordUrl !== null,
  };
}
