import "server-only";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { sessionClaims, sessionTokenFrom } from "@/lib/auth/session-claims";
import { databaseOutage } from "@/lib/db/outage";
import { findUserById } from "@/lib/db/queries/users";
import type { Role, User } from "@/lib/db/schema";
import { secrets } from "@/lib/secrets";

export type SessionUser = Pick<User, "id" | "email" | "name" | "role" | "locale" | "mustChangePassword" | "timeZone">;

/**
 * The signed-in user who may use the app, re-read from the database on every request: a disabled user, or
 * one whose sessions were invalidated (role change, password reset), is signed out on the next request; one
 * who must change a temporary password counts as nobody here (route handlers answer 401, actions refuse)
 * until they have — only the change-password page and its action use `sessionUser()`.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const user = await sessionUser();
  return user && !user.mustChangePassword ? user : null;
});

/**
 * A user's row, read once per request: the session check reads it, and a page that needs more of the
 * signed-in user's row (their test phone…) gets the same one. Pages only — an action that writes the row
 * reads it afresh.
 */
export const userRowById = cache(async (id: string): Promise<User | undefined> => findUserById({ id }));

/** The signed-in user, including one who must change their password first. */
export const sessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await sessionClaims(sessionTokenFrom((await cookies()).getAll()), secrets().authSecret);
  if (!session) return null;
  // Every signed-in page reads this first: an outage here reaches the error page as itself (its digest), not as a
  // wrapped query error.
  const user = await userRowById(session.uid).catch((error: unknown) => {
    throw databaseOutage(error) ?? error;
  });
  if (!user || user.disabled || user.sessionVersion !== session.sv) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    mustChangePassword: user.mustChangePassword,
    timeZone: user.timeZone,
  };
});

/**
 * For pages: sends an anonymous visitor to sign-in, a user with a temporary password to change it, and
 * answers 403 to the wrong role.
 */
export async function requireUser(role?: Role): Promise<SessionUser> {
  const user = await sessionUser();
  if (!user) redirect("/signin");
  if (user.mustChangePassword) redirect("/change-password");
  if (role && user.role !== role) forbidden();
  return user;
}
