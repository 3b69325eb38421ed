"use client";

import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** A button that asks before it acts: for anything that deletes, disables or dials. */
export function ConfirmButton({
  label,
  title,
  message,
  confirmLabel,
  cancelLabel,
  onConfirm,
  variant = "secondary",
  confirmVariant,
  disabled,
}: {
  label: ReactNode;
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => Promise<void> | void;
  variant?: "secondary" | "danger" | "ghost";
  /** The confirming button's look when it differs from the trigger's (a quiet row button that deletes). */
  confirmVariant?: "primary" | "danger";
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button size="sm" variant={variant} onClick={() => setOpen(true)} disabled={disabled}>
        {label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title}>
        <p className="mb-6 text-sm text-slate-700">{message}</p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {cancelLabel}
          </Button>
          <Button
            variant={confirmVariant ?? (variant === "danger" ? "danger" : "primary")}
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await onConfirm();
              } finally {
                setBusy(false);
                setOpen(false);
              }
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
