"use client";

import { type FormEvent, useState } from "react";
import { signInWithDemo } from "@/lib/auth-client";

const ERROR_MESSAGES: Record<string, string> = {
  CredentialsSignin: "That password is not right. Check it and try again.",
  SessionRequired: "Please sign in to continue.",
};

function describeError(code: string | undefined): string | null {
  if (!code) return null;
  return ERROR_MESSAGES[code] ?? "Sign-in did not work. Try again.";
}

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

const inputClass =
  "border-border bg-surface text-fg mt-1 block w-full rounded-md border px-3 py-2 text-sm focus-visible:outline-2";

/** The demo sign-in: any agent name with the deployment's demo password. */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState<string | null>(describeError(initialError));
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const outcome = await signInWithDemo(text(form.get("username")), text(form.get("password")), callbackUrl);
      if (outcome.ok) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(describeError(outcome.error));
    } catch {
      setError("The server could not be reached. Try again.");
    }
    setPending(false);
  }

  return (
    <form className="mt-4 flex flex-col gap-3" onSubmit={submit} aria-describedby="sign-in-hint">
      <p id="sign-in-hint" className="text-fg-muted text-xs">
        Demo sign-in: any agent name and the demo password.
      </p>
      <label className="text-sm font-medium">
        Agent name
        <input name="username" required maxLength={80} autoComplete="username" className={inputClass} />
      </label>
      <label className="text-sm font-medium">
        Password
        <input name="password" type="password" required autoComplete="current-password" className={inputClass} />
      </label>
      <div role="alert" aria-live="assertive" className="text-danger min-h-5 text-sm">
        {error}
      </div>
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        className="bg-accent text-accent-fg rounded-md px-3 py-2 text-sm font-medium disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
