import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/** E.164 inside the app (`+79997778855`); undefined when the text is not a valid number. Default region RU. */
export function toE164(input: string): string | undefined {
  const cleaned = input.trim();
  if (!cleaned) return undefined;
  // Russian habit: 8 (999) … is the trunk prefix for +7.
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
