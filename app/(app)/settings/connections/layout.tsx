import type { ReactNode } from "react";
import { QueryProvider } from "@/components/query-provider";

/** React Query for the connection checks and the webhook receiver. */
export default function ConnectionsLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
