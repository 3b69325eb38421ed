import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { byteRangeResponse } from "@/lib/audio/byte-range";
import { AUDIO_CONTENT_TYPES } from "@/lib/audio/limits";
import { currentUser } from "@/lib/auth/current-user";
import { contentDisposition } from "@/lib/content-disposition";
import { findAudioFileMeta, readAudioBytes } from "@/lib/db/queries/audio";

export const dynamic = "force-dynamic";

/**
 * A stored audio file, for signed-in users only, with `Range` so a player can seek. `?name=` is what a download is
 * saved as (a record's name in the records table; the browser takes this header's name over a link's `download`).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("audioUpload.errors");
  if (!(await currentUser())) return NextResponse.json({ error: t("unauthenticated") }, { status: 401 });
  const id = z.uuid().safeParse((await params).id);
  const file = id.success ? await findAudioFileMeta({ id: id.data }) : undefined;
  if (!file) return NextResponse.json({ error: t("notFound") }, { status: 404 });
  return byteRangeResponse({
    size: file.sizeBytes,
    contentType: AUDIO_CONTENT_TYPES[file.format],
    rangeHeader: request.headers.get("range"),
    read: (start, end) => readAudioBytes({ id: file.id, start, end }),
    headers: {
      "cache-control": "private, max-age=3600",
      "content-disposition": contentDisposition("inline", downloadName(file, new URL(request.url).searchParams.get("name"))),
    },
  });
}

/** The name asked for, with the file's own extension; the stored name when none (or an unusable one) is asked for. */
function downloadName(file: { name: string; format: string }, asked: string | null): string {
  const name = z.string().trim().min(1).max(200).safeParse(asked);
  if (!name.success) return file.name;
  return name.data.toLowerCase().endsWith(`.${file.format}`) ? name.data : `${name.data}.${file.format}`;
}
