import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCustomers } from '../../../resources/demo';
import { findNodes, type AnswerDocument } from '../../../shared/answers/document';
import { KotaeError } from '../../../shared/errors';
import { createLibrary, seedDemo, type Library } from '../library';
import { readVendorKey } from '../signing';
import { useTempDir } from '../testing';
import { decideFinding, faqOverview, publishFaq, updateFaqSettings, updateVendor } from '.';
import { addClipToAnswer, decideAll, siteFiles, siteSearch } from './testing';

const tempDir = useTempDir('kotae-faq-');

function demo(): { library: Library; out: string } {
  const dir = tempDir();
  const library = createLibrary(path.join(dir, 'lib'), { seed: seedDemo });
  return { library, out: path.join(dir, 'site') };
}

describe('publishing the demo library', () => {
  it('is blocked while customer details are undecided, and publishes none of them once redacted', async () => {
    const { library, out } = demo();
    const overview = await faqOverview(library);
    expect(overview.unresolved).toBe(3);
    expect(overview.findings.map((f) => [f.kind, f.text])).toEqual(
      expect.arrayContaining([
        ['name', '田中様'],
        ['url', 'tanaka-seitai.example.jp'],
        ['name', 'Mr. Miller'],
      ]),
    );
    await expect(publishFaq(library, { outDir: out })).rejects.toMatchObject({ code: 'PUBLISH_BLOCKED' });
    expect(() => statSync(out)).toThrow(); // nothing was written

    expect(await decideAll(library, 'redact')).toBe(3);
    const result = await publishFaq(library, { outDir: out });
    expect(result.stats.answers).toBe(5);

    const files = siteFiles(out);
    const all = Buffer.from([...files.values()].join('\n'), 'latin1').toString('utf8');
    for (const c of demoCustomers) {
      for (const value of [
        c.name,
        c.name.replace(' ', ''),
        c.name.split(' ')[0] + '様',
        c.email,
        c.phone,
        c.website,
      ]) {
        if (value) expect(all, value).not.toContain(value);
      }
      expect(all).not.toContain(new URL(c.website).host);
    }
    // Every page's footer carries the key that signs the vendor's bundles (issue 15).
    const { fingerprint } = readVendorKey(library)!;
    for (const page of ['index.html', 'answers/connect-a-custom-domain/index.html']) {
      expect(Buffer.from(files.get(page)!, 'latin1').toString('utf8')).toContain(
        `当方の回答バンドルは、フィンガープリント ${fingerprint} の鍵で電子署名しています。`,
      );
    }
    const domain = files.get('answers/connect-a-custom-domain/index.html')!;
    expect(Buffer.from(domain, 'latin1').toString('utf8')).toContain('［非公開］のサイト（［非公開］）で');
    expect(files.get('answers/add-google-analytics/index.html')).toContain(
      '[removed], we checked these steps',
    );
    library.close();
  });

  it('writes a static site: pages per answer and topic, sitemap, search, strict CSP, nothing from elsewhere', async () => {
    const { library, out } = demo();
    await decideAll(library);
    await publishFaq(library, { outDir: out });
    const files = siteFiles(out);
    for (const slug of [
      'images-not-shown-on-smartphones',
      'connect-a-custom-domain',
      'schedule-a-blog-post',
      'change-the-theme-colour',
      'add-google-analytics',
    ])
      expect(files.has(`answers/${slug}/index.html`), slug).toBe(true);
    expect(files.has('answers/outside-the-support-scope/index.html')).toBe(false); // not public
    expect([...files.keys()].filter((f) => f.startsWith('topics/')).length).toBeGreaterThanOrEqual(5);
    expect(files.get('sitemap.xml')).toContain('<loc>answers/connect-a-custom-domain/</loc>');
    for (const [name, content] of files) {
      if (!name.endsWith('.html')) continue;
      expect(content, name).toContain(
        `http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'`,
      );
      expect(content, name).not.toMatch(/<script(?![^>]*src="[^"h][^"]*")/); // no inline scripts
      expect(content, name).not.toMatch(/\ssrc="(https?:)?\/\//); // nothing loaded from elsewhere
      expect(content, name).not.toMatch(/<link[^>]+href="https?:/);
    }
    const page = Buffer.from(
      files.get('answers/images-not-shown-on-smartphones/index.html')!,
      'latin1',
    ).toString('utf8');
    expect(page).toContain('<ol class="steps">');
    expect(page).toContain('更新日 <time datetime="');
    expect(page).toContain('関連する回答');
    expect(page).toContain('class="crumbs"');
    library.close();
  });

  it('answers Japanese one- and two-character, full-width and English queries from the published index', async () => {
    const { library, out } = demo();
    await decideAll(library);
    await publishFaq(library, { outDir: out });
    const search = siteSearch(out);
    const titles = async (q: string) =>
      (await search.search(q)).map((r) => r.title.map((s) => s.text).join(''));
    expect(await titles('画像')).toContain('スマートフォンで画像が表示されないときの確認手順');
    expect(await titles('色')).toContain('テーマカラーを変更する');
    expect(await titles('ＤＮＳ')).toEqual(['独自ドメインを接続する']);
    expect(await titles('analytcs')).toEqual(['Adding a Google Analytics tag']);
    // The redacted text is what is indexed: the customer cannot be found by name.
    expect(await titles('田中')).toEqual([]);
    expect(await titles('miller')).toEqual([]);
    library.close();
  });

  it('shows a clip with its chapters (mapped to the rendered file) and copies the video', async () => {
    const { library, out } = demo();
    await decideAll(library);
    const answer = library.db
      .prepare("SELECT id FROM answers WHERE slug = 'images-not-shown-on-smartphones'")
      .get() as {
      id: number;
    };
    const clip = addClipToAnswer(library.db, library.media.dir, answer.id);
    // The second chapter shows step img-2, whose "watch" link points into the clip.
    const chapters = JSON.parse(
      (library.db.prepare('SELECT chapters FROM clips WHERE id = ?').get(clip.clipId) as { chapters: string })
        .chapters,
    ) as { stepId: string | null }[];
    chapters[1]!.stepId = 'img-2';
    library.db
      .prepare('UPDATE clips SET chapters = ? WHERE id = ?')
      .run(JSON.stringify(chapters), clip.clipId);
    const doc = JSON.parse(
      (library.db.prepare('SELECT doc FROM answers WHERE id = ?').get(answer.id) as { doc: string }).doc,
    ) as AnswerDocument;
    findNodes(doc, 'kotae-step').find((n) => n.stepId === 'img-2')!.videoLink = {
      clipId: clip.clipId,
      timeS: 99,
    };
    library.db.prepare('UPDATE answers SET doc = ? WHERE id = ?').run(JSON.stringify(doc), answer.id);
    await publishFaq(library, { outDir: out });
    const files = siteFiles(out);
    const page = Buffer.from(
      files.get('answers/images-not-shown-on-smartphones/index.html')!,
      'latin1',
    ).toString('utf8');
    expect(page).toContain(
      `<video id="video-${clip.clipId}" controls preload="metadata" playsinline data-clip="${clip.clipId}" src="../../media/${clip.sha256}.mp4"`,
    );
    // Source time 1.7 s is 1.2 s into the kept segment that starts at 0.5 s.
    expect(page).toContain(
      `data-seek="1.2" data-clip="${clip.clipId}" data-time="1.2" data-step="img-2"><span class="chapters__time kb-chapter__time">0:01</span> <span class="kb-chapter__title">画像を差し替える</span>`,
    );
    expect(files.get(`media/${clip.sha256}.mp4`)?.length).toBe(
      statSync(library.media.fileOf({ sha256: clip.sha256, ext: 'mp4' })!).size,
    );
    expect(page).toContain(
      `<a class="step-video" href="#clip-${clip.clipId}" data-clip="${clip.clipId}" data-time="1.2">`,
    );
    // Captions travel in the page (a track file would not load from file://).
    expect(page).toContain('data-captions="[[0,1.2,&quot;「設定」を開きます&quot;]]"');
    library.close();
  });

  it('uses the vendor name, colour and site language from the settings', async () => {
    const { library, out } = demo();
    await decideAll(library);
    // An English site reads the vendor's English name.
    updateVendor(library, { name: 'アクメサポート', nameEn: 'Acme Support', colour: '#aa3300' });
    updateFaqSettings(library, { language: 'en', siteUrl: 'https://faq.example.com' });
    await publishFaq(library, { outDir: out });
    const files = siteFiles(out);
    expect(files.get('index.html')).toContain('<title>Acme Support FAQ</title>');
    expect(files.get('index.html')).toContain('How can we help?');
    expect(files.get('assets/vendor.css')).toContain('--brand: #aa3300');
    expect(files.get('sitemap.xml')).toContain(
      '<loc>https://faq.example.com/answers/connect-a-custom-domain/</loc>',
    );
    library.close();
  });

  it('records the publication with a work-log entry; "not personal" keeps the text', async () => {
    const { library, out } = demo();
    for (const f of (await faqOverview(library)).findings)
      decideFinding(library, { ...f, decision: f.kind === 'url' ? 'not_personal' : 'redact' });
    const result = await publishFaq(library, { outDir: out });
    const row = library.db
      .prepare('SELECT out_dir, answers FROM publications WHERE id = ?')
      .get(result.publicationId) as {
      out_dir: string;
      answers: string;
    };
    expect(row.out_dir).toBe(out);
    expect(JSON.parse(row.answers)).toHaveLength(5);
    const log = library.db.prepare("SELECT summary FROM log_entries WHERE action = 'faq.published'").all();
    expect(log).toHaveLength(1);
    const page = Buffer.from(
      siteFiles(out).get('answers/connect-a-custom-domain/index.html')!,
      'latin1',
    ).toString('utf8');
    expect(page).toContain('［非公開］のサイト（tanaka-seitai.example.jp）');
    const overview = await faqOverview(library);
    expect(overview.answers.every((a) => a.change === 'unchanged')).toBe(true);
    expect(overview.lastPublication?.stats.answers).toBe(5);
    library.close();
  });

  it('refuses a folder that holds other files, changing nothing', async () => {
    const { library, out } = demo();
    await decideAll(library);
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(out);
    writeFileSync(path.join(out, 'index.html'), 'my own site');
    const error = await publishFaq(library, { outDir: out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KotaeError);
    expect((error as KotaeError).messageKey).toBe('errors:FAQ_FOLDER_NOT_SITE');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('my own site');
    library.close();
  });

  it('checks the topic texts it shows too, and publishes an empty site when nothing is public', async () => {
    const { library, out } = demo();
    await decideAll(library);
    library.db
      .prepare(
        // The label and the Japanese text (what the site in Japanese shows), as the editor writes both.
        "UPDATE capabilities SET description = description || '（佐藤様のご要望で追加）', description_ja = description_ja || '（佐藤様のご要望で追加）' WHERE title = 'ブログ'",
      )
      .run();
    const finding = (await faqOverview(library)).findings.find((f) => f.subject === 'capability');
    expect(finding).toMatchObject({ kind: 'name', text: '佐藤様', place: 'description', decision: null });
    await expect(publishFaq(library, { outDir: out })).rejects.toMatchObject({ code: 'PUBLISH_BLOCKED' });
    decideFinding(library, { ...finding!, decision: 'redact' });
    await publishFaq(library, { outDir: out });
    const topics = [...siteFiles(out)]
      .filter(([p]) => p.startsWith('topics/'))
      .map(([, c]) => Buffer.from(c, 'latin1').toString('utf8'));
    expect(topics.join('')).toContain('（［非公開］のご要望で追加）');
    expect(topics.join('')).not.toContain('佐藤');

    library.db.prepare('UPDATE answers SET is_public = 0').run();
    const empty = await publishFaq(library, { outDir: out });
    expect(empty.stats.answers).toBe(0);
    expect(siteFiles(out).has('index.html')).toBe(true);
    expect(
      [...siteFiles(out).keys()].filter((p) => p.startsWith('answers/') && p !== 'answers/index.html'),
    ).toEqual([]);
    library.close();
  });
});
