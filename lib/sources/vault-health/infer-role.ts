/**
 * Which PKI role issued a certificate. Vault does not store it, so it is inferred from the role
 * definitions: roles that allow the CN (allowed_domains with subdomains/bare domains as
 * configured), narrowed by the role's key_type matching the certificate's key, then by the role
 * allowing every DNS SAN too. Ambiguous or no match -> null ("unknown"), never a guess.
 */
import type { PkiRoleRecord } from "@/lib/health/records";

export function inferRole(roles: readonly PkiRoleRecord[], names: { commonName: string | null; sans: string[] }, keyType: string | null): string | null {
  const cn = names.commonName?.toLowerCase() ?? names.sans.find((s) => s.startsWith("DNS:"))?.slice(4).toLowerCase();
  if (!cn) return null;
  const dns = names.sans.filter((s) => s.startsWith("DNS:")).map((s) => s.slice(4).toLowerCase());
  let candidates = roles.filter((r) => allows(r, cn));
  for (const narrow of [(r: PkiRoleRecord) => r.keyType === normaliseKeyType(keyType), (r: PkiRoleRecord) => dns.every((h) => allows(r, h))]) {
    if (candidates.length <= 1) break;
    const narrower = candidates.filter(narrow);
    if (narrower.length > 0) candidates = narrower;
  }
  return candidates.length === 1 ? candidates[0]!.name : null;
}

function allows(role: PkiRoleRecord, host: string): boolean {
  if (role.allowAnyName) return true;
  return role.allowedDomains.some((d) => {
    const domain = d.toLowerCase();
    if (host === domain) return role.allowBareDomains;
    return role.allowSubdomains && host.endsWith(`.${domain}`);
  });
}

/** Vault role key types: rsa | ec | ed25519 | any; Node says "rsa", "rsa-pss", "ec", "ed25519". */
const normaliseKeyType = (k: string | null) => (k === "rsa-pss" ? "rsa" : k);
