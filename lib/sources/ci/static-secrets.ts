/**
 * Repository/organisation secrets referenced by a job: `${{ secrets.NAME }}` or `${{ secrets['NAME'] }}`
 * anywhere in the job (env, with, run, if, ...). GITHUB_TOKEN is minted per run by GitHub and is not a
 * stored credential, so it is not reported.
 */
const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;
const SECRET_REF = /\bsecrets\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_-]*)|\[\s*['"]([^'"]+)['"]\s*\])/g;
const EPHEMERAL = new Set(["GITHUB_TOKEN"]);

/** Secret names referenced in one string; `bare` for fields that are expressions without `${{ }}` (if:). */
export function secretNamesIn(text: string, bare = false): string[] {
  const bodies = bare ? [text] : [...text.matchAll(EXPRESSION)].map((m) => m[1] ?? "");
  const names: string[] = [];
  for (const body of bodies) {
    for (const m of body.matchAll(SECRET_REF)) {
      const name = m[1] ?? m[2] ?? "";
      if (name && !EPHEMERAL.has(name.toUpperCase()) && !names.includes(name)) names.push(name);
    }
  }
  return names;
}
