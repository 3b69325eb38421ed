/**
 * The Content-Security-Policy for one response, built around a fresh nonce: Next.js reads the nonce from
 * this header on the request (proxy.ts copies it there) and puts it on its own scripts, so no script runs
 * without it — no `unsafe-inline`, no `unsafe-eval` for scripts. `next dev` alone gets `unsafe-eval` (React's
 * dev build evaluates code for its stack traces) and the WebSocket of hot reloading.
 *
 * Styles keep `unsafe-inline`: React's `style` attributes (recharts, progress bars) are inline styles, which a
 * nonce cannot cover, and a style cannot run code.
 */
export function contentSecurityPolicy({ nonce, dev }: { nonce: string; dev: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "media-src": ["'self'", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(dev ? ["ws:", "wss:"] : [])],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "frame-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** 128 random bits, base64: unguessable and fresh for every request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
