import { type ReactNode, useId } from "react";
import { cn } from "@/components/ui/cn";

/** A titled card is a region named by its title, so assistive technology (and the e2e page objects) can find it. */
export function Card({
  title,
  actions,
  children,
  className,
  heading: Heading = "h2",
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  /** h1 where the card is the page (sign-in, set-up); h2 under a page's own title. */
  heading?: "h1" | "h2";
}) {
  const titleId = useId();
  return (
    <section aria-labelledby={title ? titleId : undefined} className={cn("rounded-lg border border-slate-200 bg-white shadow-xs", className)}>
      {(title || actions) && (
        <header className="flex items-center justify-between gap-4 border-b border-slate-200 px-5 py-3">
          {title && (
            <Heading id={titleId} className="text-base font-semibold text-slate-900">
              {title}
            </Heading>
          )}
          {actions}
        </header>
      )}
      <div className="p-5">{children}</div>
    </section>
  );
}
