import { type Contact, PHONE_SLOTS } from "@/lib/providers/obzvonilka/schema";

/** What the contacts table needs of a contact: a fraction of the 26 fields, so that 50,000 travel light. */
export type ContactRow = { id: number; name: string; phones: string[]; email: string; code: string };

export type ContactsAnswer = { ok: true; contacts: ContactRow[] } | { ok: false; reason: string };

export function contactRow(contact: Contact): ContactRow {
  const phones: string[] = [];
  for (const n of PHONE_SLOTS) {
    const phone = contact[`phone${n}`];
    if (phone) phones.push(phone);
  }
  return { id: contact.id, name: contact.name ?? "", phones, email: contact.email ?? "", code: contact.external_code ?? "" };
}
