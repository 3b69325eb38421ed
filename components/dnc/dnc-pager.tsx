import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Keyset paging: links carry the boundary row of the page shown, and the search. */
export async function DncPager({ search, newer, older }: { search?: string; newer?: string; older?: string }) {
  const t = await getTranslations("dnc.list");
  if (!newer && !older) return null;
  const href = (key: "before" | "after", cursor: string) => `/dnc?${new URLSearchParams({ ...(search ? { q: search } : {}), [key]: cursor })}`;
  return (
    <nav aria-label={t("pages")} className="mt-4 flex items-center justify-between text-sm">
      {newer ? (
        <Link href={href("after", newer)} className="text-indigo-700 underline">
          {t("newer")}
        </Link>
      ) : (
        <span />
      )}
      {older ? (
        <Link href={href("before", older)} className="text-indigo-700 underline">
          {t("older")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
