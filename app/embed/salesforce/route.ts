// POST /embed/salesforce – Salesforce Canvas sign-in: verifies signed_request, sets the session, 303s to the sidebar.
import { signInFromSalesforce } from "@/lib/hosts/salesforce/salesforce-sign-in";

export const dynamic = "force-dynamic";

export const POST = (request: Request) => signInFromSalesforce(request);
