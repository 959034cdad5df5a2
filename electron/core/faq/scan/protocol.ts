import type { CustomerIdentity, TextFinding } from '../../../../shared/privacy';

// What the FAQ service and its scan worker say to each other (structured clone, same process).

/** Who to look for: the library's customers, minus the vendor's own addresses. */
export interface ScannerSpec {
  /** Changes whenever the customers or the vendor do: the worker rebuilds its automata then. */
  hash: string;
  customers: CustomerIdentity[];
  ignore: { emails: string[]; hosts: string[] };
}

/** The texts of one answer (or capability), scanned with its customers' own words. */
export interface ScanJob {
  units: string[];
  /** What the customers wrote in the questions it answers (the verbatim check); none for capabilities. */
  customerTexts: string[];
}

export interface ScanRequest {
  requestId: number;
  scanner: ScannerSpec;
  jobs: ScanJob[];
}

export type ScanReply =
  | { requestId: number; ok: true; findings: TextFinding[][][] }
  | { requestId: number; ok: false; error: string };
