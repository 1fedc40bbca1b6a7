import { describe, expect, it } from "vitest";
import { canonicalJson, toStoredJson } from "./canonical-json";
import { computeAuditHash, GENESIS_HASH } from "./hash";

describe("canonicalJson", () => {
  it("is independent of key order, at every depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it("drops undefined members like JSON does", () => {
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
    expect(toStoredJson({ when: new Date(0), gone: undefined })).toEqual({ when: "1970-01-01T00:00:00.000Z" });
  });
});

describe("computeAuditHash", () => {
  const row = {
    id: 1n, time: new Date("2026-01-01T00:00:00Z"), actorEmail: "a@example.com", actorRoles: ["admin"],
    action: "auth.sign_in", target: null, ip: "10.0.0.1", userAgent: null, details: { x: 1 },
  };
  it("changes with any field and with the previous hash", () => {
    const base = computeAuditHash(GENESIS_HASH, row);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(computeAuditHash(GENESIS_HASH, { ...row })).toBe(base);
    expect(computeAuditHash("1".repeat(64), row)).not.toBe(base);
    expect(computeAuditHash(GENESIS_HASH, { ...row, ip: "10.0.0.2" })).not.toBe(base);
    expect(computeAuditHash(GENESIS_HASH, { ...row, details: { x: 2 } })).not.toBe(base);
    expect(computeAuditHash(GENESIS_HASH, { ...row, id: 2n })).not.toBe(base);
  });
});
