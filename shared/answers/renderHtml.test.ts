import { describe, expect, it } from 'vitest';
import { documentOf, heading, link as linkTo, paragraph, resolution, step, video } from './document';
import { renderAnswerHtml, type AnswerFrame } from './renderHtml';

const frame: AnswerFrame = {
  language: 'en',
  imageSrc: (img) => `media/${img.sha256}.${img.ext}`,
  clip: () => null,
  video: { preload: 'metadata', inlineCaptions: true },
};
const render = (doc: Parameters<typeof renderAnswerHtml>[0], f: Partial<AnswerFrame> = {}) =>
  renderAnswerHtml(doc, { ...frame, ...f }).html.value;

describe('renderAnswerHtml', () => {
  it('renders steps as one numbered list with their expected results', () => {
    const html = render(
      documentOf([
        heading('h2', 'Steps'),
        step('Open settings', 'The panel opens'),
        step('Press Save', 'Saved'),
      ]),
    );
    expect(html.match(/<ol class="steps">/g)).toHaveLength(1);
    expect(html).toContain('<span class="step-number">2</span>');
    expect(html).toContain('The panel opens');
  });

  it('adds a checkbox per step only when the frame asks', () => {
    const doc = documentOf([step('A', 'B', { stepId: 's1' })]);
    expect(render(doc)).not.toContain('step-check');
    expect(render(doc, { stepCheckboxes: true })).toContain(
      '<input type="checkbox" class="step-check" id="step-1-done" data-step="s1" aria-label="Step 1">',
    );
  });

  it('keeps only safe links and leaves out an empty summary', () => {
    const html = render(
      documentOf([
        paragraph([linkTo('javascript:alert(1)', 'bad'), linkTo('https://example.com', 'good')]),
        resolution({ cause: '', done: '', remains: '', resolved: '', prevention: '' }, null),
      ]),
    );
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://example.com/" rel="noopener noreferrer">good</a>');
    expect(html).not.toContain('resolution');
  });

  it('shows a clip once, where the text first places it, with chapters in output time', () => {
    const clip = {
      id: 3,
      title: 'Settings',
      src: 'media/v.mp4',
      chapters: [{ title: 'Open', startS: 5, stepId: 's1' }],
      captions: [{ startS: 0, endS: 2, text: 'Hello' }],
    };
    const doc = documentOf([
      step('A', 'B', { stepId: 's1', videoLink: { clipId: 3, timeS: 12 } }),
      video(3, 'Settings'),
      video(3, 'Settings again'),
    ]);
    const out = renderAnswerHtml(doc, { ...frame, clip: (id) => (id === 3 ? clip : null) });
    const html = out.html.value;
    expect(html.match(/<video /g)).toHaveLength(1);
    expect([...out.placedClips]).toEqual([3]);
    // The step's link goes to its chapter in the rendered file, not to the edit's source time.
    expect(html).toContain(
      '<a class="step-video" href="#clip-3" data-clip="3" data-time="5">Watch this step</a>',
    );
    expect(html).toContain('<span class="chapters__time kb-chapter__time">0:05</span>');
    expect(html).toContain('data-captions="[[0,2,&quot;Hello&quot;]]"');
  });
});
