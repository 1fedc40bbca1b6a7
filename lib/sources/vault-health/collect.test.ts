/** The collectors against the Vault stand-in serving the demo organisation's world. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TOKENS, generateDemoOrganisation } from "@/lib/demo/generator";
import { startVaultStandin, type VaultStandin } from "@/lib/demo/vault-standin";
import type { PkiMount } from "@/lib/demo/vault-world";
import { createVaultReader, type VaultReader } from "@/lib/vault";
import { VaultUnavailableError } from "@/lib/sources/vault/errors";
import { isWeakKey } from "./parse-certificate";
import { collectCertificates, collectLeases } from "./index";
import { makeCertificatePem } from "./test-certificates";

const NOW = new Date("2026-06-01T12:00:00Z");
const org = generateDemoOrganisation({ seed: 1, scale: 1, now: NOW });
const world = org.clusters[0]!;
const truth = org.groundTruth;
const pki = (world.mounts.find((m) => m.type === "pki") as { pki: PkiMount; path: string });
const DAY = 86_400_000;
let standin: VaultStandin;
let reader: VaultReader;

beforeAll(async () => {
  // One extra certificate made here, revoked in the world: exact parse through the whole path.
  const pem = await makeCertificatePem({
    serialHex: "5a5a0001", commonName: "revoked-test.svc.acme.internal", dns: ["revoked-test.svc.acme.internal"], ips: ["10.9.8.7"],
    notBefore: new Date(NOW.getTime() - 10 * DAY), notAfter: new Date("2026-09-01T00:00:00Z"), key: { kind: "rsa", bits: 2048 },
  });
  pki.pki.certificates.push({ serial: "5a:5a:00:01", certificatePem: pem, issuerId: pki.pki.issuers[1]!.id, revokedAt: "2026-05-30T10:00:00.000Z", role: "legacy-rsa" });
  standin = await startVaultStandin({ world, port: 0 });
  reader = createVaultReader({ address: standin.url, token: DEMO_TOKENS.readonly, backoffMs: () => 1, timeoutMs: 5_000 });
});
afterAll(() => standin.close());

const serials = (refs: { serial: string }[]) => refs.map((r) => r.serial).sort();

describe("collectCertificates", () => {
  it("collects every certificate and finds the ground truth's expiring, expired, revoked and weak sets exactly", async () => {
    const got = await collectCertificates(reader, { cluster: world.clusterName, pkiMounts: [pki.path], concurrency: 8 });
    expect(got.problems).toEqual([]);
    expect(got.certificates).toHaveLength(pki.pki.certificates.length);
    const live = got.certificates.filter((c) => !c.revoked);
    const t = NOW.getTime();
    expect(serials(live.filter((c) => Date.parse(c.notAfter) >= t && Date.parse(c.notAfter) < t + 7 * DAY))).toEqual(serials(truth.certificates.expiringWithin7Days));
    expect(serials(live.filter((c) => Date.parse(c.notAfter) < t))).toEqual(serials(truth.certificates.expired));
    expect(serials(got.certificates.filter((c) => c.revoked && c.serial !== "5a:5a:00:01"))).toEqual(serials(truth.certificates.revoked));
    expect(serials(got.certificates.filter((c) => isWeakKey(c.keyType, c.keyBits)))).toEqual(serials(truth.certificates.weak));
    const expiring = truth.certificates.expiringWithin7Days[0]!;
    expect(got.certificates.find((c) => c.serial === expiring.serial)).toMatchObject({ commonName: expiring.commonName, notAfter: expiring.notAfter, keyType: expiring.keyType, keyBits: expiring.keyBits });
  });

  it("reads the test certificate exactly, revoked, with its role inferred", async () => {
    const got = await collectCertificates(reader, { cluster: world.clusterName, pkiMounts: [pki.path], concurrency: 4 });
    expect(got.certificates.find((c) => c.serial === "5a:5a:00:01")).toEqual({
      cluster: world.clusterName, issuerMount: "pki", serial: "5a:5a:00:01",
      commonName: "revoked-test.svc.acme.internal", sans: ["DNS:revoked-test.svc.acme.internal", "IP:10.9.8.7"],
      issuer: "O=Radius Test, CN=revoked-test.svc.acme.internal", // RFC 4514 order: last RDN first
      notBefore: new Date(NOW.getTime() - 10 * DAY).toISOString(), notAfter: "2026-09-01T00:00:00.000Z",
      revoked: true, revokedAt: "2026-05-30T10:00:00.000Z", role: "legacy-rsa", keyType: "rsa", keyBits: 2048, curve: null,
      secretKey: `${world.clusterName}:pki/issue/legacy-rsa`,
    });
  });

  it("reads issuers with the default issuer's CRL freshness, and the roles", async () => {
    const got = await collectCertificates(reader, { cluster: world.clusterName, pkiMounts: [pki.path], concurrency: 4 });
    expect(got.issuers.map((i) => i.name).sort()).toEqual(["intermediate-2026", "root-2026"]);
    const def = got.issuers.find((i) => i.isDefault)!;
    expect(def).toMatchObject({ name: "root-2026", commonName: "Acme Root CA 2026", crlThisUpdate: pki.pki.crl.thisUpdate, crlNextUpdate: pki.pki.crl.nextUpdate });
    expect(got.roles.map((r) => r.name).sort()).toEqual(["edge-ed25519", "internal-services", "legacy-rsa"]);
  });

  it("skips a certificate that does not parse and reports it", async () => {
    const bad = pki.pki.certificates[20]!.serial;
    const broken: VaultReader = { ...reader, read: (path) => (path === `pki/cert/${bad}` ? Promise.resolve({ data: { certificate: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----" } }) : reader.read(path)) as never };
    const got = await collectCertificates(broken, { cluster: world.clusterName, pkiMounts: ["pki"], concurrency: 4 });
    expect(got.certificates).toHaveLength(pki.pki.certificates.length - 1);
    expect(got.problems).toEqual([expect.objectContaining({ source: "vault", location: `${world.clusterName} GET pki/cert/${bad}`, severity: "error" })]);
  });
});

describe("collectLeases", () => {
  it("collects every lease with its secret and finds the renewal failures and the expiring-within-1h set", async () => {
    const got = await collectLeases(reader, { cluster: world.clusterName, concurrency: 8 });
    expect(got.problems).toEqual([]);
    expect(got.leases.map((l) => l.leaseId).sort()).toEqual(world.leases.map((l) => l.id).sort());
    const t = NOW.getTime();
    const expired = got.leases.filter((l) => l.expireTime && Date.parse(l.expireTime) < t).map((l) => l.leaseId);
    expect(expired.sort()).toEqual([...truth.leases.renewalFailures].sort());
    const soon = got.leases.filter((l) => l.expireTime && Date.parse(l.expireTime) >= t && Date.parse(l.expireTime) < t + 3_600_000).map((l) => l.leaseId);
    // The planted ones, plus AWS STS leases, whose whole TTL is 15 minutes (vault-leases.ts).
    expect(soon).toEqual(expect.arrayContaining(truth.leases.expiringWithin1Hour));
    expect(soon.filter((id) => !truth.leases.expiringWithin1Hour.includes(id)).every((id) => id.startsWith("aws/creds/"))).toBe(true);
    const first = got.leases.find((l) => l.leaseId === truth.leases.renewalFailures[0])!;
    const [mount, , role] = first.leaseId.split("/");
    expect(first).toMatchObject({ mount, role, secretKey: `${world.clusterName}:${mount}/creds/${role}`, renewable: true });
    expect(truth.secrets.some((s) => `${s.cluster}:${s.mount}/${s.path}` === first.secretKey)).toBe(true);
  });

  it("throws VaultUnavailableError when Vault goes down mid-collect", async () => {
    let lookups = 0;
    const flaky: VaultReader = {
      ...reader,
      lookupLease: (id) => {
        if (++lookups === 50) standin.setFaults({ down: true });
        return reader.lookupLease(id);
      },
    };
    try {
      const error = await collectLeases(flaky, { cluster: world.clusterName, concurrency: 4 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VaultUnavailableError);
    } finally {
      standin.setFaults({});
    }
    // And the certificates collector the same way.
    standin.setFaults({ down: true });
    try {
      await expect(collectCertificates(reader, { cluster: world.clusterName, pkiMounts: ["pki"], concurrency: 4 })).rejects.toBeInstanceOf(VaultUnavailableError);
    } finally {
      standin.setFaults({});
    }
  });
});
