import { describe, expect, it } from 'vitest';
import { documentOf, paragraph, resolution, step } from '../../../shared/answers/document';
import type { BundleContent } from './content';
import { emailDraft } from './emailDraft';
import { BUNDLE_CSP, jsonForScript, renderIndexHtml, renderVerifyHtml } from './page';
import { bundleBaseName } from './plan';
import { parseVerdictTag } from '../../../shared/verdicts/tag';

const evil = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';

function content(over: Partial<BundleContent> = {}): BundleContent {
  return {
    answer: {
      id: 7,
      title: `Title ${evil}`,
      revision: 3,
      language: 'en',
      doc: documentOf([
        paragraph(evil),
        step(evil, evil, { stepId: 's1', verified: { version: '4.2.1', at: '2026-11-20T10:00:00.000Z' } }),
      ]),
      kind: 'answer',
    },
    customer: { id: 1, name: `Ann ${evil}`, email: null },
    question: null,
    personalised: true,
    greeting: `Dear Ann ${evil},\n\nThanks.`,
    closing: 'Best regards,',
    vendor: {
      name: `Vendor ${evil}`,
      email: 'help@example.com',
      phone: '',
      website: 'javascript:alert(1)',
      colour: '#112233',
      fingerprint: '3F2A 9C1D 0B7E 44A1 8D02 6E5F A913 C7B0',
    },
    productName: 'Sirius',
    clips: [
      {
        id: 5,
        title: `Clip ${evil}`,
        output: {
          sha256: 'a'.repeat(64),
          ext: 'mp4',
          mime: 'video/mp4',
          size: 1,
          durationS: 9,
          width: 1,
          height: 1,
        },
        chapters: [{ title: `Ch ${evil}`, startS: 3, stepId: 's1' }],
        captions: [{ startS: 0, endS: 1, text: evil }],
      },
    ],
    images: [],
    ...over,
  };
}

const meta = {
  createdAt: '2026-11-23T09:00:00.000Z',
  appVersion: '1.0.0',
  bundleUid: '00000000-0000-4000-8000-000000000000',
  imagePaths: new Map<string, string>(),
  clipPaths: new Map([[5, 'media/video-1.mp4']]),
};

describe('bundle pages', () => {
  it('escape every text the vendor or the customer typed, and carry the no-network CSP', () => {
    const html = renderIndexHtml(content(), meta);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('javascript:');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${BUNDLE_CSP}">`);
    expect(BUNDLE_CSP).toContain("default-src 'none'");
    expect(BUNDLE_CSP).toContain("connect-src 'none'");
    // Exactly two script elements: the viewer and the inert JSON data block.
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html).toContain('<script src="viewer/viewer.js" defer></script>');
    const data = /<script type="application\/json" id="kotae-bundle-data">([^<]*)<\/script>/.exec(html);
    expect(JSON.parse(data![1]!).clips[0].captions[0].text).toBe(evil);
    expect(html).toContain('Verified with');
    expect(html).toContain('Sirius 4.2.1');
    expect(html).toContain('href="mailto:help@example.com"');
  });

  it('put steps with checkboxes and video links into the page, and chapters tied to steps', () => {
    const c = content();
    (c.answer.doc.root.children[1] as ReturnType<typeof step>).videoLink = { clipId: 5, timeS: 3 };
    const html = renderIndexHtml(c, meta);
    expect(html).toContain('class="step-check"');
    expect(html).toContain('<a class="step-video" href="#clip-5" data-clip="5" data-time="3">');
    expect(html).toContain('data-clip="5" data-time="3" data-step="s1"');
    // A clip only linked from steps still gets its player.
    expect(html).toContain('<video id="video-5"');
  });

  it('show only the summary rows that were filled in, and no summary when none was', () => {
    const withSummary = (fields: Parameters<typeof resolution>[0]) => {
      const c = content({ answer: { ...content().answer, language: 'ja' } });
      c.answer.doc = documentOf([paragraph('手順です。'), resolution(fields, null)]);
      return renderIndexHtml(c, meta);
    };
    const some = withSummary({
      cause: 'キャッシュが古い',
      done: '',
      remains: '  ',
      resolved: '',
      prevention: '更新する',
    });
    expect(some).toContain('<dt>原因</dt><dd>キャッシュが古い</dd>');
    expect(some).toContain('<dt>今後の予防策</dt><dd>更新する</dd>');
    for (const label of ['対応したこと', '残っていること', '完全に解決したか'])
      expect(some).not.toContain(label);
    expect(some).not.toMatch(/<dd>\s*<\/dd>/);

    const none = withSummary({ cause: '', done: '', remains: '', resolved: '', prevention: '' });
    expect(none).not.toContain('class="resolution"');
    expect(none).not.toContain('<dt>原因</dt>');
    expect(none).not.toContain('解決のまとめ');
    expect(none).toContain('手順です。');
  });

  it('ask whether the answer solved it, with prepared mails intake recognises and the text to copy', () => {
    const html = renderIndexHtml(content({ question: { id: 45, subject: 'q' } }), meta);
    const section = /<section class="kb-verdict"[\s\S]*?<\/section>/.exec(html)![0];
    expect(section).toContain('Did this solve your problem?');
    const links = [...section.matchAll(/<a class="[^"]*" href="([^"]*)" data-verdict="([a-z_]+)">/g)];
    expect(links.map((m) => m[2])).toEqual(['solved', 'not_yet']);
    const solved = new URL(links[0]![1]!.replace(/&amp;/g, '&'));
    expect(solved.protocol).toBe('mailto:');
    expect(solved.pathname).toBe('help@example.com');
    expect(parseVerdictTag(solved.searchParams.get('subject')!)).toEqual({
      answerId: 7,
      revision: 3,
      questionId: 45,
      verdict: 'solved',
    });
    // The title the vendor typed is escaped in the text to copy, never markup.
    expect(section).not.toContain('<script>');
    expect(section).toContain('&lt;/script&gt;');
    expect(section).toContain('<details class="kb-verdict__copy"');
    expect(section).toContain('<code>help@example.com</code>');

    const decline = content();
    decline.answer.kind = 'decline';
    expect(renderIndexHtml(decline, meta)).not.toContain('kb-verdict');
    expect(renderIndexHtml(content({ vendor: { ...content().vendor, email: '' } }), meta)).not.toContain(
      'kb-verdict',
    );
  });

  it('write the verify page in the answer language', () => {
    const html = renderVerifyHtml(content({ answer: { ...content().answer, language: 'ja' } }));
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('回答バンドルの確認');
    expect(html).toContain('webkitdirectory');
    expect(html).not.toContain('<script>alert');
  });

  it('show the signing key on both pages; verify.html names it for its signature check (issue 15)', () => {
    const fingerprint = '3F2A 9C1D 0B7E 44A1 8D02 6E5F A913 C7B0';
    const index = renderIndexHtml(content(), meta);
    expect(index).toContain(`data-testid="bundle-fingerprint">${fingerprint}</code>`);
    expect(index).toContain('<a href="verify.html">Check the signature and every file</a>');
    const verify = renderVerifyHtml(content());
    expect(verify).toContain(`<section class="kb-signed" id="kb-signed" data-fingerprint="${fingerprint}">`);
    expect(verify).toContain('id="kb-signature-status"');
    const labels = JSON.parse(/id="kotae-verify-labels">([^<]*)</.exec(verify)![1]!) as Record<
      string,
      string
    >;
    expect(labels.signatureValid).toContain('Signature valid');
    expect(labels.signatureUnsupported).toContain('cannot check signatures');
    // Before the first export there is no key: no block, rather than an empty one.
    const none = content();
    none.vendor = { ...none.vendor, fingerprint: null };
    expect(renderIndexHtml(none, meta)).not.toContain('kb-signed');
  });

  it('keep `</script>` out of the inert JSON block', () => {
    const out = jsonForScript({ a: '</script><!--', b: '\u2028' });
    expect(out).not.toMatch(/[<>]/);
    expect(JSON.parse(out)).toEqual({ a: '</script><!--', b: '\u2028' });
  });
});

describe('e-mail draft', () => {
  it('greets a personalised customer, names the attachment and sums up the resolution', () => {
    const draft = emailDraft(content(), 'answer-r3.zip');
    expect(draft.subject).toBe(`Answer: Title ${evil}`);
    expect(draft.body.startsWith(`Dear Ann ${evil},`)).toBe(true);
    expect(draft.body).toContain('Unzip the attached file answer-r3.zip');
    expect(draft.body).toContain('Best regards,');
  });
});

describe('bundle names', () => {
  it('are safe file names from the slug, with the revision', () => {
    expect(bundleBaseName('connect-a-custom-domain', 2, 3)).toBe('connect-a-custom-domain-r3');
    expect(bundleBaseName('../../etc/passwd', 2, 1)).toBe('etc-passwd-r1');
    expect(bundleBaseName('日本語', 9, 1)).toBe('answer-9-r1');
  });
});
