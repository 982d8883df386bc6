import { vi } from "vitest";

// `server-only` throws outside a React Server bundle; in tests the server modules run in plain Node.
vi.mock("server-only", () => ({}));
