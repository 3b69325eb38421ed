import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";
import { TableScroll } from "@/components/ui/table-scroll";

/** A data table; when it is wider than its place it scrolls sideways with a visible hint (TableScroll). */
export function Table({ children, label }: { children: ReactNode; label: string }) {
  return (
    <TableScroll label={label}>
      <table aria-label={label} className="min-w-full divide-y divide-slate-200 text-sm">
        {children}
      </table>
    </TableScroll>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cn("px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500", className)} {...props} />;
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("px-3 py-2 align-middle text-slate-800", className)} {...props} />;
}
