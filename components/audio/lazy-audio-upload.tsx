"use client";

import { type ComponentProps, lazy, Suspense } from "react";

const Upload = lazy(() => import("@/components/audio/audio-upload").then((m) => ({ default: m.AudioUpload })));

/**
 * The audio drop zone with react-dropzone (~7 KB gzip) fetched after the page: the server still renders it, and
 * its part of the page becomes interactive once its code has arrived.
 */
export function LazyAudioUpload(props: ComponentProps<typeof Upload>) {
  return (
    <Suspense fallback={null}>
      <Upload {...props} />
    </Suspense>
  );
}
