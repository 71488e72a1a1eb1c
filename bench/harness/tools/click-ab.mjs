// Synchronous time of one button click in two or more builds, interleaved:
// each round opens a fresh tab per build, warms it up with a few clicks
// (`warmUps` below: fewer than scripts/bench's, so the code is less warm,
// which shows most on `add`), forces a GC and times `button.click()` with
// `performance.now()`
// (the handler and everything it runs synchronously; no paint, no
// profiler). Rounds alternate the builds, so drift on the machine hits them
// alike; prints the median, mean and minimum per build and each median as
// a ratio to the first build's.
// usage: node --experimental-websocket bench/harness/tools/click-ab.mjs <op> <rounds> <dist dir>...
//   op: run (create 1,000 after 2 create/clear cycles), replace, add, clear, runlots, update, swaprows
import { launch } from "../cdp.mjs";
import { serve } from "../server.mjs";

const [op, rounds, ...dirs] = process.argv.slice(2);
const warmUps = {
  run: ["run", "clear", "run", "clear"],
  replace: ["run", "run", "run"],
  add: ["run"],
  clear: ["run"],
  runlots: ["runlots", "clear"],
  update: ["run", "update"],
  swaprows: ["run", "swaprows"],
};
if (!warmUps[op] || !(Number(rounds) > 0) || dirs.length === 0) {
  console.error(`usage: click-ab.mjs <${Object.keys(warmUps).join("|")}> <rounds> <dist dir>...`);
  process.exit(1);
}
const button = op === "replace" ? "run" : op;
const browser = await launch();
const css = new URL("../css/currentStyle.css", import.meta.url).pathname;
const servers = await Promise.all(dirs.map((d) => serve(d, css)));
const times = dirs.map(() => []);
for (let r = 0; r < Number(rounds); r++) {
  for (let i = 0; i < dirs.length; i++) {
    const p = await browser.newPage();
    await p.goto(servers[i].url);
    await p.eval("new Promise(r => { const t = () => document.getElementById('run') ? r() : setTimeout(t, 20); t(); })");
    for (const w of warmUps[op]) {
      await p.eval(`document.getElementById('${w}').click(); new Promise(r => setTimeout(r, 30))`);
    }
    await p.send("HeapProfiler.collectGarbage");
    const t = await p.eval(
      `(() => { const t0 = performance.now(); document.getElementById('${button}').click(); return performance.now() - t0; })()`,
    );
    times[i].push(t);
    await p.close();
  }
}
const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
const base = median(times[0]);
console.log(`${op}: synchronous click time in ms, ${rounds} rounds`);
dirs.forEach((d, i) => {
  const m = median(times[i]);
  console.log(
    `${d.padEnd(40)} median ${m.toFixed(2).padStart(7)}  mean ${mean(times[i]).toFixed(2).padStart(7)}  min ${Math.min(...times[i]).toFixed(2).padStart(7)}  ratio ${(m / base).toFixed(3)}`,
  );
});
await Promise.all(servers.map((s) => s.close()));
await browser.close();
