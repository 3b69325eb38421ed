import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/** A number for people to read: `+7 999 777-88-55`; anything unparseable is shown as it came. */
export function formatPhone(value: string | null | undefined): string {
  if (!value) return "—";
  const parsed = parsePhoneNumberFromString(value, "RU");
  return parsed?.isValid() ? parsed.formatInternational() : value;
}
