"use client";

import { type ComponentProps, lazy, Suspense } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

const Picker = lazy(() => import("@/components/imports/import-file-picker").then((m) => ({ default: m.ImportFilePicker })));

/**
 * The spreadsheet drop zone with react-dropzone fetched after the page, as the audio upload's (LazyAudioUpload).
 * Until its code is there an empty box of the same size holds the place: a zone that took a file before it could
 * keep it would lose it.
 */
export function LazyImportFilePicker(props: ComponentProps<typeof Picker>) {
  const hydrated = useHydrated();
  const placeholder = <div className="h-[4.625rem] rounded-md border-2 border-dashed border-slate-300 bg-white" aria-hidden="true" />;
  return hydrated ? (
    <Suspense fallback={placeholder}>
      <Picker {...props} />
    </Suspense>
  ) : (
    placeholder
  );
}
