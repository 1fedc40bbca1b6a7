import { createHash } from "node:crypto";
import { COMPANY, JWT_MOUNT, type CompanyModel, type ServiceModel } from "../company";
import type { DemoFile } from "../types";
import { ciSecretsOf, envVarName, workflowFile } from "./consumers";

/** Pins look like real 40-hex commit SHAs; they are derived, not the real upstream commits. */
const pin = (action: string, tag: string): string => `${action}@${createHash("sha1").update(`${action}@${tag}`).digest("hex")} # ${tag} (demo pin)`;

export interface WorkflowFacts {
  staticSecrets: Array<{ repo: string; file: string; secrets: string[] }>;
  unpinnedActions: Array<{ repo: string; file: string; uses: string }>;
}

/** Deterministic choice of the few repos that keep bad habits (listed in ground truth). */
const usesStaticSecrets = (s: ServiceModel): boolean => s.index % 7 === 3;
const unpinnedCheckout = (s: ServiceModel): boolean => s.index % 5 === 2;
const unpinnedVaultAction = (s: ServiceModel): boolean => s.index === 6;

export function renderWorkflows(company: CompanyModel): { files: DemoFile[]; facts: WorkflowFacts } {
  const files: DemoFile[] = [];
  const facts: WorkflowFacts = { staticSecrets: [], unpinnedActions: [] };
  for (const s of company.services) {
    const file = workflowFile(s);
    const repoFile = ".github/workflows/deploy.yml";
    const checkout = unpinnedCheckout(s) ? "actions/checkout@v4" : pin("actions/checkout", "v4.2.2");
    const vaultAction = unpinnedVaultAction(s) ? "hashicorp/vault-action@v3" : pin("hashicorp/vault-action", "v3.0.0");
    if (unpinnedCheckout(s)) facts.unpinnedActions.push({ repo: s.repo, file: repoFile, uses: "actions/checkout@v4" });
    if (unpinnedVaultAction(s)) facts.unpinnedActions.push({ repo: s.repo, file: repoFile, uses: "hashicorp/vault-action@v3" });
    const lines = [
      ...ciSecretsOf(company, s).map((sec) => `${sec.mount}/data/${sec.path} ${sec.name.startsWith("oauth-client") ? "client_secret" : "value"} | ${envVarName(sec.name)}`),
      `aws/creds/deploy-${s.team} access_key | AWS_ACCESS_KEY_ID`,
      `aws/creds/deploy-${s.team} secret_key | AWS_SECRET_ACCESS_KEY`,
    ];
    const staticNames = usesStaticSecrets(s) ? ["NPM_TOKEN", "SLACK_WEBHOOK_URL"] : [];
    if (staticNames.length) facts.staticSecrets.push({ repo: s.repo, file: repoFile, secrets: staticNames });
    const staticStep = staticNames.length
      ? `      - name: Publish package\n        run: npm publish\n        env:\n${staticNames.map((n) => `          ${n}: \${{ secrets.${n} }}`).join("\n")}\n`
      : "";
    const content = `# ${COMPANY.name}: deploy ${s.name} (owned by ${s.team})
name: Deploy
on:
  push:
    branches: [main]
permissions:
  id-token: write # lets the job mint the OIDC token Vault's jwt role verifies
  contents: read
jobs:
  deploy:
    runs-on: [self-hosted, linux]
    steps:
      - uses: ${checkout}
      - name: Fetch secrets from Vault
        id: vault
        uses: ${vaultAction}
        with:
          url: https://vault.acme.internal:8200
          method: jwt
          path: ${JWT_MOUNT}
          role: ci-${s.name}
          secrets: |
${lines.map((l, i) => `            ${l}${i < lines.length - 1 ? " ;" : ""}`).join("\n")}
${staticStep}      - name: Deploy
        run: ./scripts/deploy.sh staging
`;
    files.push({ path: file, content });
  }
  return { files, facts };
}
