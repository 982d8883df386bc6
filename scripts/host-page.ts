/**
 * Try the embedded sidebar locally: a fake Zendesk and a fake Salesforce on http://127.0.0.1:<HOST_PAGE_PORT> (another
 * site than the app at http://localhost:<port>) that sign fresh host assertions on every load, frame the app, and
 * (Zendesk) answer its ZAF messages. First run: prints the variables to start the app with; keys are kept in .demo/.
 *   npm run host-page            (APP_URL=http://localhost:3000 HOST_PAGE_PORT=4020 by default)
 */
import { createHmac, generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { importPKCS8, SignJWT } from "jose";
import { salesforceHostHtml, zendeskHostHtml } from "../e2e/support/host-server";

const appUrl = process.env.APP_URL ?? "http://localhost:3000";
const port = Number(process.env.HOST_PAGE_PORT ?? 4020);
const hostUrl = `http://127.0.0.1:${port}`;
const KEY_FILE = ".demo/host-page-keys.json";
const AUDIENCE = "local-host-page";

type Keys = { privateKey: string; publicKey: string; canvasSecret: string };

function loadKeys(): Keys {
  if (existsSync(KEY_FILE)) return JSON.parse(readFileSync(KEY_FILE, "utf8")) as Keys;
  const pair = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const keys = { ...pair, canvasSecret: createHmac("sha256", pair.privateKey).update("canvas").digest("hex") };
  mkdirSync(".demo", { recursive: true });
  writeFileSync(KEY_FILE, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

const keys = loadKeys();

async function zendeskToken(): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ name: "Local Agent", email: "agent@example.com" })
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .setIssuer("local.zendesk.com")
    .setSubject("local-agent")
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + 300)
    .sign(await importPKCS8(keys.privateKey, "RS256"));
}

function canvasRequest(userId: string): string {
  const envelope = {
    algorithm: "HMACSHA256",
    issuedAt: Date.now(),
    context: {
      user: { userName: "rep@example.com", fullName: "Local Rep", email: "rep@example.com" },
      environment: { record: { attributes: { type: "Contact" }, External_Id__c: userId } },
    },
  };
  const encoded = Buffer.from(JSON.stringify(envelope)).toString("base64");
  return `${createHmac("sha256", keys.canvasSecret).update(encoded).digest("base64")}.${encoded}`;
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", hostUrl);
  const user = url.searchParams.get("user") ?? "u_ada";
  const send = (html: string) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(html);
  };
  if (url.pathname === "/zendesk") {
    void zendeskToken().then((token) => send(zendeskHostHtml(appUrl, hostUrl, token, { id: 1, externalId: user })));
  } else if (url.pathname === "/salesforce") {
    send(salesforceHostHtml(appUrl, canvasRequest(user)));
  } else {
    send(
      `<p><a href="/zendesk?user=u_ada">Fake Zendesk ticket</a> · <a href="/salesforce?user=u_ada">Fake Salesforce contact</a></p>`,
    );
  }
});

server.listen(port, "127.0.0.1", () => {
  const pem = keys.publicKey.replace(/\n/g, "\\n");
  console.log(`Host pages at ${hostUrl}/  (framing ${appUrl})\n\nStart the app with:\n`);
  console.log(`  EMBED_ALLOWED_ORIGINS=${hostUrl} \\`);
  console.log(`  ZENDESK_APP_PUBLIC_KEY="${pem}" \\`);
  console.log(`  ZENDESK_APP_AUDIENCE=${AUDIENCE} \\`);
  console.log(`  SALESFORCE_CANVAS_CONSUMER_SECRET=${keys.canvasSecret} \\`);
  console.log(`  SALESFORCE_RECORD_FIELD_MAPPING=Contact.External_Id__c=user_id \\`);
  console.log(`  npm run demo\n`);
});
const stop = () => server.close(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
