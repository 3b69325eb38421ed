"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { type CalldogFailure, calldogFailure, outcomeUnknown } from "@/lib/calldog/provider-failure";
import { findAudioFile } from "@/lib/db/queries/audio";
import { recordAudit } from "@/lib/db/queries/audit";
import { deleteCalldogRecord, findCalldogRecord, insertCalldogRecord } from "@/lib/db/queries/calldog-records";
import { findConnection } from "@/lib/db/queries/connections";
import type { Connection } from "@/lib/db/schema";
import { SafeError } from "@/lib/errors";
import type { CalldogRecord } from "@/lib/providers/calldog/schema";
import { CALLDOG_TEXT_MAX } from "@/lib/providers/calldog/wire";
import { clientFor } from "@/lib/providers/connection-clients";
import { requestIp } from "@/lib/request-ip";

const AUDIO_PATH = "/audio";

/** "unknown": the answer was lost, Calldog may have acted; the user is told to check its panel, nothing is retried. */
export type RecordOutcome = { outcome: "done"; id: string } | { outcome: "failed" | "unknown"; failure: CalldogFailure };

const connectionId = z.uuid("calldogConnectionRequired");
const name = z.string().trim().min(1, "nameRequired").max(100, "nameTooLong");

type CalldogConnection = Connection & { provider: "calldog" };

async function calldogConnection(id: string): Promise<CalldogConnection> {
  const connection = await findConnection({ id });
  if (connection?.provider !== "calldog") throw new SafeError("calldogConnectionRequired");
  return connection as CalldogConnection;
}

async function attempt(run: () => Promise<CalldogRecord>): Promise<{ record: CalldogRecord } | { failure: CalldogFailure }> {
  try {
    return { record: await run() };
  } catch (error) {
    const failure = calldogFailure(error);
    if (failure.reason === "unexpected") console.error("[calldog] record call failed:", error instanceof Error ? error.name : "unknown");
    return { failure };
  }
}

function failed(failure: CalldogFailure): RecordOutcome {
  return { outcome: outcomeUnknown(failure) ? "unknown" : "failed", failure };
}

export const listCalldogLanguages = action({ role: "any", schema: z.object({ connectionId }) }, async (input) => {
  const connection = await calldogConnection(input.connectionId);
  try {
    return await clientFor(connection).getAvailableLanguages();
  } catch (error) {
    return { failure: calldogFailure(error) };
  }
});

/** Sends a file from the app's store to Calldog as a multipart upload (source=file) and keeps it in the registry. */
export const createCalldogRecordFromFile = action(
  { role: "any", schema: z.object({ connectionId, name, audioFileId: z.uuid("audioLibrary.errors.audioFileRequired") }) },
  async (input, user): Promise<RecordOutcome> => {
    const connection = await calldogConnection(input.connectionId);
    const file = await findAudioFile({ id: input.audioFileId });
    if (!file) throw new SafeError("audioLibrary.errors.audioFileRequired");
    const result = await attempt(() => clientFor(connection).createRecordFromFile({ name: input.name, file: file.data, filename: file.name }));
    const outcome = "record" in result ? await keep(connection, result.record, { source: "file", audioFileId: file.id, durationSeconds: file.durationSeconds }, user.id) : failed(result.failure);
    await audit(user, { action: "calldog_record.created", target: input.name, connection, outcome, details: { source: "file" } });
    return outcome;
  },
);

export const createCalldogRecordFromText = action(
  {
    role: "any",
    schema: z.object({
      connectionId,
      name,
      text: z.string().trim().min(1, "audioLibrary.errors.recordTextRequired").max(CALLDOG_TEXT_MAX, "audioLibrary.errors.recordTextTooLong"),
      voiceGender: z.enum(["female", "male"]),
      language: z.string().trim().min(2).max(20),
    }),
  },
  async (input, user): Promise<RecordOutcome> => {
    const connection = await calldogConnection(input.connectionId);
    const result = await attempt(() => clientFor(connection).createRecordFromText({ name: input.name, text: input.text }));
    const outcome =
      "record" in result
        ? await keep(connection, result.record, { source: "text", text: input.text, voiceGender: input.voiceGender, language: input.language }, user.id)
        : failed(result.failure);
    await audit(user, { action: "calldog_record.created", target: input.name, connection, outcome, details: { source: "text" } });
    return outcome;
  },
);

/** A record made in Calldog's panel: there is no way to read it back, so its name is the user's and its state unknown. */
export const addExistingCalldogRecord = action(
  { role: "any", schema: z.object({ connectionId, name, recordId: z.coerce.number().int("audioLibrary.errors.recordIdInvalid").positive("audioLibrary.errors.recordIdInvalid") }) },
  async (input, user) => {
    const connection = await calldogConnection(input.connectionId);
    const id = await insertCalldogRecord({
      record: { connectionId: connection.id, recordId: String(input.recordId), name: input.name, source: "existing", moderation: "unknown", createdById: user.id },
    });
    if (!id) throw new SafeError("audioLibrary.errors.recordAlreadyListed");
    await recordAudit({ actor: user, action: "calldog_record.added", target: input.name, ip: await requestIp(), details: { connection: connection.name, recordId: input.recordId } });
    revalidatePath(AUDIO_PATH);
    return { id };
  },
);

/** Removes the record in Calldog, then from the registry; a lost answer leaves it listed and says so. */
export const removeCalldogRecord = action({ role: "any", schema: z.object({ id: z.uuid() }) }, async (input, user) => {
  const row = await findCalldogRecord({ id: input.id });
  if (!row) throw new SafeError("audioLibrary.errors.recordNotFound");
  const connection = await calldogConnection(row.connectionId);
  let outcome: RecordOutcome = { outcome: "done", id: row.id };
  try {
    await clientFor(connection).removeRecords([Number(row.recordId)]);
  } catch (error) {
    const failure = calldogFailure(error);
    // Already gone in Calldog (e.g. removed in its panel): the registry entry is stale, so it goes too.
    if (failure.reason !== "not_found") outcome = failed(failure);
  }
  if (outcome.outcome === "done") await deleteCalldogRecord({ id: row.id });
  await audit(user, { action: "calldog_record.deleted", target: row.name, connection, outcome, details: { recordId: row.recordId } });
  return outcome;
});

async function keep(
  connection: CalldogConnection,
  record: CalldogRecord,
  extra: { source: "file" | "text"; audioFileId?: string; durationSeconds?: number | null; text?: string; voiceGender?: string; language?: string },
  userId: string,
): Promise<RecordOutcome> {
  const id = await insertCalldogRecord({
    record: { connectionId: connection.id, recordId: String(record.id), name: record.name, moderation: record.moderated ? "approved" : "pending", createdById: userId, ...extra },
  });
  revalidatePath(AUDIO_PATH);
  return { outcome: "done", id: id ?? String(record.id) };
}

async function audit(
  user: { id: string; email: string; name: string },
  entry: { action: string; target: string; connection: Connection; outcome: RecordOutcome; details: Record<string, unknown> },
): Promise<void> {
  const { outcome, connection } = entry;
  const reason = outcome.outcome === "done" ? {} : { reason: outcome.failure.reason };
  await recordAudit({
    actor: user,
    action: entry.action,
    target: entry.target,
    ip: await requestIp(),
    details: { connection: connection.name, outcome: outcome.outcome, ...reason, ...entry.details },
  });
  revalidatePath(AUDIO_PATH);
}
