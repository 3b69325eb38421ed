/** A launch of more numbers than this needs the count typed to confirm it, in the dialog and again on the server. */
export const TYPED_CONFIRMATION_ABOVE = 1000;

/** Whether a launch of `count` numbers is confirmed by what was typed (nothing needs typing up to the threshold). */
export function typedCountConfirms(count: number, typed: number | undefined): boolean {
  return count <= TYPED_CONFIRMATION_ABOVE || typed === count;
}
