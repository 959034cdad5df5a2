import type { z } from 'zod';

// Walks a zod (v4) schema and lists every string and array in it that has no upper bound: input
// the renderer (or anything speaking to the IPC) could send at any size. Used by the test that
// keeps every channel's input bounded (issue 9, "extremely long text").

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
  checks?: { _zod: { def: { check: string } } }[];
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function hasCheck(def: Def, ...kinds: string[]): boolean {
  return (def.checks ?? []).some((c) => kinds.includes(c._zod.def.check));
}

/** Paths (`field.sub[]`) of unbounded strings and arrays in `schema`. */
export function unboundedPaths(schema: z.ZodType, at = '', seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const here = at || '(input)';
  switch (def.type) {
    case 'string': {
      // A regex, a fixed length or a format (uuid, email…) bounds it too; only a plain string is open.
      const bounded = hasCheck(def, 'max_length', 'length_equals', 'string_format');
      return bounded ? [] : [here];
    }
    case 'array': {
      const own = hasCheck(def, 'max_length', 'length_equals') ? [] : [`${here}[] (count)`];
      return [...own, ...unboundedPaths(def.element!, `${at}[]`, seen)];
    }
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([k, v]) => unboundedPaths(v, at ? `${at}.${k}` : k, seen));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return unboundedPaths(def.innerType!, at, seen);
    case 'union':
      return (def.options ?? []).flatMap((o) => unboundedPaths(o, at, seen));
    case 'intersection':
      return [...unboundedPaths(def.left!, at, seen), ...unboundedPaths(def.right!, at, seen)];
    case 'tuple':
      return [...(def.items ?? []).flatMap((o, i) => unboundedPaths(o, `${at}[${i}]`, seen)), ...(def.rest ? [`${here}[...] (count)`] : [])];
    case 'record':
      return [`${here}{} (count)`, ...unboundedPaths(def.keyType!, `${at}{key}`, seen), ...unboundedPaths(def.valueType!, `${at}{}`, seen)];
    case 'pipe':
      return unboundedPaths(def.in!, at, seen);
    case 'lazy':
      return unboundedPaths(def.getter!(), at, seen);
    default:
      return [];
  }
}
