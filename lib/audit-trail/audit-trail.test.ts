import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing";
import { appendPortalAudit, verifyPortalAuditChain } from "./index";

const actor = { actorEmail: "alice@example.com", actorRoles: ["security"], ip: "10.1.2.3", userAgent: "vitest" };

/** Runs SQL as the server's superuser: the only way to touch rows behind the trigger. */
async function asSuperuser(database: TestDatabase, sql: string): Promise<void> {
  const url = new URL(database.adminUrl);
  url.pathname = `/${database.name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("portal audit trail", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("chains rows and verifies the chain", async () => {
    const first = await appendPortalAudit(database.prisma, { ...actor, action: "auth.sign_in" });
    const second = await appendPortalAudit(database.prisma, {
      ...actor, action: "changes.create", target: "change-request:1", details: { b: 1, a: { when: new Date(0) } },
    });
    expect(first.prevHash).toBe("0".repeat(64));
    expect(second.prevHash).toBe(first.hash);
    expect(await verifyPortalAuditChain(database.prisma)).toEqual({ ok: true, rows: 2, lastHash: second.hash });
  });

  it("writes inside the caller's transaction and rolls back with it", async () => {
    const before = await database.prisma.portalAuditLog.count();
    await expect(
      database.prisma.$transaction(async (tx) => {
        await appendPortalAudit(tx, { ...actor, action: "review.decide" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    const kept = await database.prisma.$transaction((tx) => appendPortalAudit(tx, { ...actor, action: "review.decide" }));
    const verification = await verifyPortalAuditChain(database.prisma);
    expect(verification).toMatchObject({ ok: true, lastHash: kept.hash, rows: before + 1 });
  });

  it("rejects UPDATE, DELETE and TRUNCATE in the database", async () => {
    await expect(database.prisma.$executeRawUnsafe(`UPDATE portal_audit_log SET action = 'x.y'`)).rejects.toThrow(/append-only/);
    await expect(database.prisma.portalAuditLog.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(database.prisma.$executeRawUnsafe(`TRUNCATE portal_audit_log`)).rejects.toThrow(/append-only/);
    expect(await database.prisma.portalAuditLog.count()).toBeGreaterThan(0);
  });

  it("keeps a valid chain under concurrent appends", async () => {
    const before = await database.prisma.portalAuditLog.count();
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => appendPortalAudit(database.prisma, { ...actor, action: "inventory.view", target: `secret:${i}` })),
    );
    const verification = await verifyPortalAuditChain(database.prisma);
    expect(verification).toMatchObject({ ok: true, rows: before + 25 });
  });

  it("detects an edited row and names the first broken one", async () => {
    const rows = await database.prisma.portalAuditLog.findMany({ orderBy: { id: "asc" } });
    const victim = rows[3]!;
    await asSuperuser(database, `
      ALTER TABLE portal_audit_log DISABLE TRIGGER portal_audit_log_no_update_delete;
      UPDATE portal_audit_log SET actor_email = 'mallory@example.com' WHERE id = ${victim.id};
      ALTER TABLE portal_audit_log ENABLE TRIGGER portal_audit_log_no_update_delete;`);
    expect(await verifyPortalAuditChain(database.prisma)).toEqual({
      ok: false, firstBrokenId: victim.id.toString(), reason: expect.stringMatching(/edited/), rows: 3,
    });
  });

  it("detects a removed row", async () => {
    const rows = await database.prisma.portalAuditLog.findMany({ orderBy: { id: "asc" } });
    // Remove row 2 (earlier than the edited row 4), so the chain breaks first at row 3.
    await asSuperuser(database, `
      ALTER TABLE portal_audit_log DISABLE TRIGGER portal_audit_log_no_update_delete;
      DELETE FROM portal_audit_log WHERE id = ${rows[1]!.id};
      ALTER TABLE portal_audit_log ENABLE TRIGGER portal_audit_log_no_update_delete;`);
    expect(await verifyPortalAuditChain(database.prisma)).toMatchObject({
      ok: false, firstBrokenId: rows[2]!.id.toString(), reason: expect.stringMatching(/removed/),
    });
  });

  it("validates its input", async () => {
    await expect(appendPortalAudit(database.prisma, { ...actor, action: "not an action" })).rejects.toThrow(/resource\.action/);
  });
});
