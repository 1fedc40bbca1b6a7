/** Triage transitions with their audit records, permission denial, the webhook outbox and health reuse (real Postgres). */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPortalAuditChain } from "@/lib/audit-trail";
import type { CurrentUser } from "@/lib/auth/user";
import { createTestDatabase, type TestDatabase } from "@/lib/testing";
import { evaluateDetection } from "./evaluate";
import { deliverAlertNotifications } from "./notifications/deliver";
import { acknowledgeAlert, assignAlert, getAlertDetail, listAlerts, resolveAlert, type DetectionContext } from "./service";
import { alertListSchema } from "./schemas";
import { detectionSettingsFromEnv } from "./settings";

const NOW = new Date("2026-12-01T12:00:00Z");
const security: CurrentUser = { email: "sam@acme.example", name: "Sam", roles: ["security"] };
const admin: CurrentUser = { email: "adam@acme.example", name: "Adam", roles: ["admin"] };
const engineer: CurrentUser = { email: "alice@acme.example", name: "Alice", roles: ["engineer"] };

let t: TestDatabase;
const ctx = (user: CurrentUser): DetectionContext => ({ db: t.prisma, user, request: { ip: "10.9.8.7", userAgent: "vitest" } });

/** 7 failed logins from one address in 30 s, one root request, and failed lease renewals. */
async function seedEvents(): Promise<void> {
  const base = NOW.getTime() - 2 * 3_600_000;
  const rows = [
    ...Array.from({ length: 7 }, (_, k) => ({ time: new Date(base + k * 5_000), path: "auth/userpass/login/bob", operation: "update", remoteAddress: "203.0.113.9", error: "invalid username or password" })),
    { time: new Date(base + 600_000), path: "sys/policies/acl/x", operation: "update", remoteAddress: "172.20.1.1", isRoot: true, policies: ["root"], tokenAccessor: "hmac-sha256:abc" },
    { time: new Date(base + 900_000), path: "sys/leases/renew/database/creds/app/l1", operation: "update", remoteAddress: "10.20.1.1", error: "lease not found" },
  ];
  await t.prisma.auditEvent.createMany({ data: rows.map((r) => ({ cluster: "primary", type: "response", ...r })) });
}

beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.user.createMany({ data: [{ email: security.email, name: "Sam", roles: ["security"] }, { email: admin.email, roles: ["admin"] }, { email: engineer.email, roles: ["engineer"] }] });
});
afterAll(async () => {
  await t?.drop();
});

describe("webhook notifications", () => {
  let server: Server;
  const received: { body: unknown; at: number }[] = [];
  let url = "";
  beforeAll(async () => {
    // A real receiver that fails twice, then accepts.
    server = createServer((req: IncomingMessage, res) => {
      let data = "";
      req.on("data", (c: Buffer) => (data += c.toString()));
      req.on("end", () => {
        received.push({ body: JSON.parse(data) as unknown, at: Date.now() });
        res.statusCode = received.length <= 2 ? 503 : 200;
        res.end(received.length <= 2 ? "busy" : "ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("queues new alerts at or above the minimum severity in the same transaction and delivers with back-off", async () => {
    await seedEvents();
    const settings = detectionSettingsFromEnv({ ALERT_WEBHOOK_URL: url, ALERT_WEBHOOK_MIN_SEVERITY: "high", ALERT_WEBHOOK_BACKOFF_SECONDS: "30", NEXTAUTH_URL: "https://radius.example" });
    const result = await evaluateDetection(t.prisma, { from: new Date(NOW.getTime() - 3 * 3_600_000), to: NOW, now: NOW, settings });
    // auth-failures-ip + auth-failures-role (userpass path) + root + renewal failure: all high or critical.
    expect(result).toMatchObject({ opened: 4, notificationsQueued: 4 });
    await t.prisma.alertNotification.deleteMany({ where: { payload: { path: ["text"], string_contains: "Auth failures against" } } });
    await t.prisma.alertNotification.deleteMany({ where: { NOT: { payload: { path: ["text"], string_contains: "Root token" } } } });
    const [row] = await t.prisma.alertNotification.findMany();
    expect(row).toMatchObject({ status: "pending", attempts: 0 });

    const first = await deliverAlertNotifications(t.prisma, { settings, now: NOW });
    expect(first).toEqual({ claimed: 1, sent: 0, retrying: 1, failed: 0 });
    let stored = await t.prisma.alertNotification.findUniqueOrThrow({ where: { id: row!.id } });
    expect(stored).toMatchObject({ attempts: 1, status: "pending", lastError: "HTTP 503", nextAttemptAt: new Date(NOW.getTime() + 30_000) });
    // Not due yet: nothing is claimed.
    expect((await deliverAlertNotifications(t.prisma, { settings, now: new Date(NOW.getTime() + 29_000) })).claimed).toBe(0);

    expect(await deliverAlertNotifications(t.prisma, { settings, now: new Date(NOW.getTime() + 30_000) })).toMatchObject({ retrying: 1 });
    stored = await t.prisma.alertNotification.findUniqueOrThrow({ where: { id: row!.id } });
    expect(stored.nextAttemptAt).toEqual(new Date(NOW.getTime() + 30_000 + 60_000)); // doubled

    expect(await deliverAlertNotifications(t.prisma, { settings, now: new Date(NOW.getTime() + 90_000) })).toMatchObject({ sent: 1 });
    stored = await t.prisma.alertNotification.findUniqueOrThrow({ where: { id: row!.id } });
    expect(stored).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(received).toHaveLength(3);
    const body = received[2]!.body as { text: string; blocks: unknown[] };
    expect(body.text).toMatch(/^\[CRITICAL\] Root token used: root token/);
    expect(body.text).toContain("https://radius.example/alerts/");
    expect(body.blocks.length).toBeGreaterThan(0);
    expect(received[0]!.body).toEqual(body);
    // Sent rows are never sent again.
    expect((await deliverAlertNotifications(t.prisma, { settings, now: new Date(NOW.getTime() + 3_600_000) })).claimed).toBe(0);
  });

  it("gives up after the last attempt", async () => {
    const settings = detectionSettingsFromEnv({ ALERT_WEBHOOK_URL: "http://127.0.0.1:9/closed", ALERT_WEBHOOK_MAX_ATTEMPTS: "2" });
    const alert = await t.prisma.alert.findFirstOrThrow();
    const n = await t.prisma.alertNotification.create({ data: { alertId: alert.id, payload: { text: "x" }, nextAttemptAt: NOW } });
    await deliverAlertNotifications(t.prisma, { settings, now: NOW, timeoutMs: 2000 });
    await deliverAlertNotifications(t.prisma, { settings, now: new Date(NOW.getTime() + 3_600_000), timeoutMs: 2000 });
    expect(await t.prisma.alertNotification.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({ status: "failed", attempts: 2 });
  });
});

describe("triage", () => {
  it("acknowledges, assigns and resolves with a note, each with its portal audit record in the same transaction", async () => {
    const list = await listAlerts(ctx(security), alertListSchema.parse({ rule: "root-token-used" }));
    expect(list.total).toBe(1);
    const id = list.rows[0]!.id;

    expect(await acknowledgeAlert(ctx(security), { id })).toMatchObject({ status: "acknowledged" });
    await expect(acknowledgeAlert(ctx(security), { id })).rejects.toMatchObject({ code: "conflict" });
    expect(await assignAlert(ctx(admin), { id, assignee: security.email })).toMatchObject({ assignee: security.email });
    await expect(assignAlert(ctx(admin), { id, assignee: engineer.email })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(resolveAlert(ctx(security), { id, note: " " })).rejects.toThrow(/at least 3 characters/);
    expect(await resolveAlert(ctx(security), { id, note: "Break-glass use during the INC-42 outage; token revoked." })).toMatchObject({ status: "resolved" });
    await expect(resolveAlert(ctx(security), { id, note: "again" })).rejects.toMatchObject({ code: "conflict" });

    const detail = await getAlertDetail(ctx(security), id);
    expect(detail).toMatchObject({ status: "resolved", note: "Break-glass use during the INC-42 outage; token revoked.", assignee: security.email });
    expect(detail.resolvedAt).not.toBeNull();
    expect(detail.history.map((h) => [h.actorEmail, h.action, h.details.fromStatus, h.details.toStatus])).toEqual([
      [security.email, "alerts.acknowledge", "open", "acknowledged"],
      [admin.email, "alerts.assign", "acknowledged", "acknowledged"],
      [security.email, "alerts.resolve", "acknowledged", "resolved"],
    ]);
    const trail = await t.prisma.portalAuditLog.findMany({ where: { target: `alert:${id}` }, orderBy: { id: "asc" } });
    expect(trail.map((r) => [r.ip, r.userAgent])).toEqual(Array(3).fill(["10.9.8.7", "vitest"]));
    expect(trail[2]!.details).toMatchObject({ note: "Break-glass use during the INC-42 outage; token revoked.", rule: "root-token-used" });
    expect((await verifyPortalAuditChain(t.prisma)).ok).toBe(true);

    // Filters: status, assignee "me", q.
    expect((await listAlerts(ctx(security), alertListSchema.parse({ status: "resolved", assignee: "me" }))).rows.map((r) => r.id)).toEqual([id]);
    expect((await listAlerts(ctx(security), alertListSchema.parse({ q: "203.0.113" }))).rows.map((r) => r.rule)).toEqual(["auth-failures-ip"]);
  });

  it("a failed audit append rolls the change back", async () => {
    const [open] = (await listAlerts(ctx(security), alertListSchema.parse({ status: "open" }))).rows;
    const broken: DetectionContext = { ...ctx(security), user: { ...security, email: "" } };
    await expect(acknowledgeAlert(broken, { id: open!.id })).rejects.toThrow();
    expect((await getAlertDetail(ctx(security), open!.id)).status).toBe("open");
  });

  it("denies an engineer reading or triaging, and writes nothing", async () => {
    const [open] = (await listAlerts(ctx(security), alertListSchema.parse({ status: "open" }))).rows;
    const before = await t.prisma.portalAuditLog.count();
    await expect(listAlerts(ctx(engineer), alertListSchema.parse({}))).rejects.toMatchObject({ code: "forbidden" });
    await expect(getAlertDetail(ctx(engineer), open!.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(acknowledgeAlert(ctx(engineer), { id: open!.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(resolveAlert(ctx(engineer), { id: open!.id, note: "not mine to close" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(assignAlert(ctx(engineer), { id: open!.id, assignee: engineer.email })).rejects.toMatchObject({ code: "forbidden" });
    expect(await t.prisma.portalAuditLog.count()).toBe(before);
    expect((await getAlertDetail(ctx(security), open!.id)).status).toBe("open");
  });

  it("an unknown id is not found", async () => {
    await expect(getAlertDetail(ctx(security), "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "not_found" });
    await expect(getAlertDetail(ctx(security), "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("reuse of lib/health", () => {
  it("raises no audit renewal alert for a secret whose health lease-renewal-failure alert is open", async () => {
    const db = await createTestDatabase();
    try {
      const time = new Date(NOW.getTime() - 3_600_000);
      await db.prisma.auditEvent.create({ data: { cluster: "primary", type: "response", time, operation: "update", path: "sys/leases/renew/database/creds/app/l9", secretKey: "primary:database/creds/app", error: "lease not found" } });
      await db.prisma.alert.create({ data: { rule: "lease-renewal-failure", severity: "high", subject: "primary:database/creds/app", dedupeKey: "lease-renewal-failure|primary:database/creds/app", firstSeen: time, lastSeen: time } });
      const settings = detectionSettingsFromEnv({});
      expect(await evaluateDetection(db.prisma, { from: new Date(NOW.getTime() - 7_200_000), to: NOW, now: NOW, settings })).toMatchObject({ opened: 0 });
      await db.prisma.alert.updateMany({ where: { rule: "lease-renewal-failure" }, data: { status: "resolved" } });
      expect(await evaluateDetection(db.prisma, { from: new Date(NOW.getTime() - 7_200_000), to: NOW, now: NOW, settings })).toMatchObject({ opened: 1 });
      expect(await db.prisma.alert.findFirst({ where: { rule: "renewal-or-rotation-failure" } })).toMatchObject({ subject: "primary:database/creds/app", count: 1 });
    } finally {
      await db.drop();
    }
  });
});
