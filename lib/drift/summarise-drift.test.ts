import { describe, expect, it } from "vitest";
import { emptyCounts, summariseDrift } from "./summarise-drift";

const comparison = { cluster: "primary", commit: "0123456789abcdef", compared: { policy: 10, "auth-role": 5, mount: 3 }, comparedAt: "2026-12-04T08:00:00.000Z" };

describe("summariseDrift: the verdict the 'Vault config in Git' checklist item shows", () => {
  it("passes when Terraform was compared and nothing drifts", () => {
    const s = summariseDrift({ id: "s" }, comparison, emptyCounts());
    expect(s).toMatchObject({ status: "pass", total: 0 });
    expect(s.evidence).toBe("No drift: 10 policies, 5 auth roles and 3 mounts of cluster primary compared with Terraform commit 0123456789ab; live Vault matches Terraform.");
  });

  it("fails with the counts per status and kind when something drifts", () => {
    const counts = emptyCounts();
    counts.policy["vault-only"] = 1;
    counts.policy.different = 1;
    counts["auth-role"]["terraform-only"] = 1;
    const s = summariseDrift({ id: "s" }, comparison, counts);
    expect(s).toMatchObject({ status: "fail", total: 3, byStatus: { "vault-only": 1, "terraform-only": 1, different: 1 }, byKind: { policy: 2, "auth-role": 1, mount: 0 } });
    expect(s.evidence).toMatch(/^3 resources drift \(1 only in Vault \(click-ops\), 1 only in Terraform \(not applied\), 1 different\)/);
  });

  it("is unknown, never pass, without a snapshot or when Terraform was not compared", () => {
    expect(summariseDrift(null, null, emptyCounts()).status).toBe("unknown");
    expect(summariseDrift({ id: "s" }, null, emptyCounts())).toMatchObject({ status: "unknown", evidence: expect.stringContaining("did not compare") });
  });
});
