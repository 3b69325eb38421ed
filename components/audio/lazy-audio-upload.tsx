"use client";

import { type ComponentProps, lazy, Suspense } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

const Upload = lazy(() => import("@/components/audio/audio-upload").then((m) => ({ default: m.AudioUpload })));

/**
 * The audio drop zone with react-dropzone (~7 KB gzip) fetched after the page. It is not rendered by the server:
 * a drop zone shown before its code has arrived would take a file and then lose it.
 */
export function LazyAudioUpload(props: ComponentProps<typeof Upload>) {
  const hydrated = useHydrated();
  return hydrated ? (
    <Suspense fallback={null}>
      <Upload {...props} />
    </Suspense>
  ) : null;
}
