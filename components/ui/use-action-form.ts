"use client";

import { type FormEvent, useState, useTransition } from "react";
import { useActionMessages } from "@/components/ui/use-action-messages";
import type { ActionResult } from "@/lib/actions/safe-action";

/**
 * Submits a form to a server action without React's automatic form reset, so that what the user typed
 * stays in place next to the errors the action returns.
 */
export function useActionForm<T>(
  run: (form: FormData) => Promise<ActionResult<T>>,
  onOk?: (data: T, form: HTMLFormElement) => void,
) {
  const [state, setState] = useState<ActionResult<T> | null>(null);
  const [pending, startTransition] = useTransition();
  const messages = useActionMessages()(state);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await run(data);
      setState(result);
      if (result.ok) onOk?.(result.data, form);
    });
  };
  return {
    state,
    pending,
    onSubmit,
    error: messages.error,
    fieldErrors: messages.fieldErrors,
    reset: () => setState(null),
  };
}
