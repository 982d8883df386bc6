import "server-only";
import { ConfigError, getConfig } from "./config";

// Validate configuration before serving anything: a bad or missing variable stops the
// server with one line naming it, instead of failing on the first request.
try {
  getConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
