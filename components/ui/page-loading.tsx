import { Card } from "@/components/ui/card";

/** A route's loading boundary: the page's title, if it has one above the card, and a pulsing status line. */
export function PageLoading({ title, label }: { title?: string; label: string }) {
  return (
    <>
      {title && <h1 className="mb-6 text-2xl font-semibold text-slate-900">{title}</h1>}
      <Card>
        <p role="status" className="animate-pulse text-sm text-slate-600">
          {label}
        </p>
      </Card>
    </>
  );
}
