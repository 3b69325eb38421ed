export declare const SOCKET_ADDRESS_HEADER: "x-prozvon-socket-address";
export declare function stampSocketAddress(headers: Record<string, string | string[] | undefined>, remoteAddress: string | undefined): void;
export declare function normalizeAddress(address: string | undefined): string;
