import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/** E.164 inside the app (`+79997778855`); undefined when the text is not a valid number. Default region RU. */
export function toE164(input: string): string | undefined {
  return russianFastPath(input) ?? parseE164(input);
}

/**
 * The shapes most Russian files hold (ten digits after `+7`, `8`, `7` or nothing, written with spaces, brackets, dashes or
 * dots), read without the full parser: it is the cost of an import. For +7 the metadata (libphonenumber-js
 * 1.13, RU and KZ share the code) takes ten digits starting with 3, 4, 8 or 9 as Russian and 7 as Kazakh, both
 * valid. Without a prefix only 3, 4 and 9 (`810…` is the international prefix, `7…` may be Kazakh). Anything
 * else goes to libphonenumber. `phone.test.ts` checks that both
 * give the same answer over many shapes, valid and not.
 */
function russianFastPath(input: string): string | undefined {
  const compact = input.replace(/[\s().-]/g, "");
  const match = /^(?:(?:\+7|8|7)([347-9]\d{9})|([349]\d{9}))$/.exec(compact);
  return match ? `+7${match[1] ?? match[2]}` : undefined;
}

/** The full parser, with the Russian habit `8 (999) …` (the trunk prefix for +7) read as +7. */
export function parseE164(input: string): string | undefined {
  const cleaned = input.trim();
  if (!cleaned) return undefined;
  const digits = cleaned.replace(/[^\d+]/g, "");
  const candidate = /^8\d{10}$/.test(digits) ? `+7${digits.slice(1)}` : cleaned;
  const parsed = parsePhoneNumberFromString(candidate, "RU");
  return parsed?.isValid() ? parsed.number : undefined;
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
