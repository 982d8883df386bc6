import "server-only";

/** The compressor's own threshold (Next.js's `compression`): below it, compressing saves nothing worth its CPU. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * A JSON Response for the API routes. Next.js gzips every answer it streams (`compress: true`), a 30-byte one
 * included: it drops a route's Content-Length, so the compressor's size threshold never applies. A zlib stream per
 * answer is CPU spent for nothing on the many small answers (errors, metadata, a short traits page), so those say
 * `no-transform`, which the compressor (and any proxy) honours; larger answers (an events page) are still compressed
 * for the agent's browser. `Cache-Control` comes from the caller's headers.
 */
export function jsonAnswer(
  body: unknown,
  init: { status?: number; headers: Record<string, string> & { "Cache-Control": string } },
): Response {
  const text = JSON.stringify(body);
  const small = Buffer.byteLength(text) < COMPRESS_FROM_BYTES;
  const cacheControl = init.headers["Cache-Control"];
  return new Response(text, {
    status: init.status ?? 200,
    headers: {
      "Content-Type": "application/json",
      ...init.headers,
      "Cache-Control": small ? `${cacheControl}, no-transform` : cacheControl,
    },
  });
}
