import { describe, expect, it } from "vitest";
import { findCreatedContact } from "@/lib/obzvonilka/find-created-contact";
import type { ObzvonilkaClient } from "@/lib/providers/obzvonilka/client";
import type { Contact } from "@/lib/providers/obzvonilka/schema";

const contact = (id: number, fields: Partial<Contact>) => ({ id, name: null, external_code: null, phone1: null, ...fields }) as Contact;

function clientWith(contacts: Contact[]) {
  const calls: string[] = [];
  const client = {
    findContactByExternalCode: async (_base: number, code: string) => {
      calls.push(`find ${code}`);
      return contacts.find((c) => c.external_code === code) ?? null;
    },
    listContacts: async () => {
      calls.push("list");
      return contacts;
    },
  } as unknown as ObzvonilkaClient;
  return { client, calls };
}

describe("findCreatedContact", () => {
  it("uses the API's lookup when an external code was sent", async () => {
    const { client, calls } = clientWith([contact(7, { name: "Анна", external_code: "A-1" })]);
    expect((await findCreatedContact(client, 1, { name: "Анна", external_code: "A-1" }))?.id).toBe(7);
    expect(calls).toEqual(["find A-1"]);
  });

  it("otherwise reads the base and takes the newest contact holding every sent value", async () => {
    const { client } = clientWith([contact(3, { name: "Анна", phone1: "+79161112233" }), contact(9, { name: "Анна", phone1: "+79161112233" }), contact(12, { name: "Анна" })]);
    expect((await findCreatedContact(client, 1, { name: "Анна", phone1: "+79161112233" }))?.id).toBe(9);
  });

  it("answers undefined when nothing matches: the create did not happen", async () => {
    const { client } = clientWith([contact(3, { name: "Борис" })]);
    expect(await findCreatedContact(client, 1, { name: "Анна" })).toBeUndefined();
  });
});
