/**
 * The header through which scripts/start.mjs hands the app the address of the socket a request came in on.
 * Whatever a client sends under this name is dropped first, so the app may trust it — when the start
 * script says it is running (PROZVON_SOCKET_ADDRESS=1 in the app's own environment, never from a request).
 */
export const SOCKET_ADDRESS_HEADER = "x-prozvon-socket-address";

/** Replaces any incoming value of the header with the socket's address (IPv4 without its `::ffff:` form). */
export function stampSocketAddress(headers, remoteAddress) {
  delete headers[SOCKET_ADDRESS_HEADER];
  headers[SOCKET_ADDRESS_HEADER] = normalizeAddress(remoteAddress);
}

export function normalizeAddress(address) {
  if (!address) return "unknown";
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}
