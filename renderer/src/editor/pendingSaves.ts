// Saves still on their way, per answer. An answer opened again right after it was left (its
// last edits flushed as the editor closed) must be read after those edits land, never before:
// an editor started from an older copy would show, and then save, the older text.

const pending = new Map<number, Set<Promise<unknown>>>();

export function trackSave<T>(answerId: number, save: Promise<T>): Promise<T> {
  let set = pending.get(answerId);
  if (!set) pending.set(answerId, (set = new Set()));
  set.add(save);
  const done = () => {
    set.delete(save);
    if (!set.size) pending.delete(answerId);
  };
  save.then(done, done);
  return save;
}

/** Resolves once every save of the answer started so far has finished (stored or failed). */
export async function savesSettled(answerId: number): Promise<void> {
  const set = pending.get(answerId);
  if (set?.size) await Promise.allSettled([...set]);
}
