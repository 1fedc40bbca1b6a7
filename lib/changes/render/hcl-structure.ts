/**
 * Blocks and attributes of an HCL file with their byte ranges (from hcl-scan tokens), so an edit
 * can replace exactly one attribute's value or insert before a block's closing brace.
 */
import { lineStartOf, tokenize, type Token } from "./hcl-scan";

export interface HclAttributeSpan {
  name: string;
  lineStart: number;
  valueStart: number;
  /** Exclusive; trailing comments and whitespace are not part of the value. */
  valueEnd: number;
}

export interface HclBlockSpan {
  type: string;
  labels: string[];
  lineStart: number;
  /** Offsets of the "{" and of its matching "}". */
  open: number;
  close: number;
  attributes: HclAttributeSpan[];
  blocks: HclBlockSpan[];
}

export interface HclBodySpan {
  attributes: HclAttributeSpan[];
  blocks: HclBlockSpan[];
}

export function parseHclStructure(text: string): HclBodySpan {
  const tokens = tokenize(text);
  return parseBody(text, tokens, 0, false).body;
}

/** The `resource "<type>" "<name>"` block, or null. */
export function findResourceBlock(text: string, type: string, name: string): HclBlockSpan | null {
  return parseHclStructure(text).blocks.find((b) => b.type === "resource" && b.labels[0] === type && b.labels[1] === name) ?? null;
}

function parseBody(text: string, tokens: Token[], from: number, nested: boolean): { body: HclBodySpan; next: number } {
  const body: HclBodySpan = { attributes: [], blocks: [] };
  let i = from;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (t.kind === "close") {
      if (nested) return { body, next: i };
      i++;
      continue;
    }
    // Quoted names only occur as object keys (`"a-b" = 1`); blocks and attributes use words.
    if (t.kind !== "word" && !(t.kind === "string" && tokens[i + 1]?.kind === "eq")) {
      i++;
      continue;
    }
    const name = t.kind === "string" ? labelText(text, t) : text.slice(t.start, t.end);
    if (tokens[i + 1]?.kind === "eq") {
      const { end, next } = skipValue(tokens, i + 2);
      const first = tokens[i + 2];
      body.attributes.push({ name, lineStart: lineStartOf(text, t.start), valueStart: first && first.start <= end ? first.start : end, valueEnd: end });
      i = next;
      continue;
    }
    let j = i + 1;
    const labels: string[] = [];
    while (tokens[j]?.kind === "string" || tokens[j]?.kind === "word") {
      labels.push(labelText(text, tokens[j] as Token));
      j++;
    }
    const open = tokens[j];
    if (open?.kind === "open" && text[open.start] === "{") {
      const inner = parseBody(text, tokens, j + 1, true);
      const close = tokens[inner.next];
      const closeAt = close ? close.start : text.length;
      body.blocks.push({ type: name, labels, lineStart: lineStartOf(text, t.start), open: open.start, close: closeAt, ...inner.body });
      i = inner.next + 1;
      continue;
    }
    i = j;
  }
  return { body, next: tokens.length };
}

/** A value runs to the newline (or closing brace of a one-line block) at its own nesting level. */
function skipValue(tokens: Token[], from: number): { end: number; next: number } {
  let depth = 0;
  let end = -1;
  let k = from;
  for (; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (depth === 0 && (t.kind === "nl" || t.kind === "close")) break;
    if (t.kind === "open") depth++;
    else if (t.kind === "close") depth--;
    if (t.kind !== "comment" && t.kind !== "nl") end = t.end;
  }
  return { end: end < 0 ? (tokens[from]?.start ?? 0) : end, next: k };
}

function labelText(text: string, token: Token): string {
  const raw = text.slice(token.start, token.end);
  if (token.kind !== "string") return raw;
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}
