/**
 * Markdown that cannot be broken out of, for PR bodies and review notes: text from users or from
 * Vault goes into code spans or fenced blocks, never into live markdown (no links, HTML or
 * @mentions).
 */

/** A code span, newlines flattened; in a table cell "|" is escaped too. */
export function code(text: string, options: { table?: boolean } = {}): string {
  const oneLine = text.replace(/[\r\n]+/g, " ");
  const flat = options.table ? oneLine.replace(/\|/g, "\\|") : oneLine;
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced block longer than any tilde run inside, so the text stays literal. */
export function fenced(text: string): string {
  const longest = Math.max(2, ...(text.match(/~+/g) ?? []).map((r) => r.length));
  const fence = "~".repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

/** Code spans for a list of names: `a`, `b`. */
export const codes = (names: readonly string[]): string => names.map((n) => code(n)).join(", ");
