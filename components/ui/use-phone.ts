"use client";

import { useEffect, useState } from "react";

type PhoneLib = { formatPhone: (value: string | null | undefined) => string; toE164: (input: string) => string | undefined };

let loaded: PhoneLib | undefined;
let loading: Promise<PhoneLib> | undefined;

/**
 * libphonenumber with the whole world's metadata (~27 KB gzip with its code) for client components, fetched after the page
 * instead of with it: the forms that need it parse or show a number only once someone has typed or sent one.
 */
export function loadPhoneLib(): Promise<PhoneLib> {
  loading ??= Promise.all([import("@/lib/phone-format"), import("@/lib/providers/phone")]).then(([format, phone]) => {
    loaded = { formatPhone: format.formatPhone, toE164: phone.toE164 };
    return loaded;
  });
  return loading;
}

/** The phone helpers once loaded (undefined for the first moments of a page; the server renders without them). */
export function usePhoneLib(): PhoneLib | undefined {
  const [lib, setLib] = useState(loaded);
  useEffect(() => {
    if (!lib) void loadPhoneLib().then(setLib);
  }, [lib]);
  return lib;
}

/** `formatPhone` once it is here; until then the number as it came (as `formatPhone` shows what it cannot parse). */
export function usePhoneFormat(): (value: string | null | undefined) => string {
  return usePhoneLib()?.formatPhone ?? ((value) => value || "—");
}
