import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendPortalAudit } from "@/lib/audit-trail";
import type { CurrentUser } from "@/lib/auth/user";
import { createTestDatabase, type TestDatabase } from "@/lib/testing";
import { listAuditTrail } from "./service";

const as = (role: CurrentUser["roles"][number]): CurrentUser => ({ email: `${role}@acme.example`, name: role, roles: [role] });

describe("listAuditTrail", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 7; i++) {
      await appendPortalAudit(database.prisma, { actorEmail: i % 2 ? "carol@acme.example" : "sam@acme.example", actorRoles: ["security"], action: i < 4 ? "exports.create" : "checklist.attest", target: `t-${i}_x` });
    }
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("pages newest first with a keyset cursor and filters by actor, action and target", async () => {
    const ctx = { db: database.prisma, user: as("compliance") };
    const first = await listAuditTrail(ctx, { pageSize: 10 });
    expect(first.rows.map((r) => r.target)).toEqual(["t-6_x", "t-5_x", "t-4_x", "t-3_x", "t-2_x", "t-1_x", "t-0_x"]);
    expect(first.nextBefore).toBeNull();
    const all: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await listAuditTrail(ctx, { pageSize: 10, before, action: "exports." });
      all.push(...page.rows.map((r) => r.target!));
      if (!page.nextBefore) break;
      before = page.nextBefore;
    }
    expect(all).toEqual(["t-3_x", "t-2_x", "t-1_x", "t-0_x"]);
    expect((await listAuditTrail(ctx, { actor: "CAROL" })).rows).toHaveLength(3);
    // LIKE wildcards in the filter are literal.
    expect((await listAuditTrail(ctx, { target: "_" })).rows).toHaveLength(7);
    expect((await listAuditTrail(ctx, { target: "5_" })).rows.map((r) => r.target)).toEqual(["t-5_x"]);
    expect((await listAuditTrail(ctx, { from: "2999-01-01" })).rows).toHaveLength(0);
  });

  it("is refused to engineers", async () => {
    await expect(listAuditTrail({ db: database.prisma, user: as("engineer") }, {})).rejects.toMatchObject({ code: "forbidden" });
  });
});
