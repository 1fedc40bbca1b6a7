/**
 * ESO `ExternalSecret` (https://external-secrets.io/latest/api/externalsecret/): syncs Vault keys into
 * the Kubernetes Secret `spec.target.name` (default: the ExternalSecret's name) every
 * `spec.refreshInterval` (default 1h; "0" = never after creation). `refreshPolicy: CreatedOnce`
 * or `OnChange` also disable the timer. Each `data[]` / `dataFrom[]` entry may name its own store
 * through `sourceRef.storeRef`.
 */
import type { SourceProblem } from "../types";
import { durationSeconds } from "../durations";
import { esoVaultPath } from "./eso-vault-path";
import type { K8sObject } from "./k8s-objects";
import { storeKey, type SecretStore, type VaultSecretStore } from "./secret-stores";
import type { SyncedSecret } from "./synced-secret";
import { asArray, asRecord, asString, type YamlPath } from "./yaml-documents";

const DEFAULT_REFRESH_SECONDS = 3600;

export function collectExternalSecrets(objects: K8sObject[], stores: Map<string, SecretStore>, problems: SourceProblem[]): SyncedSecret[] {
  const out: SyncedSecret[] = [];
  for (const obj of objects) {
    if (!obj.apiVersion.startsWith("external-secrets.io/")) continue;
    if (obj.kind === "ExternalSecret") out.push(...(readExternalSecret(obj, stores, problems) ?? []));
    if (obj.kind === "ClusterExternalSecret") {
      for (const es of expandClusterExternalSecret(obj, problems)) out.push(...(readExternalSecret(es, stores, problems) ?? []));
    }
  }
  return out;
}

/**
 * `ClusterExternalSecret` stamps `spec.externalSecretSpec` into each namespace of `spec.namespaces`
 * (name: `spec.externalSecretName`, default its own). Namespace label selectors need live
 * namespace labels, so they are reported rather than guessed.
 */
function expandClusterExternalSecret(obj: K8sObject, problems: SourceProblem[]): K8sObject[] {
  const spec = asRecord(obj.body.spec);
  if (spec.namespaceSelector || spec.namespaceSelectors) {
    problems.push({ source: "kubernetes", file: obj.file, line: obj.lineAt(["spec", spec.namespaceSelector ? "namespaceSelector" : "namespaceSelectors"]), message: `ClusterExternalSecret ${obj.name}: namespace selectors cannot be resolved from manifests; only spec.namespaces is used`, severity: "warning" });
  }
  const name = asString(spec.externalSecretName) ?? obj.name;
  return asArray(spec.namespaces).flatMap((ns) => {
    const namespace = asString(ns);
    if (!namespace) return [];
    const lineAt = (path: YamlPath) => obj.lineAt(path[0] === "spec" ? ["spec", "externalSecretSpec", ...path.slice(1)] : path);
    return [{ ...obj, kind: "ExternalSecret", name, namespace, body: { ...obj.body, spec: asRecord(spec.externalSecretSpec) }, lineAt }];
  });
}

function readExternalSecret(obj: K8sObject, stores: Map<string, SecretStore>, problems: SourceProblem[]): SyncedSecret[] | null {
  const spec = asRecord(obj.body.spec);
  const namespace = obj.namespace ?? "default";
  const warn = (path: YamlPath, message: string) =>
    problems.push({ source: "kubernetes", file: obj.file, line: obj.lineAt(path), message: `ExternalSecret ${namespace}/${obj.name}: ${message}`, severity: "warning" });

  const findStore = (ref: unknown, path: YamlPath): VaultSecretStore | null => {
    const r = asRecord(ref);
    const name = asString(r.name);
    const kind = asString(r.kind) ?? "SecretStore";
    if (!name) { warn(path, "store reference without a name"); return null; }
    const store = stores.get(storeKey(obj.cluster, kind, namespace, name));
    if (!store) { warn([...path, "name"], `${kind} "${name}" not found in the manifests${kind === "SecretStore" ? ` of namespace ${namespace}` : ""}`); return null; }
    return store.provider === "vault" ? store : null;
  };
  const defaultStore = spec.secretStoreRef !== undefined ? findStore(spec.secretStoreRef, ["spec", "secretStoreRef"]) : null;

  const { seconds, trigger, notes } = refreshOf(spec, (m) => warn(["spec", "refreshInterval"], `${m}; default 1h used`));
  const targetName = asString(asRecord(spec.target).name) ?? obj.name;
  const byStore = new Map<VaultSecretStore, SyncedSecret>();
  const add = (store: VaultSecretStore | null, remoteKey: string | null, property: string | null, path: YamlPath) => {
    if (!store) return;
    if (!remoteKey) { warn(path, "remote key missing"); return; }
    let synced = byStore.get(store);
    if (!synced) {
      synced = {
        cluster: obj.cluster, namespace, secretName: targetName, mechanism: "eso", entries: [],
        refreshIntervalSeconds: seconds, refreshTrigger: trigger,
        identity: { ...store.identity, namespace: store.identity.namespace ?? namespace },
        via: `ExternalSecret ${namespace}/${obj.name} (${store.kind} ${store.name})`, notes: [...notes, ...store.notes], file: obj.file,
      };
      byStore.set(store, synced);
    }
    const vaultPath = esoVaultPath(store.mount, store.version, remoteKey);
    const existing = synced.entries.find((e) => e.vaultPath === vaultPath);
    if (existing) { if (property && !existing.keys.includes(property)) existing.keys.push(property); }
    else synced.entries.push({ vaultPath, keys: property ? [property] : [], line: obj.lineAt(path) });
  };
  const storeFor = (entry: Record<string, unknown>, path: YamlPath): VaultSecretStore | null => {
    const sourceRef = asRecord(entry.sourceRef);
    if (sourceRef.generatorRef) { warn([...path, "sourceRef"], "generator sources are not resolved"); return null; }
    if (sourceRef.storeRef) return findStore(sourceRef.storeRef, [...path, "sourceRef", "storeRef"]);
    if (spec.secretStoreRef === undefined) warn(path, "no secretStoreRef"); 
    return defaultStore;
  };

  asArray(spec.data).forEach((d, i) => {
    const entry = asRecord(d);
    const remote = asRecord(entry.remoteRef);
    add(storeFor(entry, ["spec", "data", i]), asString(remote.key), asString(remote.property), ["spec", "data", i, "remoteRef", "key"]);
  });
  asArray(spec.dataFrom).forEach((d, i) => {
    const entry = asRecord(d);
    const path: YamlPath = ["spec", "dataFrom", i];
    if (entry.find) { warn([...path, "find"], "dataFrom.find selects secrets at sync time and cannot be resolved statically"); return; }
    const extract = asRecord(entry.extract);
    const key = asString(extract.key) ?? asString(entry.key); // `key` directly under dataFrom: v1alpha1
    add(storeFor(entry, path), key, asString(extract.property), [...path, entry.extract ? "extract" : "key"]);
  });
  return [...byStore.values()];
}

function refreshOf(spec: Record<string, unknown>, onInvalid: (m: string) => void): { seconds: number | null; trigger: SyncedSecret["refreshTrigger"]; notes: string[] } {
  const policy = asString(spec.refreshPolicy);
  if (policy === "CreatedOnce" || policy === "OnChange") {
    return { seconds: null, trigger: "spec-change", notes: [`refreshPolicy ${policy}: not refreshed on a timer`] };
  }
  const declared = spec.refreshInterval;
  const seconds = declared === undefined ? DEFAULT_REFRESH_SECONDS : durationSeconds(declared, onInvalid) ?? DEFAULT_REFRESH_SECONDS;
  if (seconds === 0) return { seconds: null, trigger: "spec-change", notes: ["refreshInterval 0: synced once, then only when the ExternalSecret changes"] };
  return { seconds, trigger: "interval", notes: [declared === undefined ? "refreshInterval default 1h" : `refreshInterval ${String(declared)}`] };
}
