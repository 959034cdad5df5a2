import {
  documentOf,
  heading,
  paragraph,
  plainText,
  resolution,
  step,
  text,
  type DocNode,
} from '../shared/answers/document';
import { documentLimits } from '../shared/answers/schema';
import { parseAnswerDocument } from '../shared/answers/validate';
import { report } from './report';

// The document check every autosave runs in the core (issue 15): parseAnswerDocument on
// - a long answer, the 20,000 characters of the editor bench (parse_long_answer_ms), and
// - the largest answer the door lets through, just under 1,000,000 characters of JSON
//   (parse_largest_ms): the worst an autosave can cost, on the core's thread;
// and the refusal of a hostile paste of 100,000 nodes, which must stop before the schema walks
// it (refuse_100k_nodes_ms). Each figure is the best of several runs (the machine is shared).
// Usage: npm run bench -- document-schema

function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return Math.round(min * 10) / 10;
}

function answerOf(chars: number, jsonLimit = Infinity) {
  const blocks: DocNode[] = [heading('h2', '概要 / Overview')];
  for (let n = 1; ; n++) {
    const next = [
      paragraph([
        text(`段落 ${n}: 管理画面の「デザイン」から色とフォントを変更できます。`),
        text('Paragraph', 1),
      ]),
      step(`手順 ${n}: 「デザイン」→「テーマ設定」を開きます。`, '設定の画面が表示されます。'),
    ];
    const candidate = documentOf([...blocks, ...next]);
    if (plainText(candidate).length > chars || JSON.stringify(candidate).length > jsonLimit) break;
    blocks.push(...next);
  }
  blocks.push(
    resolution({ cause: '原因', done: '対応', remains: 'なし', resolved: 'はい', prevention: '予防' }, true),
  );
  return JSON.parse(JSON.stringify(documentOf(blocks))) as unknown;
}

function nodeCount(value: unknown): number {
  const node = value as { children?: unknown[] };
  return 1 + (node.children ?? []).reduce<number>((n, c) => n + nodeCount(c), 0);
}

const long = answerOf(20_000);
const largest = answerOf(Infinity, documentLimits.maxJsonChars - 2_000);
const hostile = JSON.parse(
  JSON.stringify(documentOf(Array.from({ length: 100_000 }, () => paragraph('x')))),
) as unknown;
for (const doc of [long, largest])
  if (!parseAnswerDocument(doc).ok) throw new Error('the bench document is not valid');

const largestNodes = nodeCount((largest as { root: unknown }).root);
const parseLargest = best(10, () => parseAnswerDocument(largest));
report(
  'document-schema',
  {
    parse_long_answer_ms: best(20, () => parseAnswerDocument(long)),
    largest_nodes: largestNodes,
    largest_json_chars: JSON.stringify(largest).length,
    parse_largest_ms: parseLargest,
    parse_us_per_node: Math.round((parseLargest * 1000) / largestNodes) / 1,
    refuse_100k_nodes_ms: best(5, () => parseAnswerDocument(hostile)),
  },
  {
    parse_long_answer_ms: { max: 16 },
    parse_largest_ms: { max: 200 },
    refuse_100k_nodes_ms: { max: 100 },
  },
);
