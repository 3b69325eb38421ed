import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ApprovalActions } from "@/components/approvals/approval-actions";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Table, Td, Th } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { DATE_TIME } from "@/lib/i18n/date-formats";
import { listApprovals } from "@/lib/db/queries/launch-approvals";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("approvals"))("title") };
}

/** Managers' launches above the limit: the waiting ones to approve or reject, then the latest decisions. */
export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  await requireUser("admin");
  // The decision just made: said here, since its row has moved from the waiting table to the decided one.
  const { done } = await searchParams;
  const t = await getTranslations("approvals");
  const format = await getFormatter();
  const [pending, decided] = await Promise.all([listApprovals({ pending: true }), listApprovals({ pending: false, limit: 20 })]);
  const kind = (k: string) => (t.has(`kinds.${k}` as never) ? t(`kinds.${k}` as never) : k);
  return (
    <div className="space-y-6">
      {(done === "approved" || done === "rejected") && <Notice tone="success">{t(done)}</Notice>}
      <Card title={t("pending")}>
        <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
        {pending.length === 0 ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : (
          <Table label={t("pending")}>
            <thead>
              <tr>
                <Th>{t("launch")}</Th>
                <Th>{t("kind")}</Th>
                <Th className="text-right">{t("numbers")}</Th>
                <Th>{t("requestedBy")}</Th>
                <Th>{t("asked")}</Th>
                <Th />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {pending.map((a) => (
                <tr key={a.id} data-testid="approval-row">
                  <Td className="break-words">{a.title}</Td>
                  <Td>{kind(a.kind)}</Td>
                  <Td className="text-right tabular-nums">{format.number(a.count)}</Td>
                  <Td>{a.requesterEmail ?? "—"}</Td>
                  <Td className="whitespace-nowrap">{format.dateTime(a.createdAt, DATE_TIME)}</Td>
                  <Td>
                    <ApprovalActions id={a.id} title={a.title} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card title={t("decided")}>
        {decided.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noneDecided")}</p>
        ) : (
          <Table label={t("decided")}>
            <thead>
              <tr>
                <Th>{t("launch")}</Th>
                <Th>{t("kind")}</Th>
                <Th className="text-right">{t("numbers")}</Th>
                <Th>{t("requestedBy")}</Th>
                <Th>{t("state")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {decided.map((a) => (
                <tr key={a.id}>
                  <Td className="break-words">{a.title}</Td>
                  <Td>{kind(a.kind)}</Td>
                  <Td className="text-right tabular-nums">{format.number(a.count)}</Td>
                  <Td>{a.requesterEmail ?? "—"}</Td>
                  <Td>
                    <Badge tone={a.state === "approved" ? "green" : "red"}>{t(`states.${a.state}`)}</Badge>{" "}
                    <span className="text-xs text-slate-600">
                      {a.deciderEmail ? t("by", { who: a.deciderEmail }) : ""}
                      {a.reason ? ` — ${a.reason}` : ""}
                    </span>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
