// Bundles the answer bundle's SHA-256 (resources/bundle-viewer/src/sha256.ts, @noble/hashes) into
// resources/bundle-viewer/sha256.js, which every bundle's verify.html loads before verify.js.
// The bundle is committed; resources/bundle-viewer/src/sha256.test.ts fails when it is not what
// this script makes from the current sources.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleBrowserScript, isMain, root } from './bundle-browser-script.mjs';

export const entry = path.join(root, 'resources/bundle-viewer/src/sha256.ts');
export const output = path.join(root, 'resources/bundle-viewer/sha256.js');

export function bundleViewerHash() {
  return bundleBrowserScript(
    entry,
    'Kotae bundle: SHA-256. Built from resources/bundle-viewer/src by scripts/build-bundle-viewer.mjs. ' +
      'Contains @noble/hashes, Copyright (c) 2022 Paul Miller (https://paulmillr.com), MIT License ' +
      '(https://github.com/paulmillr/noble-hashes/blob/main/LICENSE).',
  );
}

if (isMain(import.meta.url)) {
  writeFileSync(output, await bundleViewerHash());
  console.log(`wrote ${path.relative(root, output)}`);
}
