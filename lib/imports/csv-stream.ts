import { csvLine } from "@/lib/imports/neutralise";

/** A CSV download built page by page, so a large list never sits whole in memory. UTF-8 BOM for Excel. */
export function csvResponse(fileName: string, header: string[], pages: () => AsyncGenerator<(string | number | null | undefined)[][]>): Response {
  return csvTextResponse(fileName, csvLine(header), async function* () {
    for await (const rows of pages()) yield rows.map(csvLine).join("");
  });
}

/**
 * A CSV download from text already made into lines: the header line, then each chunk as one piece of the stream.
 * The next chunk is made only when the reader asks for more (a slow download holds the making back). UTF-8 BOM.
 */
export function csvTextResponse(fileName: string, headerLine: string, chunks: () => AsyncGenerator<string>): Response {
  const encoder = new TextEncoder();
  const source = chunks();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${headerLine}`));
    },
    async pull(controller) {
      try {
        const { value, done } = await source.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        console.error("[csv] export failed:", error instanceof Error ? error.message : "unknown");
        controller.error(error);
      }
    },
    async cancel() {
      await source.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}
