// Runs once when the Next.js server starts. The Node-only start-up checks live in their own
// module so the Edge bundle of this file never sees process.exit.
export async function register() {
  // NEXT_RUNTIME is set by Next.js itself, not by deployment configuration.
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/startup");
}
