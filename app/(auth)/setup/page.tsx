import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { SetupForm } from "@/components/auth/setup-form";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { countUsers } from "@/lib/db/queries/users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("setup"))("title") };
}

export default async function SetupPage() {
  await connection();
  const t = await getTranslations("setup");
  const done = (await countUsers()) > 0;
  return (
    <Card heading="h1" title={<span className="text-lg">{t("title")}</span>}>
      {done ? (
        <div className="space-y-4">
          <Notice tone="info">{t("alreadyDone")}</Notice>
          <Link href="/signin" className="text-indigo-700 underline">
            {t("toSignIn")}
          </Link>
        </div>
      ) : (
        <>
          <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
          <SetupForm />
        </>
      )}
    </Card>
  );
}
