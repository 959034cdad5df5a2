import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { resources } from '../../../shared/i18n';
import { isAppError, type AppError } from '../../../shared/errors';

// Shared by the hostile-input corpora (issue 9): a fingerprint of a folder that is safe on hostile
// folders, and the check that a refusal is a message the vendor can read in both languages.

/**
 * sha256 of every regular file under `dir`, without following links or opening pipes and devices
 * (reading a FIFO would block forever): links are recorded by target, other specials by kind.
 */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      const full = path.join(d, entry);
      const rel = path.relative(dir, full);
      const st = lstatSync(full);
      if (st.isSymbolicLink()) out[rel] = `link -> ${readlinkSync(full)}`;
      else if (st.isDirectory()) {
        out[rel] = `dir ${(st.mode & 0o777).toString(8)}`;
        walk(full);
      } else if (st.isFile()) out[rel] = createHash('sha256').update(readFileSync(full)).digest('hex');
      else out[rel] = 'special';
    }
  };
  walk(dir);
  return out;
}

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}

/** The text a message key resolves to in one language ('' when missing). */
export function messageText(messageKey: string, locale: 'en' | 'ja'): string {
  const [ns, key] = messageKey.includes(':') ? messageKey.split(':', 2) as [string, string] : ['errors', messageKey];
  const value = lookup((resources[locale] as Record<string, unknown>)[ns], key);
  return typeof value === 'string' ? value : '';
}

/** Asserts-free check used by the corpora: an app error whose message exists in English and Japanese. */
export function isReadableRefusal(err: unknown): err is AppError {
  return isAppError(err) && messageText(err.messageKey, 'en') !== '' && messageText(err.messageKey, 'ja') !== '';
}
