import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { db, getDb } from "@/lib/db/client";
import { type NewUser, type Role, type User, users } from "@/lib/db/schema";

const FIRST_ADMIN_LOCK = 7_240_002;

export async function findUserByEmail({ email }: { email: string }): Promise<User | undefined> {
  const [row] = await (await db()).select().from(users).where(eq(users.email, email.toLowerCase()));
  return row;
}

export async function findUserById({ id }: { id: string }): Promise<User | undefined> {
  const [row] = await (await db()).select().from(users).where(eq(users.id, id));
  return row;
}

export async function listUsers(): Promise<User[]> {
  return (await db()).select().from(users).orderBy(asc(users.email));
}

export async function countUsers(): Promise<number> {
  const [row] = await (await db()).select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export async function insertUser({ user }: { user: NewUser }): Promise<User> {
  const [row] = await (await db())
    .insert(users)
    .values({ ...user, email: user.email.toLowerCase() })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/**
 * Creates the first admin only while no user exists. Two racing requests are serialised by an
 * advisory lock held over the check and the insert, so exactly one of them wins.
 */
export async function insertFirstAdmin({ user }: { user: Omit<NewUser, "role"> }): Promise<User | undefined> {
  const { db: database, raw } = await getDb();
  return raw.withAdvisoryLock(FIRST_ADMIN_LOCK, () =>
    database.transaction(async (tx) => {
      const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
      if ((existing?.n ?? 0) > 0) return undefined;
      const [row] = await tx
        .insert(users)
        .values({ ...user, email: user.email.toLowerCase(), role: "admin" })
        .returning();
      return row;
    }),
  );
}

export async function updateUser({
  id,
  patch,
  invalidateSessions = false,
}: {
  id: string;
  patch: Partial<Pick<User, "role" | "disabled" | "passwordHash" | "mustChangePassword" | "locale" | "name" | "timeZone" | "testPhone">>;
  invalidateSessions?: boolean;
}): Promise<User | undefined> {
  const [row] = await (await db())
    .update(users)
    .set({
      ...patch,
      updatedAt: new Date(),
      ...(invalidateSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
    })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export async function countActiveAdmins(): Promise<number> {
  const [row] = await (await db())
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(sql`${users.role} = 'admin' and not ${users.disabled}`);
  return row?.n ?? 0;
}

export type { Role };
