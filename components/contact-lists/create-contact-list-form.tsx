"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { createContactList } from "@/lib/actions/contact-lists";

/** A new kept list; on success it opens. */
export function CreateContactListForm() {
  const t = useTranslations("contactLists");
  const router = useRouter();
  const form = useActionForm(createContactList, (data) => router.push(`/lists/app/${data.id}`));
  return (
    <form noValidate onSubmit={form.onSubmit} className="space-y-2" aria-label={t("createTitle")}>
      <div className="flex flex-wrap gap-2">
        <TextField label={t("name")} name="name" required maxLength={200} className="min-w-64 flex-1" error={form.fieldErrors?.name} />
        <Button type="submit" disabled={form.pending} className="mt-6 self-start">
          {t("create")}
        </Button>
      </div>
      {form.error && !form.fieldErrors?.name && <Notice tone="error">{form.error}</Notice>}
    </form>
  );
}
