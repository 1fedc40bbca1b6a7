/**
 * A token scanner for editing existing Terraform files in place. hcl2json gives values but no
 * positions; edits need exact byte ranges (an attribute's value, a block's braces) so the rest of
 * the file stays byte-identical. Strings (with nested template interpolations), heredocs and
 * comments are single opaque tokens, so a brace or "=" inside them never confuses the structure.
 */
export type TokenKind = "nl" | "open" | "close" | "string" | "heredoc" | "comment" | "word" | "eq" | "comma" | "sym";

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
}

const WORD = /[A-Za-z0-9_.\-*]/;
const HEREDOC_START = /<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/y;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, start: number, end: number) => tokens.push({ kind, start, end });
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === " " || c === "\t" || c === "\r") i++;
    else if (c === "\n") push("nl", i, ++i);
    else if (c === "#" || (c === "/" && next === "/")) {
      const end = lineEnd(text, i);
      push("comment", i, end);
      i = end;
    } else if (c === "/" && next === "*") {
      const close = text.indexOf("*/", i + 2);
      const end = close < 0 ? text.length : close + 2;
      push("comment", i, end);
      i = end;
    } else if (c === '"') {
      const end = skipString(text, i);
      push("string", i, end);
      i = end;
    } else if (c === "<" && next === "<" && matchHeredoc(text, i) !== null) {
      const end = matchHeredoc(text, i) as number;
      push("heredoc", i, end);
      i = end;
    } else if (c === "{" || c === "[" || c === "(") push("open", i, ++i);
    else if (c === "}" || c === "]" || c === ")") push("close", i, ++i);
    else if (c === "=" && next !== "=" && next !== ">") push("eq", i, ++i);
    else if (c === ",") push("comma", i, ++i);
    else if (WORD.test(c)) {
      let end = i + 1;
      while (end < text.length && WORD.test(text[end] as string)) end++;
      push("word", i, end);
      i = end;
    } else {
      const two = (c === "=" || c === "!" || c === "<" || c === ">") && (next === "=" || next === ">") ? 2 : 1;
      push("sym", i, i + two);
      i += two;
    }
  }
  return tokens;
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf("\n", from);
  return nl < 0 ? text.length : nl;
}

/** From an opening quote to just past the closing one; an unterminated string stops at its line end. */
export function skipString(text: string, start: number): number {
  let j = start + 1;
  while (j < text.length) {
    const c = text[j];
    if (c === "\\") j += 2;
    else if (c === '"') return j + 1;
    else if (c === "\n") return j;
    else if ((c === "$" || c === "%") && text[j + 1] === c && text[j + 2] === "{") j += 3;
    else if ((c === "$" || c === "%") && text[j + 1] === "{") j = skipInterpolation(text, j + 2);
    else j++;
  }
  return text.length;
}

/** From just inside "${" to just past its matching "}" (nested braces and strings included). */
function skipInterpolation(text: string, start: number): number {
  let depth = 1;
  let j = start;
  while (j < text.length) {
    const c = text[j];
    if (c === '"') {
      j = skipString(text, j);
      continue;
    }
    if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return j + 1;
    j++;
  }
  return text.length;
}

/** End (exclusive, before the newline) of the heredoc starting at `start`, or null if none starts there. */
export function matchHeredoc(text: string, start: number): number | null {
  HEREDOC_START.lastIndex = start;
  const m = HEREDOC_START.exec(text);
  if (!m) return null;
  const marker = m[2] as string;
  let at = start + m[0].length;
  while (at < text.length) {
    const end = lineEnd(text, at);
    if (text.slice(at, end).trim() === marker) return end;
    at = end + 1;
  }
  return text.length;
}

/** Offset of the first character of the line holding `pos`. */
export function lineStartOf(text: string, pos: number): number {
  return text.lastIndexOf("\n", pos - 1) + 1;
}
