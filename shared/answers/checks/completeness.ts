import {
  isElement,
  nodeText,
  resolutionFields,
  resolutionFieldOf,
  type DocNode,
  type ElementNode,
} from '../document';
import { finding, type CheckInput, type Finding } from './types';

// A complete answer (DESIGN.md): steps the customer can replay, each with the result they should
// see, checked against the tool; a resolution summary in five parts; media that is really there.

function part(node: ElementNode, type: DocNode['type']): string {
  const child = node.children.find((c) => c.type === type);
  return child ? nodeText(child).trim() : '';
}

/** Every node below `node` (itself included), depth first. */
function* walk(node: DocNode): Generator<DocNode> {
  yield node;
  if (isElement(node)) for (const child of node.children) yield* walk(child);
}

export function completenessFindings(input: CheckInput): Finding[] {
  const out: Finding[] = [];
  const blocks = input.doc.root.children;
  const add = (severity: Finding['severity'], code: string, block: number | null, params = {}, key = '') =>
    out.push(finding('completeness', severity, code, block, params, key));

  if (input.kind === 'answer') {
    let stepNumber = 0;
    const unverified: { n: number; block: number }[] = [];
    let resolutionSeen = false;
    blocks.forEach((node, block) => {
      for (const n of walk(node)) {
        if (n.type === 'kotae-step') {
          const step = n;
          stepNumber += 1;
          if (!part(step, 'kotae-step-action'))
            add('error', 'step_no_action', block, { step: stepNumber }, step.stepId);
          if (!part(step, 'kotae-step-expected'))
            add('error', 'step_no_expected', block, { step: stepNumber }, step.stepId);
          if (step.failed && !step.verified)
            add(
              'error',
              'step_failed',
              block,
              { step: stepNumber, version: step.failed.version },
              step.stepId,
            );
          else if (!step.verified) unverified.push({ n: stepNumber, block });
        } else if (n.type === 'kotae-resolution' && !resolutionSeen) {
          resolutionSeen = true;
          for (const field of resolutionFields) {
            const f = resolutionFieldOf(n, field);
            if (!f || !nodeText(f).trim()) add('error', 'resolution_field_empty', block, { field }, field);
          }
        } else if (n.type === 'kotae-options') {
          const options = n.children.filter(isElement);
          if (options.length < 2) add('warning', 'options_too_few', block, { count: options.length });
          options.forEach((option, i) => {
            if (
              !part(option, 'kotae-option-title') ||
              !part(option, 'kotae-option-pros') ||
              !part(option, 'kotae-option-cons')
            )
              add('warning', 'option_incomplete', block, { option: i + 1 }, String(i));
          });
        }
      }
    });
    if (stepNumber === 0) add('error', 'no_steps', null);
    if (!resolutionSeen) add('error', 'resolution_missing', null);
    if (unverified.length) {
      add('warning', 'steps_unverified', unverified[0]!.block, {
        count: unverified.length,
        steps: unverified.map((u) => u.n).join(', '),
      });
    }
  }

  // Media, in answers and declines alike: a picture or a clip the customer cannot open.
  blocks.forEach((node, block) => {
    for (const n of walk(node)) {
      if (n.type === 'kotae-image') {
        const image = n;
        if (!input.mediaExists(image.sha256))
          add(
            'error',
            'media_missing',
            block,
            { name: image.alt || image.sha256.slice(0, 12) },
            image.sha256,
          );
      } else if (n.type === 'kotae-step') {
        const step = n;
        if (step.screenshot && !input.mediaExists(step.screenshot.sha256))
          add(
            'error',
            'media_missing',
            block,
            { name: step.screenshot.alt || step.screenshot.sha256.slice(0, 12) },
            step.screenshot.sha256,
          );
        if (step.videoLink && !input.clipExists(step.videoLink.clipId))
          add('error', 'clip_missing', block, { clip: step.videoLink.clipId }, `step-${step.stepId}`);
      } else if (n.type === 'kotae-video') {
        const video = n;
        if (video.clipId === null) add('warning', 'video_no_clip', block);
        else if (!input.clipExists(video.clipId)) add('error', 'clip_missing', block, { clip: video.clipId });
      }
    }
  });
  return out;
}
