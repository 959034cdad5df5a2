// Errors are values the UI can show: a stable code, a message key in the i18n resources (errors
// namespace) with its parameters, and a detail for the log that is never shown as the message.

export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'CONFLICT',
  'NO_LIBRARY',
  'NOT_A_LIBRARY',
  'LIBRARY_EXISTS',
  'LIBRARY_CORRUPT',
  'LIBRARY_TOO_NEW',
  'LIBRARY_LOCKED',
  'LIBRARY_READ_ONLY',
  'LIBRARY_MISSING',
  'FOLDER_NOT_EMPTY',
  'FOLDER_MISSING',
  'CANCELLED',
  'DISK_FULL',
  'MEDIA_INVALID',
  'DOCUMENT_INVALID',
  'FFMPEG_MISSING',
  'FFMPEG_FAILED',
  'IMPORT_FAILED',
  'BUNDLE_INVALID',
  'BUNDLE_EXPORT_BLOCKED',
  'BACKUP_INVALID',
  'PUBLISH_BLOCKED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** Codes that describe something the user can fix; everything else is our fault (CLI exit 2). */
const internalCodes: ReadonlySet<ErrorCode> = new Set(['INTERNAL', 'UNKNOWN_CHANNEL', 'FORBIDDEN_SENDER']);

export interface AppError {
  code: ErrorCode;
  /** Key under the `errors` namespace, e.g. `errors:LIBRARY_TOO_NEW`. */
  messageKey: string;
  params?: Record<string, string | number>;
  /** Technical detail for logs and the "details" disclosure; never the headline. */
  detail?: string;
  /** What is wrong where, one line each, in the reader's language (e.g. the fields of a file). */
  items?: ErrorItem[];
}

/**
 * One line under an error's message: a message key and its parameters. A parameter may itself be
 * a message (a field's name), translated first, so the whole line reads in one language.
 */
export interface ErrorItem {
  key: string;
  params?: Record<string, string | number | MessageRef>;
}

/** A message by key, with plain parameters. */
export interface MessageRef {
  key: string;
  params?: Record<string, string | number>;
}

/** An item in words, with `t` of the reader's language. */
export function errorItemText(
  item: ErrorItem,
  t: (key: string, params: Record<string, unknown>) => string,
): string {
  const params: Record<string, unknown> = { interpolation: { escapeValue: false } };
  for (const [name, value] of Object.entries(item.params ?? {}))
    params[name] =
      typeof value === 'object'
        ? t(value.key, { ...value.params, interpolation: { escapeValue: false } })
        : value;
  return t(item.key, params);
}

export class KotaeError extends Error implements AppError {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly params?: Record<string, string | number>;
  readonly detail?: string;
  items?: ErrorItem[];

  constructor(
    code: ErrorCode,
    params?: Record<string, string | number>,
    detail?: string,
    messageKey?: string,
  ) {
    super(`${code}${params ? ' ' + JSON.stringify(params) : ''}${detail ? `: ${detail}` : ''}`);
    this.name = 'KotaeError';
    this.code = code;
    this.messageKey = messageKey ?? `errors:${code}`;
    if (params) this.params = params;
    if (detail) this.detail = detail;
  }

  toJSON(): AppError {
    return toAppError(this);
  }
}

export function isUserError(code: ErrorCode): boolean {
  return !internalCodes.has(code);
}

export function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AppError).code === 'string' &&
    typeof (value as AppError).messageKey === 'string'
  );
}

export function toAppError(err: unknown): AppError {
  if (err instanceof KotaeError) {
    const out: AppError = { code: err.code, messageKey: err.messageKey };
    if (err.params) out.params = err.params;
    if (err.detail) out.detail = err.detail;
    if (err.items?.length) out.items = err.items;
    return out;
  }
  if (isAppError(err)) return err;
  const detail = err instanceof Error ? err.message : String(err);
  if (/ENOSPC|SQLITE_FULL|database or disk is full/i.test(detail)) {
    return { code: 'DISK_FULL', messageKey: 'errors:DISK_FULL', detail };
  }
  return { code: 'INTERNAL', messageKey: 'errors:INTERNAL', detail };
}

/** The envelope every channel answers with, so typed errors survive IPC and HTTP alike. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };
