/**
 * Every point where Obzvonilka's documentation is silent, decided once. The client and the simulator
 * both read these; docs/providers.md (Obzvonilka) gives the reasons.
 */

export const DEFAULT_BASE_URL = "https://obzvonilka.ru/api/";

/** The documented way: `?api_key=` on every request (the client's only way). */
export const API_KEY_PARAM = "api_key";
/** The doc allows "an HTTP header" without naming it; the simulator also accepts this one. */
export const API_KEY_HEADER = "x-api-key";

export const paths = {
  bases: () => "contact_bases.json",
  base: (baseId: number) => `contact_bases/${baseId}.json`,
  contacts: (baseId: number) => `contact_bases/${baseId}/contacts.json`,
  contact: (baseId: number, contactId: number) => `contact_bases/${baseId}/contacts/${contactId}.json`,
  contactByExternal: (baseId: number, code: string) =>
    `contact_bases/${baseId}/contacts/find_by_external/${encodeURIComponent(code)}.json`,
  users: () => "users.json",
  user: (userId: number) => `users/${userId}.json`,
};

/** Form field name of a contact attribute, as in the doc's curl (`contact[phone1]`). */
export function contactFormKey(field: string): string {
  return `contact[${field}]`;
}

/**
 * The client sends application/x-www-form-urlencoded (the doc's curl uses -F multipart; both are form
 * fields to a Rails-style server, and urlencoded keeps the request log readable). The simulator takes both.
 */
export const CLIENT_FORM_ENCODING = "urlencoded" as const;

/** PATCH sets absolute values, so sending it twice changes nothing: the client retries it like a read. */
export const PATCH_IS_IDEMPOTENT = true;

/** Statuses and bodies of refusals (Rails conventions: `{error}` for a refusal, `{errors: {field: [..]}}` for 422). */
export const REFUSAL = {
  /** Missing or unknown key, checked before routing. */
  unauthorized: { status: 401, body: { error: "Invalid API key" } },
  /** Unknown route, wrong method, path without .json, unknown id, another organisation's id, no external-code match. */
  notFound: { status: 404, body: { error: "Not found" } },
  /** A body that is not form fields (JSON and the like). */
  unsupportedMedia: { status: 415, body: { error: "Send form fields (urlencoded or multipart)" } },
} as const;
export const INVALID_STATUS = 422;
export function invalidBody(errors: Record<string, string[]>) {
  return { errors };
}

/** Obzvonilka "takes free text" for phones; the simulator asks only for 5 to 20 digits in it. */
export const PHONE_DIGITS = { min: 5, max: 20 } as const;
export const MAX_TEXT_LENGTH = 255;
export const MAX_DESCRIPTION_LENGTH = 4000;
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A new contact needs a name or at least one phone; a patch may then clear either, but not both. */
export const CONTACT_REQUIREMENT = "name or at least one phone is required";

/** Bases moved to the trash (deleted=true) stay readable, but their contacts cannot be added or changed. */
export const DELETED_BASE_IS_READ_ONLY = true;
