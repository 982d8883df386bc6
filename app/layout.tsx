import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: "Profile Sidebar",
  description: "One customer's whole context: identities, timeline, traits and accounts.",
  referrer: "no-referrer",
};

/**
 * Every page is rendered per request: the strict CSP (proxy.ts) allows scripts only with this response's nonce, which
 * Next.js can only add to pages it renders now, never to prerendered HTML.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
