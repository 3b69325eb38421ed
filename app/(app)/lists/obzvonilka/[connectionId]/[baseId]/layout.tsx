import type { ReactNode } from "react";
import { QueryProvider } from "@/components/query-provider";

/** React Query for the base's contacts. */
export default function ObzvonilkaBaseLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
