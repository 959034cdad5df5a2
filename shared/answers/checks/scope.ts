import { finding, type CheckInput, type Finding } from './types';

// Support covers what the tool itself can do (DESIGN.md): an answer serves questions marked in
// scope; anything else gets a courteous decline.
export function scopeFindings(input: CheckInput): Finding[] {
  const out: Finding[] = [];
  if (!input.questions.length) {
    out.push(finding('scope', 'warning', 'scope_no_question', null));
    return out;
  }
  for (const q of input.questions) {
    const params = { subject: q.subject };
    const key = String(q.id);
    if (input.kind === 'decline') {
      if (q.scopeVerdict === 'in_scope')
        out.push(finding('scope', 'warning', 'scope_decline_in_scope', null, params, key));
      continue;
    }
    if (q.scopeVerdict === 'out_of_scope')
      out.push(finding('scope', 'error', 'scope_out_of_scope', null, params, key));
    else if (q.scopeVerdict === 'needs_clarification')
      out.push(finding('scope', 'warning', 'scope_needs_clarification', null, params, key));
    else if (q.scopeVerdict === null)
      out.push(finding('scope', 'warning', 'scope_undecided', null, params, key));
  }
  return out;
}
