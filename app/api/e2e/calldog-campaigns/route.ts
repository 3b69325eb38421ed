import { NextResponse } from "next/server";
import { z } from "zod";
import { currentUser } from "@/lib/auth/current-user";
import { ivrMenuSchema } from "@/lib/calldog/ivr-menu-schema";
import { recordCreatedCalls } from "@/lib/db/queries/calls";
import { insertCampaign } from "@/lib/db/queries/campaign-results";
import { findConnection } from "@/lib/db/queries/connections";
import { env } from "@/lib/env";
import { scheduleCalldogSync } from "@/lib/jobs/calldog-sync";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  connectionId: z.uuid(),
  name: z.string().trim().min(1).max(200),
  settings: z
    .object({ menu: ivrMenuSchema.optional(), message: z.unknown().optional(), callerId: z.string().max(40).nullable().optional(), record: z.boolean().optional() })
    .default({}),
  calls: z.array(z.object({ providerCallId: z.string().regex(/^\d{1,18}$/), phone: z.string().regex(/^\+\d{8,15}$/) })).max(1000),
  /** Queue the status sync as a launch does; off to show what "refresh now" alone brings. */
  scheduleSync: z.boolean().default(false),
});

/**
 * End-to-end fixture, closed (404) unless E2E_FIXTURES is set: stores a Calldog campaign made of calls the
 * spec created on the simulator itself, the way the wizard's launch stores them, so that the results page can
 * be tested apart from the wizard. Admins only.
 */
export async function POST(request: Request) {
  if (!env().E2E_FIXTURES) return NextResponse.json({ ok: false }, { status: 404 });
  const user = await currentUser();
  if (user?.role !== "admin") return NextResponse.json({ ok: false }, { status: 403 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ ok: false }, { status: 400 });
  const input = parsed.data;
  const connection = await findConnection({ id: input.connectionId });
  if (connection?.provider !== "calldog") return NextResponse.json({ ok: false }, { status: 404 });
  const now = new Date();
  const campaign = await insertCampaign({
    campaign: { provider: "calldog", connectionId: connection.id, name: input.name, ownerId: user.id, state: "launched", settings: input.settings, launchedAt: now },
  });
  await recordCreatedCalls({ connectionId: connection.id, provider: "calldog", campaignId: campaign.id, created: input.calls });
  if (input.scheduleSync) await scheduleCalldogSync(connection.id);
  return NextResponse.json({ ok: true, id: campaign.id });
}
