import type { z } from "zod";
import {
  batchListWireSchema,
  callWireSchema,
  listWireSchema,
  pageWireSchema,
  subscriberItemWireSchema,
  subscriberWireSchema,
} from "@/lib/providers/calldron/schema";
import {
  basicAuthHeader,
  CALLDRON_PROVIDER,
  type CalldronBatch,
  type CalldronBatchInput,
  type CalldronCall,
  type CalldronList,
  type CalldronSubscriber,
  type CalldronWriteAnswer,
  DEFAULT_PER_PAGE,
  fromWireBatch,
  fromWireCall,
  fromWireList,
  fromWireSubscriber,
  fromWireSubscriberItem,
  IDEMPOTENT,
  idFromWriteAnswer,
  nextPageNumber,
  pageQuery,
  recordingTarget,
  refusalOnSuccess,
  toWireBatch,
  wrapBody,
} from "@/lib/providers/calldron/wire";
import { type ProviderClientOptions, providerFetch, providerRequest, type ProviderRequest } from "@/lib/providers/http";
import { toCalldronPhone } from "@/lib/providers/phone";
import { ProviderError } from "@/lib/providers/provider-error";

export type CalldronClientOptions = ProviderClientOptions;

export type CalldronPage<T> = { items: T[]; nextPage: number | null };
export type CalldronClient = ReturnType<typeof createCalldronClient>;

/** One function per documented Calldron endpoint. Phones go in as E.164. */
export function createCalldronClient(options: CalldronClientOptions) {
  const authorization = basicAuthHeader(options.apiKey);
  const secrets = [options.apiKey, authorization.slice("Basic ".length)];
  const { timeoutMs, deadlineMs, signal, sleep, guard } = options;
  const transportOptions = { secrets, timeoutMs, deadlineMs, signal, sleep, guard };

  function call<T>(req: Pick<ProviderRequest<T>, "method" | "path" | "query" | "json" | "schema" | "idempotent">) {
    return providerRequest<T>({
      ...req,
      provider: CALLDRON_PROVIDER,
      baseUrl: options.baseUrl,
      headers: { authorization },
      ...transportOptions,
    });
  }

  /** A create, update or delete: any 2xx that is not Calldron's error envelope succeeds (wire.ts). */
  async function write(
    resource: "batch" | "list" | "subscriber" | "call",
    req: Pick<ProviderRequest<unknown>, "method" | "path" | "json" | "idempotent">,
  ): Promise<CalldronWriteAnswer> {
    const raw = await providerRequest<unknown>({
      ...req,
      provider: CALLDRON_PROVIDER,
      baseUrl: options.baseUrl,
      headers: { authorization },
      inspect: refusalOnSuccess,
      ...transportOptions,
    });
    const id = idFromWriteAnswer(raw, resource);
    return id === undefined ? { raw } : { id, raw };
  }

  async function page<W, T>(path: string, item: z.ZodType<W>, map: (w: W) => T, pageNo: number, perPage: number) {
    const answer = await call({ method: "GET", path, query: pageQuery(pageNo, perPage), schema: pageWireSchema(item), idempotent: IDEMPOTENT.read });
    return { items: answer.data.map(map), nextPage: nextPageNumber(answer.next_page) } satisfies CalldronPage<T>;
  }

  async function* pages<T>(path: string, fetchPage: (pageNo: number) => Promise<CalldronPage<T>>): AsyncGenerator<T> {
    let pageNo = 1;
    for (;;) {
      const current = await fetchPage(pageNo);
      yield* current.items;
      if (current.nextPage === null) return;
      // A next_page that does not move forward would loop for ever.
      if (current.nextPage <= pageNo) throw badResponse(path, `next_page ${current.nextPage} after page ${pageNo}`);
      pageNo = current.nextPage;
    }
  }

  const listsPage = (pageNo = 1, perPage = DEFAULT_PER_PAGE): Promise<CalldronPage<CalldronList>> =>
    page("lists", listWireSchema, fromWireList, pageNo, perPage);
  const subscribersPage = (listId: string, pageNo = 1, perPage = DEFAULT_PER_PAGE): Promise<CalldronPage<CalldronSubscriber>> =>
    page(`lists/${seg(listId)}/subscribers`, subscriberItemWireSchema, fromWireSubscriberItem, pageNo, perPage);
  const callsPage = (batchId: string, pageNo = 1, perPage = DEFAULT_PER_PAGE): Promise<CalldronPage<CalldronCall>> =>
    page(`batches/${seg(batchId)}/calls`, callWireSchema, fromWireCall, pageNo, perPage);

  async function listBatches(): Promise<CalldronBatch[]> {
    const answer = await call({ method: "GET", path: "batches", schema: batchListWireSchema, idempotent: IDEMPOTENT.read });
    return (Array.isArray(answer) ? answer : answer.data).map(fromWireBatch);
  }

  /** Gap: the doc answers `{status: "ok"}` without an id; an id is given back if the service sends one. */
  async function createList(name: string): Promise<CalldronWriteAnswer> {
    return write("list", { method: "POST", path: "lists", json: wrapBody("list", { name }), idempotent: IDEMPOTENT.create });
  }

  async function findListByName(name: string): Promise<CalldronList | undefined> {
    let found: CalldronList | undefined;
    for await (const list of pages("lists", listsPage)) if (list.name === name) found = list;
    return found;
  }

  return {
    /** Cheap authenticated call for "Test connection". */
    async ping(): Promise<void> {
      await listBatches();
    },

    listBatches,
    /** The doc answers `{id}`; a success without one gives no id: find the batch with `findBatchByName`. */
    async createBatch(input: CalldronBatchInput): Promise<CalldronWriteAnswer> {
      return write("batch", { method: "POST", path: "batches", json: wrapBody("batch", toWireBatch(input)), idempotent: IDEMPOTENT.create });
    },
    /** The id is the one given when the answer carries none. */
    async updateBatch(id: string, input: Partial<CalldronBatchInput>): Promise<CalldronWriteAnswer & { id: string }> {
      const answer = await write("batch", { method: "PUT", path: `batches/${seg(id)}`, json: wrapBody("batch", toWireBatch(input)), idempotent: IDEMPOTENT.update });
      return { ...answer, id: answer.id ?? id };
    },
    async deleteBatch(id: string): Promise<CalldronWriteAnswer & { id: string }> {
      const answer = await write("batch", { method: "DELETE", path: `batches/${seg(id)}`, idempotent: IDEMPOTENT.delete });
      return { ...answer, id: answer.id ?? id };
    },
    /** The newest batch (last in the index) of that name; use names unique to the app. */
    async findBatchByName(name: string): Promise<CalldronBatch | undefined> {
      return (await listBatches()).findLast((b) => b.name === name);
    },

    listsPage,
    iterateLists: (perPage = DEFAULT_PER_PAGE) => pages("lists", (n) => listsPage(n, perPage)),
    createList,
    /** Creates a list and reads it back: by the id if the answer has one, else by name (the newest of that name). */
    async createListAndFind(name: string): Promise<CalldronList> {
      const created = await createList(name);
      const list = created.id ? fromWireList(await call({ method: "GET", path: `lists/${seg(created.id)}`, schema: listWireSchema, idempotent: IDEMPOTENT.read })) : await findListByName(name);
      if (!list) throw badResponse("lists", "the new list is not in the index");
      return list;
    },
    findListByName,
    async showList(id: string): Promise<CalldronList> {
      const list = await call({ method: "GET", path: `lists/${seg(id)}`, schema: listWireSchema, idempotent: IDEMPOTENT.read });
      return fromWireList(list);
    },
    async deleteList(id: string): Promise<CalldronWriteAnswer> {
      return write("list", { method: "DELETE", path: `lists/${seg(id)}`, idempotent: IDEMPOTENT.delete });
    },

    subscribersPage,
    iterateSubscribers: (listId: string, perPage = DEFAULT_PER_PAGE) => pages(`lists/${seg(listId)}/subscribers`, (n) => subscribersPage(listId, n, perPage)),
    /** Gap: the doc answers `{status: "ok"}`; the subscriber's id is given back only if the service sends one. */
    async addSubscriber(listId: string, phoneE164: string): Promise<CalldronWriteAnswer> {
      const json = wrapBody("subscriber", { phone_number: toCalldronPhone(phoneE164) });
      return write("subscriber", { method: "POST", path: `lists/${seg(listId)}/subscribers`, json, idempotent: IDEMPOTENT.create });
    },
    async showSubscriber(listId: string, id: string): Promise<CalldronSubscriber> {
      const s = await call({ method: "GET", path: `lists/${seg(listId)}/subscribers/${seg(id)}`, schema: subscriberWireSchema, idempotent: IDEMPOTENT.read });
      return fromWireSubscriber(s, listId);
    },
    async deleteSubscriber(listId: string, id: string): Promise<CalldronWriteAnswer> {
      return write("subscriber", { method: "DELETE", path: `lists/${seg(listId)}/subscribers/${seg(id)}`, idempotent: IDEMPOTENT.delete });
    },

    callsPage,
    iterateCalls: (batchId: string, perPage = DEFAULT_PER_PAGE) => pages(`batches/${seg(batchId)}/calls`, (n) => callsPage(batchId, n, perPage)),
    /** Dials one number in the batch. The doc answers `{}`: the id is known only if the service sends one. */
    async createCall(batchId: string, phoneE164: string): Promise<CalldronWriteAnswer> {
      const json = wrapBody("call", { phone_number: toCalldronPhone(phoneE164) });
      return write("call", { method: "POST", path: `batches/${seg(batchId)}/calls`, json, idempotent: IDEMPOTENT.create });
    },
    async showCall(batchId: string, id: string): Promise<CalldronCall> {
      const c = await call({ method: "GET", path: `batches/${seg(batchId)}/calls/${seg(id)}`, schema: callWireSchema, idempotent: IDEMPOTENT.read });
      return fromWireCall(c);
    },

    /** Fetches a call's mp3 for streaming through the app; `range` is passed on as is (e.g. `bytes=0-`). */
    async recording(recordUrl: string, range?: string): Promise<Response> {
      const target = recordingTarget(recordUrl, options.baseUrl);
      if (!target) {
        throw new ProviderError({ kind: "validation", provider: CALLDRON_PROVIDER, method: "GET", path: "(record_url)", providerMessage: "record URL is not on the connection's host" });
      }
      return providerFetch({
        provider: CALLDRON_PROVIDER,
        method: "GET",
        ...target,
        headers: { authorization, accept: "audio/mpeg, */*", ...(range ? { range } : {}) },
        idempotent: IDEMPOTENT.read,
        ...transportOptions,
      });
    },
  };
}

function seg(id: string): string {
  return encodeURIComponent(id);
}

function badResponse(path: string, message: string): ProviderError {
  return new ProviderError({ kind: "bad_response", provider: CALLDRON_PROVIDER, method: "GET", path, providerMessage: message });
}
