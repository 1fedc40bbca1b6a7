/** next-auth error codes (`?error=`) as messages; the raw parameter is never echoed. */
const MESSAGES: Record<string, string> = {
  AccessDenied: "Your identity provider did not return an email address, so Radius cannot sign you in.",
  OAuthSignin: "Radius could not reach the identity provider. Try again in a moment.",
  OAuthCallback: "The identity provider did not complete the sign-in (it was cancelled or expired). Try again.",
  Callback: "Signing in failed on the Radius side; nothing was changed. Try again, or ask an admin to check the server log.",
  SessionRequired: "Sign in to continue.",
  Configuration: "Sign-in is misconfigured on this server. Ask an admin.",
};

const DEFAULT_MESSAGE = "Signing in failed. Try again.";

export function signInErrorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : DEFAULT_MESSAGE;
}
