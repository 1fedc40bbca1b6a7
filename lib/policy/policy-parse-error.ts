/**
 * A policy Vault would refuse, located in its source. Thrown by `parsePolicy` for HCL/JSON syntax
 * errors (nothing can be read); listed in `ParsedPolicy.errors` for rule-level problems.
 */
export class PolicyParseError extends Error {
  /** File path or policy name, as given to the parser. */
  readonly source: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly detail: string;

  constructor(input: { source: string; line: number | null; column: number | null; detail: string }) {
    super(formatLocation(input) + input.detail);
    this.name = "PolicyParseError";
    this.source = input.source;
    this.line = input.line;
    this.column = input.column;
    this.detail = input.detail;
  }
}

/** `file:line:col: ` (compiler style), degrading to `file: ` when the position is unknown. */
function formatLocation(input: { source: string; line: number | null; column: number | null }): string {
  if (input.line === null) return `${input.source}: `;
  return `${input.source}:${input.line}:${input.column ?? 1}: `;
}
