import { beforeAll, describe, expect, it } from "vitest";
import { addDncEntries } from "@/lib/db/queries/dnc";
import type { CalldronClient } from "@/lib/providers/calldron/client";
import { COUNT_HELD_BACK_UP_TO, previewListForLaunch } from "@/lib/tasks/calldron-list-preview";
import { setupTestDb } from "@/lib/testing/test-db";

setupTestDb();

/** A Calldron list of these phones, paged as the simulator pages it (past the end: empty, no next). */
function listOf(phones: string[]) {
  const asked: number[] = [];
  const client = {
    subscribersPage: async (_listId: string, page: number, perPage: number) => {
      asked.push(page);
      const start = (page - 1) * perPage;
      const items = phones.slice(start, start + perPage).map((phone, i) => ({ id: String(start + i), listId: "1", phone }));
      return { items, nextPage: start + perPage < phones.length ? page + 1 : null };
    },
  } as unknown as CalldronClient;
  return { client, asked };
}

const number = (i: number) => `+7916${String(i).padStart(7, "0")}`;

beforeAll(async () => {
  await addDncEntries({ entries: [{ phone: number(3) }, { phone: number(150) }] });
});

describe("what a run of a Calldron list would dial, counted before the confirmation", () => {
  it("holds back do-not-call numbers, invalid entries and repeats, across pages, as the run does", async () => {
    // 250 numbers on three pages; two on the do-not-call list, three not numbers, four repeats (one of them on the list).
    const phones = Array.from({ length: 250 }, (_, i) => number(i));
    phones.push("12345", "not a phone", "", number(0), number(1), number(3), `8 916 000-00-02`);
    const { client, asked } = listOf(phones);
    expect(await previewListForLaunch(client, "1")).toEqual({ subscribers: 257, toDial: 248, heldBack: { dnc: 2, invalid: 3, duplicate: 4 } });
    expect(asked).toEqual([1, 2, 3]);
  });

  it("an empty list: nothing to dial, nothing held back", async () => {
    expect(await previewListForLaunch(listOf([]).client, "1")).toEqual({ subscribers: 0, toDial: 0, heldBack: { dnc: 0, invalid: 0, duplicate: 0 } });
  });

  it(`a list longer than ${COUNT_HELD_BACK_UP_TO} is only sized: its held back are counted as the run reads it`, async () => {
    const phones = Array.from({ length: COUNT_HELD_BACK_UP_TO + 1 }, (_, i) => number(i));
    const { client, asked } = listOf(phones);
    expect(await previewListForLaunch(client, "1")).toEqual({ subscribers: COUNT_HELD_BACK_UP_TO + 1, toDial: COUNT_HELD_BACK_UP_TO + 1, heldBack: null });
    // The full read stops at the limit; the size is then found by the doubling search.
    expect(asked.length).toBeLessThan(COUNT_HELD_BACK_UP_TO / 100 + 20);
  });
});
