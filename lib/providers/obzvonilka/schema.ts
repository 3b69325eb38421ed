import { z } from "zod";

import { CONTACT_FIELDS, CONTACT_TEXT_FIELDS, type ContactField, PHONE_FIELDS, PHONE_REMARK_FIELDS } from "@/lib/providers/obzvonilka/fields";

export { CONTACT_FIELDS, CONTACT_TEXT_FIELDS, type ContactField, PHONE_FIELDS, PHONE_REMARK_FIELDS, PHONE_SLOTS, type PhoneSlot } from "@/lib/providers/obzvonilka/fields";

// Ids are numbers in the examples; a numeric string is taken as well.
const idSchema = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);
const textSchema = z
  .string()
  .nullish()
  .transform((v) => v ?? null);
const flagSchema = z
  .boolean()
  .nullish()
  .transform((v) => v ?? false);

export const baseSchema = z.looseObject({
  id: idSchema,
  name: textSchema,
  remark: textSchema,
  deleted: flagSchema,
  select_from_last: flagSchema,
  // Internal fields per the doc: kept, never interpreted.
  auto_open_window_params: z.unknown().optional(),
  parser_name: z.unknown().optional(),
  parser_settings: z.unknown().optional(),
  use_predictive_call: z.unknown().optional(),
});
export type Base = z.infer<typeof baseSchema>;

export const contactSchema = z.looseObject({
  id: idSchema,
  ...Object.fromEntries(CONTACT_FIELDS.map((field) => [field, textSchema])),
} as { id: typeof idSchema } & Record<ContactField, typeof textSchema>);
export type Contact = z.infer<typeof contactSchema>;

export const userSchema = z.looseObject({
  id: idSchema,
  account_enabled: flagSchema,
  email: textSchema,
  name: textSchema,
  admin: flagSchema,
});
export type User = z.infer<typeof userSchema>;

export const basesSchema = z.array(baseSchema);
export const contactsSchema = z.array(contactSchema);
export const usersSchema = z.array(userSchema);

const e164OrEmptySchema = z.union([z.literal(""), z.string().regex(/^\+[1-9]\d{7,14}$/, "must be an E.164 number")]);
const optionalText = z.string().optional();
const optionalPhone = e164OrEmptySchema.optional();

/** What the app hands the client to create or patch a contact: phones in E.164, "" clears a field. */
export const contactInputSchema = z.strictObject({
  ...Object.fromEntries(CONTACT_TEXT_FIELDS.map((field) => [field, optionalText])),
  ...Object.fromEntries(PHONE_FIELDS.map((field) => [field, optionalPhone])),
  ...Object.fromEntries(PHONE_REMARK_FIELDS.map((field) => [field, optionalText])),
} as Record<ContactField, typeof optionalText>);
export type ContactInput = z.infer<typeof contactInputSchema>;
