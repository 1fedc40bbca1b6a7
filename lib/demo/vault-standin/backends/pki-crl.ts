/**
 * CRLs for the PKI endpoints. The world does not carry issuer private keys, so the CRL is a real,
 * well-formed X.509 CRL (issuer DN, revoked serials, this/next update from the world) signed with
 * an ephemeral P-256 key: it parses, but its signature does not verify against the issuer.
 */
import "reflect-metadata"; // @peculiar/x509 (via tsyringe) needs the Reflect polyfill loaded first
import { webcrypto } from "node:crypto";
import { X509Certificate as PeculiarCertificate, X509CrlGenerator } from "@peculiar/x509";
import type { PkiStore } from "./pki-store";
import { normalizeSerial } from "./pki-store";

let signingKey: Promise<CryptoKeyPair> | null = null;
const cryptoImpl = webcrypto as unknown as Crypto;

function ephemeralKey(): Promise<CryptoKeyPair> {
  signingKey ??= cryptoImpl.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]) as Promise<CryptoKeyPair>;
  return signingKey;
}

const cache = new WeakMap<PkiStore, Map<string, Promise<Buffer>>>();

/** DER bytes of the CRL for one issuer; cached per revoked-set so repeated reads are cheap. */
export function crlDer(store: PkiStore, issuerId: string): Promise<Buffer> {
  const revoked = [...store.certs.values()].filter((c) => c.revokedAt && c.issuerId === issuerId);
  const key = `${issuerId}:${revoked.length}`;
  let perStore = cache.get(store);
  if (!perStore) cache.set(store, (perStore = new Map()));
  let pending = perStore.get(key);
  if (!pending) {
    pending = build(store, issuerId, revoked);
    perStore.set(key, pending);
  }
  return pending;
}

async function build(store: PkiStore, issuerId: string, revoked: { serial: string; revokedAt: string | null }[]): Promise<Buffer> {
  const issuer = store.issuersById.get(issuerId);
  const issuerName = issuer ? new PeculiarCertificate(issuer.certificatePem).subject : "CN=unknown";
  const keys = await ephemeralKey();
  const crl = await X509CrlGenerator.create(
    {
      issuer: issuerName,
      thisUpdate: new Date(store.pki.crl.thisUpdate),
      nextUpdate: new Date(store.pki.crl.nextUpdate),
      signingAlgorithm: { name: "ECDSA", hash: "SHA-256" } as EcdsaParams,
      signingKey: keys.privateKey,
      entries: revoked.map((c) => ({
        serialNumber: normalizeSerial(c.serial).replace(/:/g, ""),
        revocationDate: new Date(c.revokedAt ?? 0),
      })),
    },
    cryptoImpl,
  );
  return Buffer.from(crl.rawData);
}

export function derToPem(der: Buffer, label: string): string {
  const b64 = der.toString("base64").replace(/.{1,64}/g, "$&\n");
  return `-----BEGIN ${label}-----\n${b64}-----END ${label}-----`;
}
