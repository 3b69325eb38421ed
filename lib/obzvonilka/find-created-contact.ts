import type { ObzvonilkaClient } from "@/lib/providers/obzvonilka/client";
import type { Contact, ContactField, ContactInput } from "@/lib/providers/obzvonilka/schema";

/**
 * After a create whose answer was lost: the newest contact of the base holding every value that was sent.
 * By external code when one was sent (the API's own lookup), else by reading the base.
 */
export async function findCreatedContact(client: ObzvonilkaClient, baseId: number, input: ContactInput): Promise<Contact | undefined> {
  const sent = Object.entries(input).filter(([, v]) => v !== undefined && v !== "") as [ContactField, string][];
  const matches = (c: Contact) => sent.every(([field, value]) => (c[field] ?? "") === value.trim());
  if (input.external_code) {
    const byCode = await client.findContactByExternalCode(baseId, input.external_code);
    if (byCode && matches(byCode)) return byCode;
  }
  const contacts = await client.listContacts(baseId);
  return contacts.filter(matches).sort((a, b) => b.id - a.id)[0];
}
