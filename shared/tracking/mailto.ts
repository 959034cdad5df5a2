/**
 * A mailto: URL that opens the draft in the user's mail program. Everything is percent-encoded
 * (RFC 6068), line breaks as %0D%0A so mail programs keep paragraphs.
 */
export function mailtoUrl(to: string | null, subject: string, body: string): string {
  const enc = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));
  const address = to ? encodeURIComponent(to).replace(/%40/g, '@') : '';
  return `mailto:${address}?subject=${enc(subject)}&body=${enc(body)}`;
}
