import type { PrismaClient } from "@/lib/db/create-client";
import { activateSnapshot, createSnapshot } from "@/lib/db/snapshots";

/**
 * A small hand-made snapshot for repository and service tests: 2 secrets under kv-prod, 1 under kv,
 * a human group (through an OIDC member), a CI role, two Kubernetes roles; payments-api (restart)
 * and payments-worker (hot) consume the stripe key; checkout depends on payments-api.
 */
export async function seedInventory(db: PrismaClient) {
  const snapshotId = await createSnapshot(db);
  const id = () => globalThis.crypto.randomUUID();
  const S = { stripe: id(), db: id(), dev: id(), formula: id() };
  const I = { oncall: id(), alice: id(), ci: id(), k8s: id(), worker: id() };
  const P = { oncall: id(), svc: id(), ci: id() };
  const W = { api: id(), worker: id(), checkout: id() };
  const secret = (sid: string, mount: string, path: string, extra: Record<string, unknown>) => ({
    id: sid, snapshotId, key: `primary:${mount}/${path}`, cluster: "primary", mount, path, engineKind: "kv-v2", lifecycle: "static" as const,
    dataPath: `${mount}/data/${path}`, ...extra,
  });
  await db.secret.createMany({ data: [
    secret(S.stripe, "kv-prod", "payments/prod/payments-api/stripe-key", { environment: "prod", ownerTeam: "payments", classification: "restricted", readerCount: 3, consumerCount: 2, dependentCount: 1, propagationSeconds: null, restartBound: true, exposureScore: 80, exposureTerms: [{ term: "restart-bound", points: 15, detail: "payments-api needs a restart" }] }),
    secret(S.db, "kv-prod", "payments/prod/payments-api/db-password", { environment: "prod", ownerTeam: "payments", classification: "confidential", readerCount: 1, consumerCount: 0, propagationSeconds: 0, exposureScore: 40, lastRotatedAt: new Date("2026-11-01T00:00:00Z") }),
    secret(S.dev, "kv", "payments/dev/payments-api/stripe-key", { environment: "dev", ownerTeam: "payments", classification: "internal", readerCount: 2, consumerCount: 0, propagationSeconds: 300, exposureScore: 10, lastRotatedAt: new Date("2026-12-01T00:00:00Z") }),
    secret(S.formula, "kv", "=cmd|calc/x,\"quoted\"", { environment: "dev", ownerTeam: "search", exposureScore: 5 }),
  ] });
  await db.policy.createMany({ data: [
    { id: P.oncall, snapshotId, cluster: "primary", name: "oncall-payments", origin: "live", rawHcl: 'path "kv-prod/data/payments/prod/*" {\n  capabilities = ["read"]\n}', rules: [{ path: "kv-prod/data/payments/prod/*", kind: "prefix", capabilities: ["read"], templated: false, line: 1, constraints: [] }] },
    { id: P.svc, snapshotId, cluster: "primary", name: "svc-payments-api-prod", origin: "live", rawHcl: "", rules: [{ path: "kv-prod/data/payments/prod/payments-api/*", kind: "prefix", capabilities: ["read"], templated: false, line: 2, constraints: [] }] },
    { id: P.ci, snapshotId, cluster: "primary", name: "ci-payments", origin: "terraform", rawHcl: "", rules: [] },
  ] });
  const identity = (iid: string, key: string, kind: "group" | "oidc" | "jwt" | "kubernetes", authMount: string, roleName: string, policies: string[]) => ({
    id: iid, snapshotId, key, cluster: "primary", authMount, authType: kind, roleName, kind, policies, bindings: {},
  });
  await db.identity.createMany({ data: [
    identity(I.oncall, "primary:group/team-payments-oncall", "group", "group", "team-payments-oncall", ["oncall-payments"]),
    identity(I.alice, "primary:oidc/alice", "oidc", "oidc", "alice", []),
    identity(I.ci, "primary:github-actions/ci-payments-api", "jwt", "github-actions", "ci-payments-api", ["ci-payments"]),
    identity(I.k8s, "primary:kubernetes-prod/payments-api", "kubernetes", "kubernetes-prod", "payments-api", ["svc-payments-api-prod"]),
    identity(I.worker, "primary:kubernetes-prod/payments-worker", "kubernetes", "kubernetes-prod", "payments-worker", ["svc-payments-api-prod"]),
  ] });
  await db.identityGroupMembership.createMany({ data: [{ snapshotId, groupId: I.oncall, memberId: I.alice }] });
  const grant = (identityId: string, secretId: string, policyId: string, policyName: string, rulePath: string, capabilities: string[], viaGroupId: string | null = null) =>
    ({ snapshotId, identityId, secretId, policyId, policyName, policyNames: [policyName], rulePath, capabilities, viaGroupId });
  await db.grant.createMany({ data: [
    grant(I.oncall, S.stripe, P.oncall, "oncall-payments", "kv-prod/data/payments/prod/*", ["read"]),
    grant(I.oncall, S.db, P.oncall, "oncall-payments", "kv-prod/data/payments/prod/*", ["read"]),
    grant(I.alice, S.stripe, P.oncall, "oncall-payments", "kv-prod/data/payments/prod/*", ["read"], I.oncall),
    grant(I.k8s, S.stripe, P.svc, "svc-payments-api-prod", "kv-prod/data/payments/prod/payments-api/*", ["read"]),
    grant(I.ci, S.stripe, P.ci, "ci-payments", "kv-prod/metadata/payments/*", ["list"]),
  ] });
  const workload = (wid: string, name: string) => ({ id: wid, snapshotId, key: `k8s:k8s-prod/payments/deployment/${name}`, kind: "deployment" as const, name, namespace: "payments", ownerTeam: "payments" });
  await db.workload.createMany({ data: [workload(W.api, "payments-api"), workload(W.worker, "payments-worker"), workload(W.checkout, "checkout-api")] });
  await db.consumption.createMany({ data: [
    { snapshotId, workloadId: W.api, secretId: S.stripe, secretRef: "kv-prod/data/payments/prod/payments-api/stripe-key", mechanism: "eso", refreshIntervalSeconds: 3600, reload: "restart", identityId: I.k8s, manifestFile: "k8s-prod/payments/payments-api.yaml", manifestLine: 42 },
    { snapshotId, workloadId: W.worker, secretId: S.stripe, secretRef: "kv-prod/data/payments/prod/payments-api/stripe-key", mechanism: "vault_agent", refreshIntervalSeconds: 300, reload: "hot", identityId: I.worker, manifestFile: "k8s-prod/payments/payments-worker.yaml", manifestLine: 7 },
  ] });
  await db.dependency.createMany({ data: [{ snapshotId, fromId: W.checkout, toId: W.api }] });
  await activateSnapshot(db, snapshotId);
  return { snapshotId, keys: { stripe: `primary:kv-prod/payments/prod/payments-api/stripe-key`, oncall: "primary:group/team-payments-oncall", alice: "primary:oidc/alice" } };
}
