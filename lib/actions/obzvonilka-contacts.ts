"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/db/queries/audit";
import { findConnection } from "@/lib/db/queries/connections";
import type { Connection } from "@/lib/db/schema";
import { SafeError } from "@/lib/errors";
import { findCreatedContact } from "@/lib/obzvonilka/find-created-contact";
import { isWebAddress } from "@/lib/obzvonilka/contact-form";
import { outcomeUnknown, providerFailure } from "@/lib/provider-failure";
import { clientFor } from "@/lib/providers/connection-clients";
import type { ObzvonilkaClient } from "@/lib/providers/obzvonilka/client";
import { type Contact, contactInputSchema } from "@/lib/providers/obzvonilka/schema";
import { EMAIL_PATTERN } from "@/lib/providers/obzvonilka/wire";

const ref = { connectionId: z.uuid(), baseId: z.number().int().positive() };
// The form checks the same in place; this is the boundary's own check.
const inputSchema = contactInputSchema.superRefine((input, ctx) => {
  if (input.email && !EMAIL_PATTERN.test(input.email)) ctx.addIssue({ code: "custom", path: ["email"], message: "emailInvalid" });
  if (input.www && !isWebAddress(input.www)) ctx.addIssue({ code: "custom", path: ["www"], message: "urlInvalid" });
});

/** Creates a contact; a create whose answer was lost is looked up, never sent a second time. */
export const createObzvonilkaContact = action({ role: "any", schema: z.object({ ...ref, input: inputSchema }) }, async ({ connectionId, baseId, input }, user) => {
  const client = await obzvonilka(connectionId);
  let contact: Contact;
  try {
    contact = await client.createContact(baseId, input);
  } catch (error) {
    if (!outcomeUnknown(error)) providerFailure(error, { notFound: "obzBaseNotFound" });
    const found = await findCreatedContact(client, baseId, input).catch((e) => providerFailure(e, { notFound: "obzBaseNotFound" }));
    if (!found) throw new SafeError("obzContactCreateLost");
    contact = found;
  }
  const contactId = contact.id;
  await recordAudit({
    actor: user,
    action: "obzvonilka.contact.created",
    target: String(contactId),
    details: { connectionId, baseId, ...(await names(client, baseId, contact)), fields: Object.keys(input) },
  });
  revalidatePath(`/lists/obzvonilka/${connectionId}/${baseId}`);
  return { contactId };
});

/** Sends only the changed fields (the form computes them); "" clears one. */
export const updateObzvonilkaContact = action(
  { role: "any", schema: z.object({ ...ref, contactId: z.number().int().positive(), input: inputSchema }) },
  async ({ connectionId, baseId, contactId, input }, user) => {
    if (Object.keys(input).length === 0) return { contactId, changed: 0 };
    const client = await obzvonilka(connectionId);
    const contact = await client.updateContact(baseId, contactId, input).catch((e) => providerFailure(e, { notFound: "obzContactNotFound" }));
    // Field names only: the values are personal data and stay at the provider (the name excepted: the log names
    // the contact it changed, as the list page does).
    await recordAudit({
      actor: user,
      action: "obzvonilka.contact.updated",
      target: String(contactId),
      details: { connectionId, baseId, ...(await names(client, baseId, contact)), fields: Object.keys(input) },
    });
    revalidatePath(`/lists/obzvonilka/${connectionId}/${baseId}/contacts/${contactId}`);
    return { contactId, changed: Object.keys(input).length };
  },
);

/** The API's own lookup by external code; null when no contact has it. */
export const findObzvonilkaContactByCode = action(
  { role: "any", schema: z.object({ ...ref, code: z.string().trim().min(1, "obzCodeRequired").max(255) }) },
  async ({ connectionId, baseId, code }) => {
    const client = await obzvonilka(connectionId);
    const contact = await client.findContactByExternalCode(baseId, code).catch((e) => providerFailure(e));
    return contact ? { contactId: contact.id, name: contact.name } : null;
  },
);

/**
 * What the audit log's Subject shows, "base → contact", recorded now: the base's name costs one read, and a failed
 * read leaves it out (the entry then shows the contact alone). A contact without a name is shown by its id.
 */
async function names(client: ObzvonilkaClient, baseId: number, contact: Contact): Promise<{ baseName?: string; contactName?: string }> {
  const baseName = await client.getBase(baseId).then(
    (base) => base.name || undefined,
    () => undefined,
  );
  return { baseName, contactName: contact.name || undefined };
}

async function obzvonilka(connectionId: string) {
  const connection = await findConnection({ id: connectionId });
  if (connection?.provider !== "obzvonilka") throw new SafeError("connectionNotFound");
  return clientFor(connection as Connection & { provider: "obzvonilka" });
}
