"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/current-user";
import { mayChangeContactList } from "@/lib/contact-lists/access";
import {
  addContactListEntry,
  deleteContactList as deleteList,
  findContactList,
  insertContactList,
  listContactListPhones,
  removeContactListEntry,
  renameContactList as renameList,
} from "@/lib/db/queries/contact-lists";
import { recordAudit } from "@/lib/db/queries/audit";
import { findConnection } from "@/lib/db/queries/connections";
import { insertTask } from "@/lib/db/queries/tasks";
import type { Connection } from "@/lib/db/schema";
import { SafeError } from "@/lib/errors";
import { calldronListName } from "@/lib/lists/calldron-members";
import { clientFor } from "@/lib/providers/connection-clients";
import { toE164 } from "@/lib/providers/phone";
import { ADD_SUBSCRIBERS_KIND, type AddSubscribersInput } from "@/lib/tasks/calldron-add-subscribers";
import { enqueueTask } from "@/lib/tasks/queue";

const name = z.string().trim().min(1, "nameRequired").max(200);
const listId = z.uuid();

export const createContactList = action({ role: "any", schema: z.object({ name }) }, async (input, user) => {
  const list = await insertContactList({ name: input.name, ownerId: user.id });
  revalidatePath("/lists/app");
  return { id: list.id };
});

export const renameContactList = action({ role: "any", schema: z.object({ listId, name }) }, async (input, user) => {
  await listToChange(input.listId, user);
  if (!(await renameList({ id: input.listId, name: input.name }))) throw new SafeError("contactListNotFound");
  revalidatePath(`/lists/app/${input.listId}`);
  return { id: input.listId };
});

export const deleteContactList = action({ role: "any", schema: z.object({ listId }) }, async (input, user) => {
  const list = await listToChange(input.listId, user);
  const count = (await listContactListPhones({ listId: input.listId })).length;
  if (!(await deleteList({ id: input.listId }))) throw new SafeError("contactListNotFound");
  await recordAudit({ actor: user, action: "contact_list.deleted", target: list.name, details: { listId: input.listId, count } });
  revalidatePath("/lists/app");
  return { id: input.listId };
});

export const addContactListNumber = action(
  { role: "any", schema: z.object({ listId, phone: z.string().trim().min(1).max(40), name: z.string().trim().max(200).optional() }) },
  async (input, user) => {
    const phone = toE164(input.phone);
    if (!phone) throw new SafeError("invalidPhone", {}, { phone: "invalidPhone" });
    await listToChange(input.listId, user);
    const added = await addContactListEntry({ listId: input.listId, phone, name: input.name || null });
    revalidatePath(`/lists/app/${input.listId}`);
    return { added, phone };
  },
);

export const removeContactListNumber = action({ role: "any", schema: z.object({ listId, entryId: z.uuid() }) }, async (input, user) => {
  const list = await listToChange(input.listId, user);
  const removed = await removeContactListEntry({ listId: input.listId, id: input.entryId });
  if (!removed) throw new SafeError("contactListNotFound");
  await recordAudit({
    actor: user,
    action: "contact_list.number_removed",
    target: removed.phone,
    details: { listId: input.listId, listName: list.name, entryId: input.entryId, phone: removed.phone, count: 1 },
  });
  revalidatePath(`/lists/app/${input.listId}`);
  return { id: input.entryId };
});

/** A kept list into a Calldron list: the bulk add's task (screened, skipped when present, resumable). */
export const pushContactListToCalldron = action(
  { role: "any", schema: z.object({ listId, connectionId: z.uuid(), calldronListId: z.string().trim().min(1).max(64) }) },
  async (input, user) => {
    const list = await findContactList({ id: input.listId });
    if (!list) throw new SafeError("contactListNotFound");
    const connection = await findConnection({ id: input.connectionId });
    if (connection?.provider !== "calldron") throw new SafeError("connectionNotFound");
    const phones = await listContactListPhones({ listId: list.id });
    if (phones.length === 0) throw new SafeError("importNothingValid");
    // The Calldron list's name, for the task's title and the audit log; its id if Calldron cannot say now.
    const listName = await calldronListName(clientFor(connection as Connection & { provider: "calldron" }), input.calldronListId);
    const taskInput: AddSubscribersInput = { connectionId: connection.id, listId: input.calldronListId, listName: listName ?? input.calldronListId };
    const task = await insertTask({
      kind: ADD_SUBSCRIBERS_KIND,
      ownerId: user.id,
      connectionId: connection.id,
      title: `${list.name} → ${taskInput.listName}`,
      input: taskInput,
      items: phones.map((key) => ({ key })),
    });
    await enqueueTask(task.id);
    await recordAudit({
      actor: user,
      action: "calldron.subscribers.added",
      target: list.name,
      details: { connectionId: connection.id, listId: input.calldronListId, listName, fromContactList: list.id, count: phones.length, taskId: task.id },
    });
    return { taskId: task.id };
  },
);

/** The kept list, when this user may change it (its owner or an admin); refused in words otherwise. */
async function listToChange(listId: string, user: SessionUser) {
  const list = await findContactList({ id: listId });
  if (!list) throw new SafeError("contactListNotFound");
  if (!mayChangeContactList(list, user)) throw new SafeError("contactListNotYours");
  return list;
}
