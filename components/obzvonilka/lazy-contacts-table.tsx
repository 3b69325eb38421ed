"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";

/** What the table shows while its contacts load, shown here while the table's own code loads. */
function Loading() {
  const t = useTranslations("obzvonilka.contacts");
  return (
    <p className="text-sm text-slate-600" role="status">
      {t("loading")}
    </p>
  );
}

// React Table and React Virtual (~20 KB gzip) are fetched after the page: the contacts are read in the browser anyway.
export const LazyContactsTable = dynamic(() => import("@/components/obzvonilka/contacts-table").then((m) => m.ContactsTable), {
  ssr: false,
  loading: Loading,
});
