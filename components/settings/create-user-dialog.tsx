"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { TemporaryPassword } from "@/components/settings/temporary-password";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { createUser } from "@/lib/actions/users";

export function CreateUserDialog() {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string> }>();
  const [created, setCreated] = useState<{ email: string; temporaryPassword: string }>();

  const close = () => {
    setOpen(false);
    setError(undefined);
    setCreated(undefined);
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t("users.create")}</Button>
      <Dialog open={open} onClose={close} title={created ? t("users.created", { email: created.email }) : t("users.createTitle")}>
        {created ? (
          <TemporaryPassword email={created.email} password={created.temporaryPassword} onDone={close} />
        ) : (
          <form
            noValidate
            className="space-y-4"
            onSubmit={async (e) => {
              e.preventDefault();
              setPending(true);
              const result = await createUser(new FormData(e.currentTarget));
              setPending(false);
              if (result.ok) {
                setCreated(result.data);
                setError(undefined);
                router.refresh();
              } else setError({ message: result.error, fields: result.fieldErrors });
            }}
          >
            {error && <Notice tone="error">{error.message}</Notice>}
            <TextField label={t("users.email")} name="email" type="email" required autoFocus error={error?.fields?.email} />
            <TextField label={t("users.name")} name="name" error={error?.fields?.name} />
            <SelectField label={t("users.role")} name="role" defaultValue="manager" error={error?.fields?.role}>
              <option value="manager">{t("nav.roles.manager")}</option>
              <option value="admin">{t("nav.roles.admin")}</option>
            </SelectField>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={close}>
                {t("users.cancel")}
              </Button>
              <Button type="submit" disabled={pending}>
                {t("users.submit")}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
