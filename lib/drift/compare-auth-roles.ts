/** Auth roles: token policies, TTLs and bindings compared as sets and seconds. Pure. */
import type { AuthRoleSide } from "./drift-input";
import { normaliseBoundClaims, normaliseDuration, normaliseMountPath, normaliseSet, normaliseTokenPolicies, sameList } from "./normalise";
import type { DriftDifference } from "./types";
import { canonicalJson } from "./normalise";
import { claimsWords, durationWords, listWords } from "./words";

export const authRoleName = (role: Pick<AuthRoleSide, "mount" | "roleName">): string => `auth/${normaliseMountPath(role.mount, "auth")}/role/${role.roleName}`;

function setDifference(field: string, live: readonly string[], tf: readonly string[]): DriftDifference | null {
  if (sameList(live, tf)) return null;
  const added = live.filter((x) => !tf.includes(x));
  const missing = tf.filter((x) => !live.includes(x));
  const parts = [added.length ? `live adds ${added.join(", ")}` : "", missing.length ? `live lacks ${missing.join(", ")}` : ""].filter(Boolean);
  return { field, live: listWords(live), terraform: listWords(tf), text: `${field}: live ${listWords(live)}; Terraform ${listWords(tf)} (${parts.join("; ")})` };
}

function durationDifference(field: string, liveValue: AuthRoleSide["tokenTtl"], tfValue: AuthRoleSide["tokenTtl"]): DriftDifference | null {
  const live = normaliseDuration(liveValue);
  const tf = normaliseDuration(tfValue);
  if (live === tf) return null;
  return { field, live: durationWords(live), terraform: durationWords(tf), text: `${field}: live ${durationWords(live)}; Terraform ${durationWords(tf)}` };
}

function textDifference(field: string, live: string | null | undefined, tf: string | null | undefined): DriftDifference | null {
  // Unstated on either side (undefined), or left to the default in Terraform (null): not compared.
  if (live === undefined || tf === undefined || tf === null) return null;
  if ((live ?? "").trim() === tf.trim()) return null;
  return { field, live: live ?? "not set", terraform: tf, text: `${field}: live ${live ?? "not set"}; Terraform ${tf}` };
}

const bothSay = <T>(a: T | undefined, b: T | undefined): [T, T] | null => (a === undefined || b === undefined ? null : [a, b]);

/** The differences between the live and the Terraform version of one auth role; [] when they mean the same. */
export function compareAuthRole(live: AuthRoleSide, tf: AuthRoleSide): DriftDifference[] {
  const out: (DriftDifference | null)[] = [
    setDifference("token_policies", normaliseTokenPolicies(live.tokenPolicies), normaliseTokenPolicies(tf.tokenPolicies)),
    durationDifference("token_ttl", live.tokenTtl, tf.tokenTtl),
    durationDifference("token_max_ttl", live.tokenMaxTtl, tf.tokenMaxTtl),
  ];
  const sets: [string, readonly string[] | undefined, readonly string[] | undefined][] = [
    ["bound_service_account_names", live.boundServiceAccountNames, tf.boundServiceAccountNames],
    ["bound_service_account_namespaces", live.boundServiceAccountNamespaces, tf.boundServiceAccountNamespaces],
    ["bound_audiences", live.boundAudiences, tf.boundAudiences],
  ];
  for (const [field, a, b] of sets) {
    const pair = bothSay(a, b);
    if (pair) out.push(setDifference(field, normaliseSet(pair[0]), normaliseSet(pair[1])));
  }
  const claims = bothSay(live.boundClaims, tf.boundClaims);
  if (claims) {
    const a = normaliseBoundClaims(claims[0]);
    const b = normaliseBoundClaims(claims[1]);
    if (canonicalJson(a) !== canonicalJson(b)) out.push({ field: "bound_claims", live: claimsWords(a), terraform: claimsWords(b), text: `bound_claims: live ${claimsWords(a)}; Terraform ${claimsWords(b)}` });
  }
  out.push(textDifference("user_claim", live.userClaim, tf.userClaim), textDifference("role_type", live.roleType, tf.roleType));
  return out.filter((d): d is DriftDifference => d !== null);
}

export const describeAuthRole = (role: AuthRoleSide): string =>
  `${role.method} role with token policies ${listWords(normaliseTokenPolicies(role.tokenPolicies))}`;
