import type { NextAuthConfig } from "next-auth";
import { SESSION_COOKIE } from "@/lib/auth/session-claims";

const production = process.env.NODE_ENV === "production";

/** The part of the Auth.js set-up that needs no database, shared by proxy.ts and auth.ts. */
export const authConfig = {
  pages: { signIn: "/signin" },
  logger: {
    // A wrong password is an everyday event, already counted and audited: Auth.js would log it as an
    // error with a stack trace. Real failures are logged as one line (no stack, no request data).
    error(error) {
      const type = (error as { type?: string }).type ?? error.name;
      if (type === "CredentialsSignin") return;
      const cause = (error.cause as { err?: unknown } | undefined)?.err;
      console.error(`[auth] ${type}: ${error.message}${cause instanceof Error ? ` (${cause.name}: ${cause.message})` : ""}`);
    },
  },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  // The session cookie: out of reach of scripts, not sent on cross-site sub-requests or posts, and in
  // production over https only (browsers count http://localhost as secure, so a local production start works).
  // Auth.js would choose `secure` from the request's scheme, which a proxy without X-Forwarded-Proto hides.
  useSecureCookies: production,
  cookies: { sessionToken: { name: SESSION_COOKIE, options: { httpOnly: true, sameSite: "lax", path: "/", secure: production } } },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; sessionVersion: number };
        token.uid = u.id;
        token.sv = u.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as string, sv: token.sv as number };
    },
  },
} satisfies NextAuthConfig;
