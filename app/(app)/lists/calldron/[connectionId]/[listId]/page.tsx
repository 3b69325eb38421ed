import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AddSubscriberForm } from "@/components/lists/add-subscriber-form";
import { DeleteListButton } from "@/components/lists/delete-list-button";
import { PasteNumbers } from "@/components/lists/paste-numbers";
import { SubscriberSearchForm } from "@/components/lists/subscriber-search-form";
import { SubscribersTable } from "@/components/lists/subscribers-table";
import { Pager, pageParam } from "@/components/provider-data/pager";
import { LazyRunListPanel } from "@/components/tasks/lazy-run-list-panel";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { findActiveTask, findTask } from "@/lib/db/queries/tasks";
import { SEARCH_SCAN_LIMIT, searchSubscribers, searchDigits } from "@/lib/lists/calldron-members";
import type { CalldronList, CalldronSubscriber } from "@/lib/providers/calldron/wire";
import { readConnection } from "@/lib/providers/connection-clients";
import { ProviderError } from "@/lib/providers/provider-error";
import { ADD_SUBSCRIBERS_KIND } from "@/lib/tasks/calldron-add-subscribers";

const PER_PAGE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Params = { connectionId: string; listId: string };
type Query = { page?: string; q?: string; task?: string };
type ListRead =
  | { missing: true }
  | { missing: false; list: CalldronList; page?: { items: CalldronSubscriber[]; nextPage: number | null }; search?: Awaited<ReturnType<typeof searchSubscribers>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("listPage"))("metaTitle") };
}

/** One Calldron list: its subscribers (paged, or searched), adding one or many numbers, removing one, deleting the list. */
export default async function CalldronListPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Query> }) {
  const user = await requireUser();
  const { connectionId, listId } = await params;
  if (!UUID.test(connectionId) || !/^\d{1,18}$/.test(listId)) notFound();
  const query = await searchParams;
  const t = await getTranslations("listPage");
  const page = pageParam(query.page);
  const q = (query.q ?? "").slice(0, 40);
  const searching = searchDigits(q).length > 0;

  const read = await readConnection("calldron", connectionId, async (client): Promise<ListRead> => {
    try {
      const list = await client.showList(listId);
      if (searching) return { missing: false, list, search: await searchSubscribers(client, listId, q) };
      return { missing: false, list, page: await client.subscribersPage(listId, page, PER_PAGE) };
    } catch (error) {
      if (error instanceof ProviderError && error.kind === "not_found") return { missing: true };
      throw error;
    }
  });
  if (!read) notFound();
  const tr = await getTranslations();
  const back = (
    <Link href="/lists" className="text-indigo-700 underline">
      {t("backToLists")}
    </Link>
  );
  if (!read.ok || read.data.missing) {
    return (
      <>
        <PageHeader title={t("metaTitle")}>{back}</PageHeader>
        <Notice tone="error">
          {read.ok ? t("listMissing") : tr("providerData.connectionFailed", { reason: tr(`connections.results.${read.error}`) })}
        </Notice>
      </>
    );
  }
  const { list, page: subscribersPage, search } = read.data;
  const taskId = await shownTaskId({ taskParam: query.task, connectionId, listId, user });
  const base = `/lists/calldron/${connectionId}/${listId}`;
  const rows = search ? search.matches : (subscribersPage?.items ?? []);

  return (
    <>
      <PageHeader
        title={list.name}
        actions={<DeleteListButton connectionId={connectionId} listId={listId} name={list.name} after="/lists" />}
      >
        {back} <span className="text-slate-500">·</span> {t("inConnection", { name: read.connection.name })}
      </PageHeader>
      <div className="space-y-6">
        <Card title={t("addTitle")}>
          <div className="space-y-6">
            <AddSubscriberForm connectionId={connectionId} listId={listId} />
            <div className="border-t border-slate-200 pt-4">
              <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("pasteTitle")}</h3>
              <PasteNumbers key={taskId ?? "new"} connectionId={connectionId} listId={listId} initialTaskId={taskId} />
            </div>
          </div>
        </Card>
        <Card title={t("subscribers")}>
          <div className="space-y-4">
            <SubscriberSearchForm action={base} defaultValue={q} />
            {search && (
              <p className="text-sm text-slate-600" role="status">
                {search.complete ? t("searchResult", { n: search.matches.length, scanned: search.scanned }) : t("searchCut", { n: search.matches.length, limit: SEARCH_SCAN_LIMIT })}
              </p>
            )}
            {rows.length === 0 ? (
              <p className="text-sm text-slate-600" data-testid="empty-state">
                {search ? t("noMatches") : page > 1 ? t("pastTheEnd") : t("empty")}
              </p>
            ) : (
              <SubscribersTable connectionId={connectionId} listId={listId} subscribers={rows} />
            )}
            {subscribersPage && <Pager page={page} hasNext={subscribersPage.nextPage !== null} hrefFor={(n) => `${base}?page=${n}`} />}
          </div>
        </Card>
        <LazyRunListPanel connectionId={connectionId} listId={listId} />
      </div>
    </>
  );
}

/** The bulk add shown on the page: the one named in the URL, else one still running on this list. */
async function shownTaskId({ taskParam, connectionId, listId, user }: { taskParam?: string; connectionId: string; listId: string; user: { id: string; role: string } }) {
  const mine = (task: { ownerId: string | null } | undefined) => task && (task.ownerId === user.id || user.role === "admin");
  if (taskParam && UUID.test(taskParam)) {
    const task = await findTask({ id: taskParam });
    if (task && mine(task) && task.kind === ADD_SUBSCRIBERS_KIND && task.input.listId === listId && task.input.connectionId === connectionId) return task.id;
  }
  const active = await findActiveTask({ kind: ADD_SUBSCRIBERS_KIND, match: { connectionId, listId } });
  return mine(active) ? active?.id : undefined;
}
