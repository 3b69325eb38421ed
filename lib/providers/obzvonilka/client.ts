import type { z } from "zod";
import { type ProviderClientOptions, providerRequest } from "@/lib/providers/http";
import {
  baseSchema,
  basesSchema,
  type Contact,
  type ContactInput,
  contactInputSchema,
  contactSchema,
  contactsSchema,
  PHONE_FIELDS,
  userSchema,
  usersSchema,
} from "@/lib/providers/obzvonilka/schema";
import { API_KEY_PARAM, contactFormKey, DEFAULT_BASE_URL, PATCH_IS_IDEMPOTENT, paths } from "@/lib/providers/obzvonilka/wire";
import { toObzvonilkaPhone } from "@/lib/providers/phone";
import { ProviderError } from "@/lib/providers/provider-error";

export type ObzvonilkaClientOptions = Omit<ProviderClientOptions, "baseUrl"> & {
  /** Defaults to the real service; tests and the demo point it at the simulator. */
  baseUrl?: string;
};

export type ObzvonilkaClient = ReturnType<typeof createObzvonilkaClient>;

/** One function per documented endpoint; every failure is a ProviderError. */
export function createObzvonilkaClient({ baseUrl = DEFAULT_BASE_URL, apiKey, timeoutMs, deadlineMs, signal, sleep, guard }: ObzvonilkaClientOptions) {
  function call<T>(
    method: "GET" | "POST" | "PATCH",
    path: string,
    schema: z.ZodType<T>,
    options: { idempotent: boolean; form?: URLSearchParams },
  ): Promise<T> {
    return providerRequest({
      provider: "obzvonilka",
      baseUrl,
      method,
      path,
      query: { [API_KEY_PARAM]: apiKey },
      schema,
      secrets: [apiKey],
      timeoutMs,
      deadlineMs,
      signal,
      sleep,
      guard,
      ...options,
    });
  }

  return {
    listBases: () => call("GET", paths.bases(), basesSchema, { idempotent: true }),
    getBase: (baseId: number) => call("GET", paths.base(baseId), baseSchema, { idempotent: true }),
    /** The whole base in one answer: the API has no paging. */
    listContacts: (baseId: number) => call("GET", paths.contacts(baseId), contactsSchema, { idempotent: true }),
    getContact: (baseId: number, contactId: number) =>
      call("GET", paths.contact(baseId, contactId), contactSchema, { idempotent: true }),
    /** null when no contact has this code (the API answers 404; an unknown base answers the same). */
    findContactByExternalCode: async (baseId: number, code: string): Promise<Contact | null> => {
      try {
        return await call("GET", paths.contactByExternal(baseId, code), contactSchema, { idempotent: true });
      } catch (error) {
        if (error instanceof ProviderError && error.kind === "not_found") return null;
        throw error;
      }
    },
    /** Not idempotent: a 500 may have created the contact, so it is never retried blindly. */
    createContact: async (baseId: number, input: ContactInput) => {
      const path = paths.contacts(baseId);
      return call("POST", path, contactSchema, { idempotent: false, form: toForm("POST", path, input) });
    },
    /** Sends only the given fields; "" clears one. */
    updateContact: async (baseId: number, contactId: number, input: ContactInput) => {
      const path = paths.contact(baseId, contactId);
      return call("PATCH", path, contactSchema, { idempotent: PATCH_IS_IDEMPOTENT, form: toForm("PATCH", path, input) });
    },
    listUsers: () => call("GET", paths.users(), usersSchema, { idempotent: true }),
    getUser: (userId: number) => call("GET", paths.user(userId), userSchema, { idempotent: true }),
    /** "Test connection": the cheapest authenticated read. */
    ping: async () => ({ users: (await call("GET", paths.users(), usersSchema, { idempotent: true })).length }),
  };
}

const phoneFields = new Set<string>(PHONE_FIELDS);

function toForm(method: string, path: string, input: ContactInput): URLSearchParams {
  const parsed = contactInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProviderError({
      kind: "validation",
      provider: "obzvonilka",
      method,
      path,
      providerMessage: `${issue?.path.join(".") || "contact"}: ${issue?.message ?? "invalid"}`,
    });
  }
  const form = new URLSearchParams();
  for (const [field, value] of Object.entries(parsed.data)) {
    if (value === undefined) continue;
    form.set(contactFormKey(field), phoneFields.has(field) && value !== "" ? toObzvonilkaPhone(value) : value);
  }
  return form;
}
