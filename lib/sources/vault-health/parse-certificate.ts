/**
 * One PEM certificate -> the facts the health page needs, with Node's X509Certificate. Throws on
 * anything that is not a parseable certificate; the collector turns that into a problem.
 */
import { X509Certificate } from "node:crypto";

export interface ParsedCertificate {
  commonName: string | null;
  sans: string[];
  subject: string;
  issuer: string;
  /** Lower-case colon-separated hex (Vault's listing form). */
  serial: string;
  notBefore: string;
  notAfter: string;
  keyType: string | null;
  keyBits: number | null;
  curve: string | null;
  isCa: boolean;
}

const CURVE_BITS: Record<string, number> = {
  prime256v1: 256, "P-256": 256, secp256r1: 256, secp256k1: 256,
  secp384r1: 384, "P-384": 384, secp521r1: 521, "P-521": 521,
  prime192v1: 192, secp224r1: 224, "P-224": 224,
};

export function parseCertificatePem(pem: string): ParsedCertificate {
  const cert = new X509Certificate(pem);
  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const keyType = key.asymmetricKeyType ?? null;
  const curve = details.namedCurve ?? null;
  const keyBits = details.modulusLength ?? (curve ? (CURVE_BITS[curve] ?? null) : null);
  return {
    commonName: distinguishedNameField(cert.subject, "CN"),
    sans: parseSubjectAltName(cert.subjectAltName),
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    serial: vaultSerial(cert.serialNumber),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    keyType,
    keyBits,
    curve,
    isCa: cert.ca,
  };
}

/** Node prints a DN one attribute per line ("O=Acme\nCN=api.example"); the last CN is the most specific. */
export function distinguishedNameField(dn: string, field: string): string | null {
  const values = dn.split("\n").filter((line) => line.startsWith(`${field}=`)).map((line) => line.slice(field.length + 1));
  return values.at(-1) ?? null;
}

const oneLine = (dn: string) => dn.split("\n").reverse().join(", ");

/**
 * Node's subjectAltName text: "DNS:a.example, IP Address:10.0.0.1, URI:spiffe://x". Since Node 17
 * a value with a comma or quote is written as a JSON string ("DNS:\"a, b\""), so split with quotes.
 */
export function parseSubjectAltName(text: string | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const colon = text.indexOf(":", i);
    if (colon === -1) break;
    const kind = text.slice(i, colon).trim();
    let value: string;
    let next: number;
    if (text[colon + 1] === '"') {
      let end = colon + 2;
      while (end < text.length && !(text[end] === '"' && text[end - 1] !== "\\")) end++;
      value = JSON.parse(text.slice(colon + 1, end + 1)) as string;
      next = text.indexOf(",", end + 1);
    } else {
      next = text.indexOf(", ", colon + 1);
      value = text.slice(colon + 1, next === -1 ? undefined : next);
    }
    out.push(`${kind === "IP Address" ? "IP" : kind}:${value}`);
    if (next === -1) break;
    i = next + 1;
  }
  return out;
}

/** "1F0A..." (Node) -> "1f:0a:..." (Vault). Node drops a leading zero nibble; pad to whole bytes. */
export function vaultSerial(hex: string): string {
  const even = hex.length % 2 === 1 ? `0${hex}` : hex;
  return (even.toLowerCase().match(/../g) ?? []).join(":");
}

/** Weak by today's baseline (NIST SP 800-57): RSA/DSA under 2048 bits, EC under 256. */
export function isWeakKey(keyType: string | null, keyBits: number | null): boolean {
  if (keyBits === null) return false;
  if (keyType === "rsa" || keyType === "rsa-pss" || keyType === "dsa") return keyBits < 2048;
  if (keyType === "ec") return keyBits < 256;
  return false;
}
