// ESLint rule "kotae/service-boundaries": a service under electron/core/ is reached from anywhere
// else (another service, main, the CLI, the harness, tests of other services) only through its
// surface, `core/<service>` or `core/<service>/index`. A service's own files, its tests included,
// may import its internals. Test code (tests, e2e/, bench/, corpora, fixtures) may also use a
// service's fixtures surface, `core/<service>/testing`, and the shared helpers in `core/testing/`;
// the app's code may use neither. Checks static imports, re-exports and `import()` with a literal
// path, `import type` included: a type is part of a service's surface too.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const coreDir = path.join(root, 'electron', 'core');

/** The service a file belongs to ('media' for electron/core/media/ffmpeg/runner.ts), or null. */
function serviceOf(file) {
  const rel = path.relative(coreDir, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  return parts.length > 1 ? parts[0] : null;
}

/** Tests, specs, benchmarks, corpora and fixtures: code that never ships in the app. */
export function isTestCode(file) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  return (
    /\.test\.tsx?$/.test(rel) ||
    /^(e2e|bench)\//.test(rel) ||
    /(^|\/)testing(\.ts$|\/)/.test(rel) ||
    /(^|\/)corpus[^/]*\.ts$/.test(rel)
  );
}

/**
 * What is wrong with `importer` importing `source`: 'internal' (past another service's surface),
 * 'testOnly' (a fixtures surface from the app's code), or null when it is allowed.
 */
export function boundaryBreak(importer, source, own = serviceOf(importer)) {
  if (!source.startsWith('.') && !path.isAbsolute(source)) return null;
  const target = path.resolve(path.dirname(importer), source);
  const rel = path.relative(coreDir, target);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const [service, ...rest] = rel.split(path.sep);
  if (service === own) return null;
  const inner = rest.join('/').replace(/\.(ts|tsx|js|mjs)$/, '');
  // core/testing is a toolbox of separate helpers: test code may take one without loading the rest
  // (a Playwright spec cannot load what imports the locale JSON files, as some helpers do).
  const fixtures = service === 'testing' || inner === 'testing';
  if (fixtures) return isTestCode(importer) ? null : { kind: 'testOnly', service, inner };
  if (inner === '' || inner === 'index') return null;
  return { kind: 'internal', service, inner };
}

export const serviceBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Reach another core service only through its index.ts' },
    schema: [],
    messages: {
      internal:
        "'{{source}}' reaches into core/{{service}}/{{inner}}: import it from core/{{service}} (its index.ts), " +
        'exporting it there if it belongs to the service’s surface.',
      testOnly: "'{{source}}' is test fixtures: the app's code does not import them.",
    },
  },
  create(context) {
    const importer = context.filename;
    const own = serviceOf(importer);
    function check(node, sourceNode) {
      if (!sourceNode || sourceNode.type !== 'Literal' || typeof sourceNode.value !== 'string') return;
      const found = boundaryBreak(importer, sourceNode.value, own);
      if (!found) return;
      const { kind, service, inner } = found;
      context.report({ node, messageId: kind, data: { source: sourceNode.value, service, inner } });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default { meta: { name: 'kotae' }, rules: { 'service-boundaries': serviceBoundaries } };
