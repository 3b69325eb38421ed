"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * A table that may be wider than the screen: it scrolls sideways inside its card and says so while it
 * does not fit. Keep the row's main link in a `sticky left-0` first column so it is never the hidden part.
 */
export function WideTable({ label, hint, children }: { label: string; hint: string; children: ReactNode }) {
  const box = useRef<HTMLElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div>
      {overflows && (
        <p className="mb-2 text-xs text-slate-500" data-testid="scroll-hint">
          <span aria-hidden="true">↔ </span>
          {hint}
        </p>
      )}
      <section ref={box} className="relative overflow-x-auto" tabIndex={overflows ? 0 : undefined} aria-label={label}>
        <table aria-label={label} className="min-w-full divide-y divide-slate-200 text-sm">
          {children}
        </table>
      </section>
    </div>
  );
}
