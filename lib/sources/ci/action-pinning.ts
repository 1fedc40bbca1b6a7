/**
 * Third-party actions must be pinned to a full commit SHA: tags and branches are mutable
 * (reference architecture; GitHub "Security hardening for GitHub Actions"). Local actions (`./...`)
 * live in the repository itself; Docker actions are pinned by image digest (`docker://img@sha256:...`).
 */
const COMMIT_SHA = /^[0-9a-f]{40}$/i;
const IMAGE_DIGEST = /@sha256:[0-9a-f]{64}$/i;

export function isPinnedAction(uses: string): boolean {
  const ref = uses.trim();
  if (ref.startsWith("./") || ref.startsWith("../")) return true;
  if (ref.startsWith("docker://")) return IMAGE_DIGEST.test(ref);
  const at = ref.lastIndexOf("@");
  return at > 0 && COMMIT_SHA.test(ref.slice(at + 1));
}
