import type { ReactNode } from "react";
import { QueryProvider } from "@/components/query-provider";

/** React Query for the campaign picker. */
export default function CompareLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
