import { z } from "zod";

/** The ids in an Obzvonilka page's path; anything else is a 404 before a provider is asked. */
export const obzvonilkaParamsSchema = z.object({
  connectionId: z.uuid(),
  baseId: z.coerce.number().int().positive().max(2 ** 31).optional(),
  contactId: z.coerce.number().int().positive().max(2 ** 31).optional(),
});
