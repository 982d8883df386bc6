// @vitest-environment jsdom
// Component behaviour an agent notices: values shown by type, the copy announcement, folded page views expanding.
import "@testing-library/jest-dom/vitest";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ProfileEvent } from "@/lib/core/api-types";
import { buildTimelineRows } from "@/lib/views/timeline-rows";
import { TimelineRowView } from "./timeline/timeline-row";
import { linkOpener } from "./accounts/link-opener";
import { LinkedAccounts } from "./accounts/linked-accounts";
import { IdentityCards } from "./identities/identity-cards";
import { TraitsPanel } from "./traits/traits-panel";
import { TraitValue } from "./traits/trait-value";
import { BffError } from "@/lib/queries/bff-fetch";
import { CopyButton } from "./ui/copy-button";
import { CalmFailureContext, describeError, ErrorState, ProfileFoundContext } from "./ui/query-states";

afterEach(cleanup);

describe("TraitValue", () => {
  it("renders links safely, dates as <time>, JSON collapsed", () => {
    const { container } = render(
      <>
        <TraitValue value="https://ada.example.com/about" />
        <TraitValue value="2026-11-23T02:16:25.082Z" />
        <TraitValue value={{ city: "London" }} />
      </>,
    );
    const link = screen.getByRole("link");
    expect(link).toHaveAttribute("href", "https://ada.example.com/about");
    expect(link).toHaveAttribute("rel", "noopener noreferrer");
    expect(container.querySelector("time")).toHaveAttribute("dateTime", "2026-11-23T02:16:25.082Z");
    expect(screen.getByText("JSON, 1 field").closest("details")).not.toHaveAttribute("open");
    // Built only when opened: never pre-rendered (on the server, a deep value made a page of megabytes).
    expect(container.textContent).not.toContain("London");
  });

  it("shows the JSON text once the agent opens it", async () => {
    const user = userEvent.setup();
    const { container } = render(<TraitValue value={{ city: "London" }} />);
    await user.click(screen.getByText("JSON, 1 field"));
    await waitFor(() => expect(container.querySelector("pre")?.textContent).toContain('"city": "London"'));
  });
});

describe("CopyButton", () => {
  it("copies the value and announces Copied", async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    render(<CopyButton value="ada@example.com" label="email" />);
    await user.click(screen.getByRole("button", { name: "Copy email" }));
    expect(writeText).toHaveBeenCalledWith("ada@example.com");
    expect(await screen.findByText("Copied")).toBeInTheDocument();
  });
});

function FoldHarness({ events }: { events: ProfileEvent[] }) {
  const [open, setOpen] = useState(false);
  const fold = buildTimelineRows(events).find((row) => row.kind === "pages");
  if (!fold) return null;
  return (
    <TimelineRowView row={fold} now={new Date("2026-11-20T16:00:00")} expanded={open} onToggle={() => setOpen(!open)} />
  );
}

describe("important events in the timeline", () => {
  it("stand out, with the word for screen readers; other events do not", () => {
    const at = "2026-11-20T15:00:00Z";
    const events: ProfileEvent[] = [
      { type: "track", event: "Payment Failed", timestamp: at, message_id: "m1" },
      { type: "track", event: "Product Viewed", timestamp: at, message_id: "m2" },
    ];
    const important = new Set(["Payment Failed"]);
    const rows = buildTimelineRows(events).filter((row) => row.kind === "event");
    render(
      <>
        {rows.map((row) => (
          <TimelineRowView
            key={row.key}
            row={row}
            now={new Date(at)}
            expanded={false}
            onToggle={() => undefined}
            important={important}
          />
        ))}
      </>,
    );
    expect(screen.getByRole("button", { name: /^Important:\s*Payment Failed$/ })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Product Viewed" })).toBeInTheDocument();
    expect(document.querySelectorAll("[data-important]")).toHaveLength(1);
  });
});

describe("folded page views", () => {
  it("shows one 'N pages viewed' row that expands to the pages", async () => {
    const user = userEvent.setup();
    const events = ["/pricing", "/docs", "/signup"].map((path, i) => ({
      type: "page",
      timestamp: `2026-11-20T15:0${3 - i}:00`,
      message_id: `m${i}`,
      properties: { path },
    }));
    render(<FoldHarness events={events} />);
    const toggle = screen.getByRole("button", { name: "3 pages viewed" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByText("/docs")).toBeNull();
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByText("/docs")).toBeInTheDocument();
  });
});

describe("ErrorState", () => {
  const failure = (status: number, code: string) =>
    new BffError(status, { code, message: "boom", request_id: "req_1" });

  it("shows the error with a Retry for a failed panel", () => {
    render(<ErrorState error={failure(502, "upstream_error")} what="Identities" onRetry={() => undefined} />);
    expect(screen.getByRole("alert")).toHaveTextContent("Identities could not be loaded");
    expect(screen.getByRole("button", { name: "Retry" })).toBeInTheDocument();
  });

  it("says the profile went away for a 404 once the view had found it, with a Retry", () => {
    render(
      <ProfileFoundContext.Provider value>
        <ErrorState error={failure(404, "not_found")} what="Events" onRetry={() => undefined} />
      </ProfileFoundContext.Provider>,
    );
    expect(screen.getByRole("status")).toHaveTextContent("Events: the Profile API no longer finds this profile");
    expect(screen.getByRole("button", { name: "Retry" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("in a view with one failure message, a failed panel only says it is not loaded (no alert, no Retry)", () => {
    render(
      <CalmFailureContext.Provider value>
        <ErrorState error={failure(502, "upstream_error")} what="Identities" onRetry={() => undefined} />
      </CalmFailureContext.Provider>,
    );
    expect(screen.getByText("Identities not loaded — see the message above.")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("words failures for agents, never the operator's detail", () => {
    const auth = new BffError(502, {
      code: "upstream_authentication_error",
      message: "check SEGMENT_ACCESS_TOKEN",
      request_id: "req_9",
    });
    expect(describeError(auth)).toEqual({
      title: "Our access to the Profile API is misconfigured",
      detail: expect.stringContaining("Tell your admin") as string,
      requestId: "req_9",
    });
    expect(JSON.stringify(describeError(auth))).not.toContain("SEGMENT_ACCESS_TOKEN");
    expect(describeError(failure(504, "upstream_error")).title).toBe("Profile API unavailable");
    expect(describeError(new BffError(0, { code: "timeout", message: "x" })).detail).toContain("Still trying");
    expect(describeError(new BffError(429, { code: "rate_limit_error", message: "x" }, 2)).detail).toContain(
      "retrying in 2 s",
    );
  });

  it("renders nothing for a 404 before the view found the profile: the view's not-found state owns that", () => {
    const { container } = render(
      <ErrorState error={failure(404, "not_found")} what="Identities" onRetry={() => undefined} />,
    );
    expect(container).toBeEmptyDOMElement();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("traits Load more", () => {
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  const traits = (from: number, to: number) =>
    Object.fromEntries(Array.from({ length: to - from }, (_, i) => [`custom_${String(from + i).padStart(3, "0")}`, i]));

  it("follows the cursor; a failed page keeps the list and offers an inline Retry", async () => {
    const user = userEvent.setup();
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(json(200, { traits: traits(0, 50), cursor: { has_more: true, next: "p2" } }))
      .mockResolvedValueOnce(
        json(502, { error: { code: "upstream_error", message: "The Profile API failed to answer." } }),
      )
      .mockResolvedValueOnce(json(200, { traits: traits(50, 53), cursor: { has_more: false } }));
    vi.stubGlobal("fetch", fetchMock);
    try {
      const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      render(
        <QueryClientProvider client={client}>
          <TraitsPanel collection="users" id="user_id:u_many" pinned={[]} />
        </QueryClientProvider>,
      );
      expect(await screen.findAllByTestId("trait-row")).toHaveLength(50);
      await user.click(screen.getByRole("button", { name: "Load more traits (50 shown)" }));
      expect(await screen.findByText("Could not load more traits.")).toBeInTheDocument();
      expect(screen.getAllByTestId("trait-row")).toHaveLength(50);
      expect(screen.queryByText(/traits could not be loaded/)).toBeNull();
      expect(String(fetchMock.mock.calls[1]?.[0])).toContain("next=p2");
      await user.click(screen.getByRole("button", { name: "Retry" }));
      expect(await screen.findByText("custom_052")).toBeInTheDocument();
      expect(screen.getAllByTestId("trait-row")).toHaveLength(53);
      expect(screen.queryByText("Could not load more traits.")).toBeNull();
      expect(screen.queryByRole("button", { name: /Load more/ })).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("shows a pinned key from a later page first (its own include query) and says a search covers only loaded traits", async () => {
    const user = userEvent.setup();
    const fetchMock = vi.fn((url: string) =>
      Promise.resolve(
        url.includes("include=")
          ? json(200, { traits: { plan: "pro" } })
          : json(200, { traits: traits(0, 50), cursor: { has_more: true, next: "p2" } }),
      ),
    );
    vi.stubGlobal("fetch", fetchMock);
    try {
      const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      render(
        <QueryClientProvider client={client}>
          <TraitsPanel collection="users" id="user_id:u_many" pinned={["plan", "company"]} />
        </QueryClientProvider>,
      );
      await screen.findByText("plan");
      const rows = screen.getAllByTestId("trait-row");
      expect(rows).toHaveLength(51);
      expect(rows[0]).toHaveTextContent("plan");
      expect(rows[0]?.querySelector("[aria-label=pinned]")).not.toBeNull();
      const pinnedCall = fetchMock.mock.calls.map(([url]) => String(url)).find((url) => url.includes("include="));
      expect(pinnedCall).toContain("include=plan%2Ccompany");
      expect(screen.queryByTestId("partial-search")).toBeNull();
      await user.type(screen.getByPlaceholderText("Search by key"), "custom_1");
      expect(screen.getByTestId("partial-search")).toHaveTextContent(
        "Searching the 51 loaded traits — Load more to search all.",
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("truncated identities and links", () => {
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
  const renderWith = (ui: React.ReactNode) =>
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        {ui}
      </QueryClientProvider>,
    );

  it("follows the identities cursor with Load more after the first 100", async () => {
    const user = userEvent.setup();
    const ids = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => ({ id: `anon_${from + i}`, type: "anonymous_id" }));
    const fetchMock = vi.fn((url: string) =>
      Promise.resolve(
        url.includes("next=p2")
          ? json({ data: ids(100, 200), cursor: { has_more: true, next: "p3" } })
          : url.includes("next=p3")
            ? json({ data: ids(200, 205), cursor: { has_more: false } })
            : json({ data: ids(0, 100), cursor: { has_more: true, next: "p2" } }),
      ),
    );
    vi.stubGlobal("fetch", fetchMock);
    try {
      renderWith(<IdentityCards collection="users" id="h1.u_big" label="user_id:u_big" />);
      await user.click(await screen.findByRole("button", { name: "Load more identifiers (100 shown)" }));
      expect(await screen.findByText("anon_199")).toBeInTheDocument();
      await user.click(await screen.findByRole("button", { name: "Load more identifiers (200 shown)" }));
      expect(await screen.findByText("anon_204")).toBeInTheDocument();
      expect(screen.queryByRole("button", { name: /Load more/ })).toBeNull();
      expect(fetchMock).toHaveBeenCalledTimes(3);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("follows the links cursor with Load more, and counts links without identifiers", async () => {
    const user = userEvent.setup();
    // The BFF adds each link's handle (lib/bff/link-handles.ts); the card opens by it and shows the identifier.
    const link = (n: number) => ({
      to_collection: "accounts",
      external_ids: [{ id: `acct_${n}`, type: "group_id" }],
      handle: `h1.acct_${n}`,
    });
    const first = [
      link(1),
      { to_collection: "accounts", external_ids: [] },
      { to_collection: "accounts", external_ids: [] },
    ];
    const fetchMock = vi.fn((url: string) => {
      if (!url.includes("/links")) return Promise.resolve(json({ traits: { name: "Some Co" } }));
      return Promise.resolve(
        url.includes("next=p2")
          ? json({ data: [link(2)], cursor: { has_more: false } })
          : json({ data: first, cursor: { has_more: true, next: "p2" } }),
      );
    });
    vi.stubGlobal("fetch", fetchMock);
    try {
      renderWith(<LinkedAccounts collection="users" id="h1.u_big" renderOpener={linkOpener} />);
      expect(await screen.findAllByTestId("linked-profile")).toHaveLength(1);
      expect(await screen.findByRole("link", { name: /Some Co/ })).toHaveAttribute(
        "href",
        "/profiles/accounts/h1.acct_1",
      );
      expect(screen.getByTestId("links-unidentified")).toHaveTextContent("2 linked profiles without identifiers");
      await user.click(screen.getByRole("button", { name: "Load more links (3 shown)" }));
      expect(await screen.findByText("group_id:acct_2")).toBeInTheDocument();
      expect(screen.getAllByTestId("linked-profile")).toHaveLength(2);
      expect(screen.queryByRole("button", { name: /Load more/ })).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("a user whose only link has no identifiers is not shown as belonging to no account", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(() => Promise.resolve(json({ data: [{ to_collection: "accounts", external_ids: [] }] }))),
    );
    try {
      renderWith(<LinkedAccounts collection="users" id="h1.u_big" renderOpener={linkOpener} />);
      expect(await screen.findByTestId("links-unidentified")).toHaveTextContent("1 linked profile without identifiers");
      expect(screen.queryByText("This user belongs to no account.")).toBeNull();
      expect(screen.queryByRole("button", { name: /Load more/ })).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
