/**
 * A request shared by every caller: while one is in flight the others get its answer, and an answer is reused for
 * `reuseMs` after it came. The error page renders again for every error, and each render asks whether the database
 * is down: a burst of errors sends one health request, not one each.
 */
export function sharedRequest<T>(send: () => Promise<T>, { reuseMs, now = Date.now }: { reuseMs: number; now?: () => number }): () => Promise<T> {
  let inFlight: Promise<T> | undefined;
  let last: { at: number; value: T } | undefined;
  return () => {
    if (inFlight) return inFlight;
    if (last && now() - last.at < reuseMs) return Promise.resolve(last.value);
    inFlight = send()
      .then((value) => {
        last = { at: now(), value };
        return value;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
}
