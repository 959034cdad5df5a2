import { defineConfig } from '@playwright/test';

// UI specs run in Debian's Chromium against the UI harness (e2e/harness); with KOTAE_ELECTRON=1 and
// an Electron binary, the same specs also run against the built Electron app (e2e/fixtures.ts).
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

const electron = process.env.KOTAE_ELECTRON === '1';

export default defineConfig({
  testDir: 'e2e/specs',
  // Limits, not measurements: two workers share two cores with Chromium, the harness and ffmpeg,
  // and CI's machine may be busy besides (a typing spec took 65 s at a load of 19). Speed is
  // measured in bench/, never asserted here.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env.KOTAE_PW_JSON ?? 'test-results/playwright.json' }]],
  outputDir: 'test-results/playwright',
  use: {
    headless: true,
    viewport: { width: 1360, height: 860 },
    launchOptions: { executablePath: process.env.KOTAE_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: electron
    ? [{ name: 'electron', metadata: { shell: 'electron' } }]
    : [{ name: 'chromium', metadata: { shell: 'harness' } }],
});
