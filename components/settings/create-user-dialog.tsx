"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { TemporaryPassword } from "@/components/settings/temporary-password";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { createUser } from "@/lib/actions/users";

export function CreateUserDialog() {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ email: string; temporaryPassword: string }>();
  const form = useActionForm(createUser, (data) => {
    setCreated(data);
    router.refresh();
  });
  const fe = form.fieldErrors;

  const close = () => {
    setOpen(false);
    form.reset();
    setCreated(undefined);
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t("users.create")}</Button>
      <Dialog open={open} onClose={close} title={created ? t("users.created", { email: created.email }) : t("users.createTitle")}>
        {created ? (
          <TemporaryPassword email={created.email} password={created.temporaryPassword} onDone={close} />
        ) : (
          <form noValidate className="space-y-4" onSubmit={form.onSubmit}>
            {form.error && <Notice tone="error">{form.error}</Notice>}
            <TextField label={t("users.email")} name="email" type="email" required autoFocus error={fe?.email} />
            <TextField label={t("users.name")} name="name" error={fe?.name} />
            <SelectField label={t("users.role")} name="role" defaultValue="manager" error={fe?.role}>
              <option value="manager">{t("nav.roles.manager")}</option>
              <option value="admin">{t("nav.roles.admin")}</option>
            </SelectField>
            <FormActions cancelLabel={t("users.cancel")} submitLabel={t("users.submit")} onCancel={close} pending={form.pending} />
          </form>
        )}
      </Dialog>
    </>
  );
}
