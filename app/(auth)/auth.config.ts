import type { NextAuthConfig } from "next-auth";

/** The part of the Auth.js set-up that needs no database, shared by proxy.ts and auth.ts. */
export const authConfig = {
  pages: { signIn: "/signin" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
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
