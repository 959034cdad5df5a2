import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PrivacyDecision } from '../../../shared/domain/faq';
import { resources } from '../../../shared/i18n';

// The work log shows each entry's action by name: every action a service writes needs words in
// both languages, or the vendor reads "message.thread" instead of "Reply added to the thread".

const core = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function writtenActions(): string[] {
  const found = new Set<string>();
  for (const file of readdirSync(core, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const text = readFileSync(path.join(core, file), 'utf8');
    for (const line of text.split('\n')) {
      if (!/\baction:/.test(line)) continue;
      for (const m of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) found.add(m[1]!);
      // Built names: `faq.privacy_${decision}` stands for each decision (PrivacyDecision).
      if (line.includes('`faq.privacy_${decision}`'))
        for (const d of PrivacyDecision.options) found.add(`faq.privacy_${d}`);
    }
  }
  return [...found].sort();
}

function label(language: 'en' | 'ja', action: string): unknown {
  let node: unknown = (resources[language].tracking as { log: { action: unknown } }).log.action;
  for (const part of action.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

describe('work log labels', () => {
  it('finds the actions the services write', () => {
    expect(writtenActions()).toEqual(expect.arrayContaining(['question.status_changed', 'message.thread']));
  });

  it('every action written has a label in English and Japanese', () => {
    const missing = writtenActions().flatMap((a) =>
      (['en', 'ja'] as const).filter((l) => typeof label(l, a) !== 'string').map((l) => `${l}: ${a}`),
    );
    expect(missing).toEqual([]);
  });
});
