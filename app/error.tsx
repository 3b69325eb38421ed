"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { startTransition, useEffect, useState } from "react";
import { errorPageCheck } from "@/components/shell/error-page-check";
import { sharedRequest } from "@/components/shell/shared-request";
import { Button } from "@/components/ui/button";

/** How often the page asks whether the database is back while it shows the outage. */
const RECHECK_MS = 3_000;

/** The health check of every error shown, one request at a time and its answer reused for a second. */
const checkHealth = sharedRequest<unknown>(
  () =>
    fetch("/api/health", { cache: "no-store" })
      .then((r) => r.json())
      .catch(() => undefined),
  { reuseMs: 1_000 },
);

/**
 * The app's error page: a database outage in words (the page is shown again by itself once the database answers),
 * anything else as a generic message. Nothing of the error itself is shown.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  const router = useRouter();
  const [kind, setKind] = useState(() => errorPageCheck({ digest: error.digest, health: null, sawDown: false }).kind);
  const retry = () =>
    startTransition(() => {
      // A server component's error: its data must be read again, not only the boundary reset.
      router.refresh();
      reset();
    });

  // biome-ignore lint/correctness/useExhaustiveDependencies: one check loop per error shown; retry is new each render.
  useEffect(() => {
    let live = true;
    let sawDown = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      const health = await checkHealth();
      if (!live) return;
      const step = errorPageCheck({ digest: error.digest, health, sawDown });
      sawDown = step.sawDown;
      setKind(step.kind);
      if (step.next === "recheck") timer = setTimeout(check, RECHECK_MS);
      else if (step.next === "retry") retry();
    };
    void check();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [error]);

  const outage = kind === "databaseUnavailable";
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-3 p-8 text-center" data-testid="error-page">
      <h1 className="text-xl font-semibold">{t(outage ? "databaseTitle" : "title")}</h1>
      <p className="text-slate-600" role={outage ? "status" : undefined}>
        {t(outage ? "databaseBody" : "body")}
      </p>
      <Button onClick={retry}>{t("retry")}</Button>
    </main>
  );
}
