type IdleLimit = {
  idleMs: number;
  /** Cuts the connection. */
  abort: (reason: unknown) => void;
  /** Called once when the body ends, fails or is cancelled. */
  release: () => void;
  /** The error the stream fails with, from what the read failed with. */
  failure: (cause: unknown) => Error;
};

/**
 * The answer with its body re-streamed under an idle limit: each read waits at most `idleMs` for the next chunk,
 * then cuts the connection and fails the stream. There is no limit on the whole body, and nothing is read ahead
 * of the consumer, so a long recording played slowly is never cut.
 */
export function withIdleLimit(response: Response, { idleMs, abort, release, failure }: IdleLimit): Response {
  const source = response.body;
  if (!source) {
    release();
    return response;
  }
  const reader = source.getReader();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const idle = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            const reason = new DOMException(`no data for ${idleMs} ms`, "TimeoutError");
            abort(reason);
            reject(reason);
          }, idleMs);
        });
        try {
          const chunk = await Promise.race([reader.read(), idle]);
          if (chunk.done) {
            release();
            controller.close();
          } else controller.enqueue(chunk.value);
        } catch (error) {
          release();
          reader.cancel().catch(() => {});
          controller.error(failure(error));
        } finally {
          clearTimeout(timer);
        }
      },
      cancel(reason) {
        release();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  const headers = new Headers(response.headers);
  // fetch has already decoded a compressed body: its encoding and length no longer describe these bytes.
  if (headers.has("content-encoding")) {
    headers.delete("content-encoding");
    headers.delete("content-length");
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
