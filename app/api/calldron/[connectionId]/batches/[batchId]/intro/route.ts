import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { currentUser } from "@/lib/auth/current-user";
import { providerSafeError } from "@/lib/campaigns/provider-safe-error";
import { findConnection } from "@/lib/db/queries/connections";
import type { Connection } from "@/lib/db/schema";
import type { SafeError } from "@/lib/errors";
import { clientFor } from "@/lib/providers/connection-clients";
import { ProviderError } from "@/lib/providers/provider-error";

export const dynamic = "force-dynamic";

const PASSED_ON = ["content-type", "content-length", "content-range", "accept-ranges"];

/**
 * The intro of a batch made outside the app, streamed from the provider's `intro_url` (behind the account's
 * key) with `Range` passed on. The browser never sees the key or the provider's address.
 */
export async function GET(request: Request, { params }: { params: Promise<{ connectionId: string; batchId: string }> }) {
  const t = await getTranslations("batchErrors");
  if (!(await currentUser())) return NextResponse.json({ error: (await getTranslations("audioUpload.errors"))("unauthenticated") }, { status: 401 });
  const { connectionId, batchId } = await params;
  const connection = z.uuid().safeParse(connectionId).success ? await findConnection({ id: connectionId }) : undefined;
  if (connection?.provider !== "calldron") return NextResponse.json({ error: t("notFound") }, { status: 404 });
  const client = clientFor(connection as Connection & { provider: "calldron" }, { signal: request.signal });
  try {
    const batch = (await client.listBatches()).find((b) => b.id === batchId);
    if (!batch?.introUrl) return NextResponse.json({ error: t("notFound") }, { status: 404 });
    const upstream = await client.recording(batch.introUrl, request.headers.get("range") ?? undefined);
    const headers = new Headers({ "cache-control": "private, no-store" });
    for (const name of PASSED_ON) {
      const value = upstream.headers.get(name);
      if (value) headers.set(name, value);
    }
    return new Response(upstream.body, { status: upstream.status, headers });
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    const safe = providerSafeError(error) as SafeError;
    return NextResponse.json({ error: (await getTranslations())(safe.messageKey, safe.values) }, { status: error.kind === "not_found" ? 404 : 502 });
  }
}
