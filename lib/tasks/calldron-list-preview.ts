import "server-only";
import { screenForDialing } from "@/lib/dialing/screen";
import type { CalldronClient } from "@/lib/providers/calldron/client";
import { toE164 } from "@/lib/providers/phone";
import { countSubscribers } from "@/lib/tasks/calldron-list-size";

const PER_PAGE = 100;
/**
 * Lists up to this many subscribers are read in full before a run's confirmation, so that it counts what will be
 * held back (100 requests at most, about as many as the run's own first phase makes). A longer list is only
 * sized (countSubscribers) and its held-back numbers are counted as the run reads it.
 */
export const COUNT_HELD_BACK_UP_TO = 10_000;

export type ListLaunchPreview = {
  /** The list's subscribers, every entry counted. */
  subscribers: number;
  /** What the run would dial: subscribers less the held back; the subscribers when those are not counted. */
  toDial: number;
  /** Counted for a list of at most COUNT_HELD_BACK_UP_TO; null above. */
  heldBack: { dnc: number; invalid: number; duplicate: number } | null;
};

/**
 * The numbers a run of a Calldron list would dial, as the run decides them: invalid entries and repeats are
 * skipped, and the do-not-call list holds back what is on it now (`screenForDialing`, the run's own gate). Numbers
 * the batch has already called are not counted here; the run skips them too and its report says how many.
 */
export async function previewListForLaunch(client: CalldronClient, listId: string): Promise<ListLaunchPreview> {
  const phones: string[] = [];
  let subscribers = 0;
  let invalid = 0;
  for (let page = 1; ; ) {
    const answer = await client.subscribersPage(listId, page, PER_PAGE);
    subscribers += answer.items.length;
    for (const subscriber of answer.items) {
      const phone = toE164(subscriber.phone);
      if (phone) phones.push(phone);
      else invalid += 1;
    }
    if (answer.nextPage === null || answer.nextPage <= page) break;
    if (subscribers >= COUNT_HELD_BACK_UP_TO) {
      const size = await countSubscribers(client, listId);
      return { subscribers: size, toDial: size, heldBack: null };
    }
    page = answer.nextPage;
  }
  const unique = new Set(phones).size;
  const { allowed, heldBack } = await screenForDialing({ phones });
  return {
    subscribers,
    toDial: allowed.length,
    heldBack: { dnc: heldBack.filter((h) => h.reason === "dnc").length, invalid, duplicate: phones.length - unique },
  };
}
