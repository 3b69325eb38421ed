import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateUserDialog } from "@/components/settings/create-user-dialog";
import { UsersTable } from "@/components/settings/users-table";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { listUsers } from "@/lib/db/queries/users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const admin = await requireUser("admin");
  const t = await getTranslations("users");
  const users = (await listUsers()).map(({ id, email, name, role, disabled }) => ({ id, email, name, role, disabled }));
  return (
    <Card title={t("title")} actions={<CreateUserDialog />}>
      <UsersTable users={users} currentUserId={admin.id} />
    </Card>
  );
}
