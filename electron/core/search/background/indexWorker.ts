import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { SearchIndexer } from '../indexing/indexer';
import type { FromWorker, ToWorker, WorkerStart } from './protocol';

// The app's index worker (issue 20): its own connection to the library (WAL: the app's reads never
// wait for it, and each of its transactions is a few milliseconds of writing, so the app's writes
// barely do), running the indexer one step at a time and taking a turn of its event loop between
// steps to hear pause and stop. When there is nothing to do it sleeps until kicked (the app writes
// something) or until the next poll (a write the app did not announce, another process's).

const POLL_MS = 2000;
const PROGRESS_MS = 250;

const port = parentPort!;
const { dbPath } = workerData as WorkerStart;
const db = new Database(dbPath, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
const indexer = new SearchIndexer(db);

let paused = false;
let holds = 0;
let stopping = false;
let wake: (() => void) | null = null;
const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'stop') stopping = true;
  else if (message.type === 'pause') {
    paused = true;
    indexer.cancel();
  } else if (message.type === 'resume') paused = false;
  else if (message.type === 'hold') holds++;
  else if (message.type === 'release') holds = Math.max(0, holds - 1);
  wake?.();
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      wake = null;
      resolve();
    }
    wake = done;
  });
}

async function loop(): Promise<void> {
  let lastProgress = 0;
  let busy = false;
  while (!stopping) {
    if (holds > 0) {
      send({ type: 'held' });
      while (holds > 0 && !stopping) await sleep(60_000);
      continue;
    }
    if (paused) {
      await sleep(60_000);
      continue;
    }
    let worked: boolean;
    try {
      worked = indexer.step();
    } catch (err) {
      // A busy database (a long write of the app's) or a full disk: say so, retry after a pause.
      send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
      indexer.cancel();
      await sleep(POLL_MS);
      continue;
    }
    if (worked) {
      busy = true;
      if (Date.now() - lastProgress >= PROGRESS_MS) {
        lastProgress = Date.now();
        send({ type: 'progress', progress: indexer.progress() });
      }
      await new Promise((resolve) => setImmediate(resolve));
    } else {
      if (busy) send({ type: 'idle' });
      busy = false;
      await sleep(POLL_MS);
    }
  }
  indexer.cancel();
  db.close();
}

void loop().then(() => port.close());
