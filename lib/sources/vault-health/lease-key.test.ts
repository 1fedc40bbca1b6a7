import { describe, expect, it } from "vitest";
import type { PkiRoleRecord } from "@/lib/health/records";
import { inferRole } from "./infer-role";
import { leaseOrigin } from "./lease-key";

describe("leaseOrigin", () => {
  it("maps creds and static-creds lease ids to their secret", () => {
    expect(leaseOrigin("primary", "database-prod/creds/payments-api/abc")).toEqual({ mount: "database-prod", role: "payments-api", secretKey: "primary:database-prod/creds/payments-api" });
    expect(leaseOrigin("primary", "aws/creds/deploy/xyz")).toMatchObject({ mount: "aws", role: "deploy" });
  });
  it("uses the known mounts for a mount path with a slash", () => {
    expect(leaseOrigin("c", "team/db/creds/app/1", ["team/db"])).toEqual({ mount: "team/db", role: "app", secretKey: "c:team/db/creds/app" });
  });
  it("leaves other lease ids without a secret", () => {
    expect(leaseOrigin("c", "auth/kubernetes/login/abc")).toEqual({ mount: "auth", role: null, secretKey: null });
    expect(leaseOrigin("c", "database/creds/app")).toEqual({ mount: "database", role: null, secretKey: null });
  });
});

const role = (name: string, allowedDomains: string[], keyType: string, extra: Partial<PkiRoleRecord> = {}): PkiRoleRecord => ({
  cluster: "c", mount: "pki", name, allowedDomains, allowSubdomains: true, allowBareDomains: false, allowAnyName: false, keyType, keyBits: null, ttlSeconds: null, maxTtlSeconds: null, ...extra,
});

describe("inferRole", () => {
  const roles = [role("internal-services", ["svc.acme.internal", "svc.cluster.local"], "ec"), role("legacy-rsa", ["svc.acme.internal"], "rsa"), role("edge", ["edge.acme.internal"], "ed25519")];
  it("narrows by domain, then by key type", () => {
    expect(inferRole(roles, { commonName: "a.svc.acme.internal", sans: ["DNS:a.svc.cluster.local"] }, "rsa")).toBe("legacy-rsa");
    expect(inferRole(roles, { commonName: "a.svc.acme.internal", sans: [] }, "ec")).toBe("internal-services");
    expect(inferRole(roles, { commonName: "x.edge.acme.internal", sans: [] }, "ec")).toBe("edge");
  });
  it("says unknown rather than guessing", () => {
    expect(inferRole(roles, { commonName: "other.example", sans: [] }, "rsa")).toBeNull();
    expect(inferRole(roles, { commonName: "svc.acme.internal", sans: [] }, "rsa")).toBeNull(); // bare domain not allowed
    expect(inferRole([role("a", ["x.io"], "rsa"), role("b", ["x.io"], "rsa")], { commonName: "h.x.io", sans: [] }, "rsa")).toBeNull();
  });
});
