import { describe, expect, it } from "vitest";
import { assignReviewers } from "./directory";
import { evidenceLabel, toEvidence } from "./evidence";
import { selfReviewReason } from "./self-review";
import { DEMO_REVIEWERS } from "./test-support";

const alice = { email: "alice@radius.example", groups: ["radius-engineers", "team-payments"] };
const subject = (identityKey: string, identityTeams: string[] = []) => ({ identityKey, identityTeams });

describe("selfReviewReason", () => {
  it("flags the reviewer's own identity and the groups they belong to", () => {
    expect(selfReviewReason(alice, subject("primary:oidc/alice"))).toBe("Your own identity (alice)");
    expect(selfReviewReason(alice, subject("primary:group/team-payments"))).toBe("You are a member of the group team-payments");
  });

  it("flags their team's identity groups and the identities their team's workloads log in with", () => {
    expect(selfReviewReason(alice, subject("primary:group/team-payments-oncall"))).toBe("An identity group of your team (payments)");
    expect(selfReviewReason(alice, subject("primary:kubernetes-prod/payments-api", ["team-payments"]))).toBe("An identity of your team (payments): its workloads log in with it");
  });

  it("does not flag other teams, look-alike names or people without teams", () => {
    expect(selfReviewReason(alice, subject("primary:group/team-paymentsx"))).toBeNull();
    expect(selfReviewReason(alice, subject("primary:kubernetes-prod/search-api", ["team-search"]))).toBeNull();
    expect(selfReviewReason(alice, subject("primary:approle/alice-export"))).toBeNull();
    expect(selfReviewReason({ email: "sam@radius.example", groups: ["radius-security"] }, subject("primary:group/team-payments", ["team-payments"]))).toBeNull();
  });
});

describe("assignReviewers", () => {
  it("maps a team to the deciders in SSO group team-<team>, either spelling, and leaves teams without one out", () => {
    expect(assignReviewers(["team-payments", "payments", "team-search", "team-risk"], DEMO_REVIEWERS)).toEqual({
      "team-payments": ["alice@radius.example"],
      payments: ["alice@radius.example"],
    });
  });
});

describe("evidence", () => {
  it("says used, unused or no audit evidence", () => {
    const used = toEvidence({ lastReadAt: new Date("2026-11-30T08:00:00Z"), reads30d: 1, reads90d: 1 }, true);
    expect(evidenceLabel(used)).toBe("1 read in 90 days, last read 2026-11-30");
    expect(evidenceLabel(toEvidence(null, true))).toBe("unused (never read in 90 days)");
    expect(evidenceLabel(toEvidence({ lastReadAt: "2026-01-02T00:00:00.000Z", reads30d: 0, reads90d: 0 }, true))).toBe("unused (no read in 90 days; last read 2026-01-02)");
    expect(evidenceLabel(toEvidence(null, false))).toBe("no audit evidence");
  });
});
