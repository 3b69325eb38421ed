import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { type OrgSettings, orgSettings } from "@/lib/db/schema";
import { DEFAULT_CALLING_WINDOW } from "@/lib/dialing/calling-window";

export type DialingPolicy = Pick<OrgSettings, "callingWindowFrom" | "callingWindowTo" | "managerLaunchLimit"> & {
  updatedAt: Date | null;
};

export const DEFAULT_MANAGER_LAUNCH_LIMIT = 5000;

const ORG = "org";

export async function readDialingPolicy(): Promise<DialingPolicy> {
  const [row] = await (await db()).select().from(orgSettings).where(eq(orgSettings.id, ORG));
  return row
    ? { callingWindowFrom: row.callingWindowFrom, callingWindowTo: row.callingWindowTo, managerLaunchLimit: row.managerLaunchLimit, updatedAt: row.updatedAt }
    : { callingWindowFrom: DEFAULT_CALLING_WINDOW.from, callingWindowTo: DEFAULT_CALLING_WINDOW.to, managerLaunchLimit: DEFAULT_MANAGER_LAUNCH_LIMIT, updatedAt: null };
}

export async function saveDialingPolicy({
  policy,
  userId,
}: {
  policy: Pick<OrgSettings, "callingWindowFrom" | "callingWindowTo" | "managerLaunchLimit">;
  userId: string;
}): Promise<void> {
  const values = { ...policy, updatedBy: userId, updatedAt: new Date() };
  await (await db())
    .insert(orgSettings)
    .values({ id: ORG, ...values })
    .onConflictDoUpdate({ target: orgSettings.id, set: values });
}
