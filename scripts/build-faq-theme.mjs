// Bundles the FAQ site's script (resources/faq-theme/src/site.ts, with the app's shared tokeniser
// and search code) into resources/faq-theme/site.js, which the publisher copies into every site.
// The bundle is committed: the app publishes without a build tool at run time. A unit test fails
// when the committed bundle is not what this script makes from the current sources.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleBrowserScript, isMain, root } from './bundle-browser-script.mjs';

export const entry = path.join(root, 'resources/faq-theme/src/site.ts');
export const output = path.join(root, 'resources/faq-theme/site.js');

export function bundleFaqScript() {
  return bundleBrowserScript(
    entry,
    'Kotae FAQ: search and navigation. Built from resources/faq-theme/src by scripts/build-faq-theme.mjs.',
  );
}

if (isMain(import.meta.url)) {
  writeFileSync(output, await bundleFaqScript());
  console.log(`wrote ${path.relative(root, output)}`);
}
