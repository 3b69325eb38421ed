import { parsePhoneNumberFromString } from "libphonenumber-js/core";
import metadata from "@/lib/phone-ru-metadata.json";

/**
 * `toE164` and `formatPhone` for +7 numbers only, with libphonenumber's own rules for them but a 2 KB slice of its
 * metadata (country code 7, made from `libphonenumber-js/metadata.min.json` by `scripts/phone-ru-metadata.mjs`)
 * instead of the whole world's: for forms that ship to the browser and only ever take Russian numbers (the IVR
 * builder's transfer number). Anything not +7 is not a number here.
 */
export function toRussianE164(input: string): string | undefined {
  const cleaned = input.trim();
  if (!cleaned) return undefined;
  const digits = cleaned.replace(/[^\d+]/g, "");
  const candidate = /^8\d{10}$/.test(digits) ? `+7${digits.slice(1)}` : cleaned;
  const parsed = parsePhoneNumberFromString(candidate, "RU", metadata as never);
  return parsed?.isValid() && parsed.countryCallingCode === "7" ? parsed.number : undefined;
}

/** A typed transfer number as the menu's summary shows it: `+7 999 777 88 55` when it is one, else as typed. */
export function showRussianPhone(typed: string): string {
  return formatRussianPhone(toRussianE164(typed) ?? typed);
}

/** A +7 number for people to read: `+7 999 777 88 55`; anything else is shown as it came. */
export function formatRussianPhone(value: string | null | undefined): string {
  if (!value) return "—";
  const parsed = parsePhoneNumberFromString(value, "RU", metadata as never);
  return parsed?.isValid() ? parsed.formatInternational() : value;
}
