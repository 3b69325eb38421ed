import type { z } from "zod";
import {
  type CalldogCall,
  type CalldogCreatedCall,
  type CalldogPhone,
  type CalldogPhoneCheck,
  type CalldogRecord,
  type CalldogRemovedRecords,
  type CalldogUserInfo,
  confirmPhoneResponseSchema,
  createCallsResponseSchema,
  createRecordResponseSchema,
  getCallsResponseSchema,
  getPhonesResponseSchema,
  languagesResponseSchema,
  removeRecordResponseSchema,
  userInfoResponseSchema,
} from "@/lib/providers/calldog/schema";
import {
  CALLDOG_MAX_IDS_PER_GET,
  CALLDOG_MAX_PHONES_PER_REQUEST,
  CALLDOG_PATHS,
  CALLDOG_RECORDING_KEY_PARAM,
  type CalldogCreateCallsInput,
  errorKindFor,
  fillCreatedCalls,
  fillRecord,
  toCreateCallsBody,
} from "@/lib/providers/calldog/wire";
import { type ProviderClientOptions, providerFetch, providerRequest } from "@/lib/providers/http";
import { toCalldogPhone } from "@/lib/providers/phone";
import { ProviderError } from "@/lib/providers/provider-error";

export type CalldogClientOptions = ProviderClientOptions;

export type CalldogClient = ReturnType<typeof createCalldogClient>;

/** Calldog: every call a POST to `<base>apiCalls/...` with `apiKey` in the JSON body (in the form for an upload). */
export function createCalldogClient(options: CalldogClientOptions) {
  const { apiKey } = options;

  function post<T>(path: string, body: Record<string, unknown>, schema: z.ZodType<T>, idempotent: boolean): Promise<T> {
    return providerRequest({
      ...common(options),
      method: "POST",
      path,
      json: { apiKey, ...body },
      schema,
      idempotent,
    });
  }

  const client = {
    /** Dials one number or a batch (≤ CALLDOG_MAX_PHONES_PER_REQUEST); refused numbers come back with status "error". */
    async createCalls(input: CalldogCreateCallsInput): Promise<CalldogCreatedCall[]> {
      if (input.phones.length === 0 || input.phones.length > CALLDOG_MAX_PHONES_PER_REQUEST) {
        throw localError(CALLDOG_PATHS.createCalls, `between 1 and ${CALLDOG_MAX_PHONES_PER_REQUEST} phones per request`);
      }
      const items = await post(CALLDOG_PATHS.createCalls, toCreateCallsBody(input), createCallsResponseSchema, false);
      return fillCreatedCalls(items, input.phones);
    },

    /** Call info; ids the account does not own are left out of the answer. */
    async getCalls(ids: number[]): Promise<CalldogCall[]> {
      const calls: CalldogCall[] = [];
      for (let i = 0; i < ids.length; i += CALLDOG_MAX_IDS_PER_GET) {
        const chunk = ids.slice(i, i + CALLDOG_MAX_IDS_PER_GET);
        calls.push(...(await post(CALLDOG_PATHS.getCalls, { apiCallIdList: chunk }, getCallsResponseSchema, true)));
      }
      return calls;
    },

    async createRecordFromText(input: { name: string; text: string }): Promise<CalldogRecord> {
      const body = { name: input.name, source: "text", text: input.text };
      return fillRecord(await post(CALLDOG_PATHS.createRecord, body, createRecordResponseSchema, false), input.name, "text");
    },

    /** A real multipart/form-data upload; the service sniffs the content (mp3 or wav). */
    async createRecordFromFile(input: { name: string; file: Buffer | Blob; filename: string }): Promise<CalldogRecord> {
      const form = new FormData();
      form.set("apiKey", apiKey);
      form.set("name", input.name);
      form.set("source", "file");
      const blob = input.file instanceof Blob ? input.file : new Blob([new Uint8Array(input.file)], { type: mimeFor(input.filename) });
      form.set("file", blob, input.filename);
      const answer = await providerRequest({
        ...common(options),
        method: "POST",
        path: CALLDOG_PATHS.createRecord,
        multipart: form,
        schema: createRecordResponseSchema,
        idempotent: false,
      });
      return fillRecord(answer, input.name, "file");
    },

    /** Any success counts; `idList` is what the answer names, when it does. */
    removeRecords(ids: number[]): Promise<CalldogRemovedRecords> {
      return post(CALLDOG_PATHS.removeRecord, { idList: ids }, removeRecordResponseSchema, true);
    },

    /** Any success counts: the fields the answer lacks are null (`balance` too). */
    userInfo(): Promise<CalldogUserInfo> {
      return post(CALLDOG_PATHS.userInfo, {}, userInfoResponseSchema, true);
    },

    /** Confirmed caller ids; `all: true` adds the unconfirmed ones. */
    getPhones(input: { all?: boolean } = {}): Promise<CalldogPhone[]> {
      return post(CALLDOG_PATHS.getPhones, { all: input.all ?? false }, getPhonesResponseSchema, true);
    },

    getAvailableLanguages(): Promise<string[]> {
      return post(CALLDOG_PATHS.getAvailableLanguages, {}, languagesResponseSchema, true);
    },

    /** FlashOnCall: the number (E.164) gets a flash call whose caller id ends in the code. Any success counts. */
    async confirmPhone(phone: string): Promise<CalldogPhoneCheck> {
      const answer = await post(CALLDOG_PATHS.confirmPhone, { phone: toCalldogPhone(phone) }, confirmPhoneResponseSchema, false);
      return { ...answer, phone: answer.phone ?? phone };
    },

    /**
     * Streams a recording (`recordPath` of a call, or of a record) for the app's proxy; `range` is passed through
     * (e.g. "bytes=0-1023"). The key goes as the `apiKey` query parameter, and only to the connection's own origin.
     */
    async recording(recordPath: string, range?: string): Promise<Response> {
      const base = new URL(options.baseUrl);
      const url = new URL(recordPath, base);
      if (url.origin !== base.origin) {
        throw localError(url.pathname, "the recording is not on the connection's host; the key is not sent elsewhere", "GET");
      }
      const query: Record<string, string> = Object.fromEntries(url.searchParams);
      query[CALLDOG_RECORDING_KEY_PARAM] = apiKey;
      return providerFetch({
        ...common(options),
        baseUrl: url.origin,
        method: "GET",
        path: url.pathname,
        query,
        headers: { accept: "audio/*", ...(range ? { range } : {}) },
        idempotent: true,
      });
    },

    /** "Test connection": the cheapest authenticated call. */
    ping(): Promise<CalldogUserInfo> {
      return client.userInfo();
    },
  };
  return client;
}

function common(options: CalldogClientOptions) {
  const { baseUrl, timeoutMs, deadlineMs, signal, sleep, guard } = options;
  return { provider: "calldog" as const, baseUrl, secrets: [options.apiKey], timeoutMs, deadlineMs, signal, sleep, guard, inspect: errorKindFor };
}

function localError(path: string, message: string, method = "POST"): ProviderError {
  return new ProviderError({ kind: "validation", provider: "calldog", method, path, providerMessage: message });
}

function mimeFor(filename: string): string {
  return /\.wav$/i.test(filename) ? "audio/wav" : "audio/mpeg";
}
