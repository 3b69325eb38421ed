import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type CallStatus, calls, campaigns, type Provider, tasks } from "@/lib/db/schema";

/**
 * A known set of campaigns and calls spread over 31 days and three providers, for the overview's tests (Vitest
 * and, through /api/testing/overview-fixture, the end-to-end spec). Call times are local times in `timeZone`,
 * `day` days before the day of `now`; the figures they make are written out in lib/overview/queries.test.ts:
 *
 * | campaign          | today                                                     | earlier                                  |
 * |-------------------|-----------------------------------------------------------|------------------------------------------|
 * | A (Calldron)      | answered 60 s·1, answered 120 s·2, busy, failed, no answer, busy 00:30 | −1 23:30 answered 45 s·1; −6 answered 20 s·3; −30 answered 999 s |
 * | B (Calldog)       | answered 30 s·1, queued (not final)                       | −3 answered 100 s·1, −3 no answer; −7 busy |
 * | C (Obzvonilka)    | answered 90 s, canceled                                   | −3 failed; −29 answered 10 s             |
 * | none (Calldog)    | answered 50 s                                             |                                          |
 * | D (Calldog)       | no calls, its launch task queued                           |                                          |
 */
export type OverviewFixtureCampaigns = Record<"a" | "b" | "c" | "d", string>;

type FixtureCall = {
  campaign: "a" | "b" | "c" | null;
  status: CallStatus;
  day: number;
  time: string;
  duration?: number;
  ivr?: string;
};

export const OVERVIEW_FIXTURE_CALLS: FixtureCall[] = [
  { campaign: "a", status: "answered", day: 0, time: "09:10", duration: 60, ivr: "1" },
  { campaign: "a", status: "answered", day: 0, time: "09:40", duration: 120, ivr: "2" },
  { campaign: "a", status: "busy", day: 0, time: "10:05" },
  { campaign: "a", status: "failed", day: 0, time: "10:20" },
  { campaign: "a", status: "no_answer", day: 0, time: "14:00" },
  { campaign: "a", status: "busy", day: 0, time: "00:30" },
  { campaign: "b", status: "answered", day: 0, time: "11:00", duration: 30, ivr: "1" },
  { campaign: "b", status: "queued", day: 0, time: "14:50" },
  { campaign: "c", status: "answered", day: 0, time: "12:30", duration: 90 },
  { campaign: "c", status: "canceled", day: 0, time: "13:00" },
  { campaign: null, status: "answered", day: 0, time: "13:30", duration: 50 },
  { campaign: "a", status: "answered", day: 1, time: "23:30", duration: 45, ivr: "1" },
  { campaign: "b", status: "answered", day: 3, time: "10:00", duration: 100, ivr: "1" },
  { campaign: "b", status: "no_answer", day: 3, time: "10:10" },
  { campaign: "c", status: "failed", day: 3, time: "11:00" },
  { campaign: "a", status: "answered", day: 6, time: "09:00", duration: 20, ivr: "3" },
  { campaign: "b", status: "busy", day: 7, time: "10:00" },
  { campaign: "c", status: "answered", day: 29, time: "10:00", duration: 10 },
  { campaign: "a", status: "answered", day: 30, time: "10:00", duration: 999 },
];

const FINAL: CallStatus[] = ["answered", "busy", "no_answer", "failed", "canceled"];

export async function seedOverviewFixture({
  database,
  connections,
  now = new Date(),
  timeZone,
  names = { a: "Spring sale", b: "Survey", c: "Base callback", d: "Launching" },
}: {
  database: Db;
  connections: Record<Provider, string>;
  now?: Date;
  timeZone: string;
  names?: Record<"a" | "b" | "c" | "d", string>;
}): Promise<OverviewFixtureCampaigns> {
  const providerOf = { a: "calldron", b: "calldog", c: "obzvonilka", d: "calldog" } as const;
  const [task] = await database.insert(tasks).values({ kind: "calldog-launch", title: names.d, state: "queued" }).returning({ id: tasks.id });
  const ids = {} as OverviewFixtureCampaigns;
  for (const key of ["a", "b", "c", "d"] as const) {
    const provider = providerOf[key];
    const [row] = await database
      .insert(campaigns)
      .values({
        provider,
        connectionId: connections[provider],
        name: names[key],
        // A Calldron campaign mirrors a batch: its page is found by the batch id.
        providerRef: key === "a" ? `fixture-${now.getTime()}` : null,
        state: "launched",
        launchTaskId: key === "d" ? task?.id : null,
      })
      .returning({ id: campaigns.id });
    ids[key] = row?.id as string;
  }
  const today = sql`date_trunc('day', ${now.toISOString()}::timestamptz at time zone ${timeZone})`;
  await database.insert(calls).values(
    OVERVIEW_FIXTURE_CALLS.map((c, i) => {
      const [hours, minutes] = c.time.split(":").map(Number);
      const at = sql`(${today} - make_interval(days => ${c.day}::int) + make_interval(hours => ${hours}::int, mins => ${minutes}::int)) at time zone ${timeZone}`;
      const provider = c.campaign ? providerOf[c.campaign] : "calldog";
      const final = FINAL.includes(c.status);
      return {
        provider,
        connectionId: connections[provider],
        campaignId: c.campaign ? ids[c.campaign] : null,
        providerCallId: `fixture-${now.getTime()}-${i}`,
        phone: `+7916${String(1_000_000 + i).padStart(7, "0")}`,
        status: c.status,
        rawStatus: c.status,
        final,
        durationSeconds: c.duration ?? null,
        // A queued call has not been dialed: its time is when it was recorded.
        dialedAt: c.status === "queued" ? null : at,
        answeredAt: c.status === "answered" ? at : null,
        endedAt: final ? at : null,
        ivrAnswer: c.ivr ?? null,
        createdAt: at,
      };
    }),
  );
  return ids;
}
