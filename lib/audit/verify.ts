import { createVerifier, GENESIS, type VerifyResult } from "./chain";
import type { AuditStore } from "./store";

const PAGE = 5_000;

/** Checks the whole stored chain, page by page, from the retention checkpoint (or the beginning). */
export async function verifyStore(store: AuditStore): Promise<VerifyResult> {
  const verifier = createVerifier((await store.checkpoint()) ?? GENESIS);
  let after = 0;
  for (let pages = 0; pages < 1_000_000; pages += 1) {
    const rows = await store.scan(after, PAGE);
    for (const row of rows) {
      const broken = verifier.check(row);
      if (broken) return broken;
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]?.seq ?? after;
  }
  return verifier.done();
}
