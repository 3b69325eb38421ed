"use client";

import { useEffect, useState } from "react";
import type { ToE164 } from "@/lib/calldog/ivr-menu";

type RussianPhone = { toE164: ToE164; show: (typed: string) => string };

let loading: Promise<RussianPhone> | undefined;

/** libphonenumber's core with the +7 metadata (~9 KB gzip) for the transfer number, fetched after the page. */
export function loadRussianPhone(): Promise<RussianPhone> {
  loading ??= import("@/lib/phone-ru").then((m) => ({ toE164: m.toRussianE164, show: m.showRussianPhone }));
  return loading;
}

// Until the check is here a typed number passes (an empty one does not) and shows as typed: its problem shows a
// moment later, saving waits for the real check, and the server checks again anyway.
const untilLoaded: RussianPhone = { toE164: (input) => input.trim() || undefined, show: (typed) => typed || "—" };

/** The transfer number's check and display for the builder; the same on the server and in the first render, so hydration agrees. */
export function useRussianPhone(): RussianPhone {
  const [loaded, setLoaded] = useState<RussianPhone>();
  useEffect(() => {
    let live = true;
    void loadRussianPhone().then((phone) => live && setLoaded(phone));
    return () => {
      live = false;
    };
  }, []);
  return loaded ?? untilLoaded;
}
