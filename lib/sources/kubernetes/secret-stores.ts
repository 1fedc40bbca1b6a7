/**
 * ESO `SecretStore` (namespaced) and `ClusterSecretStore` with a Vault provider
 * (https://external-secrets.io/latest/provider/hashicorp-vault/): `spec.provider.vault.{server,
 * path (the mount), version (v2 default), auth}`. Stores of other providers are kept as non-Vault
 * so ExternalSecrets using them are ignored quietly rather than reported as dangling.
 */
import type { ConsumptionIdentity, SourceProblem } from "../types";
import type { K8sObject } from "./k8s-objects";
import { normalizeAuthMount } from "./vault-paths";
import { asRecord, asString } from "./yaml-documents";

export interface VaultSecretStore {
  provider: "vault";
  kind: "SecretStore" | "ClusterSecretStore";
  name: string;
  namespace: string | null;
  server: string | null;
  mount: string | null;
  version: "v1" | "v2";
  /** namespace null on a ClusterSecretStore's serviceAccountRef = the ExternalSecret's namespace. */
  identity: ConsumptionIdentity;
  notes: string[];
}
export type SecretStore = VaultSecretStore | { provider: "other"; kind: string; name: string };

export const storeKey = (cluster: string, kind: string, namespace: string | null, name: string): string =>
  kind === "ClusterSecretStore" ? `${cluster}|ClusterSecretStore/${name}` : `${cluster}|SecretStore/${namespace ?? "default"}/${name}`;

export function collectSecretStores(objects: K8sObject[], problems: SourceProblem[]): Map<string, SecretStore> {
  const stores = new Map<string, SecretStore>();
  for (const obj of objects) {
    if ((obj.kind !== "SecretStore" && obj.kind !== "ClusterSecretStore") || !obj.apiVersion.startsWith("external-secrets.io/")) continue;
    const namespace = obj.kind === "SecretStore" ? obj.namespace ?? "default" : null;
    const key = storeKey(obj.cluster, obj.kind, namespace, obj.name);
    const vault = asRecord(asRecord(asRecord(obj.body.spec).provider).vault);
    if (Object.keys(vault).length === 0) {
      stores.set(key, { provider: "other", kind: obj.kind, name: obj.name });
      continue;
    }
    const version = asString(vault.version) ?? "v2";
    if (version !== "v1" && version !== "v2") {
      problems.push({ source: "kubernetes", file: obj.file, line: obj.lineAt(["spec", "provider", "vault", "version"]), message: `${obj.kind} ${obj.name}: unknown Vault KV version ${JSON.stringify(version)}; v2 assumed`, severity: "warning" });
    }
    stores.set(key, {
      provider: "vault", kind: obj.kind, name: obj.name, namespace,
      server: asString(vault.server), mount: asString(vault.path),
      version: version === "v1" ? "v1" : "v2",
      ...storeIdentity(asRecord(vault.auth), namespace),
    });
  }
  return stores;
}

/** Which Vault identity the store logs in with; static tokens are called out. */
function storeIdentity(auth: Record<string, unknown>, storeNamespace: string | null): { identity: ConsumptionIdentity; notes: string[] } {
  const k8s = asRecord(auth.kubernetes);
  if (Object.keys(k8s).length > 0) {
    const sa = asRecord(k8s.serviceAccountRef);
    const saName = asString(sa.name);
    return {
      identity: { authMount: normalizeAuthMount(asString(k8s.mountPath) ?? "kubernetes"), role: asString(k8s.role), serviceAccount: saName, namespace: asString(sa.namespace) ?? storeNamespace },
      notes: saName ? [] : ["logs in with the ESO controller's own service account"],
    };
  }
  const jwt = asRecord(auth.jwt);
  if (Object.keys(jwt).length > 0) {
    const sa = asRecord(asRecord(jwt.kubernetesServiceAccountToken).serviceAccountRef);
    return { identity: { authMount: normalizeAuthMount(asString(jwt.path) ?? "jwt"), role: asString(jwt.role), serviceAccount: asString(sa.name), namespace: asString(sa.namespace) ?? storeNamespace }, notes: [] };
  }
  const appRole = asRecord(auth.appRole);
  if (Object.keys(appRole).length > 0) {
    return { identity: { authMount: normalizeAuthMount(asString(appRole.path) ?? "approle"), role: asString(appRole.roleId), serviceAccount: null, namespace: null }, notes: ["AppRole secret-id stored in a Kubernetes Secret"] };
  }
  if (auth.tokenSecretRef) return { identity: { authMount: null, role: null, serviceAccount: null, namespace: null }, notes: ["static Vault token stored in a Kubernetes Secret"] };
  const other = Object.keys(auth)[0] ?? null;
  return { identity: { authMount: other, role: null, serviceAccount: null, namespace: null }, notes: other ? [`auth method ${other}`] : ["no auth configured"] };
}
