"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { lazyWithQuery } from "@/components/query/lazy-with-query";
import { StatusLine } from "@/components/ui/status-line";
import { useHydrated } from "@/components/ui/use-hydrated";

/** What the table shows while its contacts load, shown here while the table's own code loads. */
function Loading() {
  const t = useTranslations("obzvonilka.contacts");
  return <StatusLine>{t("loading")}</StatusLine>;
}

// React Table, React Virtual and React Query (~32 KB gzip) are fetched after the page: the contacts are read in the browser anyway.
const Table = lazyWithQuery(() => import("@/components/obzvonilka/contacts-table").then((m) => m.ContactsTable), <Loading />);

/** Drawn in the browser only, as before: the server has no contacts to show, and its search box must not take typing early. */
export function LazyContactsTable(props: ComponentProps<typeof Table>) {
  const hydrated = useHydrated();
  return hydrated ? <Table {...props} /> : <Loading />;
}
