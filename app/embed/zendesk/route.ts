// POST /embed/zendesk – Zendesk signed-URL sign-in: verifies the app's JWT, sets the session, 303s to the sidebar.
import { signInFromZendesk } from "@/lib/hosts/zendesk/zendesk-sign-in";

export const dynamic = "force-dynamic";

export const POST = (request: Request) => signInFromZendesk(request);
