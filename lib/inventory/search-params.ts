import type { z } from "zod";

export type RawSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** First value of each param; repeated params (`?q=a&q=b`) keep the first, as links never repeat. */
export function flattenSearchParams(raw: RawSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw instanceof URLSearchParams) {
    for (const [k, v] of raw) if (!(k in out)) out[k] = v;
    return out;
  }
  for (const [k, v] of Object.entries(raw)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first;
  }
  return out;
}

/** API: a bad value is the caller's mistake, so the ZodError propagates and becomes a 400. */
export function parseStrict<S extends z.ZodType>(schema: S, raw: RawSearchParams): z.output<S> {
  return schema.parse(flattenSearchParams(raw));
}

export interface LenientResult<T> {
  params: T;
  /** Params that were ignored, said in words for the page ("page: must be at least 1"). */
  notes: string[];
}

/**
 * Pages: a hand-edited or stale URL should still show something, so each invalid param falls back
 * to its default and the page says which ones it ignored.
 */
export function parseLenient<S extends z.ZodType>(schema: S, raw: RawSearchParams): LenientResult<z.output<S>> {
  const values = flattenSearchParams(raw);
  const notes: string[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const result = schema.safeParse(values);
    if (result.success) return { params: result.data, notes };
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (!(field in values)) return { params: schema.parse({}), notes: [...notes, "The filters were reset."] };
      notes.push(`Ignored ${field}=${JSON.stringify(values[field]).slice(0, 60)}: ${issue.message}`);
      delete values[field];
    }
  }
  return { params: schema.parse({}), notes: [...notes, "The filters were reset."] };
}
