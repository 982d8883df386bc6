"use client";

import { type FormEvent, useState } from "react";
import { signInWithDemo } from "@/lib/auth-client";
import { describeSignInError } from "@/lib/sign-in-errors";

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

const inputClass =
  "border-border bg-surface text-fg mt-1 block w-full rounded-md border px-3 py-2 text-sm focus-visible:outline-2";

/**
 * The demo sign-in: any agent name with the deployment's demo password. It shows only the errors of its own
 * submissions; an `?error=` the page arrived with is shown once by the page.
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
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
      setError(describeSignInError(outcome.error));
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
