"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { deleteCalldronList } from "@/lib/actions/calldron-lists";

/** Deletes a Calldron list after a confirmation that names it; `after` is where to go next (else the page refreshes). */
export function DeleteListButton({
  connectionId,
  listId,
  name,
  after,
  quiet = false,
}: {
  connectionId: string;
  listId: string;
  name: string;
  after?: string;
  /** A table row's button: not red until the confirmation. */
  quiet?: boolean;
}) {
  const t = useTranslations("listsPage");
  const router = useRouter();
  const [error, setError] = useState<string>();
  return (
    <span className="inline-flex items-center gap-2">
      <ConfirmButton
        label={t("delete")}
        title={t("deleteTitle")}
        message={t("deleteMessage", { name })}
        confirmLabel={t("deleteConfirm")}
        cancelLabel={t("cancel")}
        variant={quiet ? "secondary" : "danger"}
        confirmVariant="danger"
        onConfirm={async () => {
          const result = await deleteCalldronList({ connectionId, listId });
          if (!result.ok) return setError(result.error);
          if (after) router.push(after);
          else router.refresh();
        }}
      />
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
