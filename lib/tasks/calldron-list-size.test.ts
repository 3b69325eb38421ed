import { describe, expect, it } from "vitest";
import type { CalldronClient } from "@/lib/providers/calldron/client";
import { countSubscribers } from "@/lib/tasks/calldron-list-size";

/** A list of `size` subscribers paged as the simulator pages it (100 per page asked; past the end: empty, no next). */
function listOf(size: number) {
  const asked: number[] = [];
  const client = {
    subscribersPage: async (_listId: string, page: number, perPage: number) => {
      asked.push(page);
      const start = (page - 1) * perPage;
      const items = Array.from({ length: Math.max(0, Math.min(perPage, size - start)) }, (_, i) => ({ id: String(start + i), listId: "1", phone: "+79160000000" }));
      return { items, nextPage: start + perPage < size ? page + 1 : null };
    },
  } as unknown as CalldronClient;
  return { client, asked };
}

describe("countSubscribers", () => {
  it.each([0, 1, 99, 100, 101, 200, 201, 777, 1_600, 50_000, 50_001])("counts a list of %i", async (size) => {
    const { client, asked } = listOf(size);
    expect(await countSubscribers(client, "1")).toBe(size);
    const pages = Math.max(1, Math.ceil(size / 100));
    expect(asked.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(pages)) + 2);
  });
});
