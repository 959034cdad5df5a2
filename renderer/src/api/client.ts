import type { Channel, EventName, EventPayload, Input, KotaeBridge, Output } from '@shared/api';
import { isAppError, type AppError } from '@shared/errors';

declare global {
  interface Window {
    kotae: KotaeBridge;
  }
}

/** An API failure as the UI sees it: the AppError plus a normal Error for stacks and boundaries. */
export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.detail ? `${error.code}: ${error.detail}` : error.code);
    this.name = 'ApiError';
  }
}

export function toUiError(err: unknown): AppError {
  if (err instanceof ApiError) return err.error;
  if (isAppError(err)) return err;
  return {
    code: 'INTERNAL',
    messageKey: 'errors:INTERNAL',
    detail: err instanceof Error ? err.message : String(err),
  };
}

/** Calls a channel and returns its value, or throws an ApiError carrying the typed error. */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  let result;
  try {
    result = await window.kotae.invoke(channel, input);
  } catch (err) {
    // The bridge itself failed (harness server gone, IPC torn down).
    throw new ApiError({
      code: 'INTERNAL',
      messageKey: 'errors:INTERNAL',
      detail: err instanceof Error ? err.message : String(err),
    });
  }
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export function onEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return window.kotae.on(event, listener);
}

export function mediaUrl(sha256: string): string {
  return window.kotae.mediaUrl(sha256);
}
