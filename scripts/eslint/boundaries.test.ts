import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import boundaries, tested through the project's own eslint.config.mjs: each snippet is linted
// as if it were the named file, so a deliberate boundary break must fail lint, and what the
// boundaries allow must pass. (The files need not exist: ESLint picks the config by path.)

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** The rules that fail `code` linted as the file at `file` (relative to the repository). */
async function failures(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const boundary = expect.stringMatching(/^kotae\/service-boundaries: /);

describe('core services are reached only through their index.ts', () => {
  it('refuses a service reaching into another one, by import, re-export, type or import()', async () => {
    const file = 'electron/core/clips/example.ts';
    expect(
      await failures(file, "import { probeFile } from '../media/probe';\nexport const used = probeFile;\n"),
    ).toEqual([boundary]);
    expect(await failures(file, "export { probeFile } from '../media/probe';\n")).toEqual([boundary]);
    expect(
      await failures(
        file,
        "import type { FfmpegTools } from '../media/ffmpeg/binaries';\nexport type T = FfmpegTools;\n",
      ),
    ).toEqual([boundary]);
    expect(await failures(file, "export const load = () => import('../media/importVideo');\n")).toEqual([
      boundary,
    ]);
  });

  it("allows a service's index, and a service's own internals to its files and tests", async () => {
    expect(
      await failures(
        'electron/core/clips/example.ts',
        "import { probeFile } from '../media';\nexport const used = probeFile;\n",
      ),
    ).toEqual([]);
    expect(
      await failures(
        'electron/core/clips/example.ts',
        "import { probeFile } from '../media/index';\nexport const used = probeFile;\n",
      ),
    ).toEqual([]);
    expect(
      await failures(
        'electron/core/media/example.test.ts',
        "import { probeFile } from './probe';\nexport const used = probeFile;\n",
      ),
    ).toEqual([]);
    expect(
      await failures(
        'electron/core/media/ffmpeg/example.ts',
        "import { probeFile } from '../probe';\nexport const used = probeFile;\n",
      ),
    ).toEqual([]);
  });

  it('holds for main, the CLI and tests of other services too', async () => {
    expect(
      await failures(
        'electron/cli/commands/example.ts',
        "import { probeFile } from '../../core/media/probe';\nexport const used = probeFile;\n",
      ),
    ).toEqual([boundary]);
    expect(
      await failures(
        'electron/main/example.ts',
        "import { confinedRealPath } from '../core/files/confine';\nexport const used = confinedRealPath;\n",
      ),
    ).toEqual([boundary]);
    expect(
      await failures(
        'electron/core/clips/example.test.ts',
        "import { probeFile } from '../media/probe';\nexport const used = probeFile;\n",
      ),
    ).toEqual([boundary]);
    expect(
      await failures(
        'e2e/specs/example.spec.ts',
        "import { rawZip } from '../../electron/core/bundles/zip/rawZip';\nexport const used = rawZip;\n",
      ),
    ).toEqual([boundary]);
  });

  it('lets test code, and only test code, use the fixtures surfaces (core/testing, core/<service>/testing)', async () => {
    expect(
      await failures(
        'e2e/specs/example.spec.ts',
        "import { makeVideo } from '../../electron/core/testing/videos';\nexport const used = makeVideo;\n",
      ),
    ).toEqual([]);
    expect(
      await failures(
        'electron/core/clips/example.ts',
        "import { makeVideo } from '../testing/videos';\nexport const used = makeVideo;\n",
      ),
    ).toEqual([boundary]);
    expect(
      await failures(
        'electron/core/clips/example.test.ts',
        "import { useTempDir } from '../testing';\nexport const used = useTempDir;\n",
      ),
    ).toEqual([]);
    expect(
      await failures(
        'e2e/specs/example.spec.ts',
        "import { rawZip } from '../../electron/core/bundles/testing';\nexport const used = rawZip;\n",
      ),
    ).toEqual([]);
    expect(
      await failures(
        'electron/core/clips/example.ts',
        "import { useTempDir } from '../testing';\nexport const used = useTempDir;\n",
      ),
    ).toEqual([boundary]);
    expect(
      await failures(
        'electron/cli/example.ts',
        "import { rawZip } from '../core/bundles/testing';\nexport const used = rawZip;\n",
      ),
    ).toEqual([boundary]);
  });
});

describe('the renderer', () => {
  const file = 'renderer/src/screens/Example/example.ts';
  it('may import types from electron/', async () => {
    expect(
      await failures(
        file,
        "import type { Studio } from '../../../../electron/core/studio';\nexport type S = Studio;\n",
      ),
    ).toEqual([]);
    expect(
      await failures(
        file,
        "import { type Studio } from '../../../../electron/core/studio';\nexport type S = Studio;\n",
      ),
    ).toEqual([]);
  });

  it('may not import values from electron/, nor Node', async () => {
    const restricted = expect.stringMatching(/^@typescript-eslint\/no-restricted-imports: /);
    expect(
      await failures(
        file,
        "import { Studio } from '../../../../electron/core/studio';\nexport const studio = new Studio({} as never);\n",
      ),
    ).toEqual([restricted]);
    expect(
      await failures(file, "import { readFileSync } from 'node:fs';\nexport const used = readFileSync;\n"),
    ).toEqual([restricted]);
    expect(await failures(file, "import path from 'path';\nexport const used = path;\n")).toEqual([
      restricted,
    ]);
    expect(
      await failures(file, "import { ipcRenderer } from 'electron';\nexport const used = ipcRenderer;\n"),
    ).toEqual([restricted]);
  });

  it('keeps each screen to itself: what two screens use comes from components/', async () => {
    const restricted = expect.stringMatching(
      /^@typescript-eslint\/no-restricted-imports: .*A screen does not import another screen/,
    );
    const inSettings = 'renderer/src/screens/Settings/ReleasesCard.tsx';
    expect(
      await failures(
        inSettings,
        "import { RecheckList } from '../Answers/RecheckList';\nexport const C = RecheckList;\n",
      ),
    ).toEqual([restricted]);
    expect(
      await failures(
        'renderer/src/screens/Answers/BundleExport/Form.tsx',
        "import { Card } from '../../Customers';\nexport const C = Card;\n",
      ),
    ).toEqual([restricted]);
    expect(
      await failures(
        inSettings,
        "import { RecheckList } from '../../components/RecheckList';\nexport const C = RecheckList;\n",
      ),
    ).toEqual([]);
    expect(
      await failures(
        'renderer/src/screens/Answers/BundleExport/Form.tsx',
        "import { AnswerHeader } from '../AnswerHeader';\nexport const C = AnswerHeader;\n",
      ),
    ).toEqual([]);
  });
});

describe('shared/', () => {
  const file = 'shared/example/example.ts';
  const restricted = expect.stringMatching(/^no-restricted-imports: /);
  const global = expect.stringMatching(/^no-restricted-globals: /);

  it('may import its pure-JS packages and itself', async () => {
    expect(
      await failures(
        file,
        "import { z } from 'zod';\nimport { pickLocale } from '../i18n';\nexport const x = [z, pickLocale];\n",
      ),
    ).toEqual([]);
  });

  it('imports no Node, Electron, DOM library, electron/ or renderer/', async () => {
    for (const source of [
      'node:fs',
      'fs',
      'electron',
      'better-sqlite3',
      'react',
      'dompurify',
      '../../electron/core/studio',
      '../../renderer/src/main',
    ]) {
      expect(await failures(file, `import x from '${source}';\nexport const y = x;\n`), source).toEqual([
        restricted,
      ]);
    }
  });

  it('uses no DOM or Node-only globals', async () => {
    expect(await failures(file, 'export const title = document.title;\n')).toEqual([global]);
    expect(await failures(file, 'export const width = window.innerWidth;\n')).toEqual([global]);
    expect(await failures(file, 'export const parser = new DOMParser();\n')).toEqual([global]);
    expect(await failures(file, 'export const home = process.env.HOME;\n')).toEqual([global]);
    expect(await failures(file, "export const bytes = Buffer.from('x');\n")).toEqual([global]);
    // What both have is fine.
    expect(await failures(file, "export const bytes = new TextEncoder().encode('x');\n")).toEqual([]);
  });
});
