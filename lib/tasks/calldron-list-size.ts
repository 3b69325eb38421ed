import type { CalldronClient } from "@/lib/providers/calldron/client";

const PER_PAGE = 100;

/**
 * How many subscribers a list has, for the confirmation before a run. Calldron gives no total (a doc gap), and
 * walking a list of 50,000 is 500 requests, so the last page is found by doubling and then halving the page
 * number: about 2·log2(pages) requests. Relies on a page past the end answering no data and `next_page` null.
 */
export async function countSubscribers(client: CalldronClient, listId: string): Promise<number> {
  const first = await client.subscribersPage(listId, 1, PER_PAGE);
  if (first.nextPage === null) return first.items.length;
  let lastWithNext = 1;
  let probe = 2;
  let end: { page: number; size: number };
  for (;;) {
    const page = await client.subscribersPage(listId, probe, PER_PAGE);
    if (page.nextPage === null) {
      end = { page: probe, size: page.items.length };
      break;
    }
    lastWithNext = probe;
    probe *= 2;
  }
  // The last page is in (lastWithNext, end.page]; find the first page without a next one.
  while (end.page - lastWithNext > 1) {
    const middle = Math.floor((lastWithNext + end.page) / 2);
    const page = await client.subscribersPage(listId, middle, PER_PAGE);
    if (page.nextPage === null) end = { page: middle, size: page.items.length };
    else lastWithNext = middle;
  }
  // A probe past the end answers empty: the list ends with the full page before it.
  return end.size === 0 ? lastWithNext * PER_PAGE : (end.page - 1) * PER_PAGE + end.size;
}
