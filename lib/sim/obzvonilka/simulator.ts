import { z } from "zod";
import { applyPatch, type ContactPatch, emptyContact, readContactPatch } from "@/lib/sim/obzvonilka/simulator-contact";
import { type FormFields, parseForm } from "@/lib/sim/obzvonilka/simulator-form";
import { type SimOrg, type SimState, seedBulkBase, seedState } from "@/lib/sim/obzvonilka/simulator-seed";
import { API_KEY_HEADER, API_KEY_PARAM, INVALID_STATUS, invalidBody, REFUSAL } from "@/lib/providers/obzvonilka/wire";
import { OBZVONILKA_SIM_ACCOUNTS, OBZVONILKA_SIM_PREFIX } from "@/lib/sim/obzvonilka/simulator-accounts";
import type { ProviderSim, SimRequest, SimResponse } from "@/lib/sim/types";

/** A strict stand-in for Obzvonilka's REST API: the rules it enforces are listed in docs/providers.md. */
export function createObzvonilkaSim(opts: { demoData?: boolean } = {}): ProviderSim {
  let state: SimState = seedState(opts.demoData ?? false);
  const forms = new WeakMap<SimRequest, FormFields | undefined>();

  const formOf = (req: SimRequest) => {
    if (!forms.has(req)) forms.set(req, parseForm(req.headers["content-type"], req.body));
    return forms.get(req);
  };
  const credential = (req: SimRequest): { key: string; via: string } | undefined => {
    const fromQuery = req.query.get(API_KEY_PARAM);
    if (fromQuery) return { key: fromQuery, via: `query:${API_KEY_PARAM}` };
    const fromHeader = req.headers[API_KEY_HEADER];
    if (fromHeader) return { key: fromHeader, via: `header:${API_KEY_HEADER}` };
    const fromForm = formOf(req)?.get(API_KEY_PARAM);
    if (typeof fromForm === "string" && fromForm) return { key: fromForm, via: `form:${API_KEY_PARAM}` };
    return undefined;
  };

  return {
    provider: "obzvonilka",
    prefix: OBZVONILKA_SIM_PREFIX,
    presentedKey: (req) => credential(req)?.key,
    authMethod: (req) => credential(req)?.via ?? "none",
    handle(req) {
      const key = credential(req)?.key;
      const account = OBZVONILKA_SIM_ACCOUNTS.find((a) => a.key === key)?.account;
      const org = state.orgs.find((o) => o.account === account);
      if (!org) return REFUSAL.unauthorized;
      const segments = routeSegments(req.path);
      if (!segments) return REFUSAL.notFound;
      return route(org, req.method, segments, () => formOf(req));
    },
    describeAccounts: () => OBZVONILKA_SIM_ACCOUNTS.map(({ key, label }) => ({ key, label })),
    // Test control: `POST /_sim/obzvonilka/bulk-base {"contacts": 50000}` fills a load-test base in the demo organisation.
    control(action, body) {
      if (action !== "bulk-base") return undefined;
      const count = Number(body.contacts);
      if (!Number.isInteger(count) || count < 1 || count > 200_000) return { status: 400, body: { error: "contacts: 1 to 200000" } };
      return ok(seedBulkBase(state, count));
    },
    snapshot: () => structuredClone(state),
    restore(saved) {
      const parsed = savedStateSchema.safeParse(saved);
      if (!parsed.success) {
        console.warn("[sim] obzvonilka: saved state not recognised, keeping the current one");
        return;
      }
      state = structuredClone(parsed.data as SimState);
    },
  };

  function route(org: SimOrg, method: string, segments: string[], form: () => FormFields | undefined): SimResponse {
    const [area, id, sub, contactId, code, ...rest] = segments;
    if (rest.length > 0) return REFUSAL.notFound;
    if (area === "users" && method === "GET" && sub === undefined) {
      if (id === undefined) return ok(org.users);
      const user = org.users.find((u) => u.id === numericId(id));
      return user ? ok(user) : REFUSAL.notFound;
    }
    if (area !== "contact_bases") return REFUSAL.notFound;
    if (id === undefined) return method === "GET" ? ok(org.bases.map((b) => b.base)) : REFUSAL.notFound;
    const entry = org.bases.find((b) => b.base.id === numericId(id));
    if (!entry) return REFUSAL.notFound;
    if (sub === undefined) return method === "GET" ? ok(entry.base) : REFUSAL.notFound;
    if (sub !== "contacts") return REFUSAL.notFound;

    if (contactId === "find_by_external" && code !== undefined && method === "GET") {
      const match = entry.contacts.find((c) => c.external_code === code);
      return match ? ok(match) : REFUSAL.notFound;
    }
    if (code !== undefined) return REFUSAL.notFound;
    if (contactId === undefined) {
      if (method === "GET") return ok(entry.contacts);
      if (method !== "POST") return REFUSAL.notFound;
      return write(entry.base.deleted, form(), (patch) => {
        const created = applyPatch(emptyContact(state.nextContactId), patch);
        if ("contact" in created) {
          state.nextContactId++;
          entry.contacts.push(created.contact);
        }
        return created;
      });
    }
    const index = entry.contacts.findIndex((c) => c.id === numericId(contactId));
    const current = entry.contacts[index];
    if (!current) return REFUSAL.notFound;
    if (method === "GET") return ok(current);
    if (method !== "PATCH") return REFUSAL.notFound;
    return write(entry.base.deleted, form(), (patch) => {
      const updated = applyPatch(current, patch);
      if ("contact" in updated) entry.contacts[index] = updated.contact;
      return updated;
    });
  }
}

function write(
  baseDeleted: boolean,
  form: FormFields | undefined,
  change: (patch: ContactPatch) => ReturnType<typeof applyPatch>,
): SimResponse {
  if (!form) return REFUSAL.unsupportedMedia;
  const read = readContactPatch(form);
  if ("errors" in read) return { status: INVALID_STATUS, body: invalidBody(read.errors) };
  if (baseDeleted) return { status: INVALID_STATUS, body: invalidBody({ contact_base: ["is deleted"] }) };
  const outcome = change(read.patch);
  return "errors" in outcome ? { status: INVALID_STATUS, body: invalidBody(outcome.errors) } : ok(outcome.contact);
}

/** `/contact_bases/1/contacts.json` → ["contact_bases", "1", "contacts"]; undefined without `.json`. */
function routeSegments(path: string): string[] | undefined {
  if (!path.endsWith(".json")) return undefined;
  try {
    return path
      .slice(0, -".json".length)
      .split("/")
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

function numericId(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

function ok(body: unknown): SimResponse {
  return { status: 200, body };
}

// Only the skeleton is checked: the file is the simulator's own, written by snapshot().
const savedStateSchema = z.object({
  version: z.literal(1),
  nextContactId: z.number().int().positive(),
  orgs: z.array(
    z.object({
      account: z.string(),
      bases: z.array(z.object({ base: z.looseObject({ id: z.number() }), contacts: z.array(z.looseObject({ id: z.number() })) })),
      users: z.array(z.looseObject({ id: z.number() })),
    }),
  ),
});
