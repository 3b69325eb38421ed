"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { RunListConfirm, type RunTarget } from "@/components/tasks/run-list-confirm";
import { RunListSummary } from "@/components/tasks/run-list-summary";
import { TaskProgress } from "@/components/tasks/task-progress";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { getRunListChoices, listRunListTasks } from "@/lib/actions/calldron-run-list";

/**
 * Runs a Calldron list through a batch of the same connection: pick what was not given, confirm (naming the
 * list, the batch and the count), then watch the run; the latest runs come back after a reload.
 */
export function RunListPanel({ connectionId, batchId, listId }: { connectionId: string; batchId?: string; listId?: string }) {
  const t = useTranslations("runList");
  const queryClient = useQueryClient();
  const [list, setList] = useState(listId ?? "");
  const [batch, setBatch] = useState(batchId ?? "");
  const [target, setTarget] = useState<RunTarget | null>(null);
  const [shownTaskId, setShownTaskId] = useState<string | null>(null);

  const choices = useQuery({
    queryKey: ["run-list-choices", connectionId],
    queryFn: async () => unwrap(await getRunListChoices({ connectionId })),
  });
  const runsKey = ["run-list-runs", connectionId, batchId ?? null, listId ?? null];
  const runs = useQuery({
    queryKey: runsKey,
    queryFn: async () => unwrap(await listRunListTasks({ connectionId, batchId, listId })),
  });

  const read = choices.data?.read;
  const lists = read?.ok ? read.data.lists : [];
  const batches = read?.ok ? read.data.batches : [];
  const current = shownTaskId ?? runs.data?.[0]?.id ?? null;
  const older = (runs.data ?? []).filter((r) => r.id !== current);

  return (
    <div className="space-y-6">
      <Card title={t("title")}>
        <div className="space-y-4">
          {choices.isPending && <p className="text-sm text-slate-600">{t("loadingChoices")}</p>}
          {choices.error && <Notice tone="error">{choices.error.message}</Notice>}
          {read && !read.ok && <Notice tone="error">{t("readFailed", { reason: t(`problems.${read.problem}`) })}</Notice>}
          {read?.ok && (
            <form
              className="flex flex-wrap items-end gap-3"
              onSubmit={(event) => {
                event.preventDefault();
                if (list && batch) setTarget({ connectionId, listId: list, batchId: batch });
              }}
            >
              {listId === undefined ? (
                <SelectField label={t("list")} name="list" value={list} onChange={(e) => setList(e.target.value)} help={t("listHelp")} className="min-w-72" required>
                  <option value="">{lists.length ? t("chooseList") : t("noLists")}</option>
                  {lists.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name}
                    </option>
                  ))}
                </SelectField>
              ) : (
                <Fixed label={t("list")} value={lists.find((l) => l.id === listId)?.name ?? listId} />
              )}
              {batchId === undefined ? (
                <SelectField label={t("batch")} name="batch" value={batch} onChange={(e) => setBatch(e.target.value)} help={t("batchHelp")} className="min-w-72" required>
                  <option value="">{batches.length ? t("chooseBatch") : t("noBatches")}</option>
                  {batches.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name}
                    </option>
                  ))}
                </SelectField>
              ) : (
                <Fixed label={t("batch")} value={batches.find((b) => b.id === batchId)?.name ?? batchId} />
              )}
              <Button type="submit" disabled={!list || !batch}>
                {t("start")}
              </Button>
            </form>
          )}
          <p className="text-xs text-slate-500">{t("rules")}</p>
        </div>
      </Card>

      <Card title={batchId ? t("runs") : t("runsOfList")}>
        {runs.isPending && <p className="text-sm text-slate-600">{t("taskProgress.loading")}</p>}
        {runs.error && <Notice tone="error">{runs.error.message}</Notice>}
        {runs.data && !current && <p className="text-sm text-slate-600">{t("noRuns")}</p>}
        {current && (
          <section className="space-y-4" aria-label={t("summaryTitle")} data-testid="run-list-current">
            <TaskProgress taskId={current} />
            <RunListSummary taskId={current} />
          </section>
        )}
        {older.length > 0 && (
          <ul className="mt-6 divide-y divide-slate-100 border-t border-slate-200 text-sm">
            {older.map((run) => (
              <li key={run.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>{t("runTitle", { list: run.listName, batch: run.batchName })}</span>
                <span className="flex items-center gap-3">
                  <Badge>{t(`taskProgress.states.${run.state}`)}</Badge>
                  <span className="tabular-nums text-slate-600">{t("taskProgress.count", { processed: run.processed, total: run.total })}</span>
                  <Button size="sm" variant="ghost" onClick={() => setShownTaskId(run.id)}>
                    {t("showRun")}
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      {target && (
        <RunListConfirm
          target={target}
          onClose={() => setTarget(null)}
          onShow={(taskId) => {
            setTarget(null);
            setShownTaskId(taskId);
            void queryClient.invalidateQueries({ queryKey: runsKey });
          }}
        />
      )}
    </div>
  );
}

function Fixed({ label, value }: { label: string; value: string }) {
  return (
    <div className="min-w-48 space-y-1">
      <span className="block text-sm font-medium text-slate-700">{label}</span>
      <span className="block py-2 text-sm text-slate-900">{value}</span>
    </div>
  );
}

function unwrap<T>(result: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.data;
}
