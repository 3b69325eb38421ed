"use client";

import dynamic from "next/dynamic";

// recharts is ~100 KB gzip: fetched after the page, so the pages stay within the first-load budget.
function ChartPlaceholder() {
  return <div className="h-[240px] animate-pulse rounded-md bg-slate-100" aria-hidden="true" />;
}

export const LazyTimelineChart = dynamic(() => import("@/components/overview/charts").then((m) => m.TimelineChart), {
  ssr: false,
  loading: ChartPlaceholder,
});
export const LazyIvrChart = dynamic(() => import("@/components/overview/charts").then((m) => m.IvrChart), { ssr: false, loading: ChartPlaceholder });
export const LazyRatesChart = dynamic(() => import("@/components/overview/charts").then((m) => m.RatesChart), { ssr: false, loading: ChartPlaceholder });
