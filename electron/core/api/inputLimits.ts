import type { z } from 'zod';

// Walks a zod input schema to find strings and arrays without an upper bound: a window could send a
// gigabyte string through any of them. Used by the test that covers every channel of shared/api.

interface Check {
  _zod: { def: { check: string; maximum?: number; length?: number; format?: string; pattern?: RegExp } };
}
interface Internals {
  _zod: { def: Record<string, unknown> & { type: string; checks?: Check[] } };
}

/** A regex anchored at both ends without repetition (`^#[0-9a-f]{6}$`) bounds the length too. */
function boundedPattern(pattern: RegExp | undefined): boolean {
  const source = pattern?.source ?? '';
  return source.startsWith('^') && source.endsWith('$') && !/[*+]|\{\d+,\}/.test(source);
}

function bounded(node: Internals): boolean {
  return (node._zod.def.checks ?? []).some(
    ({ _zod: { def } }) =>
      def.check === 'max_length' || def.check === 'length_equals' || boundedPattern(def.pattern),
  );
}

/** Paths (`channel.field[]`) of every unbounded string or array the schema accepts. */
export function unboundedInputs(schema: z.ZodType, at: string): string[] {
  const out: string[] = [];
  const walk = (node: Internals, path: string): void => {
    const def = node._zod.def;
    switch (def.type) {
      case 'string':
        if (!bounded(node)) out.push(path);
        return;
      case 'array':
        if (!bounded(node)) out.push(`${path}[]`);
        return walk(def.element as Internals, `${path}[]`);
      case 'object':
        for (const [key, value] of Object.entries(def.shape as Record<string, Internals>)) {
          walk(value, `${path}.${key}`);
        }
        return;
      case 'record':
        out.push(`${path}{}`);
        return;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'nonoptional':
      case 'catch':
        return walk(def.innerType as Internals, path);
      case 'pipe':
        return walk(def.in as Internals, path);
      case 'union':
        for (const option of def.options as Internals[]) walk(option, path);
        return;
      case 'intersection':
        walk(def.left as Internals, path);
        return walk(def.right as Internals, path);
      case 'tuple':
        (def.items as Internals[]).forEach((item, i) => walk(item, `${path}[${i}]`));
        return;
      default:
        // numbers, booleans, enums, literals: bounded by nature.
        return;
    }
  };
  walk(schema as unknown as Internals, at);
  return out;
}
