"use client";

import { type ComponentProps, lazy, Suspense } from "react";

const Panel = lazy(() => import("@/components/audio-library/new-record-panel").then((m) => ({ default: m.NewRecordPanel })));

/**
 * The three forms for a new record, below each connection's records, fetched after the page (~4 KB gzip); the
 * server still renders them, and they become interactive once their code has arrived.
 */
export function LazyNewRecordPanel(props: ComponentProps<typeof Panel>) {
  return (
    <Suspense fallback={null}>
      <Panel {...props} />
    </Suspense>
  );
}
