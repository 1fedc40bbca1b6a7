/**
 * WORKFLOWS_DIR holds one folder per repository with its `.github/workflows/*.yml`. The repository
 * is everything before `.github/workflows/`, so both `payments-api/.github/workflows/deploy.yml`
 * (repo "payments-api") and `acme/payments-api/.github/workflows/deploy.yml` (repo
 * "acme/payments-api", matching GitHub's `owner/repo`) work. A file elsewhere is taken as
 * `<repo folders>/<file>`. A one-folder repository name gets `defaultOwner/` in front when given
 * (WORKFLOWS_DIR/payments-api + owner "acme" -> "acme/payments-api"). The workflow file is kept as `.github/workflows/deploy.yml`, so a CI
 * workload key `ci:acme/payments-api/.github/workflows/deploy.yml#deploy` reads like GitHub's
 * `workflow_ref` OIDC claim that Vault JWT roles bind to.
 */
const MARKER = ".github/workflows/";

export interface WorkflowLocation {
  repo: string;
  workflowFile: string;
}

export function locateWorkflow(file: string, defaultRepo = "", defaultOwner = ""): WorkflowLocation {
  const at = file.indexOf(MARKER);
  const withOwner = (repo: string) => (defaultOwner && repo && !repo.includes("/") ? `${defaultOwner}/${repo}` : repo);
  if (at >= 0) {
    const repo = file.slice(0, at).replace(/\/+$/, "");
    return { repo: withOwner(repo) || defaultRepo, workflowFile: file.slice(at) };
  }
  const slash = file.lastIndexOf("/");
  return slash < 0 ? { repo: defaultRepo, workflowFile: file } : { repo: withOwner(file.slice(0, slash)), workflowFile: file.slice(slash + 1) };
}

export function ciWorkloadKey(location: WorkflowLocation, job: string): string {
  return `ci:${location.repo ? `${location.repo}/` : ""}${location.workflowFile}#${job}`;
}
