import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing";

// The driver adapter converts every value itself (no native engine): check the types we rely on.
describe("createPrismaClient", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("round-trips mapped enums, arrays, JSON, uuids and timestamps", async () => {
    const { prisma } = database;
    const snapshot = await prisma.snapshot.create({ data: {} });
    expect(snapshot.id).toMatch(/^[0-9a-f-]{36}$/);
    const workload = await prisma.workload.create({
      data: { snapshotId: snapshot.id, key: "k8s:prod/pay/deployment/api", kind: "ci_job", name: "api", reload: "per_run" },
    });
    const consumption = await prisma.consumption.create({
      data: {
        snapshotId: snapshot.id, workloadId: workload.id, secretRef: "kv/data/pay/db", mechanism: "vault_agent",
        reload: "hot", details: { template: "/vault/secrets/db", nested: { n: 1 } },
      },
    });
    expect(consumption).toMatchObject({ mechanism: "vault_agent", reload: "hot", details: { nested: { n: 1 } } });
    // In the database the values are the documented spellings.
    const raw = await prisma.$queryRaw<{ mechanism: string; kind: string }[]>`
      SELECT c.mechanism::text AS mechanism, w.kind::text AS kind FROM consumptions c JOIN workloads w ON w.id = c.workload_id`;
    expect(raw).toEqual([{ mechanism: "vault-agent", kind: "ci-job" }]);

    const at = new Date("2026-03-04T05:06:07.089Z");
    const user = await prisma.user.create({ data: { email: "bob@example.com", roles: ["engineer", "admin"], lastSignInAt: at } });
    expect(await prisma.user.findUniqueOrThrow({ where: { email: user.email } })).toMatchObject({
      roles: ["engineer", "admin"], lastSignInAt: at,
    });
  });
});
