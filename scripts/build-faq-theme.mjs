// Bundles the FAQ site's script (resources/faq-theme/src/site.ts, with the app's shared tokeniser
// and search code) into resources/faq-theme/site.js, which the publisher copies into every site.
// The bundle is committed: the app publishes without a build tool at run time. A unit test fails
// when the committed bundle is not what this script makes from the current sources.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const entry = path.join(root, 'resources/faq-theme/src/site.ts');
export const output = path.join(root, 'resources/faq-theme/site.js');

export async function bundleFaqScript() {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    absWorkingDir: root,
  });
  return `/* Kotae FAQ: search and navigation. Built from resources/faq-theme/src by scripts/build-faq-theme.mjs. */\n${result.outputFiles[0].text}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(output, await bundleFaqScript());
  console.log(`wrote ${path.relative(root, output)}`);
}
