import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/current-user";
import { acceptUpload, cleanFileName, MAX_UPLOAD_BYTES, readUploadBody, UploadError } from "@/lib/imports/upload";

/**
 * A spreadsheet for an import: the raw file as the body (its name in `x-file-name`), checked by its content,
 * kept in the database, answered with a preview and a suggested column mapping.
 */
export async function POST(request: Request): Promise<Response> {
  const t = await getTranslations("imports");
  const refuse = (reason: string, status: number) => Response.json({ error: t(`refused.${reason}`), reason }, { status });
  const user = await currentUser();
  if (!user) return refuse("unauthenticated", 401);
  const declared = request.headers.get("content-length");
  if (Number(declared ?? 0) > MAX_UPLOAD_BYTES) return refuse("tooLarge", 413);
  try {
    const bytes = await readUploadBody(request.body, declared === null ? null : Number(declared));
    const preview = await acceptUpload({ ownerId: user.id, name: cleanFileName(request.headers.get("x-file-name")), bytes });
    return Response.json(preview);
  } catch (error) {
    if (error instanceof UploadError) return refuse(error.reason, error.reason === "tooLarge" ? 413 : 422);
    console.error("[imports] upload failed:", error instanceof Error ? error.message : "unknown");
    return refuse("unexpected", 500);
  }
}
