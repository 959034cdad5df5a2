import { channels, isChannel } from '../../../shared/api';
import { isAppError, KotaeError, toAppError, type AppError, type Result } from '../../../shared/errors';
import type { HandlerTable } from './types';

export interface DispatchOptions {
  /** Called with internal errors (bugs), which the UI only shows as "something went wrong". */
  onInternalError?: (channel: string, err: unknown) => void;
}

function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(input)'}: ${i.message}`)
    .join('; ');
}

/**
 * The error a schema states for its own refusal (`params.appError` of a custom issue), such as
 * DOCUMENT_INVALID naming the node of an answer document, when that is the only thing wrong;
 * anything else wrong with the input makes it a plain INVALID_INPUT.
 */
function statedError(error: {
  issues: { code: string; params?: Record<string, unknown> }[];
}): AppError | null {
  const stated = error.issues.map((issue) => (issue.code === 'custom' ? issue.params?.appError : undefined));
  return stated.length > 0 && stated.every(isAppError) ? stated[0]! : null;
}

/**
 * The one way into the core from a window: refuse unknown channels, validate the input against the
 * channel's zod schema before the handler sees it, check the output against the contract, and turn
 * every failure into an AppError value. Electron's ipcMain and the UI harness both call this.
 */
export async function dispatch(
  handlers: HandlerTable,
  channel: unknown,
  rawInput: unknown,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: toAppError(new KotaeError('UNKNOWN_CHANNEL', { channel: String(channel).slice(0, 100) })),
    };
  }
  const spec = channels[channel];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error:
        statedError(parsed.error) ??
        toAppError(new KotaeError('INVALID_INPUT', { channel }, describeIssues(parsed.error))),
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      throw new Error(`output of ${channel} breaks its contract: ${describeIssues(checked.error)}`);
    }
    return { ok: true, value: checked.data };
  } catch (err) {
    const error = toAppError(err);
    if (error.code === 'INTERNAL') options.onInternalError?.(channel, err);
    return { ok: false, error };
  }
}
