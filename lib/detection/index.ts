// Public surface of lib/detection. evaluate/scheduler/deliver have no "server-only" import so the
// ingestion and instrumentation can load them; the page-facing services are server-only.
export { evaluateDetection, type EvaluateOptions, type EvaluateResult } from "./evaluate";
export { startDetectionScheduler, runScheduledEvaluation } from "./scheduler";
export { deliverAlertNotifications, type DeliverResult } from "./notifications/deliver";
export { detectionSettingsFromEnv, type DetectionSettings } from "./settings";
export { listAlerts, openAlertExport, getAlertDetail, listAssignees, acknowledgeAlert, resolveAlert, assignAlert, type DetectionContext } from "./service";
export { detectionContext } from "./app-context";
export type { AlertRow, AlertList, AlertDetail, Assignee } from "./views";
