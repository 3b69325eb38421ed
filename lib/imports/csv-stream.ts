import { csvLine } from "@/lib/imports/neutralise";

/** A CSV download built page by page, so a large list never sits whole in memory. UTF-8 BOM for Excel. */
export function csvResponse(fileName: string, header: string[], pages: () => AsyncGenerator<(string | number | null | undefined)[][]>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`));
        for await (const rows of pages()) controller.enqueue(encoder.encode(rows.map(csvLine).join("")));
        controller.close();
      } catch (error) {
        console.error("[csv] export failed:", error instanceof Error ? error.message : "unknown");
        controller.error(error);
      }
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
