import {
  isElement,
  nodeText,
  resolutionFields,
  resolutionFieldOf,
  type AnswerDocument,
  type DocNode,
  type ElementNode,
  type ResolutionField,
  type ResolutionNode,
  type StepNode,
  type VideoNode,
} from './document';

// An answer document as static HTML, for the places that show it without the app: the customer's
// bundle and the published FAQ. Every piece of text is escaped; links keep only http(s) and mailto.

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

export interface RenderLabels {
  step: string;
  expected: string;
  options: string;
  pros: string;
  cons: string;
  resolution: string;
  fields: Record<ResolutionField, string>;
  verified: (version: string) => string;
  watch: string;
}

export interface RenderOptions {
  labels: RenderLabels;
  /** URL of a stored image (screenshot) as seen from the output page. */
  imageSrc: (image: { sha256: string; ext: string }) => string | null;
  /** HTML for a video clip block, or null to leave it out. */
  renderVideo?: (video: VideoNode) => string | null;
  /** Link to the moment of a clip a step points at. */
  stepVideoHref?: (link: { clipId: number; timeS: number }) => string | null;
  /** Adds a checkbox per step (the bundle lets the customer tick steps off). */
  stepCheckboxes?: boolean;
  /** Replaces text before it is escaped (the FAQ's privacy redactions). */
  transformText?: (text: string) => string;
}

const FORMAT_TAGS: [number, string][] = [
  [16, 'code'],
  [1, 'strong'],
  [2, 'em'],
  [8, 'u'],
  [4, 's'],
];

export function renderAnswerHtml(doc: AnswerDocument, options: RenderOptions): string {
  const { labels } = options;
  const text = (s: string) => escapeHtml(options.transformText ? options.transformText(s) : s);
  let stepIndex = 0;

  const inline = (node: DocNode): string => {
    if (node.type === 'text') {
      let html = text(node.text);
      for (const [bit, tag] of FORMAT_TAGS) if (node.format & bit) html = `<${tag}>${html}</${tag}>`;
      return html;
    }
    if (node.type === 'linebreak') return '<br>';
    if (node.type === 'link' || node.type === 'autolink') {
      const href = safeHref(node.url);
      const inner = children(node);
      return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${inner}</a>` : inner;
    }
    return block(node);
  };
  const children = (node: ElementNode) => node.children.map(inline).join('');
  const part = (node: ElementNode, type: DocNode['type']) =>
    node.children.filter(isElement).find((c) => c.type === type);

  const image = (img: { sha256: string; ext: string; alt: string }, cls: string) => {
    const src = options.imageSrc(img);
    return src ? `<img class="${cls}" src="${escapeHtml(src)}" alt="${text(img.alt)}" loading="lazy">` : '';
  };

  const block = (node: DocNode): string => {
    switch (node.type) {
      case 'paragraph':
        return `<p>${children(node)}</p>`;
      case 'heading':
        return `<${node.tag}>${children(node)}</${node.tag}>`;
      case 'quote':
        return `<blockquote>${children(node)}</blockquote>`;
      case 'code':
        return `<pre><code>${text(nodeText(node))}</code></pre>`;
      case 'list': {
        const tag = node.listType === 'number' ? 'ol' : 'ul';
        return `<${tag}>${children(node)}</${tag}>`;
      }
      case 'listitem':
        return `<li>${children(node)}</li>`;
      case 'table':
        return `<table>${children(node)}</table>`;
      case 'tablerow':
        return `<tr>${children(node)}</tr>`;
      case 'tablecell':
        return `<td>${children(node)}</td>`;
      case 'kotae-image':
        return `<figure>${image(node, 'answer-image')}</figure>`;
      case 'kotae-video':
        return options.renderVideo?.(node) ?? '';
      case 'kotae-step':
        return step(node);
      case 'kotae-options':
        return optionsBlock(node);
      case 'kotae-resolution':
        return resolutionBlock(node);
      default:
        return isElement(node) ? `<div>${children(node)}</div>` : '';
    }
  };

  const step = (node: StepNode): string => {
    stepIndex += 1;
    const action = part(node, 'kotae-step-action');
    const expected = part(node, 'kotae-step-expected');
    const id = `step-${stepIndex}`;
    const check = options.stepCheckboxes
      ? `<input type="checkbox" class="step-check" id="${id}-done" data-step="${escapeHtml(node.stepId)}" aria-label="${text(`${labels.step} ${stepIndex}`)}">`
      : '';
    const video = node.videoLink && options.stepVideoHref ? options.stepVideoHref(node.videoLink) : null;
    return [
      `<li class="step" id="${id}" data-step="${escapeHtml(node.stepId)}">`,
      `<div class="step-head">${check}<span class="step-number">${stepIndex}</span>`,
      `<div class="step-action">${action ? children(action) : ''}</div></div>`,
      expected && nodeText(expected)
        ? `<div class="step-expected"><span class="label">${text(labels.expected)}</span> ${children(expected)}</div>`
        : '',
      node.screenshot ? image(node.screenshot, 'step-shot') : '',
      video
        ? `<a class="step-video" href="${escapeHtml(video)}" data-time="${node.videoLink!.timeS}">${text(labels.watch)}</a>`
        : '',
      node.verified ? `<div class="step-verified">${text(labels.verified(node.verified.version))}</div>` : '',
      '</li>',
    ].join('');
  };

  const optionsBlock = (node: ElementNode): string => {
    const items = node.children.filter(isElement).map((option) => {
      const title = part(option, 'kotae-option-title');
      const pros = part(option, 'kotae-option-pros');
      const cons = part(option, 'kotae-option-cons');
      return `<div class="option"><h3>${title ? children(title) : ''}</h3><p><span class="pro">${text(labels.pros)}</span> ${pros ? children(pros) : ''}</p><p><span class="con">${text(labels.cons)}</span> ${cons ? children(cons) : ''}</p></div>`;
    });
    return `<section class="options"><h2>${text(labels.options)}</h2><div class="option-grid">${items.join('')}</div></section>`;
  };

  // The reader sees only what was filled in: an empty row reads as "we forgot", and a summary with
  // nothing in it is left out altogether.
  const resolutionBlock = (node: ResolutionNode): string => {
    const rows = resolutionFields.flatMap((field) => {
      const f = resolutionFieldOf(node, field);
      if (!f || !nodeText(f).trim()) return [];
      return [`<dt>${text(labels.fields[field])}</dt><dd>${children(f)}</dd>`];
    });
    if (!rows.length) return '';
    return `<section class="resolution"><h2>${text(labels.resolution)}</h2><dl>${rows.join('')}</dl></section>`;
  };

  // Consecutive steps form one ordered list, so they read (and print) as a numbered procedure.
  const out: string[] = [];
  let inSteps = false;
  for (const node of doc.root.children) {
    const isStep = node.type === 'kotae-step';
    if (isStep && !inSteps) out.push('<ol class="steps">');
    if (!isStep && inSteps) out.push('</ol>');
    inSteps = isStep;
    out.push(block(node));
  }
  if (inSteps) out.push('</ol>');
  return out.join('\n');
}
