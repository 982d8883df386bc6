import { startApp } from "./lib/app";
import { measureCpuPerRequest, measureCpuProfile } from "./lib/cpu-scenarios";
import { startSim } from "./lib/sim";
const sim = await startSim(4910, { rateLimit: 0, latencyMs: 50 });
try {
  const app = await startApp(3900, { upstream: sim.url, rateLimit: 100_000 });
  try { console.log(JSON.stringify(await measureCpuPerRequest(app, 1000))); } finally { await app.child.stop(); }
  const prof = await measureCpuProfile(3901, sim, 100_000, 3);
  console.log(prof.requests, prof.busyMs, prof.windowMs, prof.samples);
  for (const b of prof.buckets) console.log(b.bucket.padEnd(50), (b.share*100).toFixed(1)+"%", b.msPerRequest.toFixed(3));
} finally { await sim.child.stop(); }
