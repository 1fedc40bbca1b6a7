/**
 * `target.push(...items)` passes every item as a call argument and overflows the stack past
 * ~100,000 items (a large organisation's consumptions); this does not.
 */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
