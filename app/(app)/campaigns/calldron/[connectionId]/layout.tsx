import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { z } from "zod";
import { findConnection } from "@/lib/db/queries/connections";

/**
 * An unknown connection is a 404 here, above the batch page's loading boundary: once that boundary has sent the
 * shell, the page's own notFound() can no longer change the status from 200. (A batch the account does not have
 * is only known after the provider answers, so that page says so in words.)
 */
export default async function CalldronConnectionLayout({ children, params }: { children: ReactNode; params: Promise<{ connectionId: string }> }) {
  const id = z.uuid().safeParse((await params).connectionId);
  const connection = id.success ? await findConnection({ id: id.data }) : undefined;
  if (connection?.provider !== "calldron") notFound();
  return children;
}
