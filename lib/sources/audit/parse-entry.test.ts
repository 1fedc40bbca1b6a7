import { describe, expect, it } from "vitest";
import { isValueRead, parseAuditLine } from "./parse-entry";

const response = JSON.stringify({
  time: "2026-11-03T19:34:33.346532132Z",
  auth: {
    client_token: "hmac-sha256:aa", accessor: "hmac-sha256:bb", display_name: "kubernetes-prod-apps-web", policies: ["default", "web"],
    metadata: { role: "web", service_account_namespace: "apps" }, entity_id: "e1", token_type: "service",
  },
  request: { id: "r1", operation: "read", mount_point: "kv/", path: "kv/data/apps/web", remote_address: "10.0.0.1", client_token_accessor: "hmac-sha256:bb" },
  response: { data: { data: { value: "hmac-sha256:cc" } } },
  type: "response",
});

describe("parseAuditLine", () => {
  it("keeps the plain fields and the HMAC'd accessor, in any key order", () => {
    const r = parseAuditLine(response);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entry).toMatchObject({
      type: "response", operation: "read", path: "kv/data/apps/web", mount: "kv", remoteAddress: "10.0.0.1", tokenAccessor: "hmac-sha256:bb",
      displayName: "kubernetes-prod-apps-web", policies: ["default", "web"], isRoot: false, error: null, requestId: "r1", login: null,
      timeMs: Date.parse("2026-11-03T19:34:33.346Z"),
    });
    expect(isValueRead(r.entry)).toBe(true);
    const reordered = JSON.stringify({ type: "response", request: { path: "x", id: "r2" }, time: "2026-11-03T19:34:33Z", error: "1 error occurred:\n\t* permission denied\n\n" });
    const r2 = parseAuditLine(reordered);
    expect(r2.ok && r2.entry.error).toContain("permission denied");
    expect(r2.ok && isValueRead(r2.entry)).toBe(false);
  });

  it("recognises a login response by the auth it issued and its auth mount", () => {
    const login = JSON.stringify({ time: "2026-11-03T19:34:33Z", type: "response", auth: { accessor: "hmac-sha256:dd", metadata: { role: "web" } }, request: { mount_point: "auth/kubernetes-prod/", path: "auth/kubernetes-prod/login" }, response: { auth: { accessor: "hmac-sha256:dd" } } });
    const r = parseAuditLine(login);
    expect(r.ok && r.entry.login).toEqual({ authMount: "kubernetes-prod" });
  });

  it("says why a line is not an audit entry", () => {
    expect(parseAuditLine("{not json")).toMatchObject({ ok: false, message: expect.stringMatching(/^not JSON/) });
    expect(parseAuditLine("[1,2]")).toMatchObject({ ok: false, message: expect.stringContaining("not a JSON object") });
    expect(parseAuditLine('{"time":"yesterday","type":"request","request":{}}')).toMatchObject({ ok: false, message: expect.stringContaining("RFC 3339") });
    expect(parseAuditLine('{"time":"2026-11-03T19:34:33Z","type":"other","request":{}}')).toMatchObject({ ok: false, message: expect.stringContaining("type") });
    expect(parseAuditLine('{"time":"2026-11-03T19:34:33Z","type":"request"}')).toMatchObject({ ok: false, message: expect.stringContaining("request") });
  });
});
