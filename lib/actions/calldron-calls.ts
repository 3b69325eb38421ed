"use server";

import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { type CallRow, type FinalFilter, readBatchCalls, selectCalls } from "@/lib/calls/batch-calls";
import { cachedBatchCalls, forgetBatchCalls } from "@/lib/calls/batch-calls-cache";
import { type CallOneOutcome, callOneNumber } from "@/lib/calls/call-one-number";
import { recordAudit } from "@/lib/db/queries/audit";
import { findConnection } from "@/lib/db/queries/connections";
import type { Connection } from "@/lib/db/schema";
import { type HoldBackReason, mayDial } from "@/lib/dialing/screen";
import { formatPhone } from "@/lib/phone-format";
import { SafeError } from "@/lib/errors";
import { clientFor } from "@/lib/providers/connection-clients";
import { type ConnectionTestResult, resultForError } from "@/lib/providers/connection-test";
import { toE164 } from "@/lib/providers/phone";
import { ProviderError } from "@/lib/providers/provider-error";
import { requestIp } from "@/lib/request-ip";

const batchRef = {
  connectionId: z.uuid(),
  // Calldron ids are strings of digits; anything path-like is refused before it reaches a URL.
  batchId: z.string().regex(/^[\w-]{1,64}$/),
};

const listSchema = z.object({
  ...batchRef,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  status: z.string().regex(/^[a-z_]{1,32}$/).optional(),
  final: z.enum(["all", "final", "pending"]).default("all"),
});

export type BatchCallsView =
  | {
      ok: true;
      rows: CallRow[];
      total: number;
      matching: number;
      page: number;
      pageCount: number;
      statusCounts: Record<string, number>;
      /** Some call is not final yet: the table keeps refreshing. */
      live: boolean;
      /** The batch has more calls than the app reads; filters cover the first `total`. */
      truncated: boolean;
      readAt: string;
    }
  | { ok: false; reason: ConnectionTestResult | "batch_not_found" };

/** One page of a batch's calls, filtered in the app (Calldron's index has no filters). */
export const listBatchCalls = action({ role: "any", schema: listSchema }, async (input): Promise<BatchCallsView> => {
  const connection = await calldronConnection(input.connectionId);
  const client = clientFor(connection, { budget: "page" });
  try {
    const read = await cachedBatchCalls(`${connection.id}:${input.batchId}`, () => readBatchCalls(client, input.batchId));
    const selection = selectCalls(read.calls, { status: input.status, final: input.final as FinalFilter, page: input.page });
    // Beyond the bound the unread calls are the newest; the batch's own status says whether it still runs.
    const live =
      selection.anyPending ||
      (read.truncated && (await client.listBatches()).find((b) => b.id === input.batchId)?.status !== "finished");
    const { anyPending: _, ...shown } = selection;
    return { ok: true, ...shown, live, truncated: read.truncated, readAt: new Date().toISOString() };
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    return { ok: false, reason: error.kind === "not_found" ? "batch_not_found" : resultForError(error) };
  }
});

const phoneSchema = z.object({ ...batchRef, phone: z.string().trim().min(1).max(40) });

export type CallPreview = { ok: true; phone: string; display: string } | { ok: false; reason: "invalid" | HoldBackReason; display?: string };

/** Normalises the typed number and screens it, so that the confirmation names exactly what will be dialed. */
export const previewCallOne = action({ role: "any", schema: phoneSchema }, async (input): Promise<CallPreview> => {
  await calldronConnection(input.connectionId);
  const phone = toE164(input.phone);
  if (!phone) return { ok: false, reason: "invalid" };
  const screened = await mayDial({ phone });
  const display = formatPhone(phone);
  return screened.ok ? { ok: true, phone, display } : { ok: false, reason: screened.reason, display };
});

export type CallOneResult = (CallOneOutcome & { display: string }) | { status: "invalid_phone" };

/** Dials one number in a batch (after the user confirmed it); screened, never retried blind, audited. */
export const callOne = action(
  { role: "any", schema: phoneSchema.extend({ batchName: z.string().max(200).default("") }) },
  async (input, user): Promise<CallOneResult> => {
    const connection = await calldronConnection(input.connectionId);
    const phone = toE164(input.phone);
    if (!phone) return { status: "invalid_phone" };
    const outcome = await callOneNumber({ client: clientFor(connection), batchId: input.batchId, phone });
    forgetBatchCalls(`${connection.id}:${input.batchId}`);
    await recordAudit({
      actor: user,
      action: "call.dial_one",
      target: phone,
      ip: await requestIp(),
      details: { connection: connection.name, batchId: input.batchId, batch: input.batchName, count: 1, outcome: outcome.status, ...("reason" in outcome ? { reason: outcome.reason } : {}) },
    });
    return { ...outcome, display: formatPhone(phone) };
  },
);

async function calldronConnection(id: string): Promise<Connection & { provider: "calldron" }> {
  const connection = await findConnection({ id });
  if (connection?.provider !== "calldron") throw new SafeError("connectionNotFound");
  return connection as Connection & { provider: "calldron" };
}
