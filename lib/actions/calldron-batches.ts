"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/safe-action";
import { type BatchFields, createBatchSchema, deleteBatchSchema, editBatchSchema } from "@/lib/campaigns/batch-input";
import { createBatchOnce } from "@/lib/campaigns/create-batch-once";
import { providerSafeError } from "@/lib/campaigns/provider-safe-error";
import { findAudioFile } from "@/lib/db/queries/audio";
import { recordAudit } from "@/lib/db/queries/audit";
import { deleteBatchIntro, saveBatchIntro } from "@/lib/db/queries/calldron-batch-intros";
import { findConnection } from "@/lib/db/queries/connections";
import { assertWindowWithinPolicy } from "@/lib/dialing/window-policy";
import type { Connection } from "@/lib/db/schema";
import { SafeError } from "@/lib/errors";
import type { CalldronBatchInput } from "@/lib/providers/calldron/wire";
import { clientFor } from "@/lib/providers/connection-clients";
import { ProviderError } from "@/lib/providers/provider-error";
import { requestIp } from "@/lib/request-ip";

export const createCalldronBatch = action({ role: "any", schema: createBatchSchema }, async (input, user) => {
  await assertWindowWithinPolicy({ from: input.timeFrom, to: input.timeTo }, WINDOW_FIELDS);
  const connection = await calldronConnection(input.connectionId);
  const intro = await loadIntro(input.audioId);
  const outcome = await createBatchOnce(clientFor(connection), toBatchInput(input, intro, "create")).catch((error) => {
    throw providerSafeError(error);
  });
  if (!outcome.ok) {
    if (outcome.reason === "nameTaken") throw new SafeError("batchForm.errors.nameTaken", {}, { name: "batchForm.errors.nameTaken" });
    throw new SafeError(outcome.reason === "notCreated" ? "batchErrors.notCreated" : "batchErrors.outcomeUnknown");
  }
  if (intro) await saveBatchIntro({ connectionId: connection.id, batchId: outcome.id, audioFileId: intro.id });
  await recordAudit({
    actor: user,
    action: "calldron.batch.created",
    target: input.name,
    ip: await requestIp(),
    details: { connectionId: connection.id, connection: connection.name, batchId: outcome.id, recoveredAfterLostAnswer: outcome.recovered, intro: intro?.name ?? null },
  });
  revalidatePath("/campaigns");
  return { id: outcome.id, connectionId: connection.id, recovered: outcome.recovered };
});

export const editCalldronBatch = action({ role: "any", schema: editBatchSchema }, async (input, user) => {
  await assertWindowWithinPolicy({ from: input.timeFrom, to: input.timeTo }, WINDOW_FIELDS);
  const connection = await calldronConnection(input.connectionId);
  const intro = await loadIntro(input.audioId);
  try {
    // PUT sends the same fields again: safe to retry, so the transport may.
    await clientFor(connection).updateBatch(input.batchId, toBatchInput(input, intro, "edit"));
  } catch (error) {
    throw providerSafeError(error);
  }
  if (intro) await saveBatchIntro({ connectionId: connection.id, batchId: input.batchId, audioFileId: intro.id });
  await recordAudit({
    actor: user,
    action: "calldron.batch.updated",
    target: input.name,
    ip: await requestIp(),
    details: { connectionId: connection.id, connection: connection.name, batchId: input.batchId, introReplaced: Boolean(intro) },
  });
  revalidatePath("/campaigns");
  revalidatePath(`/campaigns/calldron/${connection.id}/${input.batchId}`);
  return { id: input.batchId, connectionId: connection.id };
});

export const deleteCalldronBatch = action({ role: "any", schema: deleteBatchSchema }, async (input, user) => {
  const connection = await calldronConnection(input.connectionId);
  const client = clientFor(connection);
  let name = input.batchId;
  try {
    name = (await client.listBatches()).find((b) => b.id === input.batchId)?.name ?? name;
    await client.deleteBatch(input.batchId);
  } catch (error) {
    // Already gone (deleted elsewhere, or a retried DELETE that had worked): the user's wish holds.
    if (!(error instanceof ProviderError && error.kind === "not_found")) throw providerSafeError(error);
  }
  await deleteBatchIntro({ connectionId: connection.id, batchId: input.batchId });
  await recordAudit({ actor: user, action: "calldron.batch.deleted", target: name, ip: await requestIp(), details: { connection: connection.name, batchId: input.batchId } });
  revalidatePath("/campaigns");
  return { id: input.batchId };
});

const WINDOW_FIELDS = { from: "timeFrom", to: "timeTo" };

async function calldronConnection(id: string): Promise<Connection & { provider: "calldron" }> {
  const connection = await findConnection({ id });
  if (connection?.provider !== "calldron") throw new SafeError("connectionNotFound");
  return connection as Connection & { provider: "calldron" };
}

async function loadIntro(audioId: string) {
  if (!audioId) return undefined;
  const file = await findAudioFile({ id: audioId });
  if (!file) throw new SafeError("batchForm.errors.audioMissing", {}, { audioId: "batchForm.errors.audioMissing" });
  return file;
}

/** Empty phones are left out of a create and cleared by an edit (`""`); the intro is sent only when a new one is chosen. */
function toBatchInput(input: BatchFields, intro: Awaited<ReturnType<typeof loadIntro>>, mode: "create" | "edit"): CalldronBatchInput {
  const phone = (value: string) => (value || mode === "edit" ? value : undefined);
  return {
    name: input.name,
    description: input.description || (mode === "edit" ? "" : undefined),
    type: input.type,
    confirmation: input.confirmation,
    timeZone: input.timeZone,
    timeFrom: input.timeFrom,
    timeTo: input.timeTo,
    attempts: input.attempts,
    callDelaySeconds: input.callDelaySeconds,
    timeoutBeforeIntroCallback: input.timeoutBeforeIntroCallback,
    callback: phone(input.callback),
    from: phone(input.from),
    intro: intro ? { bytes: intro.data, filename: intro.name } : undefined,
  };
}
