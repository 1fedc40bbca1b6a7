/** One PKI mount's issuers, certificates (by normalized serial) and roles, indexed at start. */
import type { PkiCertificate, PkiIssuer, PkiMount } from "../../vault-world";
import { NamedStore } from "./named-store";

/** Vault accepts "17:67:..." or "17-67-..." in any case; it lists the lower-case colon form. */
export const normalizeSerial = (s: string) => s.trim().toLowerCase().replace(/-/g, ":");

export class PkiStore {
  readonly issuersById = new Map<string, PkiIssuer>();
  readonly issuersByName = new Map<string, PkiIssuer>();
  readonly certs = new Map<string, PkiCertificate>();
  readonly roles: NamedStore<PkiMount["roles"][number]>;
  private sortedSerials: string[] | null = null;
  private sortedRevoked: string[] | null = null;

  constructor(readonly pki: PkiMount) {
    for (const i of pki.issuers) {
      this.issuersById.set(i.id, i);
      this.issuersByName.set(i.name, i);
    }
    for (const c of pki.certificates) this.certs.set(normalizeSerial(c.serial), c);
    this.roles = new NamedStore(pki.roles);
  }

  /** The first issuer is the mount default (Vault's "default" reference). */
  get defaultIssuer(): PkiIssuer | undefined {
    return this.pki.issuers[0];
  }

  issuer(ref: string): PkiIssuer | undefined {
    if (ref === "default") return this.defaultIssuer;
    return this.issuersById.get(ref) ?? this.issuersByName.get(ref);
  }

  serials(): string[] {
    return (this.sortedSerials ??= [...this.certs.keys()].sort());
  }

  revokedSerials(): string[] {
    return (this.sortedRevoked ??= [...this.certs.entries()].filter(([, c]) => c.revokedAt).map(([s]) => s).sort());
  }

  revoke(serial: string, at: string): PkiCertificate | undefined {
    const key = normalizeSerial(serial);
    const cert = this.certs.get(key);
    if (!cert || cert.revokedAt) return cert;
    // Replace rather than mutate: the caller's VaultWorld stays untouched.
    const revoked = { ...cert, revokedAt: at };
    this.certs.set(key, revoked);
    this.sortedRevoked = null;
    return revoked;
  }
}

export const unixSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
/** Vault returns PEM without the trailing newline. */
export const trimPem = (pem: string) => pem.trim();
export function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, ""), "base64");
}
