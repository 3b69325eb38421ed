/** The contact's fields, without zod: the browser's contact form needs them too. */
export const PHONE_SLOTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type PhoneSlot = (typeof PHONE_SLOTS)[number];

/** The contact's plain text fields, in the documentation's order. */
export const CONTACT_TEXT_FIELDS = ["name", "address_string", "description", "email", "external_code", "www"] as const;
export const PHONE_FIELDS = PHONE_SLOTS.map((n) => `phone${n}` as const);
export const PHONE_REMARK_FIELDS = PHONE_SLOTS.map((n) => `phone_remark${n}` as const);
export const CONTACT_FIELDS = [...CONTACT_TEXT_FIELDS, ...PHONE_FIELDS, ...PHONE_REMARK_FIELDS] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
