import "server-only";
import { z } from "zod";
import { findConnection } from "@/lib/db/queries/connections";
import { addContactListEntry, findContactList, hasContactListEntry } from "@/lib/db/queries/contact-lists";
import { addDncEntries, findDncPhones } from "@/lib/db/queries/dnc";
import type { Connection, TaskItem } from "@/lib/db/schema";
import { BatchScreen } from "@/lib/dialing/screen";
import { SafeError } from "@/lib/errors";
import type { ImportRow } from "@/lib/imports/plan";
import { importTargetSchema } from "@/lib/imports/target";
import type { CalldronClient } from "@/lib/providers/calldron/client";
import { clientFor } from "@/lib/providers/connection-clients";
import type { ObzvonilkaClient } from "@/lib/providers/obzvonilka/client";
import type { ContactInput } from "@/lib/providers/obzvonilka/schema";
import { toE164 } from "@/lib/providers/phone";
import { addSubscribersHandler } from "@/lib/tasks/calldron-add-subscribers";
import type { ItemResult, TaskHandler } from "@/lib/tasks/types";

export const IMPORT_KIND = "import";

export const importInputSchema = z.object({
  fileId: z.uuid(),
  target: importTargetSchema,
  actorEmail: z.string().default(""),
});

type Clients = { calldron: (c: Connection) => CalldronClient; obzvonilka: (c: Connection) => ObzvonilkaClient };

type Writer = {
  toProvider: (item: TaskItem, uncertain: boolean) => Promise<ItemResult>;
  /** The do-not-call screen of a batch of rows' numbers, before they are sent (not for the do-not-call target). */
  screen?: (rows: TaskItem[]) => Promise<void>;
  concurrency: number;
};

type Context = Writer & { input: z.infer<typeof importInputSchema>; ownerId: string | null };

/**
 * Adds to a Calldron list (one request per number) go 16 at once: Calldron's docs give no limit, the app assumes an
 * account serves 20 requests at once (a 429 beyond it waits out Retry-After; docs/providers.md), and an import
 * leaves the rest to the people working on the same account. Taking all 20 kept every page that reads Calldron
 * waiting out 429s while an import ran (bench:load: p95 2.1 s against 0.7–0.9 s). Adds to the app's own tables
 * (a kept list, the do-not-call list) go 20 at once; Obzvonilka answers a few at a time per account comfortably.
 */
export const CALLDRON_IMPORT_CONCURRENCY = 16;
const APP_TABLES_CONCURRENCY = 20;
const OBZVONILKA_CONCURRENCY = 4;

/**
 * One row (or one number) of an uploaded file into its target. Rows found invalid or repeated when the file was
 * read are items too, so that the report holds every row exactly once; they never reach a provider.
 * Every dialable target screens the number right before sending; the do-not-call target itself does not.
 */
export function importHandler(clients: Clients = defaultClients): TaskHandler<Context> {
  return {
    kind: IMPORT_KIND,
    concurrency: (context) => context.concurrency,
    async prepare(task) {
      const input = importInputSchema.parse(task.input);
      return { input, ownerId: task.ownerId, ...(await targetWriter(task, input, clients)) };
    },
    async screen(items, context) {
      // Rows found invalid or repeated when the file was read are never sent, so never screened.
      await context.screen?.(items.filter((i) => typeof (i.payload as Partial<ImportRow> | null)?.phone === "string"));
    },
    async process(item, context, uncertain) {
      const payload = item.payload ?? {};
      if (typeof payload.invalid === "string") return { outcome: "invalid", detail: `${payload.invalid}|${payload.value ?? ""}` };
      if (typeof payload.duplicate === "string") return { outcome: "duplicate", detail: `row|${payload.firstRow}` };
      return context.toProvider(item, uncertain);
    },
  };
}

async function targetWriter(
  task: { ownerId: string | null; input: Record<string, unknown> },
  input: z.infer<typeof importInputSchema>,
  clients: Clients,
): Promise<Writer> {
  const { target } = input;
  if (target.kind === "dnc") {
    const toProvider = async (item: TaskItem): Promise<ItemResult> => {
      const row = item.payload as ImportRow;
      if ((await findDncPhones({ phones: [row.phone] })).has(row.phone)) return { outcome: "already" };
      const actor = task.ownerId ? { id: task.ownerId, email: input.actorEmail } : null;
      await addDncEntries({ entries: [{ phone: row.phone, reason: row.name ?? "" }], actor, source: "import" });
      return { outcome: "added" };
    };
    return { toProvider, concurrency: APP_TABLES_CONCURRENCY };
  }
  const screen = new BatchScreen();
  const screenRows = (rows: TaskItem[]) => screen.screen(rows.map((r) => (r.payload as ImportRow).phone));
  if (target.kind === "app") {
    if (!(await findContactList({ id: target.listId }))) throw new SafeError("contactListNotFound");
    const toProvider = async (item: TaskItem): Promise<ItemResult> => {
      const row = item.payload as ImportRow;
      const screened = await screen.check(row.phone);
      if (!screened.ok) return { outcome: screened.reason };
      if (await hasContactListEntry({ listId: target.listId, phone: row.phone })) return { outcome: "already" };
      const added = await addContactListEntry({ listId: target.listId, phone: row.phone, name: row.name, fields: contactFields(row) });
      return { outcome: added ? "added" : "already" };
    };
    return { toProvider, screen: screenRows, concurrency: APP_TABLES_CONCURRENCY };
  }
  const connection = await findConnection({ id: target.connectionId });
  if (connection?.provider !== target.kind) throw new SafeError("connectionNotFound");
  if (target.kind === "calldron") {
    // The same add as the bulk paste: screened, skipped when present, looked up when uncertain.
    const add = addSubscribersHandler(clients.calldron);
    const context = await add.prepare({ ...task, input: { connectionId: target.connectionId, listId: target.listId, listName: target.listName } } as never);
    const asNumber = (item: TaskItem) => ({ ...item, key: (item.payload as ImportRow).phone });
    return {
      toProvider: (item, uncertain) => add.process(asNumber(item), context, uncertain),
      screen: (rows) => add.screen?.(rows.map(asNumber), context) ?? Promise.resolve(),
      concurrency: CALLDRON_IMPORT_CONCURRENCY,
    };
  }
  return { toProvider: await obzvonilkaWriter(clients.obzvonilka(connection), target.baseId, screen), screen: screenRows, concurrency: OBZVONILKA_CONCURRENCY };
}

/**
 * A row becomes a contact. With an external code the service's own lookup says whether to update or create;
 * without one, a contact already holding the number is left alone, so a second import adds nothing.
 */
async function obzvonilkaWriter(client: ObzvonilkaClient, baseId: number, screen: BatchScreen): Promise<Writer["toProvider"]> {
  let known: Set<string> | undefined;
  const phonesInBase = async (refresh: boolean) => {
    if (!known || refresh) {
      known = new Set();
      for (const contact of await client.listContacts(baseId)) {
        for (let n = 1; n <= 10; n++) {
          const value = contact[`phone${n}` as "phone1"];
          const phone = value ? toE164(value) : undefined;
          if (phone) known.add(phone);
        }
      }
    }
    return known;
  };
  return async (item, uncertain) => {
    const row = item.payload as ImportRow;
    const screened = await screen.check(row.phone);
    if (!screened.ok) return { outcome: screened.reason };
    const input = contactInput(row);
    if (row.externalCode) {
      const existing = await client.findContactByExternalCode(baseId, row.externalCode);
      if (existing) {
        // After a lost answer the contact may be ours from the first attempt: still an add, not an update.
        await client.updateContact(baseId, existing.id, input);
        return { outcome: uncertain ? "added" : "updated" };
      }
    } else if ((await phonesInBase(uncertain)).has(row.phone)) {
      return { outcome: uncertain ? "added" : "already" };
    }
    await client.createContact(baseId, input);
    known?.add(row.phone);
    return { outcome: "added" };
  };
}

function contactInput(row: ImportRow): ContactInput {
  const input: Record<string, string> = {};
  row.phones.slice(0, 10).forEach((phone, i) => {
    input[`phone${i + 1}`] = phone;
  });
  if (row.name) input.name = row.name;
  if (row.email) input.email = row.email;
  if (row.externalCode) input.external_code = row.externalCode;
  const rest = Object.entries(row.fields ?? {}).map(([k, v]) => `${k}: ${v}`);
  if (rest.length) input.description = rest.join("; ");
  return input as ContactInput;
}

function contactFields(row: ImportRow): Record<string, string> | null {
  const fields: Record<string, string> = { ...(row.fields ?? {}) };
  if (row.email) fields.email = row.email;
  if (row.externalCode) fields.externalCode = row.externalCode;
  return Object.keys(fields).length ? fields : null;
}

const defaultClients: Clients = {
  calldron: (c) => clientFor(c as Connection & { provider: "calldron" }),
  obzvonilka: (c) => clientFor(c as Connection & { provider: "obzvonilka" }),
};
