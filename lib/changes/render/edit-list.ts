/**
 * Appends one element to a list attribute (`token_policies = [a, b]`) in place: the list keeps its
 * layout (one line or one element per line) and every other byte of the file is untouched.
 */
import { tokenize, type Token } from "./hcl-scan";
import type { HclAttributeSpan } from "./hcl-structure";

export interface ListValue {
  /** Raw text of each element, as written. */
  items: string[];
  multiline: boolean;
}

/** The elements of a list literal, or null when the value is not a plain `[...]` literal. */
export function readListValue(text: string, attr: HclAttributeSpan): ListValue | null {
  const parsed = splitList(text.slice(attr.valueStart, attr.valueEnd));
  return parsed ? { items: parsed.items.map((i) => i.text), multiline: parsed.multiline } : null;
}

export function appendListItem(text: string, attr: HclAttributeSpan, item: string): string {
  const value = text.slice(attr.valueStart, attr.valueEnd);
  const parsed = splitList(value);
  if (!parsed) throw new Error("not a list literal");
  const last = parsed.items.at(-1);
  const next = parsed.multiline && last ? appendOnOwnLine(value, last.end, parsed.trailingComma, item) : null;
  const single = parsed.comments ? insertBeforeClose(value, item) : `[${[...parsed.items.map((i) => i.text), item].join(", ")}]`;
  return text.slice(0, attr.valueStart) + (next ?? single) + text.slice(attr.valueEnd);
}

/**
 * One element per line: the new element goes on its own line after the last one (and after any
 * comment ending that line), with the same indentation; null when "]" shares the last line.
 */
function appendOnOwnLine(value: string, lastEnd: number, trailingComma: number | null, item: string): string | null {
  const close = value.lastIndexOf("]");
  const anchor = trailingComma ?? lastEnd;
  const eol = value.indexOf("\n", anchor);
  if (eol < 0 || eol > close) return null;
  const lineStart = value.lastIndexOf("\n", lastEnd - 1) + 1;
  const indent = /^[ \t]*/.exec(value.slice(lineStart))?.[0] ?? "";
  const head = trailingComma === null ? `${value.slice(0, lastEnd)},${value.slice(lastEnd, eol)}` : value.slice(0, eol);
  return `${head}\n${indent}${item}${trailingComma === null ? "" : ","}${value.slice(eol)}`;
}

function insertBeforeClose(value: string, item: string): string {
  const close = value.lastIndexOf("]");
  const before = value.slice(0, close).trimEnd();
  const sep = before.endsWith("[") || before.endsWith(",") ? "" : ", ";
  return `${before}${sep}${item}${value.slice(close)}`;
}

interface SplitList {
  items: { text: string; start: number; end: number }[];
  multiline: boolean;
  comments: boolean;
  /** Offset of a comma after the last element, when the list has one. */
  trailingComma: number | null;
}

function splitList(value: string): SplitList | null {
  const tokens = tokenize(value);
  const first = tokens[0];
  const last = tokens.at(-1);
  if (!first || !last || value[first.start] !== "[" || value[last.start] !== "]") return null;
  const items: SplitList["items"] = [];
  let depth = 0;
  let current: Token[] = [];
  let trailingComma: number | null = null;
  const flush = () => {
    const meaningful = current.filter((t) => t.kind !== "nl" && t.kind !== "comment");
    const a = meaningful[0];
    const b = meaningful.at(-1);
    if (a && b) items.push({ text: value.slice(a.start, b.end), start: a.start, end: b.end });
    current = [];
  };
  for (let k = 1; k < tokens.length - 1; k++) {
    const t = tokens[k] as Token;
    if (t.kind === "open") depth++;
    if (t.kind === "close") depth--;
    if (depth < 0) return null; // the first "[" closed before the end: not one list literal
    if (depth === 0 && t.kind === "comma") {
      const hadItem = current.some((x) => x.kind !== "nl" && x.kind !== "comment");
      flush();
      trailingComma = hadItem ? t.start : trailingComma;
      continue;
    }
    if (t.kind !== "nl" && t.kind !== "comment") trailingComma = null;
    current.push(t);
  }
  if (depth !== 0) return null;
  flush();
  return {
    items,
    multiline: tokens.some((t) => t.kind === "nl"),
    comments: tokens.some((t) => t.kind === "comment"),
    trailingComma,
  };
}
