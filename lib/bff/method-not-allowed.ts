import "server-only";
import { getApiSecurityHeaders } from "./api-headers";

/**
 * The GET-only JSON routes skip proxy.ts, so Next.js's own answer to another method (a bare 405, or 204 for OPTIONS)
 * would carry no security headers. Each of those routes re-exports these instead: the same 405, with the headers.
 */
function answerMethodNotAllowed(): Response {
  return Response.json(
    { error: { code: "method_not_allowed", message: "This route answers GET only." } },
    { status: 405, headers: { ...getApiSecurityHeaders(), "Cache-Control": "private, no-store", Allow: "GET, HEAD" } },
  );
}

export {
  answerMethodNotAllowed as DELETE,
  answerMethodNotAllowed as OPTIONS,
  answerMethodNotAllowed as PATCH,
  answerMethodNotAllowed as POST,
  answerMethodNotAllowed as PUT,
};
