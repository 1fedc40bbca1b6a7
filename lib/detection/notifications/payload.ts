import { ruleLabel, type Severity } from "../catalog";

export interface NotifiedAlert {
  id: string;
  rule: string;
  severity: Severity;
  subject: string;
  count: number;
  firstSeen: Date;
  lastSeen: Date;
  summary: string;
}

export interface SlackPayload {
  text: string;
  blocks: unknown[];
}

const ICON: Record<Severity, string> = { info: ":information_source:", low: ":large_blue_circle:", medium: ":large_yellow_circle:", high: ":large_orange_circle:", critical: ":red_circle:" };

/** Slack "mrkdwn" treats & < > as control characters. */
const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Slack-compatible webhook body (`text` for every receiver, `blocks` for Slack). Only what the
 * alert page shows: rule, subject, counts and the summary; never secret values (the audit log
 * has none in clear) and no evidence sample.
 */
export function buildAlertPayload(alert: NotifiedAlert, portalUrl: string): SlackPayload {
  const url = `${portalUrl}/alerts/${alert.id}`;
  const title = `[${alert.severity.toUpperCase()}] ${ruleLabel(alert.rule)}: ${alert.subject}`;
  const text = `${title}\n${alert.summary}\n${url}`;
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `${ICON[alert.severity]} *${escape(title)}*\n${escape(alert.summary)}` } },
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: `${alert.count} event${alert.count === 1 ? "" : "s"}, first ${alert.firstSeen.toISOString()}, last ${alert.lastSeen.toISOString()} · <${url}|Open in Radius>` }],
      },
    ],
  };
}
