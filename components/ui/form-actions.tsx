import { Button } from "@/components/ui/button";

/** The footer of a dialog form: cancel, and submit (disabled while the action runs). */
export function FormActions({ cancelLabel, submitLabel, onCancel, pending }: { cancelLabel: string; submitLabel: string; onCancel: () => void; pending: boolean }) {
  return (
    <div className="flex justify-end gap-2">
      <Button variant="secondary" onClick={onCancel}>
        {cancelLabel}
      </Button>
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </div>
  );
}
