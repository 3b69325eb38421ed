import { getLocale, getTranslations } from "next-intl/server";

/** Language codes with their names in the interface language (Intl knows them; an unknown code is shown as is). */
export async function LanguagesList({ codes }: { codes: string[] }) {
  const t = await getTranslations("calldogAccount");
  if (codes.length === 0) return <p className="text-sm text-slate-600">{t("noLanguages")}</p>;
  const names = new Intl.DisplayNames([await getLocale()], { type: "language", fallback: "code" });
  const nameOf = (code: string) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t("languages")}>
      {codes.map((code) => (
        <li key={code} className="rounded-md border border-slate-200 px-3 py-1.5 text-sm">
          <span className="font-medium">{nameOf(code)}</span> <span className="font-mono text-xs text-slate-500">{code}</span>
        </li>
      ))}
    </ul>
  );
}
