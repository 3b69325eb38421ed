import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { AudioRejection } from "@/lib/audio/inspect";
import { AUDIO_PURPOSES, MAX_AUDIO_BYTES } from "@/lib/audio/limits";
import { readLimited } from "@/lib/read-limited";
import { storeAudio } from "@/lib/audio/store";
import { currentUser } from "@/lib/auth/current-user";

export const dynamic = "force-dynamic";

const STATUS: Record<AudioRejection | "unauthenticated" | "badRequest" | "lengthRequired", number> = {
  unauthenticated: 401,
  badRequest: 400,
  lengthRequired: 411,
  empty: 400,
  incomplete: 400,
  tooLarge: 413,
  notAudio: 415,
  unreadable: 415,
};

const querySchema = z.object({ purpose: z.enum(AUDIO_PURPOSES) });

/**
 * An audio upload as the raw request body (a route handler, not a server action, whose body limit is 1 MB).
 * The file name travels URI-encoded in `X-File-Name`; a custom header also keeps plain cross-site forms out.
 * The declared length is checked before reading, and reading stops past 10 MB, so nothing large is buffered.
 */
export async function POST(request: Request) {
  const user = await currentUser();
  if (!user) return refuse("unauthenticated");
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const rawName = request.headers.get("x-file-name");
  if (!query.success || rawName === null) return refuse("badRequest");
  const lengthHeader = request.headers.get("content-length");
  // Required: Next's request gate keeps only the first 10 MB of a body, so a longer body without a declared
  // length would arrive cut, and could pass for a whole file. Browsers always declare a file's length.
  if (lengthHeader === null || !/^\d+$/.test(lengthHeader)) return refuse("lengthRequired");
  const declared = Number(lengthHeader);

  const body = await readLimited(request.body, declared, MAX_AUDIO_BYTES);
  if (!body.ok) return refuse(body.error);
  const stored = await storeAudio({ bytes: body.bytes, rawName: decodeName(rawName), purpose: query.data.purpose, createdById: user.id });
  if (!stored.ok) return refuse(stored.error);
  const { id, name, format, durationSeconds, sizeBytes } = stored.file;
  return NextResponse.json({ id, name, format, durationSeconds, sizeBytes }, { status: 201 });
}

async function refuse(reason: keyof typeof STATUS): Promise<Response> {
  const t = await getTranslations("audioUpload.errors");
  return NextResponse.json({ error: t(reason === "lengthRequired" ? "badRequest" : reason, { maxMb: MAX_AUDIO_BYTES / 1024 / 1024 }) }, { status: STATUS[reason] });
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
