import { NextResponse } from "next/server";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * The benchmark's ceiling (bench/webhooks.mts): parse the JSON and answer 200, nothing else. It exists only
 * when BENCH_ROUTES is set, which no production deployment does; otherwise it is a 404.
 */
export async function POST(request: Request) {
  if (!env().BENCH_ROUTES) return NextResponse.json({ ok: false }, { status: 404 });
  try {
    JSON.parse(await request.text());
  } catch {
    return NextResponse.json({ ok: false }, { status: 400 });
  }
  return NextResponse.json({ ok: true });
}

/** The page benchmark's trivial route (bench/pages.mts): answer 200, nothing else. */
export async function GET() {
  if (!env().BENCH_ROUTES) return NextResponse.json({ ok: false }, { status: 404 });
  return NextResponse.json({ ok: true });
}
