import { CONTACT_TEXT_FIELDS, type ContactField, PHONE_SLOTS, type PhoneSlot } from "@/lib/providers/obzvonilka/fields";
import type { ContactInput } from "@/lib/providers/obzvonilka/schema";
import { EMAIL_PATTERN, MAX_DESCRIPTION_LENGTH, MAX_TEXT_LENGTH } from "@/lib/providers/obzvonilka/wire";

export type TextField = (typeof CONTACT_TEXT_FIELDS)[number];
/** One phone row of the form: it keeps its slot (phone1…phone10), so removing a row clears only that slot. */
export type PhoneRow = { slot: PhoneSlot; phone: string; remark: string };
export type ContactFormValues = Record<TextField, string> & { phones: PhoneRow[] };
/** What the form starts from: a contact as read (null when unset), or nothing for a new one. */
export type ContactValues = Partial<Record<ContactField, string | null>>;
/** Message keys under `obzvonilka.form.errors`, by form field (`phone3`, `email`, `_` for the whole contact). */
export type FormErrors = Record<string, string>;

export function formValuesOf(contact: ContactValues = {}): ContactFormValues {
  const text = Object.fromEntries(CONTACT_TEXT_FIELDS.map((f) => [f, contact[f] ?? ""])) as Record<TextField, string>;
  const phones = PHONE_SLOTS.filter((n) => contact[`phone${n}`] || contact[`phone_remark${n}`]).map((slot) => ({
    slot,
    phone: contact[`phone${slot}`] ?? "",
    remark: contact[`phone_remark${slot}`] ?? "",
  }));
  return { ...text, phones: phones.length > 0 ? phones : [{ slot: 1, phone: "", remark: "" }] };
}

/** The lowest slot no row holds, or undefined when all ten are taken. */
export function freeSlot(rows: PhoneRow[]): PhoneSlot | undefined {
  return PHONE_SLOTS.find((n) => !rows.some((r) => r.slot === n));
}

/**
 * What to send: only the fields that differ from `initial`, phones normalised to E.164, "" for a field the
 * user emptied (the API clears a field sent empty). Unchanged phones go unsent, however they were written.
 * `toE164` is `lib/providers/phone`'s, passed in so that the form loads libphonenumber only when it saves.
 */
export function contactPatch(
  initial: ContactValues,
  values: ContactFormValues,
  toE164: (input: string) => string | undefined,
): { input: ContactInput; errors: FormErrors } {
  const input: Record<string, string> = {};
  const errors: FormErrors = {};
  const before = (field: ContactField) => (initial[field] ?? "").trim();

  for (const field of CONTACT_TEXT_FIELDS) {
    const value = values[field].trim();
    const problem = value === "" ? undefined : textProblem(field, value);
    if (problem) errors[field] = problem;
    else if (value !== before(field)) input[field] = value;
  }
  for (const slot of PHONE_SLOTS) {
    const row = values.phones.find((r) => r.slot === slot);
    const phone = row?.phone.trim() ?? "";
    const remark = row?.remark.trim() ?? "";
    if (phone === "" && remark !== "") errors[`phone${slot}`] = "phoneForRemark";
    else if (phone !== before(`phone${slot}`)) {
      const e164 = phone === "" ? "" : toE164(phone);
      if (e164 === undefined) errors[`phone${slot}`] = "phoneInvalid";
      else if (e164 !== (toE164(before(`phone${slot}`)) ?? before(`phone${slot}`))) input[`phone${slot}`] = e164;
    }
    if (remark.length > MAX_TEXT_LENGTH) errors[`phone_remark${slot}`] = "tooLong";
    else if (remark !== before(`phone_remark${slot}`)) input[`phone_remark${slot}`] = remark;
  }

  const after = (field: ContactField) => (field in input ? input[field] : before(field));
  const keepsAPhone = PHONE_SLOTS.some((n) => after(`phone${n}`) !== "");
  if (Object.keys(errors).length === 0 && after("name") === "" && !keepsAPhone) errors._ = "nameOrPhone";
  return { input: input as ContactInput, errors };
}

function textProblem(field: TextField, value: string): string | undefined {
  if (value.length > (field === "description" ? MAX_DESCRIPTION_LENGTH : MAX_TEXT_LENGTH)) return "tooLong";
  if (field === "email" && !EMAIL_PATTERN.test(value)) return "emailInvalid";
  if (field === "www" && !isWebAddress(value)) return "urlInvalid";
  return undefined;
}

/** A site as people write it: `example.ru` or `https://example.ru/page`; only http(s). */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(/^[a-z][a-z\d+.-]*:/i.test(value) ? value : `https://${value}`);
    return (url.protocol === "http:" || url.protocol === "https:") && /\.(xn--[a-z\d-]+|[a-z]{2,})$/i.test(url.hostname);
  } catch {
    return false;
  }
}
