import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { CalldogUserInfo } from "@/lib/providers/calldog/schema";

const TIME_FIELDS = new Set(["loggedAt", "lastPayAt", "createdAt"]);

/**
 * userInfo is undocumented: the fields the app knows get a label and a format, anything else the service
 * sends is listed under its own name, so nothing it says is hidden.
 */
export async function AccountInfo({ info }: { info: CalldogUserInfo & Record<string, unknown> }) {
  const t = await getTranslations("calldogAccount");
  const format = await getFormatter();
  const entries = Object.entries(info).filter(([key]) => key !== "balance");
  const label = (key: string) => (t.has(`fields.${key}` as never) ? t(`fields.${key}` as never) : key);
  const value = (key: string, v: unknown) => {
    if (v === null || v === undefined || v === "") return "—";
    if (key === "moderation") return <Badge tone={v ? "amber" : "green"}>{v ? t("moderationOn") : t("moderationOff")}</Badge>;
    if (TIME_FIELDS.has(key) && typeof v === "string") return format.dateTime(new Date(v), { dateStyle: "medium", timeStyle: "short" });
    if (typeof v === "boolean") return v ? t("yes") : t("no");
    return typeof v === "object" ? JSON.stringify(v) : String(v);
  };
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-slate-600">{t("balance")}</p>
        <p className="text-3xl font-semibold text-slate-900" data-testid="calldog-balance">
          {format.number(info.balance, { style: "currency", currency: "RUB" })}
        </p>
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {entries.map(([key, v]) => (
          <div key={key} className="contents">
            <dt className="text-slate-500">{label(key)}</dt>
            <dd className="text-slate-900">{value(key, v)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
