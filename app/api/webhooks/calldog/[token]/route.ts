import { NextResponse } from "next/server";
import { receiveCalldogDelivery, receiverAnswer } from "@/lib/webhooks/calldog-receiver";

export const dynamic = "force-dynamic";

/** Calldog's webhook receiver in the app's own server (`npm run webhooks` serves the same, alone). */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const status = await receiveCalldogDelivery({
    token,
    declaredBytes: Number(request.headers.get("content-length") ?? 0),
    readBody: () => request.text(),
  });
  return NextResponse.json(receiverAnswer(status), { status });
}
