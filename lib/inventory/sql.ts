import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { COUNT_CAP } from "./schemas";

/** `ILIKE` pattern matching `term` literally anywhere (%, _ and \ in the term are not wildcards). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Every whitespace-separated word of `q` must appear in `column` (so "payments stripe" narrows). */
export function searchWords(column: Prisma.Sql, q: string | undefined): Prisma.Sql[] {
  if (!q) return [];
  return q
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((word) => Prisma.sql`${column} ILIKE ${containsPattern(word)} ESCAPE '\\'`);
}

export function whereAll(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

/**
 * Counts matches of a FROM/WHERE clause, stopping at COUNT_CAP + 1 rows: past ten thousand the
 * exact number does not help anyone, and counting 100,000 rows per page view would.
 */
export function cappedCountSql(fromWhere: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 ${fromWhere} LIMIT ${COUNT_CAP + 1}) AS capped`;
}

export function toCapped(n: number | undefined): { total: number; totalCapped: boolean } {
  const total = n ?? 0;
  return total > COUNT_CAP ? { total: COUNT_CAP, totalCapped: true } : { total, totalCapped: false };
}

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
