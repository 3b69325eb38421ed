"use server";

import { z } from "zod";
import { recordAudit } from "@/lib/db/queries/audit";
import { findContactList } from "@/lib/db/queries/contact-lists";
import { findConnection } from "@/lib/db/queries/connections";
import { saveImportMapping, setImportFileTask } from "@/lib/db/queries/imports";
import { insertTaskStreamed } from "@/lib/db/queries/tasks";
import { SafeError } from "@/lib/errors";
import { mappingSchema } from "@/lib/imports/plan";
import { checkFile, type ImportCheck, planFromFile } from "@/lib/imports/prepare";
import { type ImportTarget, importTargetSchema, providerTargetTitle } from "@/lib/imports/target";
import { action } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/current-user";
import { mayChangeContactList } from "@/lib/contact-lists/access";
import { IMPORT_KIND } from "@/lib/tasks/import";
import { enqueueTask } from "@/lib/tasks/queue";

const importSchema = z.object({ fileId: z.uuid(), mapping: mappingSchema, target: importTargetSchema });

/** The counts and refused rows of an import with this mapping and target; nothing is sent. */
export const checkImport = action({ role: "any", schema: importSchema }, async (input, user): Promise<ImportCheck> => {
  await titleFor(input.target, user);
  return checkFile({ ...input, ownerId: user.id });
});

/** Starts the import as a background task; the mapping is remembered for the next file of the same shape. */
export const startImport = action({ role: "any", schema: importSchema }, async (input, user) => {
  const title = await titleFor(input.target, user);
  const { file, planner, items } = await planFromFile({ ...input, ownerId: user.id });
  if (file.taskId) throw new SafeError("importAlreadyStarted");
  // The rows go into the task as they are read; a file with nothing valid leaves no task behind.
  const task = await insertTaskStreamed(
    {
      kind: IMPORT_KIND,
      ownerId: user.id,
      connectionId: "connectionId" in input.target ? input.target.connectionId : null,
      title: `${file.name} → ${title}`,
      input: { fileId: file.id, target: input.target, actorEmail: user.email },
    },
    items,
    () => {
      if (planner.valid === 0) throw new SafeError("importNothingValid");
    },
  );
  const signature = typeof file.settings.signature === "string" ? file.settings.signature : undefined;
  if (signature && file.settings.header === true) await saveImportMapping({ signature, mapping: input.mapping });
  await setImportFileTask({ id: file.id, taskId: task.id, settings: { ...file.settings, mapping: input.mapping, target: input.target } });
  await enqueueTask(task.id);
  await recordAudit({ actor: user, action: "import.started", target: title, details: { fileId: file.id, target: input.target.kind, count: planner.valid, taskId: task.id } });
  return { taskId: task.id };
});

/** The target in words for the task's title; also checks that it still exists and, for a kept list, that it is the user's to change. */
async function titleFor(target: ImportTarget, user: SessionUser): Promise<string> {
  if (target.kind === "dnc") return "do-not-call";
  if (target.kind === "app") {
    const list = await findContactList({ id: target.listId });
    if (!list) throw new SafeError("contactListNotFound");
    if (!mayChangeContactList(list, user)) throw new SafeError("contactListNotYours");
    return list.name;
  }
  const connection = await findConnection({ id: target.connectionId });
  if (connection?.provider !== target.kind) throw new SafeError("connectionNotFound");
  return providerTargetTitle(target, connection.name);
}
