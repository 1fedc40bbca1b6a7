import type { Iso, PkiCertificate, PkiMount } from "../../vault-world";
import type { CompanyModel } from "../company";
import type { Rng } from "../prng";
import { buildCertificateDer, toPem, vaultSerial } from "./certificate";
import { ed25519FromSeed, p256PublicKeyFromSeed, rsaPublicKey } from "./keys";

export type CertificateStatus = "valid" | "expiring" | "expired" | "revoked" | "weak";

export interface CertificateFact {
  serial: string;
  commonName: string;
  notAfter: Iso;
  role: string;
  keyType: "rsa" | "ec";
  keyBits: number;
  status: CertificateStatus;
  revokedAt: Iso | null;
}

const DAY = 86_400_000;
const ORG = "Acme Commerce";

/**
 * The `pki` mount: a root and an intermediate issuer in one mount (Vault's multi-issuer model), three
 * roles and one certificate per slot. The first few certificates carry the planted health findings.
 */
export function buildPkiMount(rng: Rng, company: CompanyModel, count: number, now: Date): { pki: PkiMount; facts: CertificateFact[] } {
  const iso = (t: number): Iso => new Date(t).toISOString();
  const rootKey = ed25519FromSeed(rng);
  const intKey = ed25519FromSeed(rng);
  const root = { cn: "Acme Root CA 2026", o: ORG };
  const inter = { cn: "Acme Services Intermediate CA", o: ORG };
  const serial = (): Buffer => { const b = rng.bytes(20); b[0] = ((b[0] as number) & 0x7f) | 0x10; return b; };
  const t = now.getTime();
  const rootPem = toPem(buildCertificateDer({ serial: serial(), subject: root, issuer: root, notBefore: new Date(t - 400 * DAY), notAfter: new Date(t + 3250 * DAY), subjectSpki: rootKey.spki, isCa: true, dnsNames: [], signer: rootKey }));
  const intPem = toPem(buildCertificateDer({ serial: serial(), subject: inter, issuer: root, notBefore: new Date(t - 380 * DAY), notAfter: new Date(t + 1450 * DAY), subjectSpki: intKey.spki, isCa: true, dnsNames: [], signer: rootKey }));
  const rootId = rng.uuid();
  const intId = rng.uuid();

  const ecPool = Array.from({ length: 8 }, () => p256PublicKeyFromSeed(rng)); // reused: signing dominates cost
  const plan: CertificateStatus[] = ["expiring", "expiring", "expiring", "expired", "expired", "revoked", "revoked", "weak"];
  const certificates: PkiCertificate[] = [];
  const facts: CertificateFact[] = [];
  for (let i = 0; i < count; i++) {
    const svc = company.services[i % company.services.length]!;
    const status: CertificateStatus = plan[i] ?? "valid";
    const rsa = status === "weak" || rng.chance(0.3);
    const keyBits = status === "weak" ? 1024 : rsa ? 2048 : 256;
    const role = status === "weak" || rsa ? "legacy-rsa" : "internal-services";
    const generation = Math.floor(i / company.services.length);
    const cn = `${svc.name}${generation ? `-${generation}` : ""}.${svc.team}.svc.acme.internal`;
    const notAfterRaw =
      status === "expiring" ? t + (1 + 2 * i) * DAY + rng.int(0, 3_600_000)
      : status === "expired" ? t - (3 + 7 * (i - 3)) * DAY
      : t + rng.int(20, 80) * DAY + rng.int(0, DAY);
    const notAfter = Math.floor(notAfterRaw / 1000) * 1000; // X.509 times have second resolution
    const notBefore = notAfter - 90 * DAY;
    const spki = status === "weak" ? rsaPublicKey(1024, 0) : rsa ? rsaPublicKey(2048, i) : (ecPool[i % ecPool.length] as Buffer);
    const serialBytes = serial();
    const der = buildCertificateDer({ serial: serialBytes, subject: { cn, o: ORG }, issuer: inter, notBefore: new Date(notBefore), notAfter: new Date(notAfter), subjectSpki: spki, isCa: false, dnsNames: [cn, `${svc.name}.${svc.team}-prod.svc.cluster.local`], signer: intKey });
    const revokedAt = status === "revoked" ? iso(t - (i + 1) * DAY) : null;
    certificates.push({ serial: vaultSerial(serialBytes), certificatePem: toPem(der), issuerId: intId, revokedAt, role });
    facts.push({ serial: vaultSerial(serialBytes), commonName: cn, notAfter: iso(notAfter), role, keyType: rsa ? "rsa" : "ec", keyBits, status, revokedAt });
  }
  return {
    pki: {
      issuers: [
        { id: rootId, name: "root-2026", keyId: rng.uuid(), certificatePem: rootPem, caChainPem: [rootPem] },
        { id: intId, name: "intermediate-2026", keyId: rng.uuid(), certificatePem: intPem, caChainPem: [intPem, rootPem] },
      ],
      roles: [
        { name: "internal-services", allowedDomains: ["svc.acme.internal", "svc.cluster.local"], allowSubdomains: true, maxTtl: 7_776_000, ttl: 2_592_000, keyType: "ec", keyBits: 256 },
        { name: "legacy-rsa", allowedDomains: ["svc.acme.internal"], allowSubdomains: true, maxTtl: 7_776_000, ttl: 7_776_000, keyType: "rsa", keyBits: 2048 },
        { name: "edge-ed25519", allowedDomains: ["edge.acme.internal"], allowSubdomains: true, maxTtl: 2_592_000, ttl: 604_800, keyType: "ed25519", keyBits: 0 },
      ],
      certificates,
      crl: { thisUpdate: iso(t - 3_600_000), nextUpdate: iso(t + 71 * 3_600_000) },
    },
    facts,
  };
}
