/** Wording shared by pages, components and CSV (safe for the client). */

/** "45 s", "5 min", "1 h 2 min", "3 d 4 h": the two largest non-zero units, rounded down. */
export function formatSeconds(total: number): string {
  if (total < 60) return `${Math.max(0, Math.round(total))} s`;
  const units: [string, number][] = [["d", 86400], ["h", 3600], ["min", 60]];
  const parts: string[] = [];
  let rest = Math.floor(total);
  for (const [label, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n} ${label}`);
    else if (parts.length > 0) break;
    if (parts.length === 2) break;
  }
  return parts.join(" ");
}

/** Propagation as the UI says it: "5 min", or "until restart" when unbounded. */
export function formatPropagation(seconds: number | null): string {
  return seconds === null ? "until restart" : formatSeconds(seconds);
}

/** Prisma spells mapped enum values with "_" ("vault_agent", "ci_job", "per_run"); the UI and the records use "-". */
export const normaliseEnum = (value: string): string => value.replace(/_/g, "-");

/** "7 identities", "1 identity". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
