"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * A table that scrolls sideways when the window is too narrow for it, and says so: a line of text above
 * it and a shadow on the edge that hides columns.
 */
export function WideTable({ label, hint, children }: { label: string; hint: string; children: ReactNode }) {
  const box = useRef<HTMLElement>(null);
  const [overflow, setOverflow] = useState({ any: false, right: false });

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      const any = element.scrollWidth > element.clientWidth + 1;
      setOverflow({ any, right: any && element.scrollLeft + element.clientWidth < element.scrollWidth - 1 });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    element.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener("scroll", measure);
    };
  }, []);

  return (
    <div className="relative">
      {overflow.any && (
        <p className="mb-2 text-xs text-slate-500" data-testid="scroll-hint">
          <span aria-hidden="true">↔ </span>
          {hint}
        </p>
      )}
      {/* A scrolling region must be reachable by keyboard to be scrolled (focusable only while it scrolls). `relative`: an
          absolutely placed cell child (an sr-only label) is then clipped here instead of widening the whole page. */}
      <section ref={box} className="relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-indigo-600" tabIndex={overflow.any ? 0 : -1} aria-label={label}>
        <table aria-label={label} className="min-w-full divide-y divide-slate-200 text-sm">
          {children}
        </table>
      </section>
      {overflow.right && <div aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-0 w-8 bg-gradient-to-l from-white" />}
    </div>
  );
}
