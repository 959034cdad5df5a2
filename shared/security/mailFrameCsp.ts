/**
 * The CSP of the frame a customer's HTML mail is shown in: images only from our media (`mediaSource`
 * is our media scheme in Electron, the harness's origin in tests) or inline data, styles inline, and
 * nothing else: no script, no connection, no frame, no form. Kept here, pure, so the CSP test reads
 * the same policy the renderer writes.
 */
export function mailFrameCsp(mediaSource: string): string {
  return `default-src 'none'; img-src ${mediaSource} data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'`;
}
