import { SafeError } from "@/lib/errors";
import { outcomeUnknown, providerFailure } from "@/lib/provider-failure";
import type { CalldronClient } from "@/lib/providers/calldron/client";
import type { CalldronList } from "@/lib/providers/calldron/wire";

/**
 * Creates a list and returns it with its id. Calldron answers a create without the id, so a list is found by its
 * name and names must be unique: a taken name is refused. A create whose answer was lost is looked up by name
 * and never sent again; the user's next try starts with the same look-up, so it is never blind either.
 */
export async function createCalldronListOnce(client: CalldronClient, name: string): Promise<CalldronList> {
  if (await client.findListByName(name).catch(providerFailure)) throw new SafeError("listNameTaken", {}, { name: "listNameTaken" });
  try {
    return await client.createListAndFind(name);
  } catch (error) {
    if (!outcomeUnknown(error)) providerFailure(error);
    const found = await client.findListByName(name).catch(providerFailure);
    if (!found) throw new SafeError("listCreateLost");
    return found;
  }
}
