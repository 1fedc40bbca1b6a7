/**
 * When the Secrets Store CSI driver itself is among the manifests (rendered Helm chart), its
 * container args say whether rotation is on: `--enable-secret-rotation[=true|false]` and
 * `--rotation-poll-interval=<duration>` (default 2m). The setting applies to its cluster.
 */
import type { SourceProblem } from "../types";
import { durationSeconds } from "../durations";
import type { CsiRotation } from "./csi-rotation";
import type { K8sObject } from "./k8s-objects";
import { asArray, asRecord, asString } from "./yaml-documents";

export function csiRotationFromDriver(objects: K8sObject[], problems: SourceProblem[]): Map<string, CsiRotation> {
  const byCluster = new Map<string, CsiRotation>();
  for (const obj of objects) {
    if (obj.kind !== "DaemonSet") continue;
    const containers = asArray(asRecord(asRecord(asRecord(obj.body.spec).template).spec).containers).map(asRecord);
    const args = containers.flatMap((c) => [...asArray(c.args), ...asArray(c.command)]).map(asString).filter((a): a is string => a !== null);
    const flag = args.find((a) => a === "--enable-secret-rotation" || a.startsWith("--enable-secret-rotation="));
    if (flag === undefined) continue;
    const enabled = flag === "--enable-secret-rotation" || /=(true|1)$/i.test(flag);
    const interval = args.find((a) => a.startsWith("--rotation-poll-interval="))?.split("=")[1];
    const seconds = interval === undefined ? 120 : durationSeconds(interval, (m) =>
      problems.push({ source: "kubernetes", file: obj.file, line: obj.line, message: `CSI driver ${obj.name}: --rotation-poll-interval ${m}; 2m assumed`, severity: "warning" })) ?? 120;
    byCluster.set(obj.cluster, { enabled, pollIntervalSeconds: seconds, via: `${flag}${enabled && interval ? ` --rotation-poll-interval=${interval}` : ""} on DaemonSet ${obj.namespace ?? "default"}/${obj.name}` });
  }
  return byCluster;
}
