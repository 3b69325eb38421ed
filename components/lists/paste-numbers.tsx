"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { LazyAddSummary } from "@/components/lists/lazy-add-summary";
import { PastePreviewView } from "@/components/lists/paste-preview";
import { LazyTaskProgress } from "@/components/tasks/lazy-task-progress";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { type PastePreview, previewSubscribers, startAddSubscribers } from "@/lib/actions/calldron-lists";

/**
 * Many numbers at once: pasted, checked (valid, invalid, duplicates, do-not-call) before anything is sent, then
 * added by a background task whose progress and summary stay on the page (its id is in the URL for reloads).
 */
export function PasteNumbers({ connectionId, listId, initialTaskId }: { connectionId: string; listId: string; initialTaskId?: string }) {
  const t = useTranslations("listPage");
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState("");
  const [preview, setPreview] = useState<PastePreview>();
  const [taskId, setTaskId] = useState(initialTaskId);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  if (taskId) {
    return (
      <div className="space-y-4">
        <LazyTaskProgress taskId={taskId} />
        <LazyAddSummary
          taskId={taskId}
          onFinished={() => router.refresh()}
          onAgain={() => {
            setTaskId(undefined);
            setPreview(undefined);
            setText("");
            router.replace(`/lists/calldron/${connectionId}/${listId}`, { scroll: false });
          }}
        />
      </div>
    );
  }

  const check = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await previewSubscribers({ text });
      if (result.ok) setPreview(result.data);
      else setError(result.fieldErrors?.text ?? result.error);
    });
  const start = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await startAddSubscribers({ connectionId, listId, text });
      if (!result.ok) return setError(result.fieldErrors?.text ?? result.error);
      setTaskId(result.data.taskId);
      router.replace(`/lists/calldron/${connectionId}/${listId}?task=${result.data.taskId}`, { scroll: false });
    });

  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          {t("pasteLabel")}
        </label>
        <textarea
          id={id}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setPreview(undefined);
          }}
          rows={6}
          aria-describedby={`${id}-help`}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30"
          placeholder={"+7 999 777-88-55\n8 (999) 777-88-56; 9997778857"}
        />
        <p id={`${id}-help`} className="text-xs text-slate-500">
          {t("pasteHelp")}
        </p>
      </div>
      {error && <Notice tone="error">{error}</Notice>}
      {preview ? (
        <>
          <PastePreviewView preview={preview} />
          <div className="flex flex-wrap gap-2">
            <Button onClick={start} disabled={pending || preview.valid === 0}>
              {pending ? t("starting") : t("addMany", { n: preview.valid - preview.dnc.count })}
            </Button>
            <Button variant="secondary" onClick={() => setPreview(undefined)} disabled={pending}>
              {t("editNumbers")}
            </Button>
          </div>
        </>
      ) : (
        <Button variant="secondary" onClick={check} disabled={pending || text.trim() === ""}>
          {pending ? t("checking") : t("checkNumbers")}
        </Button>
      )}
    </div>
  );
}
