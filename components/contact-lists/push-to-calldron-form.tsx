"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { LazyTaskProgress } from "@/components/tasks/lazy-task-progress";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { pushContactListToCalldron } from "@/lib/actions/contact-lists";

type Choice = { connectionId: string; connectionName: string; id: string; name: string };

/** The kept list's numbers into a Calldron list, as the bulk add's task (screened against do-not-call). */
export function PushToCalldronForm({ listId, choices }: { listId: string; choices: Choice[] }) {
  const t = useTranslations("contactLists");
  const [choice, setChoice] = useState("");
  const [taskId, setTaskId] = useState<string>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  if (taskId) return <LazyTaskProgress taskId={taskId} />;
  if (choices.length === 0) return <p className="text-sm text-slate-600">{t("noCalldronLists")}</p>;
  const push = () =>
    startTransition(async () => {
      const [connectionId, calldronListId] = choice.split("|");
      if (!connectionId || !calldronListId) return;
      const result = await pushContactListToCalldron({ listId, connectionId, calldronListId });
      if (result.ok) setTaskId(result.data.taskId);
      else setError(result.error);
    });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <SelectField label={t("calldronList")} name="calldronList" value={choice} onChange={(e) => setChoice(e.target.value)} className="min-w-64">
          <option value="">{t("choose")}</option>
          {choices.map((c) => (
            <option key={`${c.connectionId}|${c.id}`} value={`${c.connectionId}|${c.id}`}>
              {c.connectionName}: {c.name}
            </option>
          ))}
        </SelectField>
        <Button onClick={push} disabled={!choice || pending} className="mt-6 self-start">
          {t("push")}
        </Button>
      </div>
      {error && <Notice tone="error">{error}</Notice>}
    </div>
  );
}
