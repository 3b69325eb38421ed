import { db } from "@/lib/db/client";
import { orgSettings } from "@/lib/db/schema";

/** Sets the organisation's calling window (and launch limit) directly, for tests. */
export async function setOrgPolicy({ from, to, limit = 5000 }: { from: string; to: string; limit?: number }): Promise<void> {
  const values = { callingWindowFrom: from, callingWindowTo: to, managerLaunchLimit: limit, updatedAt: new Date() };
  await (await db())
    .insert(orgSettings)
    .values({ id: "org", ...values })
    .onConflictDoUpdate({ target: orgSettings.id, set: values });
}

/** A window open from an hour before `at` to three hours after it, on the wall clock of `timeZone`. */
export function windowAround(at: Date, timeZone = "Europe/Moscow"): { from: string; to: string } {
  const hour = Number(new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", hourCycle: "h23" }).format(at));
  const hh = (h: number) => `${String((h + 24) % 24).padStart(2, "0")}:00`;
  return { from: hh(hour - 1), to: hh(hour + 3) };
}
