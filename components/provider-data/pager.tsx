import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Previous / next links that keep the other query parameters. */
export async function Pager({ page, hasNext, hrefFor }: { page: number; hasNext: boolean; hrefFor: (page: number) => string }) {
  const t = await getTranslations("providerData");
  if (page <= 1 && !hasNext) return null;
  return (
    <nav aria-label={t("page", { page })} className="mt-4 flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className="text-indigo-700 underline">
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-500">{t("page", { page })}</span>
      {hasNext ? (
        <Link href={hrefFor(page + 1)} className="text-indigo-700 underline">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}
