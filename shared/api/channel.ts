import type { z } from 'zod';

/** One request/response channel of the API: what the renderer may send and what it gets back. */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

/** Keeps each domain's table literal-typed while checking its shape and its `domain:action` names. */
export function defineChannels<const T extends Record<`${string}:${string}`, ChannelSpec>>(table: T): T {
  return table;
}

export function defineEvents<const T extends Record<`${string}:${string}`, z.ZodType>>(table: T): T {
  return table;
}
