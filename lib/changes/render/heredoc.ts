/**
 * When a text may be written as an indented heredoc (`<<-EOT`) and read back unchanged. A heredoc
 * is a template with line-based termination and indentation stripping, so it is used only when:
 * - the text ends with exactly one newline-terminated line structure and has no "\r";
 * - no "${" or "%{" (nothing to interpolate), no tab, control or invisible character;
 * - no whitespace-only line (those are not re-indented consistently) and at least one line
 *   starts in column 0 (so stripping removes exactly the indentation Radius adds);
 * - the marker appears nowhere in the text (so no line can close the heredoc early).
 * The renderer still re-parses the result and compares; a string literal is the fallback.
 */
const MARKERS = ["EOT", "EOP", "POLICY", "END_OF_POLICY", "RADIUS_END_OF_TEXT"];

export function heredocMarkerFor(text: string): string | null {
  if (!text.endsWith("\n") || text.length < 2) return null;
  if (/[\r\t]/.test(text) || /[$%]\{/.test(text)) return null;
  if (/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/.test(text)) return null;
  const lines = text.slice(0, -1).split("\n");
  if (lines.some((l) => l !== "" && l.trim() === "")) return null;
  if (!lines.some((l) => l !== "" && !l.startsWith(" "))) return null;
  return MARKERS.find((m) => !text.includes(m)) ?? null;
}

export function assertSafeHeredoc(text: string): string {
  const marker = heredocMarkerFor(text);
  if (!marker) throw new Error("this text cannot be written as a heredoc safely");
  return marker;
}
