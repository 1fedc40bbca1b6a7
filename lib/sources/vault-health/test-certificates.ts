/**
 * Test helper: real X.509 certificates made with @peculiar/x509 over WebCrypto (self-signed;
 * the collectors never verify signatures, they read what Vault stores).
 */
import "reflect-metadata";
import { webcrypto } from "node:crypto";
import { BasicConstraintsExtension, SubjectAlternativeNameExtension, X509CertificateGenerator } from "@peculiar/x509";

const cryptoImpl = webcrypto as unknown as Crypto;

export type TestKey = { kind: "rsa"; bits: 1024 | 2048 } | { kind: "ec"; curve: "P-256" | "P-384" };

export interface TestCertificateSpec {
  serialHex: string;
  commonName: string;
  dns?: string[];
  ips?: string[];
  notBefore: Date;
  notAfter: Date;
  key: TestKey;
}

export async function makeCertificatePem(spec: TestCertificateSpec): Promise<string> {
  const algorithm =
    spec.key.kind === "rsa"
      ? { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256", publicExponent: new Uint8Array([1, 0, 1]), modulusLength: spec.key.bits }
      : { name: "ECDSA", namedCurve: spec.key.curve, hash: "SHA-256" };
  const keys = (await cryptoImpl.subtle.generateKey(algorithm, true, ["sign", "verify"])) as CryptoKeyPair;
  const names = [...(spec.dns ?? []).map((value) => ({ type: "dns" as const, value })), ...(spec.ips ?? []).map((value) => ({ type: "ip" as const, value }))];
  const cert = await X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: spec.serialHex,
      name: `CN=${spec.commonName}, O=Radius Test`,
      notBefore: spec.notBefore,
      notAfter: spec.notAfter,
      signingAlgorithm: algorithm,
      keys,
      extensions: [new BasicConstraintsExtension(false, undefined, true), ...(names.length ? [new SubjectAlternativeNameExtension(names)] : [])],
    },
    cryptoImpl,
  );
  return cert.toString("pem");
}
