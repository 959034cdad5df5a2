import { UNDECIDED_CLOSE, UNDECIDED_OPEN } from '@shared/domain/faq';

// The Publish screen's preview keeps each finding nobody has decided about between two private-use
// characters (the FAQ's publishedVersion, main side). Here, after the renderer's markup is in the
// page, they become highlights: done on the DOM, never on the markup string, so a finding inside an
// attribute (a picture's description, a caption's data) can only lose its markers, not break out.

/** Turns the marked runs of every text under `root` into <mark>s and drops markers left in attributes. */
export function markUndecided(root: HTMLElement): void {
  const doc = root.ownerDocument;
  for (const el of root.querySelectorAll('*'))
    for (const attr of [...el.attributes])
      if (attr.value.includes(UNDECIDED_OPEN) || attr.value.includes(UNDECIDED_CLOSE))
        el.setAttribute(attr.name, attr.value.replaceAll(UNDECIDED_OPEN, '').replaceAll(UNDECIDED_CLOSE, ''));

  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  // A marked run may go on past a line break into the next text: the state carries over.
  let inMark = false;
  for (const node of texts) {
    const value = node.data;
    if (!inMark && !value.includes(UNDECIDED_OPEN) && !value.includes(UNDECIDED_CLOSE)) continue;
    const parts = doc.createDocumentFragment();
    let run = '';
    const flush = () => {
      if (!run) return;
      if (inMark) {
        const mark = doc.createElement('mark');
        mark.dataset.testid = 'preview-undecided';
        mark.textContent = run;
        parts.append(mark);
      } else parts.append(run);
      run = '';
    };
    for (const ch of value) {
      if (ch === UNDECIDED_OPEN || ch === UNDECIDED_CLOSE) {
        flush();
        inMark = ch === UNDECIDED_OPEN;
      } else run += ch;
    }
    flush();
    node.replaceWith(parts);
  }
}
