import { describe, expect, it } from 'vitest';
import { documentOf, heading, link as linkTo, paragraph, resolution, step } from './document';
import { renderAnswerHtml, type RenderOptions } from './renderHtml';

const options: RenderOptions = {
  labels: {
    step: 'Step',
    expected: 'Result',
    options: 'Options',
    pros: 'Pros',
    cons: 'Cons',
    resolution: 'Summary',
    fields: {
      cause: 'Cause',
      done: 'Done',
      remains: 'Remains',
      resolved: 'Resolved',
      prevention: 'Prevention',
    },
    verified: (v) => `Verified with ${v}`,
    watch: 'Watch',
  },
  imageSrc: (img) => `media/${img.sha256}.${img.ext}`,
};

describe('renderAnswerHtml', () => {
  it('renders steps as one numbered list with their expected results', () => {
    const html = renderAnswerHtml(
      documentOf([
        heading('h2', 'Steps'),
        step('Open settings', 'The panel opens'),
        step('Press Save', 'Saved'),
      ]),
      options,
    );
    expect(html.match(/<ol class="steps">/g)).toHaveLength(1);
    expect(html).toContain('<span class="step-number">2</span>');
    expect(html).toContain('The panel opens');
  });

  it('escapes every piece of text, attribute and alt text', () => {
    const payload = '<img src=x onerror=alert(1)>"\'&';
    const doc = documentOf([
      paragraph(payload),
      step(payload, payload, {
        stepId: '"><script>alert(1)</script>',
        screenshot: { sha256: 'a'.repeat(64), ext: 'png', alt: '"onload="alert(1)' },
      }),
      resolution({ cause: payload, done: '', remains: '', resolved: '', prevention: '' }, true),
    ]);
    const html = renderAnswerHtml(doc, { ...options, stepCheckboxes: true });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/"onload="/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
  });

  it('keeps only http(s) and mailto links', () => {
    const link = (url: string) => linkTo(url, 'here');
    const html = renderAnswerHtml(
      documentOf([
        paragraph([
          link('javascript:alert(1)'),
          link('https://example.com/a?b=1&c=2'),
          link('mailto:a@example.com'),
        ]),
      ]),
      options,
    );
    expect(html).not.toContain('javascript:');
    expect(html).toContain('href="https://example.com/a?b=1&amp;c=2"');
    expect(html).toContain('href="mailto:a@example.com"');
  });

  it('applies a text transform (redaction) before escaping', () => {
    const html = renderAnswerHtml(documentOf([paragraph('Call 03-1234-5678')]), {
      ...options,
      transformText: (s) => s.replace(/\d{2}-\d{4}-\d{4}/, '[redacted]'),
    });
    expect(html).toContain('Call [redacted]');
  });
});
