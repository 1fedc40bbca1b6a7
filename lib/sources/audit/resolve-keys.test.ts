import { describe, expect, it } from "vitest";
import { parseAuditLine, type AuditEntry } from "./parse-entry";
import { KeyResolver } from "./resolve-keys";

const C = "vault-a";
const resolver = () => new KeyResolver({
  cluster: C,
  secrets: [{ key: `${C}:kv/apps/web`, dataPath: "kv/data/apps/web" }, { key: `${C}:database/creds/app`, dataPath: "database/creds/app" }],
  identities: [
    { key: `${C}:kubernetes/web`, authMount: "kubernetes", kind: "kubernetes", roleName: "web", policies: ["web"] },
    { key: `${C}:kubernetes-prod/web`, authMount: "kubernetes-prod", kind: "kubernetes", roleName: "web", policies: ["web"] },
    { key: `${C}:approle/batch`, authMount: "approle", kind: "approle", roleName: "batch", policies: ["batch"] },
    { key: `${C}:group/team-a`, authMount: "group", kind: "group", roleName: "team-a", policies: ["team-a"] },
    { key: `${C}:group/admins`, authMount: "group", kind: "group", roleName: "admins", policies: ["admin"] },
  ],
  groupReadGrants: [{ identityKey: `${C}:group/admins`, secretKey: `${C}:kv/apps/web` }],
});

function entry(auth: Record<string, unknown>, path = "kv/data/apps/web", extra: Record<string, unknown> = {}): AuditEntry {
  const r = parseAuditLine(JSON.stringify({ time: "2026-11-03T19:34:33Z", type: "response", auth, request: { path, operation: "read" }, ...extra }));
  if (!r.ok) throw new Error(r.message);
  return r.entry;
}

describe("KeyResolver", () => {
  it("maps data paths to secret keys, and nothing else", () => {
    const k = resolver();
    expect(k.resolveSecret(entry({}))).toBe(`${C}:kv/apps/web`);
    expect(k.resolveSecret(entry({}, "database/creds/app"))).toBe(`${C}:database/creds/app`);
    expect(k.resolveSecret(entry({}, "kv/metadata/apps/web"))).toBeNull();
  });

  it("takes the longest auth mount the display name starts with, and the role from the metadata", () => {
    const k = resolver();
    expect(k.resolveIdentity(entry({ display_name: "kubernetes-prod-apps-web", metadata: { role: "web" } }), null)).toBe(`${C}:kubernetes-prod/web`);
    expect(k.resolveIdentity(entry({ display_name: "kubernetes-apps-web", metadata: { role: "web" } }), null)).toBe(`${C}:kubernetes/web`);
    expect(k.resolveIdentity(entry({ display_name: "approle", metadata: { role_name: "batch" } }), null)).toBe(`${C}:approle/batch`);
    expect(k.resolveIdentity(entry({ display_name: "root", policies: ["root"] }), null)).toBeNull();
  });

  it("prefers the login's mount, remembered by HMAC'd accessor, and keeps deleted roles (ghost readers)", () => {
    const k = resolver();
    const login = entry({ accessor: "hmac-sha256:x", display_name: "odd-name", metadata: { role: "gone" } }, "auth/kubernetes-prod/login", { request: { path: "auth/kubernetes-prod/login", mount_point: "auth/kubernetes-prod/" }, response: { auth: {} } });
    expect(k.resolveIdentity(login, null)).toBe(`${C}:kubernetes-prod/gone`);
    expect(k.resolveIdentity(entry({ accessor: "hmac-sha256:x", display_name: "odd-name", metadata: { role: "gone" } }), null)).toBe(`${C}:kubernetes-prod/gone`);
  });

  it("attributes a human's read to the group whose policy grants it", () => {
    const k = resolver();
    const human = { display_name: "oidc-kim@acme.example", metadata: { role: "engineer" }, identity_policies: ["team-a", "admin"] };
    expect(k.resolveIdentity(entry(human), `${C}:kv/apps/web`)).toBe(`${C}:group/admins`);
    expect(k.resolveIdentity(entry({ ...human, identity_policies: ["team-a"] }), null)).toBe(`${C}:group/team-a`);
  });
});
