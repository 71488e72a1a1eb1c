// Memory growth over 5/20/50 create+clear cycles (JS heap and wasm linear memory).
// usage: node --experimental-websocket bench/harness/tools/leak.mjs <dist dir>...
import { launch } from "../cdp.mjs";
import { serve } from "../server.mjs";
const apps = process.argv.slice(2);
const browser = await launch();
for (const dir of apps) {
  const srv = await serve(dir, new URL("../css/currentStyle.css", import.meta.url).pathname);
  const p = await browser.newPage();
  await p.send("Performance.enable");
  await p.goto(srv.url);
  await p.eval("new Promise(r => { const t = () => document.getElementById('run') ? r() : setTimeout(t, 20); t(); })");
  const mem = async () => {
    await p.send("HeapProfiler.collectGarbage");
    const { metrics } = await p.send("Performance.getMetrics");
    const js = metrics.find((m) => m.name === "JSHeapUsedSize").value;
    const proto = await p.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
    const found = await p.send("Runtime.queryObjects", { prototypeObjectId: proto.result.objectId });
    const sum = await p.send("Runtime.callFunctionOn", { objectId: found.objects.objectId, functionDeclaration: "function(){return this.reduce((s,m)=>s+m.buffer.byteLength,0)}", returnByValue: true });
    return `js ${(js / 1048576).toFixed(2)} wasm ${(sum.result.value / 1048576).toFixed(2)}`;
  };
  const out = [`load: ${await mem()}`];
  let cycles = 0;
  for (const target of [5, 20, 50]) {
    await p.eval(`(async () => { for (let i = ${cycles}; i < ${target}; i++) { document.getElementById('run').click(); await new Promise(r => setTimeout(r, 0)); document.getElementById('clear').click(); await new Promise(r => setTimeout(r, 0)); } })()`);
    cycles = target;
    out.push(`${target} cycles: ${await mem()}`);
  }
  console.log(dir.split("/").slice(-2).join("/"), "|", out.join(" | "));
  await p.close();
  await srv.close();
}
await browser.close();
