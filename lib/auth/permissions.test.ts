import { describe, expect, it } from "vitest";
import { PERMISSIONS, PERMISSION_NAMES, can, permissionsFor } from "./permissions";
import { ROLES } from "./roles";

describe("PERMISSIONS", () => {
  it("names every permission resource.action", () => {
    for (const name of PERMISSION_NAMES) expect(name).toMatch(/^[a-z][a-z-]*\.[a-z]+$/);
  });

  it("gives every permission at least one role, and only known roles", () => {
    for (const [name, roles] of Object.entries(PERMISSIONS)) {
      expect(roles.length, name).toBeGreaterThan(0);
      for (const role of roles) expect(ROLES).toContain(role);
    }
  });

  it("gives admin every permission", () => {
    expect(permissionsFor(["admin"])).toEqual(PERMISSION_NAMES);
  });

  it("gives a user with no role nothing", () => {
    expect(permissionsFor([])).toEqual([]);
    for (const name of PERMISSION_NAMES) expect(can([], name)).toBe(false);
  });

  it("keeps the sensitive permissions narrow", () => {
    expect(PERMISSIONS["sync.run"]).toEqual(["admin"]);
    expect(PERMISSIONS["sources.manage"]).toEqual(["admin"]);
    expect(PERMISSIONS["checklist.attest"]).toEqual(["admin"]);
    expect(PERMISSIONS["audit-trail.export"]).toEqual(["compliance", "admin"]);
    expect(can(["engineer"], "alerts.read")).toBe(false);
    expect(can(["engineer"], "audit-trail.read")).toBe(false);
    expect(can(["compliance"], "changes.create")).toBe(false);
    expect(can(["compliance"], "exports.create")).toBe(true);
    expect(can(["security"], "alerts.triage")).toBe(true);
  });

  it("lets every role open the read-only inventory", () => {
    for (const role of ROLES) {
      for (const p of ["dashboard.read", "secrets.read", "identities.read", "workloads.read", "health.read"] as const) {
        expect(can([role], p), `${role} ${p}`).toBe(true);
      }
    }
  });

  it("unions the permissions of several roles", () => {
    expect(can(["engineer", "compliance"], "changes.create")).toBe(true);
    expect(can(["engineer", "compliance"], "audit-trail.export")).toBe(true);
    expect(can(["engineer", "compliance"], "sync.run")).toBe(false);
  });
});
