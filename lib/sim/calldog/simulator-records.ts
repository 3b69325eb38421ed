import { type CalldogBody, fail, integer, ok } from "@/lib/sim/calldog/simulator-http";
import { type SimAccount, type SimRecord, type SimState, recordInfo } from "@/lib/sim/calldog/simulator-state";
import { CALLDOG_TEXT_MAX, CALLDOG_TTS_PRICE_KOPECKS, CALLDOG_UPLOAD_MAX_BYTES } from "@/lib/providers/calldog/wire";
import { audioKind } from "@/lib/sim/audio";
import type { SimContext, SimRequest, SimResponse } from "@/lib/sim/types";

/** apiCalls/createRecord: `source=file` needs a multipart upload of real mp3/wav; `source=text` is a paid TTS generation. */
export function createRecord(state: SimState, account: SimAccount, body: CalldogBody, req: SimRequest, ctx: SimContext): SimResponse {
  const f = body.fields;
  if (typeof f.name !== "string" || f.name.trim() === "") return fail(422, "name: обязательное поле");
  const base = { id: 0, accountId: account.id, name: f.name, moderated: !account.moderation, createdAt: ctx.clock.wall() };
  let record: SimRecord;
  if (f.source === "file") {
    const file = body.files.get("file");
    if (!file) return fail(422, "file: загрузите файл (multipart/form-data)");
    if (file.bytes.length > CALLDOG_UPLOAD_MAX_BYTES) return fail(422, "file: файл больше 10 МБ");
    const kind = audioKind(file.bytes);
    if (!kind) return fail(422, "file: поддерживаются только mp3 и wav");
    record = { ...base, source: "file", format: kind, upload: file.bytes.toString("base64") };
  } else if (f.source === "text") {
    if (typeof f.text !== "string" || f.text.trim() === "") return fail(422, "text: обязательное поле при source=text");
    if (f.text.length > CALLDOG_TEXT_MAX) return fail(422, `text: не более ${CALLDOG_TEXT_MAX} символов`);
    if (account.balanceKopecks < CALLDOG_TTS_PRICE_KOPECKS) return fail(402, "Недостаточно средств для генерации голоса");
    account.balanceKopecks -= CALLDOG_TTS_PRICE_KOPECKS;
    record = { ...base, source: "text", text: f.text, gender: 0, format: "mp3" };
  } else {
    return fail(422, "source: ожидается 'text' или 'file'");
  }
  record.id = state.nextId.record++;
  state.records.set(record.id, record);
  return ok(recordInfo(record, req.baseUrl));
}

/** apiCalls/removeRecord: all ids must be the account's records, or nothing is removed. */
export function removeRecord(state: SimState, account: SimAccount, body: CalldogBody): SimResponse {
  const list = body.fields.idList;
  if (!Array.isArray(list) || list.length === 0) return fail(422, "idList: ожидается непустой массив id");
  const ids = list.map(integer);
  const missing = list.filter((_, i) => {
    const id = ids[i];
    return id === undefined || state.records.get(id)?.accountId !== account.id;
  });
  if (missing.length > 0) return fail(404, `Аудиоролики не найдены: ${missing.join(", ")}`);
  for (const id of ids) if (id !== undefined) state.records.delete(id);
  return ok({ idList: ids });
}
