import { describe, expect, it } from 'vitest';
import { documentOf, paragraph, step } from '../../../shared/answers/document';
import { makePng, useTempDir } from '../testing';
import {
  checkContext,
  checkReport,
  createAnswer,
  getAnswer,
  loadCheckRules,
  saveAnswerDoc,
  saveCheckRules,
  storeImage,
} from './index';
import { openTestLibrary } from './testLibrary';

const tempDir = useTempDir();
const open = (demo = true) => openTestLibrary(tempDir(), demo);

describe('checks', () => {
  it('sees a pasted screenshot as present and a missing file as broken', async () => {
    const { library } = open();
    const a = createAnswer(library, { title: 'T', language: 'en', kind: 'answer' });
    const image = await storeImage(library, 'shot.png', makePng(8, 8).toString('base64'));
    const context = checkContext(library, a.id);
    expect(context.knownMedia).toContain(image.sha256);
    saveAnswerDoc(
      library,
      a.id,
      documentOf([
        step('a', 'b', { screenshot: { sha256: image.sha256, ext: 'png', alt: 'ok' } }),
        step('c', 'd', { screenshot: { sha256: 'f'.repeat(64), ext: 'png', alt: 'gone.png' } }),
      ]),
    );
    const report = checkReport(library, a.id, 'en');
    const media = report.findings.filter((f) => f.code === 'media_missing');
    expect(media.map((f) => f.message)).toEqual(['The picture “gone.png” is missing from the library.']);
    library.close();
  });

  it('reports a demo answer as the CLI prints it, in Japanese too', () => {
    const { library } = open();
    const id = (
      library.db.prepare("SELECT id FROM answers WHERE slug = 'connect-a-custom-domain'").get() as {
        id: number;
      }
    ).id;
    const report = checkReport(library, id, 'ja');
    expect(report.ok).toBe(true);
    // The domain answer is written for Tanaka, a beginner, and explains DNS and CNAME where it
    // first uses them: no jargon finding.
    expect(report.findings.filter((f) => f.code === 'jargon')).toEqual([]);
    // The same terms used before they are explained are reported, in Japanese, for a beginner.
    const doc = getAnswer(library.db, id).doc!;
    const blocks = [paragraph('DNS の CNAME を変更します。'), ...doc.root.children];
    saveAnswerDoc(library, id, { root: { ...doc.root, children: blocks } });
    const early = checkReport(library, id, 'ja');
    expect(early.findings.map((f) => [f.code, f.params.term])).toEqual(
      expect.arrayContaining([
        ['jargon', 'DNS'],
        ['jargon', 'CNAME'],
      ]),
    );
    const jargon = early.findings.find((f) => f.code === 'jargon')!;
    expect(jargon.message).toMatch(/初心者/);
    library.close();
  });

  it('keeps the vendor’s own rules in the library, and goes back to the defaults', () => {
    const { library } = open();
    const { rules } = loadCheckRules(library);
    const custom = structuredClone(rules);
    custom.en.tone[0]!.phrases.push('you again');
    expect(saveCheckRules(library, custom)).toMatchObject({ custom: true });
    expect(loadCheckRules(library).rules.en.tone[0]!.phrases).toContain('you again');
    expect(saveCheckRules(library, null).custom).toBe(false);
    library.close();
  });
});
