import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { Sidebar } from "@/components/shell/sidebar";
import { UserMenu } from "@/components/shell/user-menu";
import { requireUser } from "@/lib/auth/current-user";
import { countPendingApprovals } from "@/lib/db/queries/launch-approvals";

/**
 * The shell's client components get the namespaces listed here; each area's layout (or page) hands its own
 * client components theirs (lib/i18n/client-namespaces.test.ts).
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations();
  const pendingApprovals = user.role === "admin" ? await countPendingApprovals() : 0;
  return (
    <ClientMessages namespaces={["approvals", "calldogHub", "locale", "nav"]}>
    <div className="flex min-h-screen flex-col md:flex-row">
      {/* The column (white, with its border) runs the page's full height; its content stays in view and
          scrolls on its own when the window is too short for it. */}
      <aside className="shrink-0 border-b border-slate-200 bg-white md:w-60 md:border-r md:border-b-0">
        <div className="flex flex-col gap-4 p-4 md:sticky md:top-0 md:h-screen md:overflow-y-auto">
          <div className="flex items-center justify-between gap-2">
            <Link href="/" className="text-lg font-bold text-indigo-700">
              {t("app.name")}
            </Link>
            <LocaleSwitch className="md:hidden" />
          </div>
          <Sidebar isAdmin={user.role === "admin"} pendingApprovals={pendingApprovals} />
          <div className="mt-auto hidden space-y-3 md:block">
            <LocaleSwitch className="block px-3" />
            <UserMenu user={user} />
          </div>
        </div>
      </aside>
      <main className="min-w-0 flex-1 p-4 md:p-8">
        {children}
        <div className="mt-8 md:hidden">
          <UserMenu user={user} />
        </div>
      </main>
    </div>
    </ClientMessages>
  );
}
