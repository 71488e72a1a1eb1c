// CPU profile (self time per function) of one button click, summed over repeats.
// For wasm function names profile a build that keeps the name section: wasm-bindgen --target web
// on target/wasm32-unknown-unknown/release/<app>.wasm (no wasm-opt) plus an index.html importing it.
// usage: node --experimental-websocket bench/harness/tools/profile.mjs <dist dir> <warm-up ids> <button id> [repeats]
import { launch } from "../cdp.mjs";
import { serve } from "../server.mjs";
const [dir, warm, op, rep = "5"] = process.argv.slice(2);
const browser = await launch();
const srv = await serve(dir, new URL("../css/currentStyle.css", import.meta.url).pathname);
const self = new Map();
let total = 0;
for (let r = 0; r < Number(rep); r++) {
  const p = await browser.newPage();
  await p.goto(srv.url);
  await p.eval("new Promise(r => { const t = () => document.getElementById('run') ? r() : setTimeout(t, 20); t(); })");
  for (const w of warm.split(",").filter(Boolean)) await p.eval(`document.getElementById('${w}').click(); new Promise(r => setTimeout(r, 50))`);
  await p.send("Profiler.enable");
  await p.send("Profiler.setSamplingInterval", { interval: 50 });
  await p.send("HeapProfiler.collectGarbage");
  await p.send("Profiler.start");
  const t = await p.eval(`(() => { const t0 = performance.now(); document.getElementById('${op}').click(); return performance.now() - t0; })()`);
  await p.eval("new Promise(r => setTimeout(r, 50))");
  const { profile } = await p.send("Profiler.stop");
  total += t;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const name = n.callFrame.functionName || "(anon)";
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  await p.close();
}
console.log(`handler (sync) time, mean of ${rep}: ${(total / Number(rep)).toFixed(1)} ms`);
const rows = [...self.entries()].filter(([n]) => n !== "(idle)").sort((a, b) => b[1] - a[1]).slice(0, 30);
for (const [n, ms] of rows) console.log(`${(ms / Number(rep)).toFixed(2).padStart(8)} ms  ${n.slice(0, 140)}`);
await srv.close();
await browser.close();
