/**
 * The Kubernetes Secrets a pod template uses, and how: env (`env[].valueFrom.secretKeyRef`,
 * `envFrom[].secretRef`) or volume (`volumes[].secret`, `volumes[].projected.sources[].secret`).
 * A volume mounted only through `subPath` never receives updates (kubelet limitation:
 * https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod),
 * so such a consumer needs a restart.
 */
import type { ConsumptionDelivery } from "../types";
import { templateLine, type K8sWorkload } from "./workloads";
import { asArray, asRecord, asString, type YamlPath } from "./yaml-documents";

export interface PodSecretRef {
  secretName: string;
  delivery: Extract<ConsumptionDelivery, "k8s-secret-env" | "k8s-secret-volume">;
  /** Volume mounted by every container only through subPath: updates never arrive. */
  subPathOnly: boolean;
  line: number;
}

const CONTAINER_LISTS = ["initContainers", "containers", "ephemeralContainers"] as const;

export function podSecretRefs(w: K8sWorkload): PodSecretRef[] {
  const spec = w.template.spec;
  const refs: PodSecretRef[] = [];
  const at = (path: YamlPath) => templateLine(w, ["spec", ...path]);
  for (const list of CONTAINER_LISTS) {
    asArray(spec[list]).forEach((c, ci) => {
      const container = asRecord(c);
      asArray(container.env).forEach((e, ei) => {
        const name = asString(asRecord(asRecord(asRecord(e).valueFrom).secretKeyRef).name);
        if (name) refs.push({ secretName: name, delivery: "k8s-secret-env", subPathOnly: false, line: at([list, ci, "env", ei]) });
      });
      asArray(container.envFrom).forEach((e, ei) => {
        const name = asString(asRecord(asRecord(e).secretRef).name);
        if (name) refs.push({ secretName: name, delivery: "k8s-secret-env", subPathOnly: false, line: at([list, ci, "envFrom", ei]) });
      });
    });
  }
  asArray(spec.volumes).forEach((v, vi) => {
    const volume = asRecord(v);
    const volumeName = asString(volume.name) ?? "";
    const names: string[] = [];
    const direct = asString(asRecord(volume.secret).secretName);
    if (direct) names.push(direct);
    for (const source of asArray(asRecord(volume.projected).sources)) {
      const projected = asString(asRecord(asRecord(source).secret).name);
      if (projected) names.push(projected);
    }
    const subPathOnly = mountedOnlyWithSubPath(spec, volumeName);
    for (const secretName of names) refs.push({ secretName, delivery: "k8s-secret-volume", subPathOnly, line: at(["volumes", vi]) });
  });
  return refs;
}

export function mountedOnlyWithSubPath(spec: Record<string, unknown>, volumeName: string): boolean {
  const mounts = CONTAINER_LISTS.flatMap((list) => asArray(spec[list]).flatMap((c) => asArray(asRecord(c).volumeMounts)))
    .map(asRecord)
    .filter((m) => m.name === volumeName);
  return mounts.length > 0 && mounts.every((m) => typeof m.subPath === "string" || typeof m.subPathExpr === "string");
}
