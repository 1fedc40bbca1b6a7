/**
 * HCL string escaping. Every user-supplied value reaches Terraform through `hclString`: a quoted
 * template in which nothing can be interpolated or terminated early. hcl2json (the verifier)
 * reports a literal string with its template escapes kept (`$${`, `%%{`) and every other escape
 * decoded; `fromParsedLiteral` undoes exactly that. HCL also normalises strings to Unicode NFC,
 * so the schemas normalise free text and values from Vault that are not NFC are refused.
 */

/** Characters written as \uXXXX: controls, separators and invisible/bidirectional formatting. */
const UNICODE_ESCAPED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/;

/** A quoted HCL string whose value is exactly `value`. */
export function hclString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    const next = value[i + 1];
    if (c === "\\") out += "\\\\";
    else if (c === '"') out += '\\"';
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "\t") out += "\\t";
    // Template introducers: "${" and "%{" become the literal escapes "$${" and "%%{".
    else if ((c === "$" || c === "%") && next === "{") out += c + c;
    else if (UNICODE_ESCAPED.test(c)) out += `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
    else out += c;
  }
  return out + '"';
}

/** Template escaping for heredoc bodies (no quotes or backslash escapes there). */
export function escapeTemplate(text: string): string {
  return text.replace(/([$%])\{/g, "$1$1{");
}

/** How hcl2json shows a literal string value: template introducers stay escaped. */
export function toParsedLiteral(value: string): string {
  return escapeTemplate(value);
}

/** The value of a literal string as hcl2json shows it. */
export function fromParsedLiteral(shown: string): string {
  return shown.replace(/([$%])\1\{/g, "$1{");
}

/** True when hcl2json's rendering of a string holds a live interpolation or directive. */
export function hasTemplateExpression(shown: string): boolean {
  // Left to right, as HCL's scanner reads it: "$${" is an escape, "${" an interpolation.
  for (let i = 0; i < shown.length; i++) {
    const c = shown[i];
    if (c !== "$" && c !== "%") continue;
    if (shown[i + 1] === c && shown[i + 2] === "{") i += 2;
    else if (shown[i + 1] === "{") return true;
  }
  return false;
}

/** HCL normalises string literals to Unicode NFC: only NFC text survives a round trip exactly. */
export const isNfc = (text: string): boolean => text === text.normalize("NFC");
