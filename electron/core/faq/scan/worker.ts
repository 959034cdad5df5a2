import { parentPort } from 'node:worker_threads';
import { CustomerMatcher, QuoteIndex, scanText } from '../../../../shared/privacy';
import type { ScanReply, ScanRequest } from './protocol';

// The privacy scan, off the main thread: the app keeps answering while megabytes are scanned, and
// a cancelled publication stops the scan by ending this thread. Built into out/main as its own
// entry (electron.vite.config.ts); run from source with tsx in tests, the CLI and the harness.

let matcher: { hash: string; customers: CustomerMatcher } | null = null;

parentPort!.on('message', (request: ScanRequest) => {
  let reply: ScanReply;
  try {
    const { scanner } = request;
    if (matcher?.hash !== scanner.hash)
      matcher = {
        hash: scanner.hash,
        customers: new CustomerMatcher(scanner.customers, scanner.ignore.hosts),
      };
    const customers = matcher.customers;
    const findings = request.jobs.map((job) => {
      const quotes = job.customerTexts.length ? new QuoteIndex(job.customerTexts) : undefined;
      const ctx = { customers, ignore: scanner.ignore, ...(quotes ? { quotes } : {}) };
      return job.units.map((text) => scanText(text, ctx));
    });
    reply = { requestId: request.requestId, ok: true, findings };
  } catch (err) {
    reply = {
      requestId: request.requestId,
      ok: false,
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    };
  }
  parentPort!.postMessage(reply);
});
