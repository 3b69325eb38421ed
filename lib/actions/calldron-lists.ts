"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/db/queries/audit";
import { countSubscribers } from "@/lib/tasks/calldron-list-size";
import { findConnection } from "@/lib/db/queries/connections";
import { findActiveTask, insertTask } from "@/lib/db/queries/tasks";
import type { Connection } from "@/lib/db/schema";
import { mayDial, parsePhoneList, screenForDialing } from "@/lib/dialing/screen";
import { SafeError } from "@/lib/errors";
import { calldronListName, findSubscriberByPhone, subscriberPhone } from "@/lib/lists/calldron-members";
import { createCalldronListOnce } from "@/lib/lists/create-calldron-list";
import { outcomeUnknown, providerFailure } from "@/lib/provider-failure";
import type { CalldronClient } from "@/lib/providers/calldron/client";
import { clientFor } from "@/lib/providers/connection-clients";
import { formatPhone } from "@/lib/phone-format";
import { toE164 } from "@/lib/providers/phone";
import { ProviderError } from "@/lib/providers/provider-error";
import { ADD_SUBSCRIBERS_KIND, type AddSubscribersInput } from "@/lib/tasks/calldron-add-subscribers";
import { enqueueTask } from "@/lib/tasks/queue";

const connectionId = z.uuid();
const listId = z.string().regex(/^\d{1,18}$/);
const listName = z.string().trim().min(1, "nameRequired").max(100, "nameTooLong");
/** Server actions take bodies up to 1 MB: about 60,000 numbers. */
const pastedText = z.string().max(900_000, "pasteTooLong");
/** How many invalid, duplicate or do-not-call entries the preview lists one by one (all are counted). */
const PREVIEW_SHOWN = 100;

export const createCalldronList = action({ role: "any", schema: z.object({ connectionId, name: listName }) }, async (input, user) => {
  const list = await createCalldronListOnce(await calldron(input.connectionId), input.name);
  await recordAudit({ actor: user, action: "calldron.list.created", target: list.name, details: { connectionId: input.connectionId, listId: list.id } });
  revalidatePath("/lists");
  return { listId: list.id };
});

export const deleteCalldronList = action({ role: "any", schema: z.object({ connectionId, listId }) }, async (input, user) => {
  const client = await calldron(input.connectionId);
  // How many numbers go with the list, and its name, for the audit log: read now, as nothing can read them later.
  // Unknown (null) if Calldron cannot say; the entry then names the list by its id.
  const [count, listName] = await Promise.all([countSubscribers(client, input.listId).catch(() => null), calldronListName(client, input.listId)]);
  try {
    await client.deleteList(input.listId);
  } catch (error) {
    // Gone already (a repeated click, a retry after a lost answer): that is what was asked.
    if (!(error instanceof ProviderError && error.kind === "not_found")) providerFailure(error);
  }
  await recordAudit({ actor: user, action: "calldron.list.deleted", target: listName, details: { connectionId: input.connectionId, listId: input.listId, listName, count } });
  revalidatePath("/lists");
  return { listId: input.listId };
});

export const addCalldronSubscriber = action({ role: "any", schema: z.object({ connectionId, listId, phone: z.string().max(40) }) }, async (input, user) => {
  const phone = toE164(input.phone);
  if (!phone) throw new SafeError("phoneInvalid", {}, { phone: "phoneInvalid" });
  const screen = await mayDial({ phone });
  if (!screen.ok) throw new SafeError("phoneOnDnc", {}, { phone: "phoneOnDnc" });
  const client = await calldron(input.connectionId);
  const existing = await findSubscriberByPhone(client, input.listId, phone).catch((e) => providerFailure(e, { notFound: "listNotFound" }));
  if (existing.subscriber) return { phone: formatPhone(phone), already: true };
  try {
    await client.addSubscriber(input.listId, phone);
  } catch (error) {
    if (!outcomeUnknown(error)) providerFailure(error, { notFound: "listNotFound" });
    const found = await findSubscriberByPhone(client, input.listId, phone).catch(providerFailure);
    if (!found.subscriber) throw new SafeError("subscriberAddLost");
  }
  // A list in a running batch is dialed: what goes into one is audited with its count, and the list's name.
  const listName = await calldronListName(client, input.listId);
  await recordAudit({ actor: user, action: "calldron.subscribers.added", target: phone, details: { connectionId: input.connectionId, listId: input.listId, listName, count: 1 } });
  revalidatePath(listPath(input.connectionId, input.listId));
  return { phone: formatPhone(phone), already: false };
});

export const removeCalldronSubscriber = action(
  { role: "any", schema: z.object({ connectionId, listId, subscriberId: z.string().regex(/^\d{1,18}$/) }) },
  async (input, user) => {
    const client = await calldron(input.connectionId);
    // The audit log names the list and the number, not the provider's id: read before the number goes.
    const [listName, phone] = await Promise.all([
      calldronListName(client, input.listId),
      client.showSubscriber(input.listId, input.subscriberId).then(subscriberPhone, () => undefined),
    ]);
    try {
      await client.deleteSubscriber(input.listId, input.subscriberId);
    } catch (error) {
      if (!(error instanceof ProviderError && error.kind === "not_found")) providerFailure(error);
    }
    await recordAudit({
      actor: user,
      action: "calldron.subscriber.removed",
      target: phone ?? input.subscriberId,
      details: { connectionId: input.connectionId, listId: input.listId, listName, subscriberId: input.subscriberId, phone, count: 1 },
    });
    revalidatePath(listPath(input.connectionId, input.listId));
    return { subscriberId: input.subscriberId };
  },
);

export type PastePreview = {
  valid: number;
  invalid: { count: number; shown: string[] };
  duplicates: { count: number; shown: string[] };
  dnc: { count: number; shown: string[] };
};

/** What a paste would send, before anything is sent: nothing here calls the provider. */
export const previewSubscribers = action({ role: "any", schema: z.object({ text: pastedText }) }, async ({ text }): Promise<PastePreview> => {
  const parsed = parsePhoneList(text);
  const { heldBack } = await screenForDialing({ phones: parsed.valid });
  const some = (all: string[]) => ({ count: all.length, shown: all.slice(0, PREVIEW_SHOWN) });
  // Numbers go to the page formatted, so that it does not ship the phone-number library for them.
  return {
    valid: parsed.valid.length,
    invalid: some(parsed.invalid),
    duplicates: some(parsed.duplicates.map(formatPhone)),
    dnc: some(heldBack.map((h) => formatPhone(h.phone))),
  };
});

/**
 * Starts the background task that adds the pasted numbers. The text is parsed again here (the browser's preview is
 * not trusted); do-not-call numbers become items too, so that the task holds them back and counts them.
 */
export const startAddSubscribers = action({ role: "any", schema: z.object({ connectionId, listId, text: pastedText }) }, async (input, user) => {
  const parsed = parsePhoneList(input.text);
  if (parsed.valid.length === 0) throw new SafeError("pasteNothingValid", {}, { text: "pasteNothingValid" });
  const running = await findActiveTask({ kind: ADD_SUBSCRIBERS_KIND, match: { connectionId: input.connectionId, listId: input.listId } });
  if (running) throw new SafeError("addAlreadyRunning");
  const client = await calldron(input.connectionId);
  const list = await client.showList(input.listId).catch((e) => providerFailure(e, { notFound: "listNotFound" }));
  const taskInput: AddSubscribersInput = { connectionId: input.connectionId, listId: list.id, listName: list.name };
  const task = await insertTask({
    kind: ADD_SUBSCRIBERS_KIND,
    ownerId: user.id,
    connectionId: input.connectionId,
    title: list.name,
    input: taskInput,
    items: parsed.valid.map((key) => ({ key })),
    counts: { ...(parsed.invalid.length ? { invalid: parsed.invalid.length } : {}), ...(parsed.duplicates.length ? { duplicate: parsed.duplicates.length } : {}) },
  });
  await enqueueTask(task.id);
  await recordAudit({
    actor: user,
    action: "calldron.subscribers.added",
    target: list.name,
    details: { connectionId: input.connectionId, listId: list.id, count: parsed.valid.length, taskId: task.id },
  });
  return { taskId: task.id };
});

async function calldron(id: string): Promise<CalldronClient> {
  const connection = await findConnection({ id });
  if (connection?.provider !== "calldron") throw new SafeError("connectionNotFound");
  return clientFor(connection as Connection & { provider: "calldron" });
}

function listPath(connection: string, list: string): string {
  return `/lists/calldron/${connection}/${list}`;
}
