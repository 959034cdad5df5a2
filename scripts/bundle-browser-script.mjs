// The one esbuild step for the scripts the app copies into what it writes (the FAQ site's search,
// the answer bundle's hash): each is bundled from TypeScript sources into one committed file, so
// the app writes sites and bundles without a build tool at run time. Each build script's unit test
// fails when the committed file is not what this makes from the current sources.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The script bundled from `entry` (one IIFE, ES2020, minified) after a one-line banner comment. */
export async function bundleBrowserScript(entry, banner) {
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
  return `/* ${banner} */\n${result.outputFiles[0].text}`;
}

/** Whether the module at `moduleUrl` is the script node was started with (then it writes its file). */
export function isMain(moduleUrl) {
  return Boolean(process.argv[1]) && path.resolve(process.argv[1]) === fileURLToPath(moduleUrl);
}
