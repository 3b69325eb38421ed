import "server-only";
import { count, desc, eq } from "drizzle-orm";
import type { IvrMenu } from "@/lib/calldog/ivr-menu";
import { db } from "@/lib/db/client";
import { type IvrTemplate, ivrTemplates, users } from "@/lib/db/schema";

export type IvrTemplateRow = Omit<IvrTemplate, "menu"> & { menu: unknown; createdByEmail: string | null };

/** Newest first, a page at a time, with who made each one. */
export async function listIvrTemplates({ limit, offset = 0 }: { limit: number; offset?: number }): Promise<IvrTemplateRow[]> {
  return (await db())
    .select({
      id: ivrTemplates.id,
      name: ivrTemplates.name,
      menu: ivrTemplates.menu,
      createdById: ivrTemplates.createdById,
      createdAt: ivrTemplates.createdAt,
      createdByEmail: users.email,
    })
    .from(ivrTemplates)
    .leftJoin(users, eq(users.id, ivrTemplates.createdById))
    .orderBy(desc(ivrTemplates.createdAt), desc(ivrTemplates.id))
    .limit(limit)
    .offset(offset);
}

export async function countIvrTemplates(): Promise<number> {
  const [row] = await (await db()).select({ n: count() }).from(ivrTemplates);
  return row?.n ?? 0;
}

export async function findIvrTemplate({ id }: { id: string }): Promise<IvrTemplate | undefined> {
  const [row] = await (await db()).select().from(ivrTemplates).where(eq(ivrTemplates.id, id));
  return row;
}

export async function insertIvrTemplate({ template }: { template: { name: string; menu: IvrMenu; createdById: string } }): Promise<IvrTemplate> {
  const [row] = await (await db()).insert(ivrTemplates).values(template).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateIvrTemplate({ id, patch }: { id: string; patch: { name: string; menu: IvrMenu } }): Promise<IvrTemplate | undefined> {
  const [row] = await (await db()).update(ivrTemplates).set(patch).where(eq(ivrTemplates.id, id)).returning();
  return row;
}

export async function deleteIvrTemplate({ id }: { id: string }): Promise<IvrTemplate | undefined> {
  const [row] = await (await db()).delete(ivrTemplates).where(eq(ivrTemplates.id, id)).returning();
  return row;
}
