/**
 * Every alert rule the Alerts page knows, with the words it shows. The audit-log rules are
 * evaluated by lib/detection; the health rules are written by lib/health (sync-time snapshot
 * findings) into the same alerts table and are listed here only so they can be filtered and read.
 * Safe for the client.
 */

export const SEVERITIES = ["info", "low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ALERT_STATUSES = ["open", "acknowledged", "resolved"] as const;
export type AlertStatusName = (typeof ALERT_STATUSES)[number];

export const DETECTION_RULES = [
  "auth-failures-ip",
  "auth-failures-role",
  "prod-read-outside-business-hours",
  "root-token-used",
  "renewal-or-rotation-failure",
  "bulk-read-anomaly",
] as const;
export type DetectionRule = (typeof DETECTION_RULES)[number];

/** Written by lib/health (certificate expiry, leases expired while still consumed). */
export const HEALTH_RULES = ["certificate-expiring-7d", "lease-renewal-failure"] as const;

export const ALL_RULES = [...DETECTION_RULES, ...HEALTH_RULES] as const;
export type AlertRule = (typeof ALL_RULES)[number];

export const RULE_LABELS: Record<AlertRule, string> = {
  "auth-failures-ip": "Auth failures from one address",
  "auth-failures-role": "Auth failures against one role",
  "prod-read-outside-business-hours": "Production read outside business hours",
  "root-token-used": "Root token used",
  "renewal-or-rotation-failure": "Renewal or rotation failed (audit log)",
  "bulk-read-anomaly": "Bulk reads from an unknown address",
  "certificate-expiring-7d": "Certificate expiring within 7 days",
  "lease-renewal-failure": "Leases expired while consumed",
};

export const ruleLabel = (rule: string): string => (RULE_LABELS as Record<string, string>)[rule] ?? rule;

export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);
