import { z } from "zod";

/** A do-not-call page's position in the URL: the boundary row's time and id, `2026-11-27T00:00:00.000Z_<uuid>`. */
export function encodeDncCursor(row: { createdAt: Date; id: string }): string {
  return `${row.createdAt.toISOString()}_${row.id}`;
}

const cursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

export function decodeDncCursor(value: string | undefined): { createdAt: Date; id: string } | undefined {
  const parsed = cursorSchema.safeParse(value?.split("_"));
  return parsed.success ? { createdAt: new Date(parsed.data[0]), id: parsed.data[1] } : undefined;
}
