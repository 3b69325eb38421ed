"use client";

import { lazyWithQuery } from "@/components/query/lazy-with-query";

/** The saved-menu bar (its list is read through React Query) fetched after the page; the server renders it as before. */
export const LazyIvrTemplateBar = lazyWithQuery(
  () => import("@/components/calldog/ivr-template-bar").then((m) => m.IvrTemplateBar),
  <div className="min-h-[5.5rem] rounded-md border border-slate-200 bg-slate-50" />,
);
