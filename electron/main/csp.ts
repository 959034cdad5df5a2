// What "a strict Content-Security-Policy" means for every page we ship (the app's window, the
// bundle viewer, the FAQ site), as a function the tests apply to each of them.

const KEYWORDS = new Set(["'self'", "'none'"]);
/** Local, non-network sources a page may use besides its own origin. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'kotae-media:']);

export function parseCsp(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), values);
  }
  return out;
}

/** Reasons the policy is not strict; empty when it is. */
export function cspProblems(csp: string): string[] {
  const directives = parseCsp(csp);
  const problems: string[] = [];
  const fallback = directives.get('default-src');
  if (!fallback || !(fallback.join(' ') === "'none'" || fallback.join(' ') === "'self'")) {
    problems.push(`default-src must be 'none' or 'self', is ${fallback?.join(' ') ?? 'missing'}`);
  }
  const scripts = directives.get('script-src') ?? fallback ?? [];
  if (scripts.some((s) => s !== "'self'" && s !== "'none'")) {
    problems.push(`script-src allows more than our own files: ${scripts.join(' ')}`);
  }
  const objects = directives.get('object-src') ?? fallback ?? [];
  if (objects.join(' ') !== "'none'" && fallback?.join(' ') !== "'none'") {
    problems.push("object-src must be 'none'");
  }
  if (!["'none'", "'self'"].includes((directives.get('base-uri') ?? []).join(' '))) {
    problems.push("base-uri must be 'none' or 'self'");
  }
  for (const [name, values] of directives) {
    for (const value of values) {
      if (KEYWORDS.has(value) || LOCAL_SCHEMES.has(value)) continue;
      if (name === 'style-src' && value === "'unsafe-inline'") continue; // styles only, never script
      problems.push(`${name} allows ${value}`);
    }
  }
  return problems;
}

/** The policies of an HTML page's <meta http-equiv="Content-Security-Policy"> tags. */
export function metaCsps(html: string): string[] {
  const out: string[] = [];
  const tags = html.match(/<meta\b[^>]*>/gis) ?? [];
  for (const tag of tags) {
    if (!/http-equiv\s*=\s*["']Content-Security-Policy["']/i.test(tag)) continue;
    out.push(/content\s*=\s*"([^"]*)"/i.exec(tag)?.[1] ?? '');
  }
  return out;
}

/** Inline scripts (with a body and no src), which a strict page must not need. */
export function inlineScripts(html: string): number {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
    ([, attrs, body]) =>
      !/\bsrc\s*=/.test(attrs ?? '') &&
      !/type\s*=\s*["']application\/json["']/i.test(attrs ?? '') &&
      (body ?? '').trim() !== '',
  ).length;
}
