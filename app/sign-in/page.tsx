import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { toSafeCallbackPath } from "@/lib/auth/callback-url";
import { getAgent } from "@/lib/auth/require-agent";
import { describeSignInError } from "@/lib/sign-in-errors";
import { getConfig } from "@/lib/config";
import { OidcButton } from "./_components/oidc-button";
import { SignInForm } from "./_components/sign-in-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in · Profile Sidebar" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The sign-in page: also shown inside a 280 px sidebar frame, so it is one narrow column. */
export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = toSafeCallbackPath(first(params.callbackUrl));
  if (await getAgent()) redirect(callbackUrl);
  const { demoEnabled, oidcEnabled } = getConfig();
  // Exactly one message per next-auth error code, whichever providers are configured.
  const error = describeSignInError(first(params.error));
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-sm flex-col justify-center p-4">
      <h1 className="text-lg font-semibold">Sign in to Profile Sidebar</h1>
      <p className="text-fg-muted mt-1 text-sm">Customer context for support and sales agents.</p>
      {oidcEnabled ? <OidcButton callbackUrl={callbackUrl} /> : null}
      {error ? (
        <p role="alert" data-testid="sign-in-error" className="text-danger mt-2 text-sm">
          {error}
        </p>
      ) : null}
      {demoEnabled ? <SignInForm callbackUrl={callbackUrl} /> : null}
    </main>
  );
}
