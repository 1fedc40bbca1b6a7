import { describe, expect, it } from "vitest";
import type { SecretRecord } from "@/lib/sync/snapshot-data";
import { buildOwnerIndex, inferKvEnvironment, inferRoleEnvironment, inferRoleOwner } from "./heuristics";

const kv = (ownerTeam: string, service: string) => ({ ownerTeam, customMetadata: { service } }) as unknown as SecretRecord;

describe("environment", () => {
  it("prefers custom metadata, then a path segment, then the mount name", () => {
    expect(inferKvEnvironment("kv-prod", "a/dev/b", { environment: "qa" })).toBe("qa");
    expect(inferKvEnvironment("kv-prod", "a/dev/b", {})).toBe("dev");
    expect(inferKvEnvironment("kv-prod", "a/b", {})).toBe("prod");
    expect(inferKvEnvironment("kv", "a/b", {})).toBeNull();
    expect(inferRoleEnvironment("database-prod", "payments-api")).toBe("prod");
    expect(inferRoleEnvironment("database", "reports-staging")).toBe("staging");
    expect(inferRoleEnvironment("database", "app")).toBeNull();
  });
});

describe("owner of dynamic roles", () => {
  const index = buildOwnerIndex([kv("team-payments", "payments-api"), kv("team-data-platform", "data-api"), kv("team-data", "x"), kv("team-a", "shared"), kv("team-b", "shared")]);
  it("uses the KV owner of the service of the same name", () => {
    expect(inferRoleOwner("payments-api", index)).toBe("team-payments");
    expect(inferRoleOwner("data-api", index)).toBe("team-data-platform");
  });
  it("falls back to the one team whose name appears in the role name, longest first", () => {
    expect(inferRoleOwner("deploy-payments", index)).toBe("team-payments");
    expect(inferRoleOwner("deploy-data-platform", index)).toBe("team-data-platform");
    expect(inferRoleOwner("deploy-database", index)).toBeNull(); // "data" is not a whole token here
  });
  it("says nothing when the facts disagree", () => {
    expect(inferRoleOwner("shared", index)).toBeNull();
    expect(inferRoleOwner("unknown", index)).toBeNull();
  });
});
