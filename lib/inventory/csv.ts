/**
 * CSV per RFC 4180 (CRLF line ends, fields with comma, quote or line break quoted, quotes doubled),
 * and safe to open in a spreadsheet: a text cell starting with = + - @ (or tab / carriage return)
 * is prefixed with a single quote so it is never evaluated as a formula (OWASP "CSV injection").
 * Numbers and booleans are written as they are.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

/**
 * Streams a header and every batch of rows as they arrive, so a 100,000-row export never sits in
 * memory as one string. Errors after the header has been sent can only abort the stream.
 */
export function csvStream<T>(columns: readonly CsvColumn<T>[], batches: AsyncIterable<T[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine(columns.map((c) => c.header))));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map((row) => csvLine(columns.map((c) => c.value(row)))).join("")));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** A filename-safe slug for Content-Disposition ("secrets-kv-prod.csv"). */
export function csvFilename(stem: string): string {
  const slug = stem.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);
  return `${slug || "export"}.csv`;
}

export function csvResponse(stream: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${csvFilename(filename)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
