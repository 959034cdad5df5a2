/**
 * Awaits a mutation and says whether it worked. The failure itself is shown by the mutation's
 * `error` (ErrorMessage); this only stops the steps that should follow a success.
 */
export function succeeded(promise: Promise<unknown>): Promise<boolean> {
  return promise.then(
    () => true,
    () => false,
  );
}
