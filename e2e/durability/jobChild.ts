// Child process of the kill-during-a-job tests: runs one job (clip render, bundle export, FAQ
// publication, library backup and restore, mail import) through the same handler table as the app and prints every job
// update as `job <status> <progress> <phase>`, so the parent can kill it -9 in the middle.
//   node --import tsx e2e/durability/jobChild.ts KIND USER_DATA LIBRARY OUT JSON_INPUT
import { writeSync } from 'node:fs';
import { createHandlers, dispatch } from '../../electron/core/api';
import { Studio } from '../../electron/core/studio';
import type { Channel } from '../../shared/api';
import { testDialogs } from '../../electron/core/testing';

const [kind, userData, library, out, inputJson] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const channels: Record<string, Channel> = {
  render: 'clips:render',
  export: 'bundles:export',
  publish: 'faq:publish',
  backup: 'backup:create',
  restore: 'backup:restore',
  import: 'intake:import',
};
// The restore asks for a file first: the input's `file` answers that dialog (the channel ignores it).
const chosenFile = (JSON.parse(inputJson) as { file?: string }).file;
const say = (line: string) => writeSync(1, `${line}\n`);

const studio = new Studio({
  userDataDir: userData,
  systemLocale: 'en-US',
  shell: 'harness',
  appVersion: '0.0.0-durability',
  platform: process.platform,
  dialogs: testDialogs({ chooseFolder: async () => out, chooseFiles: async () => (chosenFile ? [chosenFile] : []), chooseSaveFile: async () => out }),
});
studio.settings.update({ lastLibrary: library });
studio.start();
studio.on((event, payload) => {
  if (event !== 'job:update') return;
  const job = payload as {
    kind: string;
    status: string;
    progress: number;
    phase: string;
    error: { code: string } | null;
  };
  // Only the job under test: the library's own background jobs (the integrity check after open,
  // search indexing) report too, and the parent kills on a progress figure.
  if (job.kind !== kind) return;
  say(`job ${job.status} ${job.progress.toFixed(3)} ${job.phase}${job.error ? ` ${job.error.code}` : ''}`);
});
const result = await dispatch(createHandlers(studio), channels[kind], JSON.parse(inputJson));
if (!result.ok) {
  say(`error ${result.error.code} ${result.error.detail ?? ''}`);
  process.exit(1);
}
const jobId = (result.value as { jobId: string }).jobId;
const job = studio.jobs.get(jobId);
await studio.jobs.settle();
// What the job reports (counts, rejections): in the parent's failure message when a check fails.
say(`result ${JSON.stringify(studio.jobs.get(jobId)?.result ?? null)}`);
say(`done ${studio.jobs.get(jobId)?.status ?? job?.status}`);
await studio.close();
