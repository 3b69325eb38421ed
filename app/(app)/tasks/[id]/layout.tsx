import type { ReactNode } from "react";
import { QueryProvider } from "@/components/query-provider";

/** React Query for the task's progress. */
export default function TaskLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
