"use client";

import { useTranslations } from "next-intl";
import type { ActionResult, MessageRef } from "@/lib/actions/safe-action";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/**
 * An action's error messages in the page's current language: translated here from the keys the action
 * returned, so that an error shown before a language switch follows the switch. Falls back to the text
 * the server sent when a key is not known here.
 */
export function useActionMessages() {
  const t = useTranslations();
  // As on the server: a plain key is under `errors`, a dotted one names an area's own message.
  const full = (key: string) => (key.includes(".") ? key : `errors.${key}`);
  const say = (ref: MessageRef | undefined, fallback: string | undefined) =>
    ref && t.has(full(ref.key) as never) ? t(full(ref.key) as never, ref.values as never) : fallback;
  return (result: ActionResult<unknown> | null | undefined): { error?: string; fieldErrors?: Record<string, string> } => {
    if (!result || result.ok) return {};
    const failure: Failure = result;
    const fieldErrors = failure.fieldErrors
      ? Object.fromEntries(Object.entries(failure.fieldErrors).map(([k, v]) => [k, say(failure.keys?.fieldErrors?.[k], v) ?? v]))
      : undefined;
    return { error: say(failure.keys?.error, failure.error), fieldErrors };
  };
}
