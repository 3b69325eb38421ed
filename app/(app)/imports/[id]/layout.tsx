import type { ReactNode } from "react";
import { QueryProvider } from "@/components/query-provider";

/** React Query for the import's progress. */
export default function ImportLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
