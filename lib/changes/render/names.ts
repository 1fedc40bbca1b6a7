/**
 * Names Radius invents: Terraform resource names and Vault policy names are derived from validated
 * input through a strict alphabet (never copied), kept short, and made unique against what the
 * repository and Vault already hold.
 */

/** `[a-z0-9]` runs joined by "-": a Vault policy name part. */
export function slugPart(text: string, max = 60): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, max).replace(/-+$/, "") || "x";
}

/** A Terraform resource name: `[a-z0-9_]`, starting with a letter. */
export function resourceName(text: string, max = 64): string {
  const id = text.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, max).replace(/_+$/, "");
  return /^[a-z]/.test(id) ? id : `r_${id || "x"}`;
}

/** `name`, else `name_2`, `name_3`...: the first not in `taken` (compared as "type.name"). */
export function uniqueResourceName(type: string, name: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name}_${n}`;
    if (!taken.has(`${type}.${candidate}`)) return candidate;
  }
}

export function uniquePolicyName(name: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** First 8 hex digits of a change id: enough to tell requests apart in names and branches. */
export function shortId(changeId: string): string {
  const hex = changeId.replace(/[^0-9a-f]/gi, "").toLowerCase().slice(0, 8);
  if (hex.length < 8) throw new Error("change ids are UUIDs");
  return hex;
}

/** `{team}` in TERRAFORM_CHANGES_FILE: the owner team without a leading "team-", or "shared". */
export function changesFileFor(pattern: string, team: string | null | undefined): string {
  const name = team ? slugPart(team.replace(/^team-/, ""), 40) : "shared";
  return pattern.replaceAll("{team}", name);
}
