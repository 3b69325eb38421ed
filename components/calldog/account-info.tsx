import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { DATE_TIME } from "@/lib/i18n/date-formats";
import type { CalldogUserInfo } from "@/lib/providers/calldog/schema";

const TIME_FIELDS = new Set(["loggedAt", "lastPayAt", "createdAt"]);

/**
 * userInfo is undocumented: the fields the app knows get a label and a format, anything else the service
 * sends is listed under its own name, so nothing it says is hidden.
 */
export async function AccountInfo({ info }: { info: CalldogUserInfo & Record<string, unknown> }) {
  const t = await getTranslations("calldogAccount");
  const format = await getFormatter();
  const known = Object.entries(info).filter(([key]) => !["balance", "currency", "raw"].includes(key));
  // Whatever else the service sent, under its own name, so that nothing it says is hidden.
  const raw = payloadFields(info.raw);
  const extra = Object.entries(raw).filter(([key]) => !(key in info) && key !== "balance");
  const entries = [...known, ...extra];
  const label = (key: string) => (t.has(`fields.${key}` as never) ? t(`fields.${key}` as never) : key);
  const value = (key: string, v: unknown) => {
    if (v === null || v === undefined || v === "") return "—";
    if (key === "moderation") return <Badge tone={v ? "amber" : "green"}>{v ? t("moderationOn") : t("moderationOff")}</Badge>;
    if (TIME_FIELDS.has(key) && typeof v === "string") return format.dateTime(new Date(v), DATE_TIME);
    if (typeof v === "boolean") return v ? t("yes") : t("no");
    return typeof v === "object" ? JSON.stringify(v) : String(v);
  };
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-slate-600">{t("balance")}</p>
        <p className="text-3xl font-semibold text-slate-900" data-testid="calldog-balance">
          {info.balance === null ? "—" : format.number(info.balance, { style: "currency", currency: info.currency ?? "RUB" })}
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

/** The answer's payload as fields: the envelope's `data` when there is one, else the answer itself. */
function payloadFields(raw: unknown): Record<string, unknown> {
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isRecord(raw)) return {};
  if (isRecord(raw.data)) return raw.data;
  const { status: _status, ...rest } = raw;
  return rest;
}
