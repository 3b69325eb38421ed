import { NextResponse } from "next/server";
import { z } from "zod";
import { currentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { listConnectionSummaries } from "@/lib/db/queries/connections";
import type { Provider } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { DEFAULT_TIME_ZONE, isTimeZone } from "@/lib/i18n/time-zones";
import { seedOverviewFixture } from "@/lib/testing/overview-fixture";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ suffix: z.string().regex(/^[\w-]{1,40}$/) });

/**
 * Seeds the overview's known campaigns and calls (lib/testing/overview-fixture.ts) on the first connection of
 * each provider, named with `suffix`, for the end-to-end spec. Exists only when E2E_FIXTURES is set (the e2e
 * server), and only for an administrator; otherwise a 404.
 */
export async function POST(request: Request) {
  const user = env().E2E_FIXTURES ? await currentUser() : null;
  if (user?.role !== "admin") return NextResponse.json({ ok: false }, { status: 404 });
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return NextResponse.json({ ok: false }, { status: 400 });
  const summaries = await listConnectionSummaries();
  const connections = {} as Record<Provider, string>;
  for (const provider of ["calldron", "calldog", "obzvonilka"] as const) {
    const first = summaries.find((c) => c.provider === provider);
    if (!first) return NextResponse.json({ ok: false, missing: provider }, { status: 409 });
    connections[provider] = first.id;
  }
  const s = body.data.suffix;
  const ids = await seedOverviewFixture({
    database: await db(),
    connections,
    timeZone: isTimeZone(user.timeZone) ? user.timeZone : DEFAULT_TIME_ZONE,
    names: { a: `Spring sale ${s}`, b: `Survey ${s}`, c: `Base callback ${s}`, d: `Launching ${s}` },
  });
  return NextResponse.json({ ok: true, ids });
}
