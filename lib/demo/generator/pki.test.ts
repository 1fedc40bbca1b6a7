import { X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { demoOrg, TEST_NOW } from "./test-fixture";

describe("PKI mount", () => {
  const org = demoOrg();
  const mount = org.clusters[0]!.mounts.find((m) => m.type === "pki");
  if (mount?.type !== "pki") throw new Error("no pki mount");
  const { pki } = mount;
  const root = new X509Certificate(pki.issuers[0]!.certificatePem);
  const intermediate = new X509Certificate(pki.issuers[1]!.certificatePem);
  const bySerial = new Map(pki.certificates.map((c) => [c.serial, new X509Certificate(c.certificatePem)]));
  const days = (x: X509Certificate): number => (new Date(x.validTo).getTime() - TEST_NOW.getTime()) / 86_400_000;

  it("has a root and an intermediate issuer that chain", () => {
    expect(root.ca && intermediate.ca).toBe(true);
    expect(root.verify(root.publicKey)).toBe(true);
    expect(intermediate.verify(root.publicKey)).toBe(true);
    expect(pki.issuers[1]!.caChainPem).toEqual([pki.issuers[1]!.certificatePem, pki.issuers[0]!.certificatePem]);
  });

  it("issues parseable leaf certificates signed by the intermediate, serials in Vault's notation", () => {
    expect(pki.certificates).toHaveLength(org.counts.certificates);
    for (const [serial, x] of bySerial) {
      expect(x.verify(intermediate.publicKey)).toBe(true);
      expect(x.checkIssued(intermediate)).toBe(true);
      expect(serial).toMatch(/^([0-9a-f]{2}:){19}[0-9a-f]{2}$/);
      expect(x.serialNumber.toLowerCase()).toBe(serial.replace(/:/g, ""));
    }
    const types = new Set([...bySerial.values()].map((x) => x.publicKey.asymmetricKeyType));
    expect(types).toEqual(new Set(["rsa", "ec"]));
  });

  it("has the expiring, expired, revoked and weak certificates ground truth claims", () => {
    const gt = org.groundTruth.certificates;
    expect(gt.expiringWithin7Days).toHaveLength(3);
    for (const c of gt.expiringWithin7Days) expect(days(bySerial.get(c.serial)!)).toSatisfy((d: number) => d > 0 && d <= 7);
    expect(gt.expired).toHaveLength(2);
    for (const c of gt.expired) expect(days(bySerial.get(c.serial)!)).toBeLessThan(0);
    expect(gt.revoked).toHaveLength(2);
    for (const c of gt.revoked) expect(pki.certificates.find((x) => x.serial === c.serial)?.revokedAt).toBeTruthy();
    expect(gt.weak).toHaveLength(1);
    const weak = bySerial.get(gt.weak[0]!.serial)!;
    expect(weak.publicKey.asymmetricKeyDetails?.modulusLength).toBe(1024);
    // Nothing else is in a planted state.
    const planted = new Set([...gt.expiringWithin7Days, ...gt.expired, ...gt.revoked, ...gt.weak].map((c) => c.serial));
    for (const [serial, x] of bySerial) {
      if (planted.has(serial)) continue;
      expect(days(x)).toBeGreaterThan(7);
      expect(x.publicKey.asymmetricKeyDetails?.modulusLength ?? 2048).toBeGreaterThanOrEqual(2048);
    }
    expect(pki.certificates.filter((c) => c.revokedAt).length).toBe(2);
  });

  it("reports the certificate's own notAfter in ground truth", () => {
    for (const c of org.groundTruth.certificates.expiringWithin7Days) expect(new Date(bySerial.get(c.serial)!.validTo).toISOString()).toBe(c.notAfter);
  });
});
