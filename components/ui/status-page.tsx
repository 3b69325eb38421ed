import type { ReactNode } from "react";

/** The 403 and 404 pages: a code, a title, what to do next. */
export function StatusPage({ code, title, children, backLabel }: { code: number; title: string; children?: ReactNode; backLabel: string }) {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-3 p-8 text-center">
      <p className="text-5xl font-bold text-slate-500">{code}</p>
      <h1 className="text-xl font-semibold">{title}</h1>
      {children}
      {/* A plain link, not next/link: the 403 and 404 boundaries are in every route's first-load JavaScript, and
          next/link there was a second copy of it (~3 KB gzip) beside the shell's. */}
      <a href="/" className="text-indigo-700 underline">
        {backLabel}
      </a>
    </main>
  );
}
