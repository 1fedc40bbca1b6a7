import { describe, expect, it } from "vitest";
import type { ParsedConsumption } from "@/lib/sources/types";
import { resolveConsumptions } from "./resolve-consumptions";
import type { IdentityRecord, SecretRecord } from "./snapshot-data";

const secret = (cluster: string, mount: string, path: string, dataPath: string, engineKind: SecretRecord["engineKind"] = "kv-v2"): SecretRecord => ({
  key: `${cluster}:${mount}/${path}`, cluster, mount, path, dataPath, metadataPath: null, engineKind, lifecycle: "static", environment: null, ownerTeam: null,
  classification: null, rotationPeriodSeconds: null, lastRotatedAt: null, currentVersion: null, versions: [], customMetadata: {}, createdTime: null, leaseTtlSeconds: engineKind === "kv-v2" ? null : 3600,
});
const identity = (cluster: string, authMount: string, roleName: string): IdentityRecord => ({
  key: `${cluster}:${authMount}/${roleName}`, cluster, authMount, authType: "kubernetes", roleName, kind: "kubernetes", displayName: null, bindings: {}, policies: [], ttlSeconds: null, maxTtlSeconds: null,
});
const consumption = (vaultPath: string, authMount: string | null, role: string | null, extra: Partial<ParsedConsumption> = {}): ParsedConsumption => ({
  workloadKey: "k8s:k8s-prod/payments/deployment/api", vaultPath, keys: [], mechanism: "vault-agent", refreshIntervalSeconds: 300, refreshTrigger: "interval",
  syncDelaySeconds: 0, leased: false, leaseTtlSeconds: null, reload: "hot", delivery: "file", identity: { authMount, role, serviceAccount: "api", namespace: "payments" },
  via: "annotation", notes: [], sourceFile: "k8s-prod/payments/api.yaml", line: 7, ...extra,
});

describe("resolveConsumptions", () => {
  const secrets = [
    secret("east", "kv", "app/db", "kv/data/app/db"),
    secret("west", "kv", "app/db", "kv/data/app/db"),
    secret("east", "database", "creds/app", "database/creds/app", "database-dynamic"),
    secret("east", "aws", "creds/deploy", "aws/creds/deploy", "aws"),
  ];
  const identities = [identity("east", "kubernetes-east", "api"), identity("west", "kubernetes-west", "api")];

  it("matches the cluster whose auth mount the consumer logs in with, when several clusters hold the path", () => {
    const { consumptions } = resolveConsumptions({ secrets, identities, consumptions: [consumption("kv/data/app/db", "kubernetes-west", "api")] });
    expect(consumptions[0]).toMatchObject({ secretKey: "west:kv/app/db", identityKey: "west:kubernetes-west/api" });
  });

  it("resolves creds paths, STS to its role, KV v2 written without data/, and fills the lease TTL from Vault", () => {
    const { consumptions, dangling } = resolveConsumptions({
      secrets, identities,
      consumptions: [consumption("/v1/database/creds/app", "kubernetes-east", "api", { leased: true }), consumption("aws/sts/deploy", null, null), consumption("kv/app/db", "kubernetes-east", "api")],
    });
    expect(consumptions.map((c) => c.secretKey)).toEqual(["east:database/creds/app", "east:aws/creds/deploy", "east:kv/app/db"]);
    expect(consumptions[0]?.details.leaseTtlSeconds).toBe(3600);
    expect(dangling).toBe(0);
  });

  it("keeps a reference to a missing path as dangling, and warns about it and about unknown roles", () => {
    const { consumptions, problems, dangling } = resolveConsumptions({ secrets, identities, consumptions: [consumption("kv/data/app/gone", "kubernetes-east", "nope")] });
    expect(consumptions[0]).toMatchObject({ secretKey: null, identityKey: null, secretRef: "kv/data/app/gone" });
    expect(dangling).toBe(1);
    expect(problems.map((p) => [p.source, p.location, p.line, p.severity])).toEqual([
      ["kubernetes", "k8s-prod/payments/api.yaml", 7, "warning"],
      ["kubernetes", "k8s-prod/payments/api.yaml", 7, "warning"],
    ]);
    expect(problems[0]?.message).toContain("dangling reference");
    expect(problems[1]?.message).toContain("auth/kubernetes-east/role/nope");
  });
});
