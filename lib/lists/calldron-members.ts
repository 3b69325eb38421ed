import type { CalldronClient } from "@/lib/providers/calldron/client";
import type { CalldronSubscriber } from "@/lib/providers/calldron/wire";
import { toE164 } from "@/lib/providers/phone";

/**
 * Calldron has no search: a search reads the list page by page on the server, up to this many subscribers
 * (docs/providers.md, "Subscriber search"). Beyond it the page says the search was cut short.
 */
export const SEARCH_SCAN_LIMIT = 5_000;
const SCAN_PER_PAGE = 100;

/** A subscriber's number as the app keeps numbers (E.164), or the service's text when it is not a number. */
export function subscriberPhone(subscriber: CalldronSubscriber): string {
  return toE164(subscriber.phone) ?? subscriber.phone;
}

/** A list's name, for what is recorded about it (the audit log, a task's title); undefined when Calldron cannot say now. */
export async function calldronListName(client: CalldronClient, listId: string): Promise<string | undefined> {
  return client.showList(listId).then(
    (list) => list.name,
    () => undefined,
  );
}

/** Every number in a list (E.164), reading all its pages: what a bulk add must know before it adds. */
export async function readListPhones(client: CalldronClient, listId: string): Promise<Set<string>> {
  const phones = new Set<string>();
  for await (const s of client.iterateSubscribers(listId, SCAN_PER_PAGE)) phones.add(subscriberPhone(s));
  return phones;
}

export type SubscriberSearch = { matches: CalldronSubscriber[]; scanned: number; complete: boolean };

/**
 * Subscribers whose number contains the digits asked for (any way of writing them: `8 999`, `+7 999`, `999`),
 * reading at most SEARCH_SCAN_LIMIT subscribers.
 */
export async function searchSubscribers(client: CalldronClient, listId: string, query: string, limit = SEARCH_SCAN_LIMIT): Promise<SubscriberSearch> {
  const needle = searchDigits(query);
  const matches: CalldronSubscriber[] = [];
  let scanned = 0;
  for await (const s of client.iterateSubscribers(listId, SCAN_PER_PAGE)) {
    if (scanned >= limit) return { matches, scanned, complete: false };
    scanned += 1;
    if (needle && subscriberPhone(s).replace(/\D/g, "").includes(needle)) matches.push(s);
  }
  return { matches, scanned, complete: true };
}

/** Digits to look for; a leading 8 before ten digits is read as Russia's +7, as elsewhere in the app. */
export function searchDigits(query: string): string {
  const digits = query.replace(/\D/g, "");
  return digits.length === 11 && digits.startsWith("8") ? `7${digits.slice(1)}` : digits;
}

/** The subscriber with this number (E.164), reading at most `limit` subscribers; `complete` false when cut short. */
export async function findSubscriberByPhone(
  client: CalldronClient,
  listId: string,
  phone: string,
  limit = SEARCH_SCAN_LIMIT,
): Promise<{ subscriber: CalldronSubscriber | undefined; complete: boolean }> {
  let scanned = 0;
  for await (const s of client.iterateSubscribers(listId, SCAN_PER_PAGE)) {
    if (scanned >= limit) return { subscriber: undefined, complete: false };
    scanned += 1;
    if (subscriberPhone(s) === phone) return { subscriber: s, complete: true };
  }
  return { subscriber: undefined, complete: true };
}
