/**
 * The answer with its body re-streamed under an idle limit: each read waits at most `idleMs` for the next chunk,
 * then cuts the connection (`abort`) and fails the stream with `failure(cause)`. There is no limit on the whole
 * body, and nothing is read ahead of the consumer, so a long recording played slowly is never cut.
 */
export function withIdleLimit(response: Response, idleMs: number, abort: (reason: unknown) => void, failure: (cause: unknown) => Error): Response {
  const source = response.body;
  if (!source) return response;
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
          if (chunk.done) controller.close();
          else controller.enqueue(chunk.value);
        } catch (error) {
          reader.cancel().catch(() => {});
          controller.error(failure(error));
        } finally {
          clearTimeout(timer);
        }
      },
      cancel(reason) {
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
