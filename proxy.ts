import { type NextRequest, NextResponse } from "next/server";
import NextAuth from "next-auth";
import { authConfig } from "@/app/(auth)/auth.config";
import { secrets } from "@/lib/secrets";

const { auth } = NextAuth(() => ({ ...authConfig, secret: secrets().authSecret, trustHost: true }));

// Webhook receivers authenticate by their secret token, not by a session; the bench echo route answers 404 unless enabled.
const PUBLIC_PATHS = ["/signin", "/setup", "/api/health", "/api/auth", "/api/webhooks", "/api/bench"];

/**
 * The request gate: no session, no page. A cheap JWT check only; pages, actions and route handlers
 * re-check the user (enabled? role?) against the database themselves.
 */
export default async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  const session = await auth();
  if (session) return NextResponse.next();
  if (pathname.startsWith("/api/")) return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = pathname === "/" ? "" : `?from=${encodeURIComponent(pathname)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Icons and the web manifest are public: a browser asks for them before anyone signs in.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|icon-192.png|icon-512.png|apple-touch-icon.png|manifest.webmanifest|fonts/).*)"],
};
