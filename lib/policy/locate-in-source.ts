import { normalizePattern } from "./classify-pattern";

export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * Best-effort positions for problems found after decoding (the HCL-to-JSON bridge drops them).
 * Works on the raw text, for HCL (`path "x"`) and JSON (`"x": {`) policies alike.
 */
export interface SourceLocator {
  /** Where the block for this (normalized) pattern starts. */
  findPath(pattern: string): SourcePosition | null;
  /** First occurrence of `needle` at or after `from` (e.g. a bad capability inside its block). */
  findAfter(from: SourcePosition | null, needle: string): SourcePosition | null;
  /** A top-level key such as `name` or a misspelt `paths`. */
  findKey(key: string): SourcePosition | null;
}

const HCL_HEADER = /^(\s*)path\s+"((?:[^"\\]|\\.)*)"/;

export function createSourceLocator(source: string): SourceLocator {
  const lines = source.split("\n");
  const headers = new Map<string, SourcePosition>();
  lines.forEach((text, index) => {
    const match = HCL_HEADER.exec(text);
    if (!match) return;
    const pattern = normalizePattern(decodeQuoted(match[2] ?? ""));
    if (!headers.has(pattern)) headers.set(pattern, { line: index + 1, column: (match[1] ?? "").length + 1 });
  });

  const findAfter = (from: SourcePosition | null, needle: string): SourcePosition | null => {
    for (let i = from ? from.line - 1 : 0; i < lines.length; i++) {
      const column = (lines[i] ?? "").indexOf(needle);
      if (column >= 0) return { line: i + 1, column: column + 1 };
    }
    return null;
  };

  return {
    findPath: (pattern) =>
      headers.get(pattern) ?? findAfter(null, JSON.stringify(pattern)) ?? findAfter(null, JSON.stringify(`/${pattern}`)),
    findAfter,
    findKey: (key) => {
      const bare = new RegExp(`^\\s*("?)${escapeRegExp(key)}\\1\\s*[={:]`);
      const index = lines.findIndex((text) => bare.test(text) || new RegExp(`^\\s*${escapeRegExp(key)}\\s`).test(text));
      if (index < 0) return findAfter(null, JSON.stringify(key));
      return { line: index + 1, column: (lines[index] ?? "").search(/\S/) + 1 };
    },
  };
}

function decodeQuoted(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
