import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findNodes, type AnswerDocument } from '../../../shared/answers/document';
import { parseVerdictTag } from '../../../shared/verdicts/tag';
import { getAnswer, saveAnswerDoc } from '../answers';
import { createLibrary, seedDemo } from '../library';
import { useTempDir } from '../testing';
import { publishFaq } from '.';
import { decideAll, siteFiles } from './testing';

const tempDir = useTempDir('kotae-faq-');

const page = (files: Map<string, string>, name: string) =>
  Buffer.from(files.get(`answers/${name}/index.html`)!, 'latin1').toString('utf8');

describe('an FAQ answer page (issue 22)', () => {
  it('asks whether it solved the problem, with prepared mails naming the answer and its revision', async () => {
    const dir = tempDir();
    const library = createLibrary(path.join(dir, 'lib'), { seed: seedDemo });
    await decideAll(library, 'redact');
    await publishFaq(library, { outDir: path.join(dir, 'site') });
    const html = page(siteFiles(path.join(dir, 'site')), 'connect-a-custom-domain');
    const section = /<section class="faq-verdict"[\s\S]*?<\/section>/.exec(html)![0];
    expect(section).toContain('この回答で解決しましたか？');
    expect(section).toContain('lang="ja"');
    const hrefs = [...section.matchAll(/href="(mailto:[^"]*)" data-verdict="([a-z_]+)"/g)];
    expect(hrefs.map((m) => m[2])).toEqual(['solved', 'not_yet']);
    const notYet = new URL(hrefs[1]![1]!.replace(/&amp;/g, '&'));
    expect(notYet.pathname).toBe('support@sirius.example.jp');
    expect(parseVerdictTag(notYet.searchParams.get('subject')!)).toEqual({
      answerId: 2,
      revision: 1,
      questionId: null,
      verdict: 'not_yet',
    });
    expect(notYet.searchParams.get('body')).toContain('FAQ の「独自ドメインを接続する」の手順を試しましたが');
    // For a computer with no mail program: the address, subject and text to copy, no script needed.
    expect(section).toContain('<summary>メールソフトが開かない場合</summary>');
    // An English answer asks in English.
    expect(page(siteFiles(path.join(dir, 'site')), 'add-google-analytics')).toContain(
      'Did this solve your problem?',
    );
  });

  it('says "Checked with" the oldest version its steps were verified with', async () => {
    const dir = tempDir();
    const library = createLibrary(path.join(dir, 'lib'), { seed: seedDemo });
    // Answer 4 (theme colour): its first step re-verified with 5.0 long ago, the others with 4.2.0 since.
    const doc = structuredClone(getAnswer(library.db, 4).doc as AnswerDocument);
    const stepsOf = findNodes(doc, 'kotae-step');
    stepsOf.forEach((s, i) => {
      s.verified =
        i === 0
          ? { version: '5.0', at: '2026-01-01T00:00:00.000Z' }
          : { version: '4.2.0', at: '2026-06-01T00:00:00.000Z' };
    });
    saveAnswerDoc(library, 4, doc);
    await decideAll(library, 'redact');
    await publishFaq(library, { outDir: path.join(dir, 'site') });
    const html = page(siteFiles(path.join(dir, 'site')), 'change-the-theme-colour');
    // The answer's badge; each step still says what it was verified with.
    expect(html).toContain('<span class="badge">バージョン 4.2.0 で確認済み</span>');
    expect(html).not.toContain('<span class="badge">バージョン 5.0 で確認済み</span>');
  });
});
