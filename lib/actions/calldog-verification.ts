"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { type CalldogFailure, calldogFailure, outcomeUnknown } from "@/lib/calldog/provider-failure";
import { recordAudit } from "@/lib/db/queries/audit";
import { findConnection } from "@/lib/db/queries/connections";
import { insertPhoneVerification } from "@/lib/db/queries/phone-verifications";
import type { Connection } from "@/lib/db/schema";
import { mayDial } from "@/lib/dialing/screen";
import { SafeError } from "@/lib/errors";
import { clientFor } from "@/lib/providers/connection-clients";
import { toE164 } from "@/lib/providers/phone";
import { requestIp } from "@/lib/request-ip";

export type VerificationResult =
  | { outcome: "sent"; phone: string; code: string | null }
  | { outcome: "held_back"; phone: string }
  | { outcome: "failed" | "unknown"; phone: string; failure: CalldogFailure };

const schema = z.object({
  connectionId: z.uuid("calldogConnectionRequired"),
  phone: z
    .string()
    .trim()
    .min(1, "phoneRequired")
    .max(40, "phoneInvalid")
    .transform((v, ctx) => {
      const e164 = toE164(v);
      if (!e164) ctx.addIssue({ code: "custom", message: "phoneInvalid" });
      return e164 ?? v;
    }),
});

/**
 * FlashOnCall: Calldog calls the number and the caller id's last digits are the code. It dials, so the
 * do-not-call list is checked first; it is never retried, since a lost answer may mean the call was made.
 * Every attempt is kept in the history and the audit log, whatever the outcome.
 */
export const requestPhoneVerification = action({ role: "any", schema }, async ({ connectionId, phone }, user): Promise<VerificationResult> => {
  const connection = await findConnection({ id: connectionId });
  if (connection?.provider !== "calldog") throw new SafeError("calldogConnectionRequired");
  const result = await verify(connection as Connection & { provider: "calldog" }, phone);
  await insertPhoneVerification({
    verification: {
      connectionId,
      phone,
      code: result.outcome === "sent" ? result.code : null,
      outcome: result.outcome,
      raw: result.outcome === "failed" || result.outcome === "unknown" ? result.failure : result.outcome === "sent" ? { code: result.code } : null,
      requestedById: user.id,
    },
  });
  await recordAudit({
    actor: user,
    action: "calldog.phone_verification",
    target: phone,
    ip: await requestIp(),
    details: { connection: connection.name, count: 1, outcome: result.outcome, ...(result.outcome === "failed" || result.outcome === "unknown" ? { reason: result.failure.reason } : {}) },
  });
  revalidatePath("/calldog/verify");
  return result;
});

async function verify(connection: Connection & { provider: "calldog" }, phone: string): Promise<VerificationResult> {
  const screened = await mayDial({ phone });
  if (!screened.ok) return { outcome: "held_back", phone };
  try {
    const check = await clientFor(connection).confirmPhone(phone);
    return { outcome: "sent", phone, code: check.code };
  } catch (error) {
    const failure = calldogFailure(error);
    if (failure.reason === "unexpected") console.error("[calldog] confirmPhone failed:", error instanceof Error ? error.name : "unknown");
    return { outcome: outcomeUnknown(failure) ? "unknown" : "failed", phone, failure };
  }
}
