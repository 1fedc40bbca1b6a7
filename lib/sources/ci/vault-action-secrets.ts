/**
 * The `secrets` input of hashicorp/vault-action (https://github.com/hashicorp/vault-action#key-syntax):
 * entries separated by ";" and/or newlines, each `<path> <key> [| <OUTPUT_NAME>]`. The key may be
 * quoted ("my key"), `*` means every key; a path may contain `${{ }}` expressions (resolved by the
 * runner, unknowable here).
 */
export interface VaultActionSecret {
  path: string;
  key: string;
  output: string | null;
  /** 0-based line offset inside the `secrets` block, to locate the entry in the workflow file. */
  lineOffset: number;
}

export interface VaultActionSecretsResult {
  secrets: VaultActionSecret[];
  invalid: { text: string; lineOffset: number }[];
}

const TOKEN = /"((?:[^"\\]|\\.)*)"|'([^']*)'|((?:\$\{\{[\s\S]*?\}\}|[^\s"'])+)/g;

export function parseVaultActionSecrets(text: string): VaultActionSecretsResult {
  const result: VaultActionSecretsResult = { secrets: [], invalid: [] };
  text.split("\n").forEach((line, lineOffset) => {
    for (const raw of splitEntries(line)) {
      const entry = raw.trim();
      if (entry === "") continue;
      const bar = entry.lastIndexOf("|");
      const left = bar >= 0 && !entry.slice(bar).includes("}}") ? entry.slice(0, bar) : entry;
      const output = left === entry ? null : entry.slice(bar + 1).trim() || null;
      const tokens = [...left.matchAll(TOKEN)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
      if (tokens.length !== 2) { result.invalid.push({ text: entry, lineOffset }); continue; }
      result.secrets.push({ path: tokens[0] as string, key: tokens[1] as string, output, lineOffset });
    }
  });
  return result;
}

/** Split on ";" outside quotes and `${{ }}` expressions. */
function splitEntries(line: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quote: string | null = null;
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote) { if (c === quote && line[i - 1] !== "\\") quote = null; }
    else if (c === '"' || c === "'") quote = c;
    else if (line.startsWith("${{", i)) depth++;
    else if (line.startsWith("}}", i) && depth > 0) depth--;
    else if (c === ";" && depth === 0) { parts.push(current); current = ""; continue; }
    current += c;
  }
  parts.push(current);
  return parts;
}
