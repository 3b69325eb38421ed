import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/current-user";
import { signOutAction } from "@/lib/actions/auth";

export async function UserMenu({ user }: { user: SessionUser }) {
  const t = await getTranslations("nav");
  return (
    <div className="space-y-2 border-t border-slate-200 pt-4 text-sm">
      <Link href="/profile" className="block rounded-md px-3 py-1 hover:bg-slate-100" data-testid="current-user">
        <span className="block truncate font-medium text-slate-900" title={user.name || user.email}>
          {user.name || user.email}
        </span>
        {user.name && (
          <span className="block truncate text-xs text-slate-500" title={user.email}>
            {user.email}
          </span>
        )}
        {/* The role on a line of its own: a long e-mail may be cut, the role never. */}
        <span className="block text-xs font-medium text-indigo-700" data-testid="current-user-role">
          {t(`roles.${user.role}`)}
        </span>
      </Link>
      <form action={signOutAction}>
        <button type="submit" className="w-full rounded-md px-3 py-1 text-left text-slate-700 hover:bg-slate-100">
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
