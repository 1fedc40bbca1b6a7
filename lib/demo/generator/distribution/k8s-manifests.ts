import { toYamlDocument } from "./yaml-emit";
import { K8S_AUTH, K8S_CLUSTER, slotKey, tierOf, type CompanyModel, type KvSecretModel, type ServiceModel } from "../company";
import { identityKey } from "../access-model";
import type { DemoFile, Env } from "../types";
import { CSI_ROTATION, DEFAULTS, envVarName, manifestFile, reloadsDbCreds, workloadsOf } from "./consumers";

const VAULT_ADDR = "https://vault.acme.internal:8200";
const A = "vault.hashicorp.com/";
const dur = (s: number): string => (s % 3600 === 0 ? `${s / 3600}h` : s % 60 === 0 ? `${s / 60}m` : `${s}s`);
const dataPath = (s: KvSecretModel): string => `${s.mount}/data/${s.path}`;
const RELOAD_COMMAND = "wget -qO- --post-data='' http://127.0.0.1:8080/-/reload";
/** Each CSI workload mounts its own class (a CSI volume delivers every object the class lists) and syncs its own Secret. */
const csiClass = (workload: string): string => `${workload}-vault`;
const csiSyncedSecret = (workload: string): string => `${workload}-csi`;

function agentAnnotations(s: ServiceModel, env: Env, kind: string, uses: KvSecretModel[]): Record<string, string> {
  const tier = tierOf(env);
  const a: Record<string, string> = { [`${A}agent-inject`]: "true", [`${A}role`]: s.name, [`${A}auth-path`]: `auth/${K8S_AUTH[tier]}` };
  for (const sec of uses) {
    a[`${A}agent-inject-secret-${sec.name}`] = dataPath(sec);
    const field = sec.name.startsWith("oauth-client") ? "client_secret" : "value";
    a[`${A}agent-inject-template-${sec.name}`] = `{{- with secret "${dataPath(sec)}" -}}{{ .Data.data.${field} }}{{- end -}}`;
    // Hot reload: the agent tells the app to re-read the file after each render.
    if (s.hotReload && kind !== "CronJob") a[`${A}agent-inject-command-${sec.name}`] = RELOAD_COMMAND;
  }
  if (s.hasDatabase && kind !== "CronJob") {
    a[`${A}agent-inject-secret-db-creds`] = `${tier === "prod" ? "database-prod" : "database"}/creds/${s.name}`;
    // Leased credentials are re-issued when the lease ends; without a command the app keeps the old ones until restarted.
    if (reloadsDbCreds(s)) a[`${A}agent-inject-command-db-creds`] = RELOAD_COMMAND;
  }
  if (kind === "CronJob") a[`${A}agent-pre-populate-only`] = "true";
  else if (s.refreshOverride !== null) a[`${A}template-static-secret-render-interval`] = dur(s.refreshOverride);
  if (s.index % 3 === 0) a[`${A}agent-cache-enable`] = "true";
  return a;
}

function podSpec(s: ServiceModel, workload: string, sa: string): Record<string, unknown> {
  const container: Record<string, unknown> = { name: "app", image: `ghcr.io/acme/${s.name}:1.${s.index % 20}.0`, ports: [{ containerPort: 8080 }] };
  const spec: Record<string, unknown> = { serviceAccountName: sa, containers: [container] };
  if (s.mechanism === "eso") {
    if (s.hotReload) {
      spec.volumes = [{ name: "secrets", secret: { secretName: `${s.name}-secrets` } }];
      container.volumeMounts = [{ name: "secrets", mountPath: "/etc/secrets", readOnly: true }];
    } else container.envFrom = [{ secretRef: { name: `${s.name}-secrets` } }];
  }
  if (s.mechanism === "csi") {
    spec.volumes = [{ name: "vault", csi: { driver: "secrets-store.csi.k8s.io", readOnly: true, volumeAttributes: { secretProviderClass: csiClass(workload) } } }];
    container.volumeMounts = [{ name: "vault", mountPath: "/mnt/secrets", readOnly: true }];
  }
  return spec;
}

function workloadDoc(s: ServiceModel, env: Env, w: ReturnType<typeof workloadsOf>[number]): Record<string, unknown> {
  const namespace = `${s.team}-${env}`;
  const labels = { app: w.name, "app.kubernetes.io/part-of": s.name, team: s.team };
  const annotations = s.mechanism === "vault-agent" ? agentAnnotations(s, env, w.kind, w.uses) : {};
  const pod = podSpec(s, w.name, w.sa);
  if (s.mechanism === "csi" && !s.hotReload) {
    // Synced env vars (secretObjects) need a restart to change.
    const c = (pod.containers as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
    c.env = w.uses.map((sec) => ({ name: envVarName(sec.name), valueFrom: { secretKeyRef: { name: csiSyncedSecret(w.name), key: sec.name } } }));
  }
  const template = { metadata: { labels, annotations }, spec: pod };
  const meta = { name: w.name, namespace, labels };
  if (w.kind === "CronJob") {
    (pod as Record<string, unknown>).restartPolicy = "OnFailure";
    return { apiVersion: "batch/v1", kind: "CronJob", metadata: meta, spec: { schedule: `${s.index % 60} 3 * * *`, jobTemplate: { spec: { template } } } };
  }
  const spec: Record<string, unknown> = { replicas: env === "prod" ? 3 : 1, selector: { matchLabels: { app: w.name } }, template };
  if (w.kind === "StatefulSet") spec.serviceName = w.name;
  return { apiVersion: "apps/v1", kind: w.kind, metadata: meta, spec };
}

function esoDoc(s: ServiceModel, env: Env, secrets: KvSecretModel[]): Record<string, unknown> {
  const store = tierOf(env) === "prod" ? "vault-kv-prod" : "vault-kv";
  return {
    apiVersion: "external-secrets.io/v1beta1", kind: "ExternalSecret",
    metadata: { name: `${s.name}-secrets`, namespace: `${s.team}-${env}` },
    spec: {
      refreshInterval: dur(s.refreshOverride ?? DEFAULTS.esoRefresh),
      secretStoreRef: { name: store, kind: "ClusterSecretStore" },
      target: { name: `${s.name}-secrets`, creationPolicy: "Owner" },
      data: secrets.map((sec) => ({ secretKey: sec.name, remoteRef: { key: sec.path, property: sec.name.startsWith("oauth-client") ? "client_secret" : "value" } })),
    },
  };
}

function csiDoc(s: ServiceModel, env: Env, workload: string, secrets: KvSecretModel[]): Record<string, unknown> {
  const objects = secrets.map((sec) => `- objectName: "${sec.name}"\n  secretPath: "${sec.mount}/data/${sec.path}"\n  secretKey: "${sec.name.startsWith("oauth-client") ? "client_secret" : "value"}"\n`).join("");
  const spec: Record<string, unknown> = {
    provider: "vault",
    parameters: { vaultAddress: VAULT_ADDR, roleName: s.name, vaultKubernetesMountPath: K8S_AUTH[tierOf(env)], objects },
  };
  if (!s.hotReload) spec.secretObjects = [{ secretName: csiSyncedSecret(workload), type: "Opaque", data: secrets.map((sec) => ({ objectName: sec.name, key: sec.name })) }];
  return { apiVersion: "secrets-store.csi.x-k8s.io/v1", kind: "SecretProviderClass", metadata: { name: csiClass(workload), namespace: `${s.team}-${env}` }, spec };
}

const toYaml = (docs: Array<Record<string, unknown>>): string => docs.map(toYamlDocument).join("---\n");

function platformFiles(): DemoFile[] {
  const files: DemoFile[] = [];
  for (const tier of ["nonprod", "prod"] as const) {
    const cluster = K8S_CLUSTER[tier];
    const store = { apiVersion: "external-secrets.io/v1beta1", kind: "ClusterSecretStore", metadata: { name: tier === "prod" ? "vault-kv-prod" : "vault-kv" },
      spec: { provider: { vault: { server: VAULT_ADDR, path: tier === "prod" ? "kv-prod" : "kv", version: "v2", auth: { kubernetes: { mountPath: K8S_AUTH[tier], role: "external-secrets", serviceAccountRef: { name: "external-secrets", namespace: "external-secrets" } } } } } } };
    const sa = { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "external-secrets", namespace: "external-secrets" } };
    files.push({ path: `manifests/${cluster}/external-secrets/cluster-secret-store.yaml`, content: toYaml([sa, store]) });
    const args = ["--endpoint=$(CSI_ENDPOINT)", "--nodeid=$(KUBE_NODE_NAME)", `--enable-secret-rotation=${CSI_ROTATION[tier]}`, ...(CSI_ROTATION[tier] ? [`--rotation-poll-interval=${dur(DEFAULTS.csiRotationPoll)}`] : [])];
    const ds = { apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "secrets-store-csi-driver", namespace: "kube-system" },
      spec: { selector: { matchLabels: { app: "secrets-store-csi-driver" } }, template: { metadata: { labels: { app: "secrets-store-csi-driver" } }, spec: { containers: [{ name: "secrets-store", image: "registry.k8s.io/csi-secrets-store/driver:v1.4.4", args }] } } } };
    files.push({ path: `manifests/${cluster}/kube-system/secrets-store-csi-driver.yaml`, content: toYaml([ds]) });
  }
  return files;
}

/**
 * References to Vault paths that do not exist (a copy-pasted annotation for a secret that was never
 * created, or was deleted): the manifests still name them, the ground truth lists them apart.
 */
export interface DanglingReferenceFact {
  workload: string;
  workloadName: string;
  mechanism: "vault-agent";
  /** The API path as the manifest names it. */
  vaultPath: string;
  identity: string;
  file: string;
  problem: string;
}

export function danglingReferences(company: CompanyModel): DanglingReferenceFact[] {
  const s = company.services[0] as ServiceModel;
  const namespace = `${s.team}-prod`;
  const name = `${s.name}-shadow`;
  return [{
    workload: `k8s:${K8S_CLUSTER.prod}/${namespace}/deployment/${name}`, workloadName: name, mechanism: "vault-agent",
    vaultPath: `kv-prod/data/${s.team}/prod/${s.name}/does-not-exist`,
    identity: identityKey("kubernetes", K8S_AUTH.prod, s.name),
    file: `manifests/${K8S_CLUSTER.prod}/${namespace}/orphan-annotation.yaml`,
    problem: "agent-inject-secret annotation points at a KV path that does not exist",
  }];
}

/** Two deliberately broken files, for the parsers' error reporting (listed in ground truth). */
export function malformedManifests(company: CompanyModel): Array<DemoFile & { problem: string }> {
  const s = company.services[0] as ServiceModel;
  const dir = `manifests/${K8S_CLUSTER.prod}/${s.team}-prod`;
  const [ref] = danglingReferences(company) as [DanglingReferenceFact];
  const orphan = workloadDoc(s, "prod", { kind: "Deployment", name: ref.workloadName, sa: s.name, uses: [] });
  const tmpl = (orphan.spec as { template: { metadata: { annotations: Record<string, string> } } }).template.metadata;
  tmpl.annotations = { [`${A}agent-inject`]: "true", [`${A}role`]: s.name, [`${A}auth-path`]: `auth/${K8S_AUTH.prod}`, [`${A}agent-inject-secret-legacy`]: ref.vaultPath };
  return [
    { path: `${dir}/broken-indentation.yaml`, problem: "invalid YAML (tab indentation and an unclosed flow sequence)", content: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${s.name}-broken\n\tnamespace: ${s.team}-prod\nspec:\n  replicas: [1, 2\n` },
    { path: ref.file, problem: ref.problem, content: toYaml([orphan]) },
  ];
}

export function renderManifests(company: CompanyModel): DemoFile[] {
  const files = platformFiles();
  for (const s of company.services) {
    for (const env of ["dev", "staging", "prod"] as const) {
      const secrets = company.secretsBySlot.get(slotKey(s.name, env)) ?? [];
      const ws = workloadsOf(s, env, secrets);
      const docs: Array<Record<string, unknown>> = ws.map((w) => ({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: w.sa, namespace: `${s.team}-${env}` } }));
      if (s.mechanism === "eso" && secrets.length > 0) docs.push(esoDoc(s, env, secrets));
      if (s.mechanism === "csi") for (const w of ws) if (w.uses.length > 0) docs.push(csiDoc(s, env, w.name, w.uses));
      for (const w of ws) docs.push(workloadDoc(s, env, w));
      files.push({ path: manifestFile(s, env), content: toYaml(docs) });
    }
  }
  for (const m of malformedManifests(company)) files.push({ path: m.path, content: m.content });
  return files;
}
