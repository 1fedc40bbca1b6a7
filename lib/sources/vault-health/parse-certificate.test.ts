import { describe, expect, it } from "vitest";
import { isWeakKey, parseCertificatePem, parseSubjectAltName, vaultSerial } from "./parse-certificate";
import { makeCertificatePem } from "./test-certificates";

const notBefore = new Date("2026-01-01T00:00:00Z");
const notAfter = new Date("2026-12-31T12:30:45Z");

describe("parseCertificatePem", () => {
  it("reads CN, DNS and IP SANs, serial, dates and a 2048-bit RSA key", async () => {
    const pem = await makeCertificatePem({ serialHex: "1a2b3c4d5e", commonName: "api.payments.example", dns: ["api.payments.example", "api.internal"], ips: ["10.1.2.3"], notBefore, notAfter, key: { kind: "rsa", bits: 2048 } });
    expect(parseCertificatePem(pem)).toMatchObject({
      commonName: "api.payments.example",
      sans: ["DNS:api.payments.example", "DNS:api.internal", "IP:10.1.2.3"],
      serial: "1a:2b:3c:4d:5e",
      notBefore: notBefore.toISOString(),
      notAfter: notAfter.toISOString(),
      keyType: "rsa",
      keyBits: 2048,
      curve: null,
      isCa: false,
    });
  });

  it("flags a 1024-bit RSA key as weak", async () => {
    const pem = await makeCertificatePem({ serialHex: "0f01", commonName: "legacy.example", dns: ["legacy.example"], notBefore, notAfter, key: { kind: "rsa", bits: 1024 } });
    const parsed = parseCertificatePem(pem);
    expect(parsed).toMatchObject({ keyType: "rsa", keyBits: 1024, serial: "0f:01" });
    expect(isWeakKey(parsed.keyType, parsed.keyBits)).toBe(true);
  });

  it("reads an ECDSA P-256 key with an IPv6 SAN", async () => {
    const pem = await makeCertificatePem({ serialHex: "7f", commonName: "edge.example", dns: ["edge.example"], ips: ["2001:db8::1"], notBefore, notAfter, key: { kind: "ec", curve: "P-256" } });
    const parsed = parseCertificatePem(pem);
    expect(parsed).toMatchObject({ commonName: "edge.example", keyType: "ec", keyBits: 256, curve: "prime256v1", sans: ["DNS:edge.example", "IP:2001:DB8:0:0:0:0:0:1"] });
    expect(isWeakKey(parsed.keyType, parsed.keyBits)).toBe(false);
  });

  it("throws on something that is not a certificate", () => {
    expect(() => parseCertificatePem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")).toThrow();
  });
});

describe("helpers", () => {
  it("splits Node's quoted SAN text", () => {
    expect(parseSubjectAltName('DNS:a.example, DNS:"b, c.example", IP Address:10.0.0.1, URI:spiffe://x/y')).toEqual(["DNS:a.example", "DNS:b, c.example", "IP:10.0.0.1", "URI:spiffe://x/y"]);
    expect(parseSubjectAltName(undefined)).toEqual([]);
  });
  it("writes serials as Vault lists them", () => {
    expect(vaultSerial("ABC")).toBe("0a:bc");
  });
  it("applies the weak-key thresholds", () => {
    expect(isWeakKey("ec", 224)).toBe(true);
    expect(isWeakKey("rsa", 2048)).toBe(false);
    expect(isWeakKey("ed25519", null)).toBe(false);
  });
});
