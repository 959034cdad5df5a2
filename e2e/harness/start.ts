import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Starting the UI harness (server.ts) in a child process: used by the Playwright fixtures and the
// benchmarks that drive the UI, so there is one way to start it and to read its address.

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

export interface RunningHarness {
  /** The page's origin (http://127.0.0.1:port). */
  url: string;
  /** The media origin: another port, as kotae-media:// is another origin than kotae-app://. */
  mediaOrigin: string;
  child: ChildProcess;
  /** The window.kotae bridge for this harness, to inject with page.addInitScript({ content }). */
  bridgeScript: string;
}

/** The bridge script with this harness's media origin filled in. */
export function bridgeFor(mediaOrigin: string): string {
  return readFileSync(path.join(here, 'bridge.js'), 'utf8').replace(
    "/*MEDIA_ORIGIN*/ ''",
    JSON.stringify(mediaOrigin),
  );
}

export function startHarness(
  userData: string,
  options: {
    locale?: string;
    /** The demo's language: 'ui' lets the app choose (the UI's); specs and benches default to ja. */
    demoLanguage?: 'ja' | 'en' | 'ui';
    onStderr?: (text: string) => void;
  } = {},
): Promise<RunningHarness> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(here, 'server.ts'),
        '--user-data',
        userData,
        '--locale',
        options.locale ?? 'en-US',
        ...((options.demoLanguage ?? 'ja') === 'ui' ? [] : ['--demo-language', options.demoLanguage ?? 'ja']),
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    // A harness that has not said it is ready is stopped, never left running beside the tests.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`harness did not start within 60 s:\n${out}`));
    }, 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /KOTAE_HARNESS_READY (\S+) (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, mediaOrigin: match[2]!, child, bridgeScript: bridgeFor(match[2]!) });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      options.onStderr?.(chunk.toString());
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness exited with ${code}:\n${out}`));
    });
  });
}
