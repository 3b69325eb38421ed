import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { signInAttempts } from "@/lib/db/schema";

export const THROTTLE = { windowMinutes: 15, lockMinutes: 15, perEmail: 5, perIp: 20 } as const;

export async function recordSignInAttempt({ email, ip, success }: { email: string; ip: string; success: boolean }) {
  await (await db()).insert(signInAttempts).values({ email: email.toLowerCase(), ip, success });
}

/**
 * When the email (or the address) is locked out, the moment the lock ends. A lock starts at the failure
 * that made N failures within the window (failures before the last success do not count), and lasts
 * lockMinutes from that failure. Stored in the database, so it holds across restarts and instances.
 */
export async function lockedUntil({ email, ip }: { email: string; ip: string }): Promise<Date | undefined> {
  const database = await db();
  const [byEmail, byIp] = await Promise.all([
    database.execute(lockQuery("email", email.toLowerCase(), THROTTLE.perEmail, true)),
    // A success from an address does not clear its failures: one valid account must not reset the guard.
    database.execute(lockQuery("ip", ip, THROTTLE.perIp, false)),
  ]);
  const ends = [byEmail, byIp]
    .map((r) => (r.rows[0] as { until: string | Date | null } | undefined)?.until)
    .filter((v): v is string | Date => v !== null && v !== undefined)
    .map((v) => new Date(v))
    .filter((d) => d.getTime() > Date.now());
  return ends.sort((a, b) => b.getTime() - a.getTime())[0];
}

function lockQuery(column: "email" | "ip", value: string, limit: number, resetOnSuccess: boolean) {
  const col = sql.identifier(column);
  const window = sql.raw(`interval '${THROTTLE.windowMinutes} minutes'`);
  const lock = sql.raw(`interval '${THROTTLE.lockMinutes} minutes'`);
  return sql`
    with last_success as (
      select coalesce(max(at), '-infinity'::timestamptz) as at from ${signInAttempts}
      where ${col} = ${value} and success and ${resetOnSuccess}
    ),
    failures as (
      select at, count(*) over (order by at range between ${window} preceding and current row) as n
      from ${signInAttempts}
      where ${col} = ${value} and not success
        and at > (select at from last_success)
        and at > now() - ${window} - ${lock}
    )
    select max(at) + ${lock} as until from failures where n >= ${limit}`;
}
