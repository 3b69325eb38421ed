import { describe, expect, it } from "vitest";
import { createBatchSchema } from "@/lib/campaigns/batch-input";

const valid = {
  connectionId: "0b6f1c1e-7d0c-4a53-9e53-3f3c2a0a9f11",
  name: "  Напоминание  ",
  type: "batch",
  confirmation: "dtmf",
  timeFrom: "09:00",
  timeTo: "21:00",
  timeZone: "Moscow",
  attempts: "3",
  callDelaySeconds: "600",
  timeoutBeforeIntroCallback: "5",
  callback: "8 (999) 777-88-55",
  from: "+7 999 7778855",
};

function issues(input: Record<string, unknown>): Record<string, string> {
  const parsed = createBatchSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("createBatchSchema", () => {
  it("takes a form and normalises names, numbers, phones and the time zone", () => {
    const parsed = createBatchSchema.parse({ ...valid, timeZone: "москва", from: "9997778855" });
    expect(parsed).toMatchObject({ name: "Напоминание", attempts: 3, callDelaySeconds: 600, callback: "+79997778855", from: "+79997778855", timeZone: "Moscow", audioId: "" });
  });

  it("refuses an empty name, attempts 0 and 1000, an invalid phone, a bad time and an unknown zone, each on its field", () => {
    expect(issues({ ...valid, name: "  " })).toEqual({ name: "batchForm.errors.nameRequired" });
    expect(issues({ ...valid, attempts: "0" })).toEqual({ attempts: "batchForm.errors.attemptsRange" });
    expect(issues({ ...valid, attempts: "1000" })).toEqual({ attempts: "batchForm.errors.attemptsRange" });
    expect(issues({ ...valid, attempts: "2.5" })).toEqual({ attempts: "batchForm.errors.attemptsRange" });
    expect(issues({ ...valid, callback: "12345" })).toEqual({ callback: "batchForm.errors.phoneInvalid" });
    expect(issues({ ...valid, timeTo: "25:00" })).toEqual({ timeTo: "batchForm.errors.timeInvalid" });
    expect(issues({ ...valid, timeZone: "Mars" })).toEqual({ timeZone: "batchForm.errors.timeZoneUnknown" });
    expect(issues({ ...valid, timeoutBeforeIntroCallback: "601" })).toEqual({ timeoutBeforeIntroCallback: "batchForm.errors.introTimeoutRange" });
    expect(issues({ ...valid, audioId: "not-an-id" })).toEqual({ audioId: "batchForm.errors.audioMissing" });
  });

  it("leaves optional phones empty, and an empty intro wait unset", () => {
    expect(createBatchSchema.parse({ ...valid, callback: "", from: undefined })).toMatchObject({ callback: "", from: "" });
    expect(createBatchSchema.parse({ ...valid, timeoutBeforeIntroCallback: "" }).timeoutBeforeIntroCallback).toBeUndefined();
  });
});
