"use client";

import type { ComponentProps } from "react";
import { lazyWithQuery } from "@/components/query/lazy-with-query";
import { useHydrated } from "@/components/ui/use-hydrated";

// About the picker's height with a page of campaigns offered, so that the page below does not jump when it arrives.
const placeholder = <div className="min-h-80" />;

const Picker = lazyWithQuery(() => import("@/components/overview/campaign-picker").then((m) => m.CampaignPicker), placeholder);

/**
 * The campaign picker with React Query (its search) fetched after the page. It is not rendered by the server: a search
 * box shown before its code has arrived would take typing and then lose it.
 */
export function LazyCampaignPicker(props: ComponentProps<typeof Picker>) {
  const hydrated = useHydrated();
  return hydrated ? <Picker {...props} /> : placeholder;
}
