import { DEMO_PASSWORD, type DemoUser } from "./demo-users";

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const STYLE = `
  body{font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;background:#f1f5f9;color:#0f172a;margin:0}
  main{max-width:26rem;margin:4rem auto;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem;padding:2rem;box-shadow:0 1px 2px rgba(0,0,0,.05)}
  h1{font-size:1.25rem;margin:0 0 .25rem}p{margin:.25rem 0 1rem;color:#475569;font-size:.9rem}
  label{display:block;font-weight:600;font-size:.85rem;margin:1rem 0 .35rem}
  select,input{width:100%;box-sizing:border-box;padding:.55rem .6rem;border:1px solid #cbd5e1;border-radius:.4rem;font-size:.95rem}
  button{margin-top:1.25rem;width:100%;padding:.6rem;border:0;border-radius:.4rem;background:#2753d9;color:#fff;font-weight:600;font-size:.95rem;cursor:pointer}
  .hint{font-size:.8rem;color:#64748b;margin-top:.35rem}.error{background:#fef2f2;border:1px solid #fecaca;color:#991b1b;padding:.6rem;border-radius:.4rem}
  .cancel{display:block;text-align:center;margin-top:1rem;font-size:.85rem;color:#475569}
  code{background:#f1f5f9;padding:0 .25rem;border-radius:.25rem}`;

export interface LoginPageInput {
  uid: string;
  users: readonly DemoUser[];
  clientId: string;
  selectedLogin?: string;
  error?: string;
}

/** The demo identity provider's sign-in form: labelled "User", "Password", button "Sign in". */
export function renderLoginPage({ uid, users, clientId, selectedLogin, error }: LoginPageInput): string {
  const action = `/interaction/${encodeURIComponent(uid)}`;
  const options = users
    .map((u) => {
      const selected = u.login === selectedLogin ? " selected" : "";
      const label = `${u.login} (${u.description}; groups: ${u.groups.join(", ")})`;
      return `<option value="${escapeHtml(u.login)}"${selected}>${escapeHtml(label)}</option>`;
    })
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sign in - Radius demo identity provider</title><style>${STYLE}</style></head>
<body><main>
<h1>Radius demo identity provider</h1>
<p>A local OpenID Connect provider for demos and tests. Signing in to <code>${escapeHtml(clientId)}</code>.</p>
${error ? `<p role="alert" class="error">${escapeHtml(error)}</p>` : ""}
<form method="post" action="${escapeHtml(action)}" autocomplete="off">
  <label for="user">User</label>
  <select id="user" name="login" required>${options}</select>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" required aria-describedby="password-hint">
  <div id="password-hint" class="hint">Demo password for every user: <code>${escapeHtml(DEMO_PASSWORD)}</code></div>
  <button type="submit">Sign in</button>
</form>
<a class="cancel" href="${escapeHtml(action)}/abort">Cancel</a>
</main></body></html>`;
}

export function renderMessagePage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`;
}
