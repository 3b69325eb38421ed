import { z } from "zod";

// Responses are parsed tolerantly (extra fields pass): the doc is unfinished and the service may add fields.
// Ids arrive as strings for batches and calls and as numbers for lists and subscribers; the client keeps strings.
const idSchema = z.union([z.string(), z.number()]).transform((v) => String(v));
const textSchema = z.union([z.string(), z.number()]).nullish().transform((v) => (v == null ? null : String(v)));

/** `next_page` as sent; wire.ts decides what it means. */
export const nextPageSchema = z.union([z.number(), z.string()]).nullish();

export const batchWireSchema = z.object({
  id: idSchema,
  name: z.string(),
  description: textSchema,
  attempts: textSchema,
  call_delay: textSchema,
  callback: textSchema,
  from: textSchema,
  confirmation: textSchema,
  status: z.string(),
  type: textSchema,
  time_zone: textSchema,
  time_from: textSchema,
  time_to: textSchema,
  timeout_before_intro_callback: textSchema,
  intro_filename: textSchema,
  intro_url: textSchema,
});
export type BatchWire = z.infer<typeof batchWireSchema>;

/** The doc shows a bare array; a paged envelope is accepted too in case the service pages batches like the rest. */
export const batchListWireSchema = z.union([
  z.array(batchWireSchema),
  z.object({ next_page: nextPageSchema, data: z.array(batchWireSchema) }),
]);

// Write answers (create, update, delete) are not validated by a schema: see wire.ts `idFromWriteAnswer`.

export const listWireSchema = z.object({
  id: idSchema,
  name: z.string(),
  predefined_type: textSchema,
  url: textSchema,
});
export type ListWire = z.infer<typeof listWireSchema>;

export const subscriberItemWireSchema = z.object({
  list_id: idSchema,
  list_name: z.string().nullish(),
  id: idSchema,
  name: z.string(),
});
export type SubscriberItemWire = z.infer<typeof subscriberItemWireSchema>;

export const subscriberWireSchema = z.object({
  id: idSchema,
  phone_number: z.string(),
  list: z.string().nullish(),
});
export type SubscriberWire = z.infer<typeof subscriberWireSchema>;

export const callWireSchema = z.object({
  id: idSchema,
  phone_number: z.string(),
  duration: textSchema,
  status: z.string(),
  result: textSchema,
  final: z.boolean(),
  dialed_at: z.string().nullish(),
  ended_at: z.string().nullish(),
  record_url: z.string().nullish(),
});
export type CallWire = z.infer<typeof callWireSchema>;

export function pageWireSchema<T extends z.ZodType>(item: T) {
  return z.object({ next_page: nextPageSchema, data: z.array(item) });
}
