import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/profile/change-password-form";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { signOutAction } from "@/lib/actions/auth";
import { sessionUser } from "@/lib/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("mustChangeTitle") };
}

/**
 * Where a user signed in with a temporary password (from an admin) is kept until they choose their own:
 * every other page sends them here, every other action and route handler refuses them.
 */
export default async function ChangePasswordPage() {
  const user = await sessionUser();
  if (!user) redirect("/signin");
  if (!user.mustChangePassword) redirect("/");
  const t = await getTranslations("profile");
  return (
    <Card title={<span className="text-lg">{t("mustChangeTitle")}</span>}>
      <Notice tone="warning" className="mb-4">
        {t("mustChange")}
      </Notice>
      <p className="mb-4 text-sm text-slate-600">{user.email}</p>
      <ChangePasswordForm then="/" />
      <form action={signOutAction} className="mt-4">
        <button type="submit" className="text-sm text-slate-600 underline hover:text-slate-900">
          {t("mustChangeSignOut")}
        </button>
      </form>
    </Card>
  );
}
