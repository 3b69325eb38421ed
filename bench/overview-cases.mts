// The overview's and the comparison's queries as benchmark cases, for bench/calls.mts to time on its seeded
// database (1,000,000 calls on PostgreSQL, 200,000 on PGlite). Each case is one page's worth of one query,
// run against the database handed in. Imported under `tsx --conditions=react-server` (the queries are server-only).
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { PERIODS } from "@/lib/overview/period";
import {
  compareCampaigns,
  loadOverview,
  runningCampaigns,
  searchCampaigns,
} from "@/lib/overview/queries";

const TIME_ZONE = "Europe/Moscow";

export function overviewCases(db: Db): { name: string; run: () => Promise<unknown> }[] {
  const cases = PERIODS.flatMap((period) => {
    const range = { period, timeZone: TIME_ZONE, database: db };
    return [{ name: `overview ${period}: everything (one query)`, run: () => loadOverview(range) }];
  });
  // The three newest campaigns, looked up once (the first run pays for that one indexed read).
  let compared: string[] | undefined;
  const ids = async () => {
    compared ??= ((await db.execute(sql`select id from campaigns order by created_at desc, id limit 3`)).rows as { id: string }[]).map((r) => r.id);
    return compared;
  };
  return [
    ...cases,
    { name: "overview: running campaigns", run: () => runningCampaigns({ database: db }) },
    { name: "compare: 3 campaigns", run: async () => compareCampaigns({ ids: await ids(), database: db }) },
    { name: "compare: campaign search", run: () => searchCampaigns({ query: "a", database: db }) },
  ];
}
