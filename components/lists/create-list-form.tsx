"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { createCalldronList } from "@/lib/actions/calldron-lists";

/** A new Calldron list; on success the new list opens. */
export function CreateListForm({ connectionId }: { connectionId: string }) {
  const t = useTranslations("listsPage");
  const router = useRouter();
  const form = useActionForm(createCalldronList, (data) => router.push(`/lists/calldron/${connectionId}/${data.listId}`));
  return (
    <form noValidate onSubmit={form.onSubmit} className="space-y-2" aria-label={t("createTitle")}>
      <input type="hidden" name="connectionId" value={connectionId} />
      <div className="flex flex-wrap gap-2">
        <TextField
          id={`new-list-${connectionId}`}
          label={t("newListName")}
          name="name"
          required
          maxLength={100}
          className="min-w-64 flex-1"
          help={t("newListHelp")}
          error={form.fieldErrors?.name}
        />
        <Button type="submit" disabled={form.pending} className="mt-6 self-start">
          {form.pending ? t("creating") : t("create")}
        </Button>
      </div>
      {form.error && !form.fieldErrors?.name && <Notice tone="error">{form.error}</Notice>}
    </form>
  );
}
