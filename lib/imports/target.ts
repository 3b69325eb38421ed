import { z } from "zod";

/** Where an import goes. */
export const importTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("calldron"), connectionId: z.uuid(), listId: z.string().min(1).max(64), listName: z.string().max(200).default("") }),
  z.object({ kind: z.literal("obzvonilka"), connectionId: z.uuid(), baseId: z.coerce.number().int().positive() }),
  z.object({ kind: z.literal("app"), listId: z.uuid() }),
  z.object({ kind: z.literal("dnc") }),
]);
export type ImportTarget = z.infer<typeof importTargetSchema>;

/** A list of numbers takes every number of a row; an Obzvonilka contact keeps all of a row's numbers. */
export function isPerPhone(target: ImportTarget): boolean {
  return target.kind !== "obzvonilka";
}
