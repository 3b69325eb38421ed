import { auditCount, auditLabelKey } from "@/lib/audit-label";
import { type AuditSubjectPart, auditSubject } from "@/lib/audit-subject";
import type { Metadata } from "next";
import Link from "next/link";
import { Fragment } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { DATE, TIME_SECONDS } from "@/lib/i18n/date-formats";
import { listAudit } from "@/lib/db/queries/audit";

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  await requireUser("admin");
  const t = await getTranslations("audit");
  const format = await getFormatter();
  const { before } = await searchParams;
  const beforeDate = before && !Number.isNaN(Date.parse(before)) ? new Date(before) : undefined;
  const entries = await listAudit({ before: beforeDate, limit: PAGE_SIZE });
  const last = entries.at(-1);
  const actionLabel = (action: string) => {
    const key = `actions.${auditLabelKey(action)}`;
    return t.has(key as never) ? t(key as never) : action;
  };
  return (
    <Card title={t("title")}>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <Table label={t("title")}>
          <thead>
            <tr>
              <Th>{t("when")}</Th>
              <Th>{t("who")}</Th>
              <Th>{t("action")}</Th>
              <Th>{t("target")}</Th>
              <Th>{t("from")}</Th>
              <Th>{t("details")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {entries.map((e) => (
              <tr key={e.id}>
                <Td>
                  {/* Date and time each whole, the line free to break between them: a narrow table keeps the addresses whole. */}
                  <time dateTime={e.at.toISOString()}>
                    <span className="whitespace-nowrap">{format.dateTime(e.at, DATE)},</span> <span className="whitespace-nowrap">{format.dateTime(e.at, TIME_SECONDS)}</span>
                  </time>
                </Td>
                {/* An address is one long word: a long one may break anywhere (or it widens the table past 1280 px),
                    and the column's minimum keeps an ordinary one whole. */}
                <Td className="min-w-48 wrap-anywhere">{e.actorEmail ?? <span className="text-slate-500">{t("system")}</span>}</Td>
                <Td title={e.action}>
                  {actionLabel(e.action)}
                  <Count count={auditCount(e.details)} label={(n) => t("count", { n })} />
                </Td>
                <Td className="min-w-40 wrap-anywhere">
                  <Subject parts={auditSubject(e)} />
                </Td>
                <Td className="font-mono text-xs wrap-anywhere">{e.ip ?? "—"}</Td>
                <Td className="font-mono text-xs">
                  {/* A table cell ignores max-width; a block inside it keeps long details to one cut line. */}
                  {Object.keys(e.details).length > 0 && (
                    <div className="max-w-40 truncate" title={JSON.stringify(e.details)}>
                      {JSON.stringify(e.details)}
                    </div>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <div className="mt-4 flex justify-between text-sm">
        {beforeDate ? (
          <Link href="/settings/audit" className="text-indigo-700 underline">
            {t("newest")}
          </Link>
        ) : (
          <span />
        )}
        {entries.length === PAGE_SIZE && last && (
          <Link href={`/settings/audit?before=${encodeURIComponent(last.at.toISOString())}`} className="text-indigo-700 underline">
            {t("older")} →
          </Link>
        )}
      </div>
    </Card>
  );
}

/** The numbers an entry concerns, under its action: the column the eye reads first, without widening the table. */
function Count({ count, label }: { count: number | null; label: (n: number) => string }) {
  if (count === null) return null;
  return <div className="text-xs text-slate-500 tabular-nums">{label(count)}</div>;
}

/** Names, each a link to its page where it has one; a list run reads "list → batch". */
function Subject({ parts }: { parts: AuditSubjectPart[] }) {
  if (parts.length === 0) return "—";
  return parts.map((part, i) => (
    <Fragment key={`${i}-${part.text}`}>
      {i > 0 && " → "}
      {part.href ? (
        <Link href={part.href} className="text-indigo-700 underline">
          {part.text}
        </Link>
      ) : (
        part.text
      )}
    </Fragment>
  ));
}
