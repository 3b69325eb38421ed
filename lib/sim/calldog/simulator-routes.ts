import { type AudioCache, serveAudio } from "@/lib/sim/calldog/simulator-audio";
import { createCalls } from "@/lib/sim/calldog/simulator-create";
import { type CalldogBody, fail, flag, integer, ok, parseBody } from "@/lib/sim/calldog/simulator-http";
import { createRecord, removeRecord } from "@/lib/sim/calldog/simulator-records";
import { type SimAccount, type SimState, accountByKey, callInfo, unix } from "@/lib/sim/calldog/simulator-state";
import { CALLDOG_MAX_IDS_PER_GET, CALLDOG_PATHS, isCalldogPhone } from "@/lib/providers/calldog/wire";
import type { SimContext, SimRequest, SimResponse } from "@/lib/sim/types";

type Route = (state: SimState, account: SimAccount, body: CalldogBody, req: SimRequest, ctx: SimContext) => SimResponse;

const ROUTES: Record<string, Route> = {
  [CALLDOG_PATHS.createCalls]: createCalls,
  [CALLDOG_PATHS.getCalls]: getCalls,
  [CALLDOG_PATHS.createRecord]: createRecord,
  [CALLDOG_PATHS.removeRecord]: (state, account, body) => removeRecord(state, account, body),
  [CALLDOG_PATHS.userInfo]: (_state, account) => userInfo(account),
  [CALLDOG_PATHS.getPhones]: getPhones,
  [CALLDOG_PATHS.getAvailableLanguages]: (_state, account) => ok(account.languages),
  [CALLDOG_PATHS.confirmPhone]: confirmPhone,
};

/** Strict like the service: POST only (GET also for languages, as the doc's table has it), a JSON object body, a valid key. */
export async function route(state: SimState, cache: AudioCache, req: SimRequest, ctx: SimContext): Promise<SimResponse> {
  const audio = serveAudio(state, cache, req);
  if (audio) return audio;
  const path = req.path.replace(/^\/+|\/+$/g, "");
  const handler = ROUTES[path];
  if (!handler) return fail(404, "Метод API не найден");
  const languagesByGet = req.method === "GET" && path === CALLDOG_PATHS.getAvailableLanguages;
  if (req.method !== "POST" && !languagesByGet) return { ...fail(405, "Метод не поддерживается, используйте POST"), headers: { allow: "POST" } };
  const body: CalldogBody | undefined = languagesByGet ? { fields: {}, files: new Map() } : await parseBody(req);
  if (!body) return fail(400, "Тело запроса должно быть JSON-объектом");
  const key = languagesByGet ? req.query.get("apiKey") : body.fields.apiKey;
  if (key === undefined || key === null || key === "") return fail(401, "Не указан apiKey");
  const account = accountByKey(state, typeof key === "string" ? key : undefined);
  if (!account) return fail(401, "Неверный apiKey");
  return handler(state, account, body, req, ctx);
}

function userInfo(account: SimAccount): SimResponse {
  return ok({
    id: account.id,
    name: account.name,
    balance: account.balanceKopecks / 100,
    currency: "RUB",
    moderation: account.moderation,
    loggedAt: unix(account.loggedAt),
    lastPayAt: unix(account.lastPayAt),
  });
}

/** Ids come in the JSON body (`apiCallIdList`) or, as in the doc's example, the query (`apiCallIdList[]=1`); both are read. */
function getCalls(state: SimState, account: SimAccount, body: CalldogBody, req: SimRequest): SimResponse {
  const fromBody = body.fields.apiCallIdList;
  if (fromBody !== undefined && !Array.isArray(fromBody)) return fail(422, "apiCallIdList: ожидается массив");
  const raw: unknown[] = [...(fromBody ?? []), ...req.query.getAll("apiCallIdList[]"), ...req.query.getAll("apiCallIdList")];
  if (raw.length === 0) return fail(422, "apiCallIdList: обязательное поле");
  if (raw.length > CALLDOG_MAX_IDS_PER_GET) return fail(422, `apiCallIdList: не более ${CALLDOG_MAX_IDS_PER_GET} id за запрос`);
  const ids = raw.map(integer);
  if (ids.some((id) => id === undefined)) return fail(422, "apiCallIdList: id должны быть целыми числами");
  const calls = [...new Set(ids)]
    .map((id) => state.calls.get(id as number))
    .filter((call) => call !== undefined && call.accountId === account.id)
    .map((call) => callInfo(call as NonNullable<typeof call>, req.baseUrl));
  return ok(calls);
}

function getPhones(state: SimState, account: SimAccount, body: CalldogBody): SimResponse {
  const all = flag(body.fields.all);
  if (all === undefined) return fail(422, "all: ожидается true или false");
  const phones = state.phones
    .filter((p) => p.accountId === account.id && (all === 1 || p.confirmed))
    .map((p) => ({ id: p.id, phone: p.phone, confirmed: p.confirmed, duty: p.duty, createdAt: unix(p.createdAt) }));
  return ok(phones);
}

/** FlashOnCall: the simulator only records the check; the code is the last four digits of the calling number. */
function confirmPhone(state: SimState, account: SimAccount, body: CalldogBody, _req: SimRequest, ctx: SimContext): SimResponse {
  const phone = body.fields.phone;
  if (phone === undefined || phone === null || phone === "") return fail(422, "phone: обязательное поле");
  if (!isCalldogPhone(phone)) return fail(422, "phone: номер должен состоять из 11 цифр и начинаться с 7");
  const code = String(ctx.rng.int(0, 9999)).padStart(4, "0");
  const check = { id: state.nextId.check++, accountId: account.id, phone, code, createdAt: ctx.clock.wall() };
  state.checks.push(check);
  return ok({ id: check.id, phone, status: "created", code, callerId: `7495000${code}`, createdAt: unix(check.createdAt) });
}
