/**
 * Secrets Store CSI driver with the Vault provider
 * (https://developer.hashicorp.com/vault/docs/platform/k8s/csi/configurations):
 * `SecretProviderClass` (namespaced, same namespace as the pod) with `spec.provider: vault` and
 * `spec.parameters.{roleName, vaultAddress, vaultKubernetesMountPath | vaultAuthMountPath (default
 * kubernetes), objects}`, where `objects` is a YAML string listing `{objectName, secretPath, secretKey}`;
 * `secretPath` is the full API path. Pods mount it via a `csi` volume (driver secrets-store.csi.k8s.io,
 * `volumeAttributes.secretProviderClass`) and log in with their own service account.
 * `spec.secretObjects` additionally syncs objects into a Kubernetes Secret (while a pod mounts the volume).
 */
import { parse as parseYaml } from "yaml";
import type { ConsumptionIdentity, ParsedConsumption, SourceProblem } from "../types";
import type { K8sObject } from "./k8s-objects";
import { DEFAULT_CSI_ROTATION, resolveCsiRotation, type CsiRotation } from "./csi-rotation";
import type { SyncedSecret } from "./synced-secret";
import { isLeasedPath, normalizeAuthMount, normalizeVaultPath } from "./vault-paths";
import { templateLine, type K8sWorkload } from "./workloads";
import { asArray, asRecord, asString, messageOf } from "./yaml-documents";

const DRIVER = "secrets-store.csi.k8s.io";

interface CsiObject { objectName: string; vaultPath: string; keys: string[] }
export interface VaultProviderClass {
  object: K8sObject;
  namespace: string;
  role: string | null;
  authMount: string;
  objects: CsiObject[];
}

export function collectProviderClasses(objects: K8sObject[], problems: SourceProblem[]): Map<string, VaultProviderClass> {
  const out = new Map<string, VaultProviderClass>();
  for (const obj of objects) {
    if (obj.kind !== "SecretProviderClass") continue;
    const spec = asRecord(obj.body.spec);
    if (asString(spec.provider) !== "vault") continue;
    const params = asRecord(spec.parameters);
    const namespace = obj.namespace ?? "default";
    const warn = (message: string, path: (string | number)[]) =>
      problems.push({ source: "kubernetes", file: obj.file, line: obj.lineAt(path), message: `SecretProviderClass ${namespace}/${obj.name}: ${message}`, severity: "warning" });
    let listed: unknown = [];
    try {
      listed = typeof params.objects === "string" ? parseYaml(params.objects, { maxAliasCount: 100 }) : params.objects;
    } catch (error) {
      warn(`parameters.objects is not valid YAML: ${messageOf(error)}`, ["spec", "parameters", "objects"]);
    }
    const csiObjects: CsiObject[] = [];
    for (const item of asArray(listed)) {
      const o = asRecord(item);
      const objectName = asString(o.objectName);
      const secretPath = asString(o.secretPath);
      if (!objectName || !secretPath) { warn("object without objectName or secretPath skipped", ["spec", "parameters", "objects"]); continue; }
      const key = asString(o.secretKey);
      csiObjects.push({ objectName, vaultPath: normalizeVaultPath(secretPath), keys: key ? [key] : [] });
    }
    if (csiObjects.length === 0) warn("lists no Vault objects", ["spec", "parameters"]);
    out.set(`${obj.cluster}|${namespace}/${obj.name}`, {
      object: obj, namespace, role: asString(params.roleName),
      authMount: normalizeAuthMount(asString(params.vaultAuthMountPath) ?? asString(params.vaultKubernetesMountPath) ?? "kubernetes"),
      objects: csiObjects,
    });
  }
  return out;
}

export function csiConsumptions(w: K8sWorkload, classes: Map<string, VaultProviderClass>, fallback: CsiRotation | undefined, problems: SourceProblem[]): { consumptions: ParsedConsumption[]; synced: SyncedSecret[] } {
  const consumptions: ParsedConsumption[] = [];
  const synced: SyncedSecret[] = [];
  asArray(w.template.spec.volumes).forEach((v, vi) => {
    const csi = asRecord(asRecord(v).csi);
    if (asString(csi.driver) !== DRIVER) return;
    const line = templateLine(w, ["spec", "volumes", vi, "csi", "volumeAttributes", "secretProviderClass"]);
    const className = asString(asRecord(csi.volumeAttributes).secretProviderClass);
    const spc = className ? classes.get(`${w.cluster}|${w.namespace}/${className}`) : undefined;
    if (!spc) {
      problems.push({ source: "kubernetes", file: w.object.file, line, message: `${w.workload.key}: CSI volume points at SecretProviderClass "${className ?? ""}", which is not in namespace ${w.namespace} of the manifests (or not a Vault one)`, severity: "warning" });
      return;
    }
    const rotation = resolveCsiRotation(
      [{ where: "the workload", values: { ...w.object.labels, ...w.object.annotations, ...w.template.labels, ...w.template.annotations } },
        { where: `SecretProviderClass ${spc.object.name}`, values: { ...spc.object.labels, ...spc.object.annotations } }],
      fallback ?? DEFAULT_CSI_ROTATION,
      (m) => problems.push({ source: "kubernetes", file: w.object.file, line, message: `${w.workload.key}: ${m}`, severity: "warning" }),
    );
    const identity: ConsumptionIdentity = { authMount: spc.authMount, role: spc.role, serviceAccount: w.workload.serviceAccount, namespace: w.namespace };
    for (const o of spc.objects) {
      const notes = [rotation.via];
      let reload: ParsedConsumption["reload"] = "hot";
      if (!rotation.enabled) { reload = "restart"; notes.push("without rotation the file is written once at mount: restart required"); }
      else if (w.workload.reload.appReload === "restart") { reload = "restart"; notes.push(`${w.workload.reload.appReloadVia}`); }
      else notes.push("mounted file updated in place (DESIGN.md: file = hot)");
      consumptions.push({
        workloadKey: w.workload.key, vaultPath: o.vaultPath, keys: o.keys, mechanism: "csi",
        refreshIntervalSeconds: rotation.enabled ? rotation.pollIntervalSeconds : null,
        refreshTrigger: rotation.enabled ? "interval" : "pod-start", syncDelaySeconds: 0,
        leased: isLeasedPath(o.vaultPath), leaseTtlSeconds: null, reload, delivery: "file", identity,
        via: `SecretProviderClass ${spc.namespace}/${spc.object.name}`, notes, sourceFile: spc.object.file,
        line: spc.object.lineAt(["spec", "parameters", "objects"]),
      });
    }
    synced.push(...syncedObjects(spc, identity, rotation));
  });
  return { consumptions, synced };
}

/** `secretObjects[].data[].objectName` -> Kubernetes Secret `secretName`. */
function syncedObjects(spc: VaultProviderClass, identity: ConsumptionIdentity, rotation: CsiRotation): SyncedSecret[] {
  return asArray(asRecord(spc.object.body.spec).secretObjects).flatMap((s, si) => {
    const so = asRecord(s);
    const secretName = asString(so.secretName);
    if (!secretName) return [];
    const names = new Set(asArray(so.data).map((d) => asString(asRecord(d).objectName)));
    const entries = spc.objects.filter((o) => names.has(o.objectName))
      .map((o) => ({ vaultPath: o.vaultPath, keys: o.keys, line: spc.object.lineAt(["spec", "secretObjects", si]) }));
    return [{
      cluster: spc.object.cluster, namespace: spc.namespace, secretName, mechanism: "csi" as const, entries,
      refreshIntervalSeconds: rotation.enabled ? rotation.pollIntervalSeconds : null,
      refreshTrigger: rotation.enabled ? ("interval" as const) : ("pod-start" as const),
      identity, via: `SecretProviderClass ${spc.namespace}/${spc.object.name} secretObjects ${secretName}`,
      notes: [rotation.via], file: spc.object.file,
    }];
  });
}
