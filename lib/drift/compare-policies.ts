/** Policies: rules compared parsed (lib/policy) and normalised, never as text. Pure. */
import type { PolicySide } from "./drift-input";
import { normaliseRules, normaliseText, sameList, type NormalisedRule } from "./normalise";
import type { DriftDifference } from "./types";
import { listWords } from "./words";

const grants = (rule: NormalisedRule | undefined): string | null => (rule ? listWords(rule.capabilities) : null);

function ruleDifference(path: string, live: NormalisedRule | undefined, tf: NormalisedRule | undefined): DriftDifference | null {
  const field = `rule ${path}`;
  if (live && !tf) return { field, live: grants(live), terraform: null, text: `${field}: live grants ${grants(live)}; not in Terraform` };
  if (!live && tf) return { field, live: null, terraform: grants(tf), text: `${field}: Terraform grants ${grants(tf)}; not in Vault` };
  if (!live || !tf) return null;
  if (!sameList(live.capabilities, tf.capabilities)) {
    return { field, live: grants(live), terraform: grants(tf), text: `${field}: live grants ${grants(live)}; Terraform grants ${grants(tf)}` };
  }
  if (live.constraints !== tf.constraints) {
    return { field, live: live.constraints || "none", terraform: tf.constraints || "none", text: `${field}: same capabilities, different parameter/wrapping constraints` };
  }
  return null;
}

/** The differences between the live and the Terraform version of one policy; [] when they mean the same. */
export function comparePolicy(live: PolicySide, tf: PolicySide): DriftDifference[] {
  if (live.rules === null || tf.rules === null) {
    // One side does not parse: the only honest comparison left is the text itself.
    if (normaliseText(live.rawHcl) === normaliseText(tf.rawHcl)) return [];
    const why = live.rules === null ? `the live policy does not parse (${live.parseError ?? "unknown error"})` : `the Terraform policy could not be read or parsed (${tf.parseError ?? "unknown error"})`;
    return [{ field: "policy text", live: live.parseError ? "does not parse" : "parsed", terraform: tf.parseError ? "does not parse" : "parsed", text: `policy text differs and ${why}` }];
  }
  const a = normaliseRules(live.rules);
  const b = normaliseRules(tf.rules);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.map((p) => ruleDifference(p, a.get(p), b.get(p))).filter((d): d is DriftDifference => d !== null);
}

export function describePolicyRules(side: PolicySide): string {
  if (side.rules === null) return "its text does not parse";
  const n = side.rules.length;
  return `${n} rule${n === 1 ? "" : "s"}${n > 0 ? ` (${side.rules.slice(0, 3).map((r) => `${r.path}: ${r.capabilities.join(", ")}`).join("; ")}${n > 3 ? "; …" : ""})` : ""}`;
}
