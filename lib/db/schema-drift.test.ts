import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffSchemas, type DbSchema } from "@/lib/testing/schema/db-schema";
import { loadDmmf } from "@/lib/testing/schema/dmmf";
import { expectedSchemaFromDmmf } from "@/lib/testing/schema/expected-schema";
import { introspectDatabase } from "@/lib/testing/schema/introspect";
import { createTestDatabase, type TestDatabase } from "@/lib/testing";
import { ensureAuditEventPartitions } from "./audit-event-partitions";

// The migrations are hand-written SQL (no schema engine here). This is the check that keeps them
// and schema.prisma in step: a field, index, relation or enum value added on one side only fails.
describe("schema.prisma and prisma/migrations", () => {
  let database: TestDatabase;
  let expected: DbSchema;
  beforeAll(async () => {
    database = await createTestDatabase();
    expected = expectedSchemaFromDmmf(loadDmmf());
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("describe the same tables, columns, keys, indexes and enums", async () => {
    const actual = await introspectDatabase(database.url);
    expect(Object.keys(expected.tables).length).toBeGreaterThan(20);
    expect(diffSchemas(expected, actual)).toEqual([]);
  });

  it("detects a column the migrations lack", async () => {
    const actual = await introspectDatabase(database.url);
    delete actual.tables.secrets?.columns.owner_team;
    expect(diffSchemas(expected, actual)).toEqual([
      'column secrets.owner_team: schema.prisma says {"type":"text","notNull":false,"default":null}, migrations give nothing',
    ]);
  });

  it("partitions audit_events by day and keeps the partitions out of the model", async () => {
    const rows = await database.prisma.$queryRaw<{ strategy: string }[]>`
      SELECT partstrat::text AS strategy FROM pg_partitioned_table WHERE partrelid = 'audit_events'::regclass`;
    expect(rows).toEqual([{ strategy: "r" }]);
    const [partition] = await ensureAuditEventPartitions(database.prisma, new Date("2031-02-03T12:00:00Z"));
    expect(partition).toBe("audit_events_p20310203");
    await database.prisma.auditEvent.create({ data: { time: new Date("2031-02-03T23:59:59.999Z"), cluster: "c", type: "request" } });
    const placed = await database.prisma.$queryRaw<{ name: string }[]>`SELECT tableoid::regclass::text AS name FROM audit_events`;
    expect(placed).toEqual([{ name: "audit_events_p20310203" }]);
    // Partition children are not tables of the model, so the drift check must not see them.
    expect((await introspectDatabase(database.url)).tables.audit_events_p20310203).toBeUndefined();
  });
});
