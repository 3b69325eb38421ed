"use server";

import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { callOneNumber, type Refused, refusalFor } from "@/lib/calls/call-one-number";
import { batchCallingWindow, closedUntil } from "@/lib/campaigns/batch-window";
import { recordAudit } from "@/lib/db/queries/audit";
import { findLatestCalldronTestCall, insertCalldronTestCall, updateCalldronTestCall } from "@/lib/db/queries/calldron-test-calls";
import { findConnection } from "@/lib/db/queries/connections";
import { findUserById } from "@/lib/db/queries/users";
import type { CalldronTestCall, CallStatus, Connection } from "@/lib/db/schema";
import { screenForDialing } from "@/lib/dialing/screen";
import { SafeError } from "@/lib/errors";
import { formatPhone } from "@/lib/phone-format";
import { mapCalldronStatus } from "@/lib/providers/call-status";
import type { CalldronClient } from "@/lib/providers/calldron/client";
import type { CalldronBatch } from "@/lib/providers/calldron/wire";
import { clientFor } from "@/lib/providers/connection-clients";
import { ProviderError } from "@/lib/providers/provider-error";
import { requestIp } from "@/lib/request-ip";

const E = "testCall.calldron.errors";
/** Where Calldron's own times are read when a batch names no zone (docs/providers.md, `dialed_at` zone). */
const DEFAULT_ZONE = "Europe/Moscow";

const batchRef = z.object({
  connectionId: z.uuid(),
  // Calldron ids are strings of digits; anything path-like is refused before it reaches a URL.
  batchId: z.string().regex(/^[\w-]{1,64}$/),
});

/** The user's latest test call through a batch, as the run confirmation and the batch's page show it. */
export type CalldronTestCallView = {
  /** Formatted. */
  phone: string;
  at: string;
  status: CallStatus | "unknown";
  final: boolean;
  /** The app's recording route, when Calldron has a recording of it. */
  recordingSrc: string | null;
};

export type CalldronTestCallState = { testPhone: string | null; testCall: CalldronTestCallView | null };

export type WindowClosed = { from: string; to: string; zone: string; opensAt: string; whose: "organisation" | "batch" };

/**
 * "Test call to my number" for a Calldron batch: one call to the user's own number (profile) through the batch's
 * single-call API (`POST /batches/:id/calls`), so Calldron plays the batch's own message, confirmation and all.
 * The gate is a launch's: the do-not-call list and the organisation's calling window (in the batch's zone); the
 * batch's own window too, because Calldron would hold the call until it opens and a test is for listening now.
 * Outside either nothing is sent and the answer says when it opens. A create that may have reached Calldron is never
 * retried (`callOneNumber` looks for it among the batch's calls). Recorded for the batch and the user, audited.
 */
export const sendCalldronTestCall = action({ role: "any", schema: batchRef }, async ({ connectionId, batchId }, user) => {
  const { connection, client } = await calldron(connectionId);
  const phone = (await findUserById({ id: user.id }))?.testPhone;
  if (!phone) throw new SafeError(`${E}.noPhone`);
  const batch = await readBatch(client, batchId);
  const window = batchCallingWindow(batch);
  const start = { at: new Date(), timeZone: window?.timeZone || DEFAULT_ZONE, outside: "refuse" as const };

  const screened = await screenForDialing({ phones: [phone], start });
  const held = screened.heldBack[0];
  if (held?.reason === "window" && screened.start) return { sent: false as const, windowClosed: organisationClosed(screened.start) };
  if (held) throw new SafeError(`${E}.dnc`);
  const batchOpens = window ? closedUntil(window, start.at) : null;
  if (window && batchOpens) {
    return { sent: false as const, windowClosed: { from: window.from, to: window.to, zone: window.timeZone, opensAt: batchOpens.toISOString(), whose: "batch" } satisfies WindowClosed };
  }

  const outcome = await callOneNumber({ client, batchId, phone, start, identify: true });
  await recordAudit({
    actor: user,
    action: "calldron.batch.testCall",
    target: batchId,
    ip: await requestIp(),
    details: {
      connectionId,
      connection: connection.name,
      batchId,
      batchName: batch.name,
      count: 1,
      phone,
      outcome: outcome.status,
      callId: "callId" in outcome ? (outcome.callId ?? null) : null,
      ...("reason" in outcome ? { reason: outcome.reason } : {}),
    },
  });
  if (outcome.status === "held_back") {
    if (outcome.reason === "window" && outcome.start) return { sent: false as const, windowClosed: organisationClosed(outcome.start) };
    throw new SafeError(`${E}.dnc`);
  }
  if (outcome.status === "refused") throw refusalError(outcome);
  if (outcome.status === "unknown") throw new SafeError(outcome.lookupFailed ? `${E}.unknownLookupFailed` : `${E}.unknown`);

  const row = await insertCalldronTestCall({
    testCall: {
      connectionId,
      batchId,
      userId: user.id,
      phone,
      callId: outcome.callId ?? null,
      status: outcome.status === "placed_after_lookup" ? outcome.callStatus : "fresh",
      final: false,
      hasRecording: false,
    },
  });
  return { sent: true as const, testCall: toView(row) };
});

/**
 * The user's test number and latest test call through the batch, its status read again from Calldron while it is
 * not final (and kept, so the confirmation still says something when Calldron cannot be read).
 */
export const getCalldronTestCall = action({ role: "any", schema: batchRef }, async ({ connectionId, batchId }, user): Promise<CalldronTestCallState> => {
  const { client } = await calldron(connectionId);
  const [profile, latest] = await Promise.all([findUserById({ id: user.id }), findLatestCalldronTestCall({ connectionId, batchId, userId: user.id })]);
  const testPhone = profile?.testPhone ? formatPhone(profile.testPhone) : null;
  if (!latest) return { testPhone, testCall: null };
  return { testPhone, testCall: toView(await refreshed(client, latest)) };
});

async function refreshed(client: CalldronClient, row: CalldronTestCall): Promise<CalldronTestCall> {
  if (row.final || !row.callId) return row;
  try {
    const call = await client.showCall(row.batchId, row.callId);
    const patch = { status: call.status, final: call.final, hasRecording: Boolean(call.recordUrl) };
    await updateCalldronTestCall({ id: row.id, patch });
    return { ...row, ...patch };
  } catch (error) {
    if (error instanceof ProviderError) return row;
    throw error;
  }
}

function toView(row: CalldronTestCall): CalldronTestCallView {
  return {
    phone: formatPhone(row.phone),
    at: row.createdAt.toISOString(),
    status: mapCalldronStatus(row.status, row.final)?.status ?? "unknown",
    final: row.final,
    recordingSrc:
      row.hasRecording && row.callId ? `/api/recordings/calldron/${row.connectionId}/${encodeURIComponent(row.batchId)}/${encodeURIComponent(row.callId)}` : null,
  };
}

function organisationClosed(start: { window: { from: string; to: string; timeZone: string }; startAt: Date }): WindowClosed {
  const { from, to, timeZone } = start.window;
  return { from, to, zone: timeZone, opensAt: start.startAt.toISOString(), whose: "organisation" };
}

async function calldron(connectionId: string): Promise<{ connection: Connection; client: CalldronClient }> {
  const connection = await findConnection({ id: connectionId });
  if (connection?.provider !== "calldron") throw new SafeError("connectionNotFound");
  return { connection, client: clientFor(connection as Connection & { provider: "calldron" }) };
}

async function readBatch(client: CalldronClient, batchId: string): Promise<CalldronBatch> {
  let batches: CalldronBatch[];
  try {
    batches = await client.listBatches();
  } catch (error) {
    // No number was sent: a 4xx here is not "The provider refused this number".
    if (error instanceof ProviderError) throw refusalError(refusalFor(error, "unexpected"));
    throw error;
  }
  const batch = batches.find((b) => b.id === batchId);
  if (!batch) throw new SafeError("callOne.refused.batch_not_found");
  return batch;
}

/** A refusal in the single-call dialog's words: each says that nothing was dialed. */
function refusalError({ reason, retryAfterSeconds }: Refused): SafeError {
  if (reason === "rate_limited" && retryAfterSeconds) return new SafeError("callOne.refused.rate_limited_after", { seconds: retryAfterSeconds });
  return new SafeError(`callOne.refused.${reason}`);
}
