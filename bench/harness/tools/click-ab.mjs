// Synchronous time of one button click in two or more builds, interleaved:
// each round opens a fresh tab per build, warms it up with a few clicks
// (`warmUps` below: fewer than scripts/bench's, so the code is less warm,
// which shows most on `add`), forces a GC and times `button.click()` with
// `performance.now()`
// (the handler and everything it runs synchronously; no paint, no
// profiler). Rounds alternate the builds, so drift on the machine hits them
// alike; prints the median, mean and minimum per build and each median as
// a ratio to the first build's.
// With `--per-tab N`, each tab times N clicks instead of one, putting the
// page back between them (`reset` below: clear, and for `add` a new
// 1,000 rows) and forcing a GC before each: a tab's first timed click still
// runs partly in unoptimised wasm, which makes single samples bimodal.
// usage: node --experimental-websocket bench/harness/tools/click-ab.mjs [--per-tab N] <op> <rounds> <dist dir>...
//   op: run (create 1,000 after 2 create/clear cycles), replace, add, clear, runlots, update, swaprows
import { launch } from "../cdp.mjs";
import { serve } from "../server.mjs";

const args = process.argv.slice(2);
let perTab = 1;
if (args[0] === "--per-tab") {
  perTab = Number(args[1]);
  args.splice(0, 2);
}
const [op, rounds, ...dirs] = args;
const reset = {
  run: ["clear"],
  replace: [],
  add: ["clear", "run"],
  clear: ["run"],
  runlots: ["clear"],
  update: [],
  swaprows: [],
};
const warmUps = {
  run: ["run", "clear", "run", "clear"],
  replace: ["run", "run", "run"],
  add: ["run"],
  clear: ["run"],
  runlots: ["runlots", "clear"],
  update: ["run", "update"],
  swaprows: ["run", "swaprows"],
};
if (!warmUps[op] || !(Number(rounds) > 0) || !(perTab > 0) || dirs.length === 0) {
  console.error(`usage: click-ab.mjs [--per-tab N] <${Object.keys(warmUps).join("|")}> <rounds> <dist dir>...`);
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
    for (let k = 0; k < perTab; k++) {
      if (k > 0) {
        for (const w of reset[op]) {
          await p.eval(`document.getElementById('${w}').click(); new Promise(r => setTimeout(r, 30))`);
        }
      }
      await p.send("HeapProfiler.collectGarbage");
      const t = await p.eval(
        `(() => { const t0 = performance.now(); document.getElementById('${button}').click(); return performance.now() - t0; })()`,
      );
      times[i].push(t);
    }
    await p.close();
  }
}
const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
// The lower quartile: samples on this 2-core machine are bimodal (a second
// mode some 7 ms slower on create 1k, as often in plain wasm-bindgen's app
// as in Larkspur's), and the quartile stays in the fast mode.
const quartile = (a) => [...a].sort((x, y) => x - y)[Math.floor((a.length - 1) / 4)];
const base = median(times[0]);
console.log(`${op}: synchronous click time in ms, ${rounds} rounds × ${perTab} per tab`);
dirs.forEach((d, i) => {
  const m = median(times[i]);
  console.log(
    `${d.padEnd(40)} median ${m.toFixed(2).padStart(7)}  p25 ${quartile(times[i]).toFixed(2).padStart(7)}  mean ${mean(times[i]).toFixed(2).padStart(7)}  min ${Math.min(...times[i]).toFixed(2).padStart(7)}  ratio ${(m / base).toFixed(3)}`,
  );
});
if (process.env.CLICK_AB_SAMPLES) dirs.forEach((d, i) => console.log(d, [...times[i]].sort((x, y) => x - y).map((x) => x.toFixed(1)).join(" ")));
await Promise.all(servers.map((s) => s.close()));
await browser.close();
