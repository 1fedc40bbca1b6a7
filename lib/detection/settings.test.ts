import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/config-schema";
import { buildAlertPayload } from "./notifications/payload";
import { backoffSeconds } from "./notifications/deliver";
import { detectionSettingsFromEnv, parseBusinessDays, parseBusinessHours } from "./settings";

describe("detection settings", () => {
  it("has the DESIGN.md defaults", () => {
    const s = detectionSettingsFromEnv({});
    expect(s.authFailures).toEqual({ threshold: 5, windowSeconds: 60 });
    expect(s.businessHours).toEqual({ timeZone: "UTC", startMinute: 480, endMinute: 1080, isoDays: [1, 2, 3, 4, 5] });
    expect(s.webhook).toMatchObject({ url: null, minSeverity: "high", maxAttempts: 8, backoffSeconds: 30 });
    expect(s.bulkReads).toEqual({ minimum: 50, factor: 10, windowSeconds: 3600, baselineWindows: 168 });
  });

  it("parses days, ranges that wrap, and hours across midnight", () => {
    expect(parseBusinessDays("Mon-Fri")).toEqual([1, 2, 3, 4, 5]);
    expect(parseBusinessDays("Fri-Mon, Wed")).toEqual([1, 3, 5, 6, 7]);
    expect(parseBusinessHours("22:00-06:00")).toEqual({ startMinute: 1320, endMinute: 360 });
  });

  it("names every bad variable", () => {
    try {
      detectionSettingsFromEnv({ BUSINESS_TIMEZONE: "Mars/Olympus", BUSINESS_HOURS: "9-5", KNOWN_SERVICE_CIDRS: "10.0.0.0/8,10.300.0.0/16", ALERT_WEBHOOK_URL: "ftp://x" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual(["ALERT_WEBHOOK_URL", "BUSINESS_HOURS", "BUSINESS_TIMEZONE", "KNOWN_SERVICE_CIDRS"]);
    }
  });
});

describe("webhook", () => {
  it("backs off exponentially, capped at an hour", () => {
    expect([1, 2, 3, 4].map((n) => backoffSeconds(n, 30))).toEqual([30, 60, 120, 240]);
    expect(backoffSeconds(20, 30)).toBe(3600);
  });

  it("builds a Slack-compatible body with escaped text and a link to the alert", () => {
    const p = buildAlertPayload({ id: "a1", rule: "bulk-read-anomaly", severity: "high", subject: "198.51.100.23", count: 150, firstSeen: new Date(0), lastSeen: new Date(1000), summary: "150 reads <b>&" }, "https://radius.example");
    expect(p.text).toBe("[HIGH] Bulk reads from an unknown address: 198.51.100.23\n150 reads <b>&\nhttps://radius.example/alerts/a1");
    expect(JSON.stringify(p.blocks)).toContain("150 reads &lt;b&gt;&amp;");
    expect(JSON.stringify(p.blocks)).toContain("<https://radius.example/alerts/a1|Open in Radius>");
  });
});
