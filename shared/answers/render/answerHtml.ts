import { html, safeHref, type Html } from '../../html/html';
import type { Language } from '../../domain/common';
import {
  isElement,
  nodeText,
  type AnswerDocument,
  type DocNode,
  type ElementNode,
  type ImageNode,
  type NodeOf,
  type ResolutionNode,
  type Screenshot,
  type StepNode,
} from '../document';
import { answerState, type AnswerState } from '../state';
import { optionParts, resolutionRows, stepParts } from './parts';
import { videoBlock, type ClipView, type VideoFrame } from './video';
import { answerWords, type AnswerWords } from './words';

// THE renderer of an answer document to HTML (issue 17): one component per block, every text
// escaped by `html`. The app's preview, the bundle page and the FAQ page call it with their own
// frame (where pictures and clips live, whether steps get checkboxes) and put the result in their
// own chrome; nothing else turns a document into markup.

export interface AnswerFrame {
  language: Language;
  /** URL of a stored picture as seen from the page, or null to leave it out. */
  imageSrc: (image: { sha256: string; ext: string }) => string | null;
  /** A clip as this output shows it, or null to leave it out (not rendered, not in this output). */
  clip: (clipId: number) => ClipView | null;
  video: Omit<VideoFrame, 'language'>;
  /** Adds a checkbox per step (the bundle lets the customer tick steps off). */
  stepCheckboxes?: boolean;
}

export interface RenderedAnswerHtml {
  html: Html;
  /** Clips the text placed: a frame shows the others (linked from steps only) apart. */
  placedClips: ReadonlySet<number>;
}

const FORMAT_TAGS: [number, string][] = [
  [16, 'code'],
  [1, 'strong'],
  [2, 'em'],
  [8, 'u'],
  [4, 's'],
];

export function renderAnswerHtml(
  doc: AnswerDocument,
  frame: AnswerFrame,
  state: AnswerState = answerState(doc),
): RenderedAnswerHtml {
  const words = answerWords(frame.language);
  const placedClips = new Set<number>();
  const ctx: Ctx = { frame, words, state, placedClips };
  return { html: blockList(doc.root.children, ctx), placedClips };
}

interface Ctx {
  frame: AnswerFrame;
  words: AnswerWords;
  state: AnswerState;
  placedClips: Set<number>;
}

/** Consecutive steps form one ordered list, so they read (and print) as a numbered procedure. */
function blockList(nodes: readonly DocNode[], ctx: Ctx): Html {
  const out: Html[] = [];
  let run: StepNode[] = [];
  const flush = () => {
    if (run.length) out.push(html`<ol class="steps">${run.map((s) => stepBlock(s, ctx))}</ol>`);
    run = [];
  };
  for (const node of nodes) {
    if (node.type === 'kotae-step') run.push(node);
    else {
      flush();
      out.push(block(node, ctx));
    }
  }
  flush();
  return html`${out.map((b) => html`${b}\n`)}`;
}

function inline(node: DocNode, ctx: Ctx): Html {
  if (node.type === 'text') {
    let out = html`${node.text}`;
    for (const [bit, tag] of FORMAT_TAGS) if (node.format & bit) out = wrap(tag, out);
    return out;
  }
  if (node.type === 'linebreak') return html`<br>`;
  if (node.type === 'tab') return html`${node.text}`;
  if (node.type === 'link' || node.type === 'autolink') {
    const href = safeHref(node.url);
    const inner = children(node, ctx);
    return href ? html`<a href="${href}" rel="noopener noreferrer">${inner}</a>` : inner;
  }
  return block(node, ctx);
}

function wrap(tag: string, inner: Html): Html {
  switch (tag) {
    case 'code':
      return html`<code>${inner}</code>`;
    case 'strong':
      return html`<strong>${inner}</strong>`;
    case 'em':
      return html`<em>${inner}</em>`;
    case 'u':
      return html`<u>${inner}</u>`;
    default:
      return html`<s>${inner}</s>`;
  }
}

function children(node: ElementNode | undefined, ctx: Ctx): Html {
  return html`${node ? node.children.map((c) => inline(c, ctx)) : null}`;
}

function block(node: DocNode, ctx: Ctx): Html {
  switch (node.type) {
    case 'paragraph':
      return html`<p>${children(node, ctx)}</p>`;
    case 'heading':
      return headingBlock(node, ctx);
    case 'quote':
      return html`<blockquote>${children(node, ctx)}</blockquote>`;
    case 'code':
      return html`<pre><code>${nodeText(node)}</code></pre>`;
    case 'list':
      return node.listType === 'number'
        ? html`<ol>${children(node, ctx)}</ol>`
        : html`<ul>${children(node, ctx)}</ul>`;
    case 'listitem':
      return html`<li>${children(node, ctx)}</li>`;
    case 'table':
      return html`<table>${children(node, ctx)}</table>`;
    case 'tablerow':
      return html`<tr>${children(node, ctx)}</tr>`;
    case 'tablecell':
      return html`<td>${children(node, ctx)}</td>`;
    case 'kotae-image':
      return imageBlock(node, ctx);
    case 'kotae-video':
      return clipBlock(node, ctx);
    case 'kotae-step':
      // A step outside a run of steps (in a list item, say) still gets its own numbered list.
      return html`<ol class="steps">${stepBlock(node, ctx)}</ol>`;
    case 'kotae-options':
      return optionsBlock(node, ctx);
    case 'kotae-resolution':
      return resolutionBlock(node, ctx);
    default:
      return isElement(node) ? html`<div>${children(node, ctx)}</div>` : html``;
  }
}

function headingBlock(node: NodeOf<'heading'>, ctx: Ctx): Html {
  const inner = children(node, ctx);
  const tags = { h1: html`<h1>${inner}</h1>`, h2: html`<h2>${inner}</h2>`, h3: html`<h3>${inner}</h3>` };
  return tags[node.tag as keyof typeof tags] ?? html`<h4>${inner}</h4>`;
}

function picture(img: Screenshot | ImageNode, cls: string, ctx: Ctx): Html | null {
  const src = ctx.frame.imageSrc(img);
  return src ? html`<img class="${cls}" src="${src}" alt="${img.alt}" loading="lazy">` : null;
}

function imageBlock(node: ImageNode, ctx: Ctx): Html {
  const img = picture(node, 'answer-image', ctx);
  return img ? html`<figure>${img}</figure>` : html``;
}

/** A clip shows once, where the text first places it. */
function clipBlock(node: NodeOf<'kotae-video'>, ctx: Ctx): Html {
  const clip = node.clipId === null ? null : ctx.frame.clip(node.clipId);
  if (!clip || ctx.placedClips.has(clip.id)) return html``;
  ctx.placedClips.add(clip.id);
  return videoBlock(clip, { ...ctx.frame.video, language: ctx.frame.language }, ctx.words);
}

function stepBlock(node: StepNode, ctx: Ctx): Html {
  const { words } = ctx;
  const n = ctx.state.stepNumbers.get(node) ?? 0;
  const { action, expected } = stepParts(node);
  const id = `step-${n}`;
  const link = node.videoLink;
  const clip = link ? ctx.frame.clip(link.clipId) : null;
  // The moment to show is the chapter of this step in the rendered file (output time); the
  // link's own time is where the vendor pointed in the edit, which the cuts may have moved.
  const timeS = clip ? (clip.chapters.find((c) => c.stepId === node.stepId)?.startS ?? link!.timeS) : 0;
  return html`<li class="step" id="${id}" data-step="${node.stepId}"><div class="step-head">${
    ctx.frame.stepCheckboxes
      ? html`<input type="checkbox" class="step-check" id="${id}-done" data-step="${node.stepId}" aria-label="${`${words('step')} ${n}`}">`
      : null
  }<span class="step-number">${n}</span><div class="step-action">${children(action, ctx)}</div></div>${
    expected
      ? html`<div class="step-expected"><span class="label">${words('expected')}</span> ${children(expected, ctx)}</div>`
      : null
  }${node.screenshot ? picture(node.screenshot, 'step-shot', ctx) : null}${
    clip
      ? html`<a class="step-video" href="#clip-${clip.id}" data-clip="${clip.id}" data-time="${timeS}">${words('watch')}</a>`
      : null
  }${node.verified ? html`<div class="step-verified">${words('verified', { version: node.verified.version })}</div>` : null}</li>`;
}

function optionsBlock(node: NodeOf<'kotae-options'>, ctx: Ctx): Html {
  const { words } = ctx;
  return html`<section class="options"><h2>${words('options')}</h2><div class="option-grid">${optionParts(
    node,
  ).map(
    (o) =>
      html`<div class="option"><h3>${children(o.title, ctx)}</h3><p><span class="pro">${words('pros')}</span> ${children(o.pros, ctx)}</p><p><span class="con">${words('cons')}</span> ${children(o.cons, ctx)}</p></div>`,
  )}</div></section>`;
}

function resolutionBlock(node: ResolutionNode, ctx: Ctx): Html {
  const rows = resolutionRows(node);
  if (!rows.length) return html``;
  return html`<section class="resolution"><h2>${ctx.words('resolution')}</h2><dl>${rows.map(
    (r) => html`<dt>${ctx.words(`field.${r.field}`)}</dt><dd>${children(r.node, ctx)}</dd>`,
  )}</dl></section>`;
}
