/**
 * An error whose message is meant for the user: a key under `errors` in the messages files.
 * Anything else that escapes an action becomes a generic message and a server log line.
 */
export class SafeError extends Error {
  constructor(
    readonly messageKey: string,
    readonly values: Record<string, string | number> = {},
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(messageKey);
    this.name = "SafeError";
  }
}
