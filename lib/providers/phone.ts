import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/** E.164 inside the app (`+79997778855`); undefined when the text is not a valid number. Default region RU. */
export function toE164(input: string): string | undefined {
  const cleaned = input.trim();
  if (!cleaned) return undefined;
  return russianMobile(cleaned) ?? parseE164(cleaned);
}

/**
 * The full parser, without the fast path: the reference `toE164` must agree with (phone.test.ts compares the
 * two over many generated numbers).
 */
export function parseE164(cleaned: string): string | undefined {
  // Russian habit: 8 (999) … is the trunk prefix for +7.
  const digits = cleaned.replace(/[^\d+]/g, "");
  const candidate = /^8\d{10}$/.test(digits) ? `+7${digits.slice(1)}` : cleaned;
  const parsed = parsePhoneNumberFromString(candidate, "RU");
  return parsed?.isValid() ? parsed.number : undefined;
}

/**
 * The shape of nearly every number in a Russian spreadsheet — a mobile as `8 (9xx) xxx-xx-xx`, `+7 9xx…`,
 * `79xx…` or `9xx…`, with spaces, dashes and brackets — answered without the parser, which is most of an import's
 * parse time. Every ten-digit national number starting with 9 is valid for +7 in the metadata, so this gives
 * exactly what the parser gives; anything else (letters, other punctuation, other prefixes) goes to the parser.
 */
const RUSSIAN_MOBILE = /^(?:\+7|7|8)?9\d{9}$/;
const PLAIN = /^\+?[\d \-()]{10,40}$/;

function russianMobile(cleaned: string): string | undefined {
  if (!PLAIN.test(cleaned)) return undefined;
  const compact = cleaned.replace(/[ \-()]/g, "");
  if (!RUSSIAN_MOBILE.test(compact)) return undefined;
  return `+7${compact.slice(-10)}`;
}

/** Calldron's wire form: E.164 with the plus. */
export function toCalldronPhone(e164: string): string {
  return e164;
}

/** Calldog's wire form: 11 digits, no plus (`79997778855`). */
export function toCalldogPhone(e164: string): string {
  return e164.replace(/^\+/, "");
}

/** Obzvonilka takes free text; the app sends E.164 so that what it reads back is comparable. */
export function toObzvonilkaPhone(e164: string): string {
  return e164;
}
