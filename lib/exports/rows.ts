import type { CsvValue } from "@/lib/inventory/csv";

/** An export row: header -> value, in the dataset's column order. */
export type ExportRow = Record<string, CsvValue>;

/** Database values as export cells: timestamps in ISO 8601 UTC, arrays space-separated, bigints as text. */
export function toCell(value: unknown): CsvValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(String).join(" ");
  if (typeof value === "object") return JSON.stringify(value);
  return value as CsvValue;
}

export function toRow(columns: readonly string[], record: Record<string, unknown>): ExportRow {
  const row: ExportRow = {};
  for (const c of columns) row[c] = toCell(record[c]);
  return row;
}

/** Inclusive UTC day range as [from 00:00, day after `to` 00:00). */
export function dayRange(filters: { from?: string; to?: string }): { from: Date | null; until: Date | null } {
  return {
    from: filters.from ? new Date(`${filters.from}T00:00:00Z`) : null,
    until: filters.to ? new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000) : null,
  };
}
