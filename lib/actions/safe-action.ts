import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { type SessionUser, sessionUser } from "@/lib/auth/current-user";
import { databaseOutage } from "@/lib/db/outage";
import type { Role } from "@/lib/db/schema";
import { SafeError } from "@/lib/errors";

/** A message key under `errors`, with its values: what lets a page re-translate it after a language switch. */
export type MessageRef = { key: string; values?: Record<string, string | number> };

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: string;
      code?: "unauthenticated" | "forbidden" | "invalid" | "failed";
      fieldErrors?: Record<string, string>;
      /** The same messages as keys (see components/ui/use-action-messages.ts). */
      keys?: { error: MessageRef; fieldErrors?: Record<string, MessageRef> };
    };

/** "public" is for the sign-in and first-run forms only; everything else needs a session. */
type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has(key: string): boolean };

type Access = Role | "any" | "public";

/**
 * Every exported server action goes through here: it loads the session, checks the role, parses the
 * input with zod (FormData or a plain object) and turns every failure into a message for the user.
 */
export function action<S extends z.ZodType, T>(
  /** `whileMustChangePassword`: the one action a user with a temporary password may run (changing it). */
  options: { role: Role | "any"; schema: S; whileMustChangePassword?: boolean },
  body: (input: z.infer<S>, user: SessionUser) => Promise<T>,
): (input: FormData | z.input<S>) => Promise<ActionResult<T>> {
  return run(options, (input, user) => body(input, user as SessionUser));
}

/** The same for the two forms a visitor without a session may send: sign-in and first-run set-up. */
export function publicAction<S extends z.ZodType, T>(
  options: { schema: S },
  body: (input: z.infer<S>) => Promise<T>,
): (input: FormData | z.input<S>) => Promise<ActionResult<T>> {
  return run({ ...options, role: "public" }, (input) => body(input));
}

function run<S extends z.ZodType, T>(
  options: { role: Access; schema: S; whileMustChangePassword?: boolean },
  body: (input: z.infer<S>, user: SessionUser | null) => Promise<T>,
): (input: FormData | z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const t = withAreaKeys((await getTranslations("errors")) as unknown as Translate, (await getTranslations()) as unknown as Translate);
    let user: SessionUser | null;
    try {
      user = await sessionUser();
    } catch (error) {
      if (databaseOutage(error)) return failure(t, "failed", { key: "databaseUnavailable" });
      throw error;
    }
    if (!user && options.role !== "public") return failure(t, "unauthenticated", { key: "unauthenticated" });
    if (user?.mustChangePassword && options.role !== "public" && !options.whileMustChangePassword) {
      return failure(t, "forbidden", { key: "passwordChangeRequired" });
    }
    if (user && options.role !== "any" && options.role !== "public" && user.role !== options.role) {
      return failure(t, "forbidden", { key: "forbidden" });
    }
    const parsed = options.schema.safeParse(input instanceof FormData ? formToObject(input) : input);
    if (!parsed.success) {
      const fieldErrors: Record<string, MessageRef> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join(".") || "_";
        fieldErrors[key] ??= { key: issueKey(t, issue) };
      }
      return failure(t, "invalid", { key: "invalidInput" }, fieldErrors);
    }
    try {
      return { ok: true, data: await body(parsed.data, user) };
    } catch (error) {
      if (error instanceof SafeError) {
        const fieldErrors = error.fieldErrors
          ? Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, { key: v }]))
          : undefined;
        return failure(t, "failed", { key: error.messageKey, values: error.values }, fieldErrors);
      }
      // Next's redirect()/notFound() travel as errors and must not be swallowed.
      if (isNextControlFlow(error)) throw error;
      // Not the action's fault, and over by itself: said as such, so the page can tell it from a real error.
      const outage = databaseOutage(error);
      if (outage) {
        console.error(`[action] ${outage.message}`);
        return failure(t, "failed", { key: "databaseUnavailable" });
      }
      console.error("[action] unexpected error:", error instanceof Error ? error.message : "unknown");
      return failure(t, "failed", { key: "unexpected" });
    }
  };
}

export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    out[key] = typeof value === "string" ? value : value;
  }
  return out;
}

function failure(
  t: Translate,
  code: "unauthenticated" | "forbidden" | "invalid" | "failed",
  error: MessageRef,
  fieldErrors?: Record<string, MessageRef>,
): ActionResult<never> {
  const say = (m: MessageRef) => t(m.key, m.values);
  return {
    ok: false,
    code,
    error: say(error),
    fieldErrors: fieldErrors && Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, say(v)])),
    keys: { error, fieldErrors },
  };
}

/** zod messages set in schemas are message keys (e.g. "passwordTooShort"); zod's own become a generic text. */
function issueKey(t: Translate, issue: z.core.$ZodIssue): string {
  const key = issue.message;
  return /^[a-zA-Z]+(\.[a-zA-Z]+)*$/.test(key) && t.has(key) ? key : "invalidField";
}

/**
 * Keys are looked up under `errors`; a dotted key (`batchForm.errors.attemptsRange`) names a message in an
 * area's own namespace, so an area keeps its messages in its own file.
 */
function withAreaKeys(errors: Translate, root: Translate): Translate {
  const pick = (key: string) => (key.includes(".") ? root : errors);
  const t = ((key: string, values?: Record<string, string | number>) => pick(key)(key, values)) as Translate;
  t.has = (key: string) => pick(key).has(key);
  return t;
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown })?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}
