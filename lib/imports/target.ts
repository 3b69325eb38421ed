import { z } from "zod";

/** Where an import goes. */
export const importTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("calldron"), connectionId: z.uuid(), listId: z.string().min(1).max(64), listName: z.string().max(200).default("") }),
  z.object({ kind: z.literal("obzvonilka"), connectionId: z.uuid(), baseId: z.coerce.number().int().positive(), baseName: z.string().max(200).default("") }),
  z.object({ kind: z.literal("app"), listId: z.uuid() }),
  z.object({ kind: z.literal("dnc") }),
]);
export type ImportTarget = z.infer<typeof importTargetSchema>;

/** A list of numbers takes every number of a row; an Obzvonilka contact keeps all of a row's numbers. */
export function isPerPhone(target: ImportTarget): boolean {
  return target.kind !== "obzvonilka";
}

/** A provider target in words for an import's title: the list's or base's name as it was picked, its id when it has none. */
export function providerTargetTitle(target: Extract<ImportTarget, { connectionId: string }>, connectionName: string): string {
  const name = target.kind === "calldron" ? target.listName || target.listId : target.baseName || `#${target.baseId}`;
  return `${connectionName}: ${name}`;
}
