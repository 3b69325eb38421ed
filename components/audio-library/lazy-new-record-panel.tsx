"use client";

import { type ComponentProps, lazy, Suspense } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

const Panel = lazy(() => import("@/components/audio-library/new-record-panel").then((m) => ({ default: m.NewRecordPanel })));

/**
 * The three forms for a new record, below each connection's records, fetched after the page. They are not
 * rendered by the server: a form shown before its code has arrived would take typing and then lose it.
 */
export function LazyNewRecordPanel(props: ComponentProps<typeof Panel>) {
  const hydrated = useHydrated();
  return hydrated ? (
    <Suspense fallback={null}>
      <Panel {...props} />
    </Suspense>
  ) : null;
}
