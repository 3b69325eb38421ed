"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Notice } from "@/components/ui/notice";
import { deleteContactList, removeContactListNumber } from "@/lib/actions/contact-lists";

export function DeleteContactListButton({ listId, name }: { listId: string; name: string }) {
  const t = useTranslations("contactLists");
  const router = useRouter();
  const [error, setError] = useState<string>();
  return (
    <>
      <ConfirmButton
        label={t("delete")}
        title={t("deleteTitle")}
        message={t("deleteMessage", { name })}
        confirmLabel={t("delete")}
        cancelLabel={t("keep")}
        variant="danger"
        onConfirm={async () => {
          const result = await deleteContactList({ listId });
          if (result.ok) router.push("/lists/app");
          else setError(result.error);
        }}
      />
      {error && <Notice tone="error">{error}</Notice>}
    </>
  );
}

export function RemoveEntryButton({ listId, entryId, phone }: { listId: string; entryId: string; phone: string }) {
  const t = useTranslations("contactLists");
  const router = useRouter();
  return (
    <ConfirmButton
      label={t("remove")}
      title={t("removeTitle")}
      message={t("removeMessage", { phone })}
      confirmLabel={t("remove")}
      cancelLabel={t("keep")}
      variant="ghost"
      confirmVariant="danger"
      onConfirm={async () => {
        await removeContactListNumber({ listId, entryId });
        router.refresh();
      }}
    />
  );
}
