import { type NextRequest, NextResponse } from "next/server";
import { sessionClaims, sessionTokenFrom } from "@/lib/auth/session-claims";
import { secrets } from "@/lib/secrets";
import { contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";

const PUBLIC_PATHS = ["/signin", "/setup", "/api/health", "/api/auth"];

/**
 * The request gate: no session, no page. A cheap check of the session token only (it decrypts and has not
 * expired); pages, actions and route handlers re-check the user (enabled? role? password to change?) against
 * the database themselves.
 *
 * Every answer gets a Content-Security-Policy with a nonce of its own; the same header on the request is
 * where Next.js finds the nonce for its scripts.
 */
export default async function proxy(request: NextRequest) {
  const csp = contentSecurityPolicy({ nonce: newNonce(), dev: process.env.NODE_ENV === "development" });
  const response = await gate(request, csp);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

async function gate(request: NextRequest, csp: string): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  const pass = () => {
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", csp);
    return NextResponse.next({ request: { headers } });
  };
  if (PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return pass();
  const session = await sessionClaims(sessionTokenFrom(request.cookies.getAll()), secrets().authSecret);
  if (session) return pass();
  if (pathname.startsWith("/api/")) return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = pathname === "/" ? "" : `?from=${encodeURIComponent(pathname)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Icons and the web manifest are public: a browser asks for them before anyone signs in. Webhook receivers
  // authenticate by their secret token, not by a session, and answer JSON (no page, no script, nothing for a CSP
  // to guard): they skip the gate, whose cost was a third of a delivery's (bench:load, 200 deliveries/s). The bench
  // echo route answers 404 unless enabled.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|icon-192.png|icon-512.png|apple-touch-icon.png|manifest.webmanifest|fonts/|api/webhooks/|api/bench/).*)"],
};
