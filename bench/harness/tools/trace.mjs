// Main-thread trace events (> 0.5 ms) after one real click, for one app.
// usage: node --experimental-websocket bench/harness/tools/trace.mjs <dist dir> <warm-up button ids,comma-separated> <button id>
import { launch } from "../cdp.mjs";
import { serve } from "../server.mjs";
const [dir, warm, op] = process.argv.slice(2);
const browser = await launch();
const srv = await serve(dir, new URL("../css/currentStyle.css", import.meta.url).pathname);
const p = await browser.newPage();
await p.goto(srv.url);
await p.eval("new Promise(r => { const t = () => document.getElementById('run') ? r() : setTimeout(t, 20); t(); })");
for (const w of warm.split(",").filter(Boolean)) await p.eval(`document.getElementById('${w}').click(); new Promise(r => setTimeout(r, 100))`);
const events = [];
p.on((m, params) => { if (m === "Tracing.dataCollected") events.push(...params.value); });
await p.send("HeapProfiler.collectGarbage");
await p.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline,v8,disabled-by-default-v8.gc", transferMode: "ReportEvents" });
await new Promise(r => setTimeout(r, 50));
const r = await p.eval(`(() => { const el = document.getElementById('${op}'); const b = el.getBoundingClientRect(); return [b.left + b.width/2, b.top + b.height/2]; })()`);
for (const type of ["mousePressed", "mouseReleased"]) await p.send("Input.dispatchMouseEvent", { type, x: r[0], y: r[1], button: "left", clickCount: 1 });
await p.eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))))");
const done = p.waitFor("Tracing.tracingComplete");
await p.send("Tracing.end"); await done;
const click = events.find(e => e.name === "EventDispatch" && e.args?.data?.type === "click");
const main = events.filter(e => e.pid === click.pid && e.tid === click.tid && e.ph === "X" && e.ts >= click.ts && (e.dur ?? 0) > 500).sort((a, b) => a.ts - b.ts);
for (const e of main.slice(0, 60)) console.log(((e.ts - click.ts) / 1000).toFixed(1).padStart(7), ((e.dur) / 1000).toFixed(1).padStart(7), e.name, e.args?.data?.type ?? e.args?.data?.functionName ?? "");
await srv.close(); await browser.close();
