"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * A horizontal scroller for a wide table: when the table does not fit, it says so ("Scroll sideways →")
 * and fades the cut edge, and the region takes keyboard focus so that arrow keys scroll it.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const t = useTranslations("ui");
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState({ scrollable: false, more: false });

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      const scrollable = element.scrollWidth > element.clientWidth + 1;
      const more = scrollable && element.scrollLeft + element.clientWidth < element.scrollWidth - 1;
      setState((s) => (s.scrollable === scrollable && s.more === more ? s : { scrollable, more }));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    element.addEventListener("scroll", update, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener("scroll", update);
    };
  }, []);

  return (
    <div className="relative">
      {state.scrollable && (
        <p aria-hidden className={`mb-1 text-right text-xs font-medium text-indigo-700 ${state.more ? "" : "invisible"}`} data-testid="scroll-hint">
          {t("scrollHint")}
        </p>
      )}
      <div
        ref={ref}
        className="relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-indigo-500"
        {...(state.scrollable ? { tabIndex: 0, role: "region", "aria-label": t("scrollRegion", { label }) } : {})}
      >
        {children}
      </div>
      {state.more && <div aria-hidden className="pointer-events-none absolute right-0 bottom-0 top-5 w-10 bg-gradient-to-l from-white to-transparent" />}
    </div>
  );
}
