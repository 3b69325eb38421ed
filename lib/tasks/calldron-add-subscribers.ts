import "server-only";
import { z } from "zod";
import { findConnection } from "@/lib/db/queries/connections";
import type { Connection } from "@/lib/db/schema";
import { BatchScreen } from "@/lib/dialing/screen";
import { SafeError } from "@/lib/errors";
import { readListPhones } from "@/lib/lists/calldron-members";
import type { CalldronClient } from "@/lib/providers/calldron/client";
import { clientFor } from "@/lib/providers/connection-clients";
import type { TaskHandler } from "@/lib/tasks/types";

export const ADD_SUBSCRIBERS_KIND = "calldron.addSubscribers";

export const addSubscribersInputSchema = z.object({ connectionId: z.uuid(), listId: z.string().min(1), listName: z.string() });
export type AddSubscribersInput = z.infer<typeof addSubscribersInputSchema>;

type Context = {
  client: CalldronClient;
  listId: string;
  /** The list's numbers, read when the run starts and added to as it goes. */
  present: Set<string>;
  /** Numbers this run has sent (or tried to). */
  sent: Set<string>;
  screen: BatchScreen;
};

/** Calldron is added to one request per number; a few at once keep a large paste moving without crowding the account. */
const CONCURRENCY = 4;

/**
 * Adds pasted numbers (the items, E.164) to a Calldron list. Outcomes: added, already, dnc, failed (with the
 * provider's reason); invalid and duplicate are counted from the preview before the task starts. Each number is screened right before it is sent,
 * so one put on the do-not-call list during the task is held back; numbers already in the list are not sent;
 * an add whose answer was lost is looked up in the list before it is sent again.
 */
export function addSubscribersHandler(clientForConnection: (connection: Connection) => CalldronClient = defaultClient): TaskHandler<Context> {
  return {
    kind: ADD_SUBSCRIBERS_KIND,
    concurrency: CONCURRENCY,
    async prepare(task) {
      const input = addSubscribersInputSchema.parse(task.input);
      const connection = await findConnection({ id: input.connectionId });
      if (connection?.provider !== "calldron") throw new SafeError("connectionNotFound");
      const client = clientForConnection(connection);
      return { client, listId: input.listId, present: await readListPhones(client, input.listId), sent: new Set(), screen: new BatchScreen() };
    },
    async screen(items, context) {
      await context.screen.screen(items.map((i) => i.key));
    },
    async process(item, context, uncertain) {
      const phone = item.key;
      if (uncertain) {
        // The earlier attempt may have added it: the list says whether it did. An attempt of an earlier run is
        // answered by the list as read when this run started; one of this run (a lost answer) needs a new read.
        if (!context.present.has(phone) && context.sent.has(phone)) {
          // Added to, not replaced: the other lanes' adds meanwhile stay known.
          for (const known of await readListPhones(context.client, context.listId)) context.present.add(known);
        }
        if (context.present.has(phone)) return { outcome: "added" };
      }
      const screen = await context.screen.check(phone);
      if (!screen.ok) return { outcome: screen.reason };
      if (context.present.has(phone)) return { outcome: "already" };
      context.sent.add(phone);
      await context.client.addSubscriber(context.listId, phone);
      context.present.add(phone);
      return { outcome: "added" };
    },
  };
}

function defaultClient(connection: Connection): CalldronClient {
  return clientFor(connection as Connection & { provider: "calldron" }, { budget: "task" });
}
