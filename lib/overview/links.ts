import type { Provider } from "@/lib/db/schema";

/** Where a campaign's own page is: a Calldron batch page or the Calldog campaign page; none for the others. */
export function campaignHref(c: { id: string; provider: Provider; connectionId: string; providerRef: string | null }): string | null {
  if (c.provider === "calldron") return c.providerRef ? `/campaigns/calldron/${c.connectionId}/${encodeURIComponent(c.providerRef)}` : null;
  if (c.provider === "calldog") return `/campaigns/calldog/${c.id}`;
  return null;
}
