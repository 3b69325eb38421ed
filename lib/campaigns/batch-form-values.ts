/** The batch form's fields as typed, and a new batch's starting values (plain data: server pages read them too). */
export type BatchFormValues = {
  name: string;
  description: string;
  type: string;
  confirmation: string;
  timeFrom: string;
  timeTo: string;
  timeZone: string;
  attempts: string;
  callDelaySeconds: string;
  timeoutBeforeIntroCallback: string;
  callback: string;
  from: string;
};

export const NEW_BATCH_VALUES: BatchFormValues = {
  name: "",
  description: "",
  type: "batch",
  confirmation: "timeout",
  timeFrom: "09:00",
  timeTo: "20:00",
  timeZone: "Moscow",
  attempts: "3",
  callDelaySeconds: "600",
  timeoutBeforeIntroCallback: "0",
  callback: "",
  from: "",
};
