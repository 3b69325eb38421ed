"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { renameContactList } from "@/lib/actions/contact-lists";

export function RenameContactListForm({ listId, name }: { listId: string; name: string }) {
  const t = useTranslations("contactLists");
  const router = useRouter();
  const form = useActionForm(renameContactList, () => router.refresh());
  return (
    <form noValidate onSubmit={form.onSubmit} className="space-y-2" aria-label={t("renameTitle")}>
      <input type="hidden" name="listId" value={listId} />
      <div className="flex flex-wrap gap-2">
        <TextField id="rename-list" label={t("name")} name="name" defaultValue={name} required maxLength={200} className="min-w-64 flex-1" error={form.fieldErrors?.name} />
        <Button type="submit" variant="secondary" disabled={form.pending} className="mt-6 self-start">
          {t("rename")}
        </Button>
      </div>
      {form.state?.ok && <Notice tone="success">{t("renamed")}</Notice>}
      {form.error && !form.fieldErrors?.name && <Notice tone="error">{form.error}</Notice>}
    </form>
  );
}
