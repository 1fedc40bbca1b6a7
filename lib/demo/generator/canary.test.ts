import { describe, expect, it } from "vitest";
import { DEMO_CANARY_PREFIX } from "./canary";
import { demoOrg } from "./test-fixture";

describe("canary values", () => {
  const org = demoOrg();
  const world = org.clusters[0]!;

  it("are planted in every KV value, database root password and static role password", () => {
    for (const m of world.mounts) {
      if (m.type === "kv") for (const s of m.secrets) for (const v of Object.values(s.data)) expect(v.startsWith(DEMO_CANARY_PREFIX)).toBe(true);
      if (m.type === "database") {
        for (const c of m.connections) expect(c.password.startsWith(DEMO_CANARY_PREFIX)).toBe(true);
        for (const r of m.staticRoles) expect(r.password.startsWith(DEMO_CANARY_PREFIX)).toBe(true);
      }
    }
  });

  it("never appear in terraform, manifests, workflows, catalog, audit logs or ground truth", () => {
    const leaks = [...org.terraform.files, ...org.files].filter((f) => f.content.includes(DEMO_CANARY_PREFIX)).map((f) => f.path);
    expect(leaks).toEqual([]);
    const { canaryPrefix, ...rest } = org.groundTruth;
    expect(canaryPrefix).toBe(DEMO_CANARY_PREFIX); // the prefix itself is public; values are not
    expect(JSON.stringify(rest).includes(DEMO_CANARY_PREFIX)).toBe(false);
  });

  it("appear outside world data only in the places a value lives", () => {
    const { mounts, ...rest } = world;
    expect(JSON.stringify(rest)).not.toContain(DEMO_CANARY_PREFIX);
    // Drop exactly the value fields; everything else (metadata, roles, connections) must be canary-free.
    const withoutValues = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === "data" || k === "password" ? undefined : v)));
    const metadataOnly = withoutValues(mounts);
    expect(JSON.stringify(metadataOnly)).not.toContain(DEMO_CANARY_PREFIX);
  });
});
