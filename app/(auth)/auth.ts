import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfig } from "@/app/(auth)/auth.config";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/db/queries/audit";
import { lockedUntil, recordSignInAttempt } from "@/lib/db/queries/sign-in-attempts";
import { findUserByEmail } from "@/lib/db/queries/users";
import { env } from "@/lib/env";
import { ipFromHeaders } from "@/lib/request-ip";
import { secrets } from "@/lib/secrets";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
export class Throttled extends CredentialsSignin {
  code = "throttled";
}

const credentialsSchema = z.object({ email: z.email(), password: z.string().min(1) });

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: secrets().authSecret,
  trustHost: env().AUTH_TRUST_HOST || env().NODE_ENV !== "production" || env().PROZVON_DEMO,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      // The address comes from the request, never from the submitted fields, so it cannot be forged there.
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const { email, password } = parsed.data;
        const ip = ipFromHeaders(request.headers);
        const until = await lockedUntil({ email, ip });
        if (until) {
          await recordAudit({ action: "auth.sign_in_throttled", target: email, ip });
          throw new Throttled();
        }
        const user = await findUserByEmail({ email });
        let ok = false;
        if (user) ok = await verifyPassword(password, user.passwordHash);
        else await burnPasswordCheck(password);
        if (!user || !ok || user.disabled) {
          await recordSignInAttempt({ email, ip, success: false });
          await recordAudit({
            action: "auth.sign_in_failed",
            target: email,
            ip,
            details: { reason: !user ? "unknown_email" : !ok ? "wrong_password" : "disabled" },
          });
          throw new InvalidCredentials();
        }
        await recordSignInAttempt({ email, ip, success: true });
        await recordAudit({ actor: user, action: "auth.sign_in", target: user.email, ip });
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
}));

export const { GET, POST } = handlers;
