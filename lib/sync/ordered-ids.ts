/**
 * Time-ordered UUIDs (UUIDv7 layout: 48-bit milliseconds, version 7, a counter, variant bits) for
 * the rows a sync writes. Random v4 ids scatter a million index inserts over the whole primary-key
 * and foreign-key indexes of the snapshot tables, which thrashes the buffer cache once those
 * indexes outgrow it; ids that increase through the run append to the right edge instead.
 */
import { randomInt } from "node:crypto";

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

export function createOrderedIdGenerator(now = Date.now()): () => string {
  const time = hex(now, 12);
  // Constant per generator: keeps two runs in the same millisecond apart.
  const variant = hex(0x8000 | randomInt(0x4000), 4);
  const tail = hex(randomInt(0x10000), 4);
  let counter = 0;
  return () => {
    const c = counter++;
    const high = Math.floor(c / 2 ** 32) & 0xfff;
    const low = c >>> 0;
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(high, 3)}-${variant}-${hex(low, 8)}${tail}`;
  };
}
