/** Tiny HCL writers. Values are escaped; identifiers are derived from names we generated ourselves. */
export const str = (s: string): string => JSON.stringify(s).replace(/\$\{/g, "$$${").replace(/%\{/g, "%%{");
export const list = (items: string[]): string => `[${items.map(str).join(", ")}]`;
export const ident = (name: string): string => {
  const id = name.replace(/[^A-Za-z0-9_]/g, "_");
  return /^[0-9]/.test(id) ? `r_${id}` : id;
};

export type HclValue = string | number | boolean | { raw: string } | string[] | Record<string, string | string[]>;

const value = (v: HclValue): string => {
  if (typeof v === "string") return str(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return list(v);
  if ("raw" in v && typeof v.raw === "string") return v.raw;
  const entries = Object.entries(v as Record<string, string | string[]>);
  return `{\n${entries.map(([k, x]) => `    ${ident(k) === k ? k : str(k)} = ${Array.isArray(x) ? list(x) : str(x)}`).join("\n")}\n  }`;
};

export const raw = (text: string): { raw: string } => ({ raw: text });

export function resource(type: string, name: string, attrs: Record<string, HclValue | undefined>, blocks: string[] = []): string {
  const width = Math.max(...Object.keys(attrs).map((k) => k.length));
  const lines = Object.entries(attrs).filter(([, v]) => v !== undefined).map(([k, v]) => `  ${k.padEnd(width)} = ${value(v as HclValue)}`);
  return `resource "${type}" "${ident(name)}" {\n${[...lines, ...blocks].join("\n")}\n}\n`;
}

/** A policy body as an indented heredoc (policy text contains quotes but never "${" or "%{"). */
export const heredoc = (text: string): { raw: string } => {
  if (/[$%]\{/.test(text)) throw new Error("policy text would be interpolated by HCL");
  return raw(`<<-EOT\n${text.trimEnd().split("\n").map((l) => (l ? `    ${l}` : "")).join("\n")}\n  EOT`);
};
