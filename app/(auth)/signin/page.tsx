import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { sessionUser } from "@/lib/auth/current-user";
import { countUsers } from "@/lib/db/queries/users";
import { DEMO_USERS } from "@/lib/demo/accounts";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ from?: string; setup?: string }> }) {
  await connection();
  if ((await countUsers()) === 0) redirect("/setup");
  if (await sessionUser()) redirect("/");
  const { from, setup } = await searchParams;
  const t = await getTranslations("signIn");
  return (
    <div className="space-y-4">
      <Card heading="h1" title={<span className="text-lg">{t("title")}</span>}>
        {setup === "done" && (
          <Notice tone="success" className="mb-4">
            {t("setupDone")}
          </Notice>
        )}
        <SignInForm from={from} />
      </Card>
      {env().PROZVON_DEMO && (
        <Card title={t("demoTitle")}>
          <p className="mb-3 text-sm text-slate-600">{t("demoHint")}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="demo-accounts">
            {DEMO_USERS.map((u) => (
              <div key={u.email} className="contents">
                <dt className="font-medium">{u.role === "admin" ? t("demoAdmin") : t("demoManager")}</dt>
                <dd className="font-mono">
                  {u.email} / {u.password}
                </dd>
              </div>
            ))}
          </dl>
        </Card>
      )}
    </div>
  );
}
