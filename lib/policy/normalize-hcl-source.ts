/**
 * Vault parses policies with HCL 1; @cdktf/hcl2json speaks HCL 2, which is stricter about two
 * forms common in real policies. Rewrite them in place without moving any other character, so
 * line and column numbers in later syntax errors still point at the user's text:
 *   path "x"            ->  path "x" {
 *   {                   ->
 * (a one-line `{ ... }` body is moved up whole, leaving its line empty), and
 * `path "x" = {` (HCL 1 object assignment) -> `path "x"   {`.
 */
const HEADER_WITHOUT_BRACE = /^(\s*path\s+"(?:[^"\\\n]|\\.)*")\s*(=\s*)?(#.*|\/\/.*)?$/;
const ASSIGNED_BLOCK = /^(\s*path\s+"(?:[^"\\\n]|\\.)*"\s*)=(\s*\{)/;
const SKIPPABLE = /^\s*(#.*|\/\/.*)?$/;

export function normalizeHclSource(source: string): string {
  const lines = source.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const assigned = ASSIGNED_BLOCK.exec(line);
    if (assigned) {
      lines[i] = `${assigned[1]} ${line.slice((assigned[1] ?? "").length + 1)}`;
      continue;
    }
    const header = HEADER_WITHOUT_BRACE.exec(line);
    if (!header) continue;
    const braceLine = findBraceLine(lines, i + 1);
    if (braceLine === null) continue;
    const text = lines[braceLine] ?? "";
    const at = text.indexOf("{");
    const rest = text.slice(at + 1);
    if (rest.trim() === "" || SKIPPABLE.test(rest)) {
      lines[braceLine] = `${text.slice(0, at)} ${rest}`;
      lines[i] = `${header[1]} {${header[3] ? ` ${header[3]}` : ""}`;
    } else {
      // `{ capabilities = [...] }` on its own line: HCL 2 needs it on the header line as a whole.
      lines[braceLine] = "";
      lines[i] = `${header[1]} ${text.trim()}${header[3] ? ` ${header[3]}` : ""}`;
    }
  }
  return lines.join("\n");
}

/** The next line that starts with "{", skipping blank and comment-only lines. */
function findBraceLine(lines: string[], from: number): number | null {
  for (let j = from; j < lines.length; j++) {
    const text = lines[j] ?? "";
    if (text.trimStart().startsWith("{")) return j;
    if (!SKIPPABLE.test(text)) return null;
  }
  return null;
}
