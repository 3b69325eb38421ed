"use client";

import { useQuery } from "@tanstack/react-query";
import { type ColumnDef, flexRender, getCoreRowModel, getSortedRowModel, type SortingState, useReactTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useDeferredValue, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ContactsAnswer } from "@/lib/obzvonilka/contact-rows";
import { contactsQueryKey } from "@/lib/obzvonilka/contacts-query-key";
import { filterRows, type SearchableRow, searchable } from "@/lib/obzvonilka/contact-search";

const ROW_HEIGHT = 40;

class ContactsReadFailure extends Error {}

/** A base's contacts, read whole once and cached; filtered and sorted in the browser, only the visible rows rendered. */
export function ContactsTable({ connectionId, baseId }: { connectionId: string; baseId: number }) {
  const t = useTranslations("obzvonilka.contacts");
  const tr = useTranslations();
  const query = useQuery({
    queryKey: contactsQueryKey(connectionId, baseId),
    queryFn: async () => {
      const response = await fetch(`/api/obzvonilka/${connectionId}/bases/${baseId}/contacts`);
      const body = (await response.json().catch(() => ({ ok: false, reason: "unexpected" }))) as ContactsAnswer;
      if (!body.ok) throw new ContactsReadFailure(body.reason);
      return searchable(body.contacts);
    },
    staleTime: 5 * 60_000,
    // The server already retried (lib/providers/http.ts).
    retry: false,
  });

  if (query.isPending) {
    return (
      <p className="text-sm text-slate-600" role="status">
        {t("loading")}
      </p>
    );
  }
  if (query.isError) {
    const reason = query.error.message;
    const text = reason === "base_not_found" ? t("baseMissing") : tr("providerData.connectionFailed", { reason: tr.has(`connections.results.${reason}`) ? tr(`connections.results.${reason}`) : tr("connections.results.unexpected") });
    return (
      <Notice tone="error">
        {text}{" "}
        <Button size="sm" variant="secondary" className="ml-2" onClick={() => void query.refetch()}>
          {t("retry")}
        </Button>
      </Notice>
    );
  }
  if (query.data.length === 0) {
    return (
      <p className="text-sm text-slate-600" data-testid="empty-state">
        {t("empty")}
      </p>
    );
  }
  return <LoadedContacts connectionId={connectionId} baseId={baseId} rows={query.data} refreshing={query.isFetching} onRefresh={() => void query.refetch()} />;
}

function LoadedContacts({ connectionId, baseId, rows, refreshing, onRefresh }: { connectionId: string; baseId: number; rows: SearchableRow[]; refreshing: boolean; onRefresh: () => void }) {
  const t = useTranslations("obzvonilka.contacts");
  const locale = useLocale();
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search);
  const [sorting, setSorting] = useState<SortingState>([]);
  const filtered = useMemo(() => filterRows(rows, deferred), [rows, deferred]);
  const columns = useMemo(() => contactColumns(connectionId, baseId, t, new Intl.Collator(locale)), [connectionId, baseId, t, locale]);
  const table = useReactTable({
    data: filtered,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => String(row.id),
  });
  const tableRows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: tableRows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const nf = new Intl.NumberFormat(locale);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="w-full max-w-md space-y-1">
          <label htmlFor="contact-search" className="block text-sm font-medium text-slate-700">
            {t("search")}
          </label>
          <input
            id="contact-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t("searchPlaceholder")}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30"
          />
        </div>
        <div className="flex items-center gap-3">
          <p className="text-sm text-slate-600" role="status" data-testid="contacts-count">
            {t("shown", { shown: nf.format(filtered.length), total: nf.format(rows.length) })}
          </p>
          <Button size="sm" variant="secondary" onClick={onRefresh} disabled={refreshing}>
            {refreshing ? t("refreshing") : t("refresh")}
          </Button>
        </div>
      </div>
      {filtered.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="empty-state">
          {t("noMatches")}
        </p>
      ) : (
        <div ref={scrollRef} className="h-[560px] overflow-auto rounded-md border border-slate-200" data-testid="contacts-scroll">
          <table aria-label={t("title")} aria-rowcount={tableRows.length + 1} className="w-full table-fixed text-sm">
            <thead className="sticky top-0 z-10 bg-slate-50">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        style={{ width: header.column.columnDef.size }}
                        aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                        className="border-b border-slate-200 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500"
                      >
                        <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 uppercase hover:text-slate-900">
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                        </button>
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {top > 0 && <Spacer height={top} />}
              {items.map((item) => {
                const row = tableRows[item.index];
                if (!row) return null;
                return (
                  <tr key={row.id} aria-rowindex={item.index + 2} className="border-b border-slate-100 hover:bg-slate-50" style={{ height: ROW_HEIGHT }} data-testid="contact-row">
                    {row.getVisibleCells().map((cell) => (
                      <td key={cell.id} className="truncate px-3 text-slate-800">
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ))}
                  </tr>
                );
              })}
              {bottom > 0 && <Spacer height={bottom} />}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** Stands for the rows scrolled out of view, so that the scrollbar keeps the whole list's height. */
function Spacer({ height }: { height: number }) {
  return (
    <tr style={{ height }} data-spacer="">
      <td colSpan={4} />
    </tr>
  );
}

/** Exported for its test: an empty cell is the same dash in every column (not a narrower one in the code's monospace). */
export function contactColumns(connectionId: string, baseId: number, t: (key: string) => string, collator: Intl.Collator): ColumnDef<SearchableRow>[] {
  const text = (key: "name" | "email" | "code") => ({
    accessorKey: key,
    sortingFn: (a: { original: SearchableRow }, b: { original: SearchableRow }) => collator.compare(a.original[key], b.original[key]),
  });
  return [
    {
      ...text("name"),
      header: t("name"),
      size: 270,
      cell: ({ row }) => (
        <Link href={`/lists/obzvonilka/${connectionId}/${baseId}/contacts/${row.original.id}`} className="font-medium text-indigo-700 hover:underline">
          {row.original.name || t("noName")}
        </Link>
      ),
    },
    {
      id: "phones",
      accessorFn: (r) => r.phones[0] ?? "",
      header: t("phones"),
      size: 230,
      cell: ({ row }) => <span title={row.original.phones.join(", ")}>{row.original.phones.join(", ") || "—"}</span>,
    },
    { ...text("email"), header: t("email"), size: 220, cell: ({ row }) => row.original.email || "—" },
    { ...text("code"), header: t("code"), size: 150, cell: ({ row }) => (row.original.code ? <span className="font-mono text-xs">{row.original.code}</span> : "—") },
  ];
}
