"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { usePhoneFormat } from "@/components/ui/use-phone";
import { addContactListNumber } from "@/lib/actions/contact-lists";

export function AddEntryForm({ listId }: { listId: string }) {
  const t = useTranslations("contactLists");
  const router = useRouter();
  const formatPhone = usePhoneFormat();
  const form = useActionForm(addContactListNumber, (_data, el) => {
    el.reset();
    router.refresh();
  });
  const data = form.state?.ok ? form.state.data : undefined;
  return (
    <form noValidate onSubmit={form.onSubmit} className="space-y-2" aria-label={t("addTitle")}>
      <input type="hidden" name="listId" value={listId} />
      <div className="flex flex-wrap gap-2">
        <TextField label={t("phone")} name="phone" required maxLength={40} className="min-w-48" error={form.fieldErrors?.phone} placeholder="8 (999) 777-88-55" />
        <TextField label={t("entryName")} name="name" maxLength={200} className="min-w-48 flex-1" />
        <Button type="submit" disabled={form.pending} className="mt-6 self-start">
          {t("add")}
        </Button>
      </div>
      {data && <Notice tone={data.added ? "success" : "info"}>{t(data.added ? "added" : "alreadyThere", { phone: formatPhone(data.phone) })}</Notice>}
      {form.error && !form.fieldErrors?.phone && <Notice tone="error">{form.error}</Notice>}
    </form>
  );
}
