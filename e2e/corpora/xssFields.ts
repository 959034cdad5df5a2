// The every-text-field corpus (issue 9): the payload written into each free-text field of a
// library (by e2e/helpers/xssLibrary.ts), and the columns it goes into. A payload that ran would
// open a dialog (alert) or set window.__pwned; its text must instead be shown literally, so each
// one starts with a label that names its field and ends with a marker the specs look for.

/** Shown literally wherever the payload's field is shown. */
export const XSS_MARKER = 'onerror=alert(';

/** About 130 characters: it fits, with the demo text, within the fields' limits (clip titles: 200). */
export function xssPayload(field: string): string {
  return ` "'><img src=x onerror=alert('${field}')><script>window.__pwned='${field}'</script><svg onload=alert(1)>{{constructor.constructor('alert(3)')()}}`;
}

/** A URL a renderer could put into href or src without looking. */
export const XSS_URL = "javascript:alert('url')";

/** Free-text columns, by table: every one gets the payload appended. */
export const xssColumns: Record<string, string[]> = {
  products: ['name', 'description'],
  capabilities: ['title', 'description', 'title_ja', 'description_ja', 'title_en', 'description_en'],
  customers: ['name', 'company', 'phone', 'notes'],
  questions: ['subject', 'body', 'scope_note'],
  messages: ['from_name', 'subject', 'text'],
  status_changes: ['note', 'customer_message'],
  answers: ['title', 'plain_text'],
  answer_revisions: ['title', 'note'],
  clips: ['title'],
  media_assets: ['original_name'],
  templates: ['name', 'body'],
  log_entries: ['summary'],
};

/** JSON columns whose string values get the payload: table → column → keys inside. */
export const xssJsonColumns: Record<string, Record<string, string[]>> = {
  customers: { profile: ['relationship', 'feelingsProduct', 'feelingsSupport', 'hopedOutcome', 'wouldAnger', 'moneyAtStake', 'causeAndResponsibility'] },
  clips: { chapters: ['title'], captions: ['text'] },
};
