/**
 * The one message the sign-in page shows for next-auth's `?error=` code (next-auth v4 error codes, see
 * https://next-auth.js.org/configuration/pages#sign-in-page). Pure and browser-safe: the page renders exactly one alert
 * from it, whichever providers are configured; the demo form shows only the errors of its own submissions.
 */
const MESSAGES: Record<string, string> = {
  AccessDenied: "Your account is not allowed to use Profile Sidebar. Ask your administrator.",
  CredentialsSignin: "That password is not right. Check it and try again.",
  SessionRequired: "Please sign in to continue.",
  OAuthSignin: "Sign-in with your company account could not start. Try again.",
  OAuthCallback: "Sign-in with your company account did not complete. Try again.",
  OAuthCreateAccount: "Sign-in with your company account did not complete. Try again.",
  OAuthAccountNotLinked: "Sign-in with your company account did not complete. Try again.",
  Callback: "Sign-in with your company account did not complete. Try again.",
  Configuration: "Sign-in is not set up correctly on the server. Ask your administrator.",
  Verification: "That sign-in link is no longer valid. Sign in again.",
};

const FALLBACK = "Sign-in did not work. Try again.";

export function describeSignInError(code: string | null | undefined): string | null {
  if (!code) return null;
  return Object.hasOwn(MESSAGES, code) ? (MESSAGES[code] ?? FALLBACK) : FALLBACK;
}
