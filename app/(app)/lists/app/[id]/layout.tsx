import type { ReactNode } from "react";
import { QueryProvider } from "@/components/query-provider";

/** React Query for the push to Calldron's progress. */
export default function ContactListLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
