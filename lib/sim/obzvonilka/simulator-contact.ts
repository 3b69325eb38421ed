import { CONTACT_FIELDS, type ContactField, PHONE_FIELDS } from "@/lib/providers/obzvonilka/schema";
import type { FormFields } from "@/lib/sim/obzvonilka/simulator-form";
import {
  CONTACT_REQUIREMENT,
  EMAIL_PATTERN,
  MAX_DESCRIPTION_LENGTH,
  MAX_TEXT_LENGTH,
  PHONE_DIGITS,
} from "@/lib/providers/obzvonilka/wire";

/** A contact as the simulator stores and answers it: every documented field, null when unset. */
export type SimContact = { id: number } & Record<ContactField, string | null>;
export type ContactPatch = Partial<Record<ContactField, string | null>>;
type Errors = Record<string, string[]>;

const knownFields = new Set<string>(CONTACT_FIELDS);
const phoneFields = new Set<string>(PHONE_FIELDS);
const CONTACT_KEY = /^contact\[([^\]]*)\]$/;

/** The `contact[...]` fields of a form, checked one by one; other top-level fields (api_key) are not the contact's. */
export function readContactPatch(form: FormFields): { patch: ContactPatch } | { errors: Errors } {
  const errors: Errors = {};
  const patch: ContactPatch = {};
  let seen = 0;
  for (const [key, raw] of form) {
    const field = CONTACT_KEY.exec(key)?.[1];
    if (field === undefined) continue;
    seen++;
    if (!knownFields.has(field)) {
      add(errors, field || "contact", "is an unknown attribute");
      continue;
    }
    if (typeof raw !== "string") {
      add(errors, field, "must be text, not a file");
      continue;
    }
    const value = raw.trim();
    const problem = value === "" ? undefined : fieldProblem(field, value);
    if (problem) add(errors, field, problem);
    else patch[field as ContactField] = value === "" ? null : value;
  }
  if (seen === 0) add(errors, "contact", "is missing");
  return Object.keys(errors).length > 0 ? { errors } : { patch };
}

/** The contact after the patch, or the errors that refuse it. */
export function applyPatch(contact: SimContact, patch: ContactPatch): { contact: SimContact } | { errors: Errors } {
  const next = { ...contact, ...patch };
  const hasPhone = PHONE_FIELDS.some((field) => next[field] !== null);
  if (next.name === null && !hasPhone) return { errors: { base: [CONTACT_REQUIREMENT] } };
  return { contact: next };
}

export function emptyContact(id: number): SimContact {
  return { id, ...Object.fromEntries(CONTACT_FIELDS.map((field) => [field, null])) } as SimContact;
}

function fieldProblem(field: string, value: string): string | undefined {
  const max = field === "description" ? MAX_DESCRIPTION_LENGTH : MAX_TEXT_LENGTH;
  if (value.length > max) return `is too long (maximum is ${max} characters)`;
  if (phoneFields.has(field)) {
    const digits = value.replace(/\D/g, "").length;
    if (digits < PHONE_DIGITS.min || digits > PHONE_DIGITS.max) {
      return `is invalid (needs ${PHONE_DIGITS.min} to ${PHONE_DIGITS.max} digits)`;
    }
  }
  if (field === "email" && !EMAIL_PATTERN.test(value)) return "is invalid";
  return undefined;
}

function add(errors: Errors, field: string, message: string): void {
  errors[field] = [...(errors[field] ?? []), message];
}
