"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { TemporaryPassword } from "@/components/settings/temporary-password";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { Table, Td, Th } from "@/components/ui/table";
import { useActionMessages } from "@/components/ui/use-action-messages";
import type { ActionResult } from "@/lib/actions/safe-action";
import { changeUserRole, resetUserPassword, setUserDisabled } from "@/lib/actions/users";
import type { Role } from "@/lib/db/schema";

export type UserRow = { id: string; email: string; name: string; role: Role; disabled: boolean };

export function UsersTable({ users, currentUserId }: { users: UserRow[]; currentUserId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const messages = useActionMessages();
  // The failed result, not its text: the message is translated at render, so it follows a language switch.
  const [failure, setFailure] = useState<ActionResult<unknown>>();
  const error = messages(failure).error;
  const [reset, setReset] = useState<{ email: string; temporaryPassword: string }>();

  async function run<T>(call: Promise<ActionResult<T>>, onOk?: (data: T) => void) {
    const result = await call;
    if (result.ok) {
      setFailure(undefined);
      onOk?.(result.data);
      router.refresh();
    } else setFailure(result);
  }

  if (users.length === 0) return <p className="text-sm text-slate-600">{t("users.empty")}</p>;
  return (
    <>
      {error && (
        <Notice tone="error" className="mb-4">
          {error}
        </Notice>
      )}
      <Table label={t("users.title")}>
        <thead>
          <tr>
            <Th>{t("users.email")}</Th>
            <Th>{t("users.name")}</Th>
            <Th>{t("users.role")}</Th>
            <Th>{t("users.status")}</Th>
            <Th className="text-right">{t("users.actions")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((u) => {
            const self = u.id === currentUserId;
            return (
              <tr key={u.id} data-testid={`user-row-${u.email}`}>
                <Td>
                  {u.email} {self && <span className="text-xs text-slate-500">({t("users.you")})</span>}
                </Td>
                <Td>{u.name || "—"}</Td>
                <Td>{t(`nav.roles.${u.role}`)}</Td>
                <Td>{u.disabled ? <Badge tone="red">{t("users.disabled")}</Badge> : <Badge tone="green">{t("users.active")}</Badge>}</Td>
                <Td>
                  <div className="flex flex-wrap justify-end gap-2">
                    <Button
                      size="sm"
                      variant="secondary"
                      disabled={self}
                      onClick={() => run(changeUserRole({ id: u.id, role: u.role === "admin" ? "manager" : "admin" }))}
                    >
                      {u.role === "admin" ? t("users.makeManager") : t("users.makeAdmin")}
                    </Button>
                    <ConfirmButton
                      label={t("users.resetPassword")}
                      title={t("users.resetPassword")}
                      message={t("users.confirmReset", { email: u.email })}
                      confirmLabel={t("users.confirm")}
                      cancelLabel={t("users.cancel")}
                      onConfirm={() => run(resetUserPassword({ id: u.id }), (data) => setReset(data))}
                    />
                    {u.disabled ? (
                      <Button size="sm" variant="secondary" onClick={() => run(setUserDisabled({ id: u.id, disabled: false }))}>
                        {t("users.enable")}
                      </Button>
                    ) : (
                      <ConfirmButton
                        variant="danger"
                        disabled={self}
                        label={t("users.disable")}
                        title={t("users.disable")}
                        message={t("users.confirmDisable", { email: u.email })}
                        confirmLabel={t("users.confirm")}
                        cancelLabel={t("users.cancel")}
                        onConfirm={() => run(setUserDisabled({ id: u.id, disabled: true }))}
                      />
                    )}
                  </div>
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <Dialog open={Boolean(reset)} onClose={() => setReset(undefined)} title={t("users.resetPassword")}>
        {reset && <TemporaryPassword email={reset.email} password={reset.temporaryPassword} onDone={() => setReset(undefined)} />}
      </Dialog>
    </>
  );
}
