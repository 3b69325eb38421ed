import { z } from "zod";
import { IVR_DIGITS, type IvrHandler, type IvrMenu, type IvrParameter } from "@/lib/calldog/ivr-menu";

/** The menu's shape at the server's boundary (actions, stored templates); kept apart so the builder ships without zod. */
export const ivrParameterSchema = z.object({ key: z.string().max(100), value: z.string().max(500) }) satisfies z.ZodType<IvrParameter>;

export const ivrHandlerSchema = z.object({
  digit: z.enum(IVR_DIGITS),
  /** Each action is null when not chosen. */
  play: z.object({ recordId: z.string().max(20) }).nullable(),
  transfer: z.object({ phone: z.string().max(40) }).nullable(),
  sms: z.object({ text: z.string().max(500) }).nullable(),
  blacklist: z.boolean(),
  webhook: z.object({ url: z.string().max(2000), parameters: z.array(ivrParameterSchema).max(50) }).nullable(),
  /** Words recognised in speech, as typed (spaces or commas between them). */
  keyWords: z.object({ text: z.string().max(500) }).nullable(),
}) satisfies z.ZodType<IvrHandler>;

export const ivrMenuSchema = z.object({ handlers: z.array(ivrHandlerSchema).max(IVR_DIGITS.length * 2) }) satisfies z.ZodType<IvrMenu>;
