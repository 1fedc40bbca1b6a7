import { describe, expect, it } from "vitest";
import { DEFAULT_ROLE_MAPPING, parseEnv } from "@/lib/config-schema";
import { mapGroupsToRoles, readGroupsClaim } from "./role-mapping";

describe("mapGroupsToRoles", () => {
  it("maps each demo user's groups with the default mapping", () => {
    expect(mapGroupsToRoles(["radius-engineers", "team-payments"], DEFAULT_ROLE_MAPPING)).toEqual(["engineer"]);
    expect(mapGroupsToRoles(["radius-security"], DEFAULT_ROLE_MAPPING)).toEqual(["security"]);
    expect(mapGroupsToRoles(["radius-compliance"], DEFAULT_ROLE_MAPPING)).toEqual(["compliance"]);
    expect(mapGroupsToRoles(["radius-admins"], DEFAULT_ROLE_MAPPING)).toEqual(["admin"]);
    expect(mapGroupsToRoles(["team-search"], DEFAULT_ROLE_MAPPING)).toEqual([]);
  });

  it("returns several roles deduplicated, in canonical order", () => {
    const mapping = { admin: ["ops"], engineer: ["dev", "ops"], security: ["sec"] };
    expect(mapGroupsToRoles(["ops", "sec", "dev", "ops"], mapping)).toEqual(["engineer", "security", "admin"]);
  });

  it("accepts a single string claim and ignores junk", () => {
    expect(mapGroupsToRoles("radius-admins", DEFAULT_ROLE_MAPPING)).toEqual(["admin"]);
    expect(mapGroupsToRoles([42, null, { name: "radius-admins" }, ""], DEFAULT_ROLE_MAPPING)).toEqual([]);
    expect(mapGroupsToRoles(undefined, DEFAULT_ROLE_MAPPING)).toEqual([]);
    expect(mapGroupsToRoles({ "radius-admins": true }, DEFAULT_ROLE_MAPPING)).toEqual([]);
  });

  it("matches group names exactly (no case folding, no prefixes)", () => {
    expect(mapGroupsToRoles(["Radius-Admins", "radius-admins-old", " radius-admins"], DEFAULT_ROLE_MAPPING)).toEqual([]);
  });

  it("uses only the configured mapping: a role left out of ROLE_MAPPING is never granted", () => {
    const { ROLE_MAPPING } = parseEnv({
      DATABASE_URL: "postgres://u:p@localhost/db",
      NEXTAUTH_SECRET: "x".repeat(32),
      OIDC_ISSUER: "http://127.0.0.1:9400",
      OIDC_CLIENT_ID: "radius",
      OIDC_CLIENT_SECRET: "s",
      VAULT_ADDR: "http://127.0.0.1:8200",
      VAULT_TOKEN: "t",
      ROLE_MAPPING: '{"security":["sec-team"]}',
    });
    expect(mapGroupsToRoles(["sec-team", "radius-admins"], ROLE_MAPPING!)).toEqual(["security"]);
  });
});

describe("readGroupsClaim", () => {
  it("reads a plain, a namespaced and a nested claim", () => {
    expect(readGroupsClaim({ groups: ["a"] }, "groups")).toEqual(["a"]);
    expect(readGroupsClaim({ "https://example.com/groups": ["b"] }, "https://example.com/groups")).toEqual(["b"]);
    expect(readGroupsClaim({ realm_access: { roles: ["c"] } }, "realm_access.roles")).toEqual(["c"]);
    expect(readGroupsClaim({ realm_access: "x" }, "realm_access.roles")).toBeUndefined();
    expect(readGroupsClaim({}, "groups")).toBeUndefined();
  });
});
