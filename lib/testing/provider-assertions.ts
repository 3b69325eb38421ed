import { expect } from "vitest";
import { ProviderError } from "@/lib/providers/provider-error";

/**
 * Awaits a call that must fail with a ProviderError and returns it; none of `secrets` may appear in its
 * message, path or provider message.
 */
export async function failure(promise: Promise<unknown>, secrets: string[] = []): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  const providerError = error as ProviderError;
  const visible = `${providerError.message} ${providerError.path} ${providerError.providerMessage ?? ""}`;
  for (const secret of secrets) expect(visible).not.toContain(secret);
  return providerError;
}
