//! Larkspur browser benchmark: the js-framework-benchmark (keyed) operations
//! in headless Chromium over CDP, for several apps side by side.
//! Entry point: scripts/bench (see --help).

import { execSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants as Z, gzipSync } from "node:zlib";

import { apps as allApps, build, lockedVersion, needsBuild } from "./apps.mjs";
import { BENCHMARKS, meanSd, median, weightedGeomean } from "./benchmarks.mjs";
import { launch } from "./cdp.mjs";
import { PAGE_CHECK, RowModel, SNAPSHOT } from "./model.mjs";
import { serve } from "./server.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const SHARED_CSS = join(HERE, "css/currentStyle.css");
const DEFAULT_APPS = ["vanilla", "wasm-bindgen", "larkspur", "leptos", "sycamore"];
const SMOKE_APPS = ["larkspur", "vanilla"];

const HELP = `usage: scripts/bench [options]
  --smoke            one run per op, no throttling, Larkspur + vanilla only,
                     full DOM correctness checks after every step; exits
                     non-zero on any failure (used by scripts/test)
  --runs N           measured runs per op and app (default 10)
  --warmups N        warm-up iterations (default 5, as the official runner)
  --apps a,b,...     apps to run (default ${DEFAULT_APPS.join(",")})
  --ops 01,03,...    benchmark id prefixes to run (default all nine)
  --strict           full DOM correctness checks in a full run too
  --no-build         do not build apps, use their dist/ as is
  --rebuild          rebuild every app even if its dist/ looks current
  --no-doc           do not update BENCHMARKS.md
  --chromium PATH    browser executable (default /usr/bin/chromium)`;

function parseArgs(argv) {
  const o = { smoke: false, runs: 10, warmups: 5, apps: null, ops: null, strict: false, build: true, rebuild: false, doc: true, chromium: "/usr/bin/chromium" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--smoke") o.smoke = true;
    else if (a === "--runs") o.runs = Number(next());
    else if (a === "--warmups") o.warmups = Number(next());
    else if (a === "--apps") o.apps = next().split(",");
    else if (a === "--ops") o.ops = next().split(",");
    else if (a === "--strict") o.strict = true;
    else if (a === "--no-build") o.build = false;
    else if (a === "--rebuild") o.rebuild = true;
    else if (a === "--no-doc") o.doc = false;
    else if (a === "--chromium") o.chromium = next();
    else if (a === "-h" || a === "--help") {
      console.log(HELP);
      process.exit(0);
    } else throw new Error(`unknown option ${a}\n${HELP}`);
  }
  if (o.smoke) {
    o.runs = 1;
    o.warmups = Math.min(o.warmups, 1);
    o.strict = true;
    o.apps ??= SMOKE_APPS;
    o.doc = false;
  }
  o.apps ??= DEFAULT_APPS;
  if (!(o.runs >= 1)) throw new Error("--runs must be at least 1");
  return o;
}

const log = (...m) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// How long an operation may take before it counts as failed (shorter in smoke mode).
let WAIT_MS = 60000;

// ---------------------------------------------------------------- page work

const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-devtools.timeline.frame",
  "blink.user_timing",
  "v8.execute",
].join(",");

async function waitUntil(page, expr, what, timeoutMs = WAIT_MS) {
  const ok = await page.eval(
    `new Promise((resolve) => {
      const t0 = performance.now();
      const poll = () => {
        let v = false;
        try { v = ${expr}; } catch (e) {}
        if (v) return resolve(true);
        if (performance.now() - t0 > ${timeoutMs}) return resolve(false);
        setTimeout(poll, 10);
      };
      poll();
    })`,
    timeoutMs + 10000,
  );
  if (!ok) {
    const rows = await page.eval("(() => { const b = document.querySelector('table.test-data > tbody'); return b ? b.rows.length : -1; })()").catch(() => "?");
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (page has ${rows} rows${page.consoleErrors.length ? `; page errors: ${page.consoleErrors.join(" | ")}` : ""})`);
  }
}

async function click(page, elementExpr, what) {
  const rect = await page.eval(`(() => {
    const el = ${elementExpr};
    if (!el) return null;
    if (el.scrollIntoViewIfNeeded) el.scrollIntoViewIfNeeded(); else el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    return { x, y, w: r.width, h: r.height, hits: !!hit && (hit === el || el.contains(hit)) };
  })()`);
  if (!rect) throw new Error(`${what}: element to click not found: ${elementExpr}`);
  if (!rect.hits || rect.w === 0 || rect.h === 0) throw new Error(`${what}: element is not clickable at its centre (${JSON.stringify(rect)})`);
  const base = { x: rect.x, y: rect.y, button: "left", clickCount: 1 };
  await page.send("Input.dispatchMouseEvent", { type: "mouseMoved", x: rect.x, y: rect.y });
  await page.send("Input.dispatchMouseEvent", { type: "mousePressed", ...base });
  await page.send("Input.dispatchMouseEvent", { type: "mouseReleased", ...base });
}

class AppTab {
  constructor(page, strict, errors, label) {
    this.page = page;
    this.model = new RowModel();
    this.strict = strict;
    this.errors = errors;
    this.label = label;
  }

  static async open(browser, server, strict, errors, label, { cacheDisabled = false } = {}) {
    const page = await browser.newPage();
    const tab = new AppTab(page, strict, errors, label);
    try {
      if (cacheDisabled) {
        await page.send("Network.enable");
        await page.send("Network.setCacheDisabled", { cacheDisabled: true });
      }
      await page.goto(server.url);
      await waitUntil(page, "!!document.getElementById('run')", "the app to render #run", 60000);
      if (strict) {
        const errs = await page.eval(PAGE_CHECK);
        tab.errors.push(...errs.map((e) => `${label}: page: ${e}`));
      }
    } catch (e) {
      await page.close();
      throw e;
    }
    return tab;
  }

  async act(action) {
    const { click: target, done, describe } = this.model.apply(action);
    await click(this.page, target, `${this.label} ${describe}`);
    await waitUntil(this.page, done, `${this.label} ${describe} to finish`);
    if (this.strict) await this.verify(describe);
  }

  async verify(describe) {
    const snap = await this.page.eval(SNAPSHOT);
    this.errors.push(...this.model.verify(snap, `${this.label} after ${describe}`));
    if (this.page.consoleErrors.length) {
      this.errors.push(`${this.label} after ${describe}: page errors: ${this.page.consoleErrors.join(" | ")}`);
      this.page.consoleErrors = [];
    }
  }

  /** Runs one action under tracing and returns click→last paint in ms. */
  async measure(action, throttle) {
    const page = this.page;
    const { click: target, done, describe } = this.model.apply(action);
    await page.send("HeapProfiler.collectGarbage");
    if (throttle > 1) await page.send("Emulation.setCPUThrottlingRate", { rate: throttle });
    const events = [];
    const off = page.on((method, params) => {
      if (method === "Tracing.dataCollected") events.push(...params.value);
    });
    let timing;
    try {
      await page.send("Tracing.start", { categories: TRACE_CATEGORIES, transferMode: "ReportEvents" });
      await sleep(40);
      await click(page, target, `${this.label} ${describe}`);
      await waitUntil(page, done, `${this.label} ${describe} to finish`);
      // Let the frame that shows the change be painted and committed.
      await page.eval("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 20))))");
      await sleep(60);
      const complete = page.waitFor("Tracing.tracingComplete", 60000);
      await page.send("Tracing.end");
      await complete;
      timing = clickToPaint(events, `${this.label} ${describe}`);
    } finally {
      off();
      if (throttle > 1) await page.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    }
    if (this.strict) await this.verify(describe);
    return timing;
  }

  close() {
    return this.page.close();
  }
}

/**
 * From the click's EventDispatch start to the end of the last Paint/Commit
 * after it. Also splits the main thread's time in that window into script
 * (the click's handlers, later tasks and microtasks), style + layout and
 * paint, to tell framework cost from browser cost.
 */
function clickToPaint(events, what) {
  const clicks = events.filter((e) => e.name === "EventDispatch" && e.args?.data?.type === "click");
  if (clicks.length === 0) throw new Error(`${what}: no click EventDispatch in the trace (${events.length} events)`);
  const clickEvent = clicks.reduce((a, b) => (b.ts < a.ts ? b : a));
  const start = clickEvent.ts;
  let end = -1;
  for (const e of events) {
    if ((e.name === "Paint" || e.name === "Commit") && e.pid === clickEvent.pid && e.ts >= start) {
      const t = e.ts + (e.dur ?? 0);
      if (t > end) end = t;
    }
  }
  if (end < 0) throw new Error(`${what}: no Paint/Commit after the click in the trace`);
  const onMain = events.filter((e) => e.pid === clickEvent.pid && e.tid === clickEvent.tid && e.ph === "X" && e.ts >= start && e.ts < end);
  const busy = (names) => unionMs(onMain.filter((e) => names.has(e.name)));
  return {
    duration: (end - start) / 1000,
    script: busy(new Set(["EventDispatch", "FunctionCall", "RunMicrotasks", "TimerFire", "FireAnimationFrame", "V8.Execute"])),
    layout: busy(new Set(["UpdateLayoutTree", "RecalculateStyles", "Layout"])),
    paint: busy(new Set(["PrePaint", "Paint", "Layerize", "Commit", "UpdateLayer"])),
  };
}

function unionMs(list) {
  const iv = list.map((e) => [e.ts, e.ts + (e.dur ?? 0)]).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let cur = null;
  for (const [a, b] of iv) {
    if (!cur || a > cur[1]) {
      if (cur) total += cur[1] - cur[0];
      cur = [a, b];
    } else if (b > cur[1]) cur[1] = b;
  }
  if (cur) total += cur[1] - cur[0];
  return total / 1000;
}

// ------------------------------------------------------- memory, paint, size

async function heapAndWasm(page) {
  await page.send("HeapProfiler.collectGarbage");
  await page.send("HeapProfiler.collectGarbage");
  const { metrics } = await page.send("Performance.getMetrics");
  const js = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? NaN;
  // Wasm linear memory lives outside the JS heap: add every WebAssembly.Memory.
  let wasm = 0;
  const proto = await page.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
  const found = await page.send("Runtime.queryObjects", { prototypeObjectId: proto.result.objectId });
  const sum = await page.send("Runtime.callFunctionOn", {
    objectId: found.objects.objectId,
    functionDeclaration: "function () { return this.reduce((s, m) => s + m.buffer.byteLength, 0); }",
    returnByValue: true,
  });
  wasm = sum.result.value;
  await page.send("Runtime.releaseObjectGroup", { objectGroup: "" }).catch(() => {});
  return { js: js / 1048576, wasm: wasm / 1048576, total: (js + wasm) / 1048576 };
}

async function measureMemory(browser, server, label, errors, strict) {
  const tab = await AppTab.open(browser, server, strict, errors, label);
  try {
    await tab.page.send("Performance.enable");
    const ready = await heapAndWasm(tab.page);
    await tab.act({ op: "run" });
    const run = await heapAndWasm(tab.page);
    for (let i = 0; i < 5; i++) {
      await tab.act({ op: "run" });
      await tab.act({ op: "clear" });
    }
    const runClear = await heapAndWasm(tab.page);
    return { ready, run, runClear };
  } finally {
    await tab.close();
  }
}

async function measureFirstPaint(browser, server, label, errors, strict) {
  server.served.clear();
  const tab = await AppTab.open(browser, server, strict, errors, label, { cacheDisabled: true });
  try {
    const paint = await tab.page.eval(`new Promise((resolve) => {
      const t0 = performance.now();
      const poll = () => {
        const e = performance.getEntriesByName('first-contentful-paint')[0];
        if (e) return resolve(e.startTime);
        if (performance.now() - t0 > 10000) return resolve(null);
        setTimeout(poll, 20);
      };
      poll();
    })`);
    return { firstPaint: paint, files: [...server.served] };
  } finally {
    await tab.close();
  }
}

function sizesOf(files) {
  const out = { raw: 0, gzip: 0, brotli: 0, files: [] };
  for (const f of files.sort()) {
    const body = readFileSync(f);
    const gz = gzipSync(body, { level: 9 }).length;
    const br = brotliCompressSync(body, {
      params: { [Z.BROTLI_PARAM_QUALITY]: Z.BROTLI_MAX_QUALITY, [Z.BROTLI_PARAM_LGWIN]: 24, [Z.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length;
    out.raw += body.length;
    out.gzip += gz;
    out.brotli += br;
    out.files.push({ file: relative(ROOT, f), raw: body.length, gzip: gz, brotli: br });
  }
  return out;
}

// ------------------------------------------------------------------- report

function machine(browserVersion) {
  const cpu = (readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/) ?? [])[1] ?? cpus()[0]?.model ?? "unknown";
  let commit = "unknown";
  try {
    commit = execSync("git rev-parse --short HEAD", { cwd: ROOT }).toString().trim();
  } catch {
    /* not a git checkout */
  }
  return { nproc: cpus().length, cpu, chromium: browserVersion, node: process.version, commit };
}

const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "–");

function markdown(r) {
  const keys = r.apps.map((a) => a.key);
  const head = (first) => `| ${first} | ${r.apps.map((a) => a.name + (a.version ? ` ${a.version}` : "")).join(" | ")} |\n|---|${keys.map(() => "---:").join("|")}|\n`;
  let md = `Measured ${r.date} on ${r.machine.nproc} × ${r.machine.cpu}, ${r.machine.chromium}, Node ${r.machine.node}, commit ${r.machine.commit}.\n`;
  md += `${r.config.runs} measured runs per operation and app (median shown), ${r.config.warmups} warm-ups, a new tab per run, apps interleaved.\n\n`;
  md += "**Duration in ms** (click → last paint), median, with the ratio to vanilla JS in parentheses:\n\n";
  md += head("operation");
  for (const b of r.benchmarks) {
    const cells = keys.map((k) => {
      const x = b.results[k];
      if (!x) return "";
      if (x.error) return "error";
      return `${fmt(x.median)} (${fmt(x.ratio, 2)})`;
    });
    md += `| ${b.id} ${b.name}${b.throttle > 1 ? ` (${b.throttle}x)` : ""} | ${cells.join(" | ")} |\n`;
  }
  md += `| **weighted geometric mean** of ratios | ${keys.map((k) => `**${fmt(r.geomean[k], 2)}**`).join(" | ")} |\n\n`;
  md += "**Where the time goes**: median main-thread ms in the measured window, script (event handlers, tasks, microtasks: the framework's and the app's code) / style + layout / paint:\n\n";
  md += head("operation");
  for (const b of r.benchmarks) {
    md += `| ${b.id} | ${keys.map((k) => { const x = b.results[k]; return x?.split ? `${fmt(x.split.script)} / ${fmt(x.split.layout)} / ${fmt(x.split.paint)}` : ""; }).join(" | ")} |\n`;
  }
  md += "\n";
  if (r.memory) {
    md += "**Memory in MB** after GC: JS heap + wasm linear memory (JS heap alone in parentheses), median:\n\n";
    md += head("state");
    for (const [state, name] of [["ready", "ready (after load)"], ["run", "1,000 rows"], ["runClear", "5× create/clear 1,000 rows"]]) {
      md += `| ${name} | ${keys.map((k) => { const m = r.memory[k]?.[state]; return m ? `${fmt(m.total, 2)} (${fmt(m.js, 2)})` : "error"; }).join(" | ")} |\n`;
    }
    md += `| 1,000 rows, ratio to vanilla (total) | ${keys.map((k) => fmt(r.memory[k]?.run?.total / r.memory.vanilla?.run?.total, 2)).join(" | ")} |\n`;
    md += `| 1,000 rows, ratio to vanilla (JS heap only) | ${keys.map((k) => fmt(r.memory[k]?.run?.js / r.memory.vanilla?.run?.js, 2)).join(" | ")} |\n\n`;
  }
  if (r.startup) {
    md += "**Startup and size** (first paint = first-contentful-paint, cache disabled, median; sizes = every file the page loads, gzip -9 / brotli q11):\n\n";
    md += head("metric");
    md += `| first paint (ms) | ${keys.map((k) => fmt(r.startup[k]?.firstPaint)).join(" | ")} |\n`;
    for (const [f, name] of [["raw", "uncompressed (KB)"], ["gzip", "gzip (KB)"], ["brotli", "brotli (KB)"]]) {
      md += `| ${name} | ${keys.map((k) => fmt(r.startup[k]?.size?.[f] / 1024, 1)).join(" | ")} |\n`;
    }
    md += "\n";
  }
  if (r.errors.length) md += `**Errors (${r.errors.length}):**\n\n${r.errors.slice(0, 50).map((e) => `- ${e}`).join("\n")}\n\n`;
  return md;
}

// --------------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  if (opts.smoke) WAIT_MS = 15000;
  const registry = allApps(ROOT);
  const chosen = opts.apps.map((k) => {
    const a = registry.find((x) => x.key === k);
    if (!a) throw new Error(`unknown app ${k}; known: ${registry.map((x) => x.key).join(", ")}`);
    return a;
  });
  const benchmarks = opts.ops ? BENCHMARKS.filter((b) => opts.ops.some((p) => b.id.startsWith(p))) : BENCHMARKS;

  for (const app of chosen) {
    if (opts.build && (opts.rebuild || needsBuild(app))) build(app, log);
    if (!existsSync(join(app.dist, "index.html"))) throw new Error(`${app.name}: ${app.dist}/index.html missing (build it or drop --no-build)`);
    if (app.crate) app.version = lockedVersion(app, app.crate);
  }

  const servers = new Map();
  for (const app of chosen) servers.set(app.key, await serve(app.dist, SHARED_CSS));
  const browser = await launch(opts.chromium);
  const errors = [];
  const result = {
    date: new Date().toISOString(),
    command: `scripts/bench ${process.argv.slice(2).join(" ")}`.trim(),
    config: { runs: opts.runs, warmups: opts.warmups, smoke: opts.smoke, strict: opts.strict },
    apps: chosen.map((a) => ({ key: a.key, name: a.name, version: a.version })),
    benchmarks: [],
    geomean: {},
    errors,
  };
  const guard = async (what, f) => {
    try {
      return await f();
    } catch (e) {
      errors.push(`${what}: ${e.message}`);
      log(`ERROR ${what}: ${e.message}`);
      return undefined;
    }
  };

  try {
    const { product } = await browser.version();
    result.machine = machine(product);
    log(`${product}; apps: ${chosen.map((a) => a.key).join(", ")}; ${opts.runs} run(s) per op${opts.smoke ? " (smoke)" : ""}`);
    const throttleOf = (b) => (opts.smoke ? 1 : b.throttle);

    // Startup: first paint and transferred files, interleaved.
    result.startup = {};
    const paintRuns = Math.min(opts.runs, 5);
    const paints = Object.fromEntries(chosen.map((a) => [a.key, []]));
    for (let r = 0; r < paintRuns; r++) {
      for (const app of rotate(chosen, r)) {
        const fp = await guard(`${app.name} first paint`, () => measureFirstPaint(browser, servers.get(app.key), app.name, errors, opts.strict && r === 0));
        if (!fp) continue;
        if (fp.firstPaint !== null) paints[app.key].push(fp.firstPaint);
        if (r === 0) result.startup[app.key] = { size: sizesOf(fp.files) };
      }
    }
    for (const app of chosen) if (result.startup[app.key]) result.startup[app.key].firstPaint = median(paints[app.key]);
    log("startup done");

    // The nine CPU benchmarks: one new tab per run, apps round-robin.
    for (const b of benchmarks) {
      const samples = Object.fromEntries(chosen.map((a) => [a.key, []]));
      const parts = Object.fromEntries(chosen.map((a) => [a.key, []]));
      const failed = {};
      for (let r = 0; r < opts.runs; r++) {
        for (const app of rotate(chosen, r)) {
          if (failed[app.key]) continue;
          const label = `${app.name} ${b.id}`;
          await guard(label, async () => {
            const tab = await AppTab.open(browser, servers.get(app.key), opts.strict, errors, label);
            try {
              for (const action of b.setup(opts.warmups)) await tab.act(action);
              const t = await tab.measure(b.measure, throttleOf(b));
              samples[app.key].push(t.duration);
              parts[app.key].push(t);
            } finally {
              await tab.close();
            }
          }).then((v) => v, () => {});
          if (samples[app.key].length <= r) failed[app.key] = true;
        }
      }
      const entry = { id: b.id, name: b.name, note: b.note, throttle: throttleOf(b), weight: b.weight, results: {} };
      for (const app of chosen) {
        const s = samples[app.key];
        const p = parts[app.key];
        const split = Object.fromEntries(["script", "layout", "paint"].map((f) => [f, median(p.map((x) => x[f]))]));
        entry.results[app.key] = s.length ? { median: median(s), ...meanSd(s), min: Math.min(...s), max: Math.max(...s), split, samples: s } : { error: true, samples: [] };
      }
      const base = entry.results.vanilla?.median;
      for (const app of chosen) entry.results[app.key].ratio = entry.results[app.key].median / base;
      result.benchmarks.push(entry);
      log(`${b.id}: ${chosen.map((a) => `${a.key} ${fmt(entry.results[a.key].median)} ms`).join(", ")}`);
    }
    for (const app of chosen) {
      result.geomean[app.key] = weightedGeomean(
        result.benchmarks.map((e) => e.results[app.key].ratio),
        result.benchmarks.map((e) => e.weight),
      );
    }

    // Memory, interleaved.
    const memRuns = Math.min(opts.runs, 3);
    const mem = Object.fromEntries(chosen.map((a) => [a.key, []]));
    for (let r = 0; r < memRuns; r++) {
      for (const app of rotate(chosen, r)) {
        const m = await guard(`${app.name} memory`, () => measureMemory(browser, servers.get(app.key), `${app.name} memory`, errors, opts.strict));
        if (m) mem[app.key].push(m);
      }
    }
    result.memory = {};
    for (const app of chosen) {
      const ms = mem[app.key];
      if (!ms.length) continue;
      const pick = (state, f) => median(ms.map((m) => m[state][f]));
      result.memory[app.key] = Object.fromEntries(
        ["ready", "run", "runClear"].map((s) => [s, { js: pick(s, "js"), wasm: pick(s, "wasm"), total: pick(s, "total") }]),
      );
    }
    log("memory done");
  } finally {
    await browser.close();
    for (const s of servers.values()) await s.close();
  }

  result.seconds = Math.round((Date.now() - t0) / 1000);
  const md = markdown(result);
  const outDir = join(ROOT, "bench/results");
  mkdirSync(outDir, { recursive: true });
  if (opts.smoke) {
    writeFileSync(join(outDir, "smoke.json"), JSON.stringify(result, null, 2));
    writeFileSync(join(outDir, "smoke.md"), md);
  } else {
    const stamp = result.date.replace(/[:.]/g, "-").replace(/-\d\d\dZ$/, "Z");
    for (const name of [stamp, "latest"]) {
      writeFileSync(join(outDir, `${name}.json`), JSON.stringify(result, null, 2));
      writeFileSync(join(outDir, `${name}.md`), `# Benchmark run ${result.date}\n\nCommand: \`${result.command}\` (${result.seconds} s)\n\n${md}`);
    }
    if (opts.doc) updateDoc(result, md);
  }
  console.log(md);
  log(`finished in ${result.seconds} s`);
  if (errors.length) {
    log(`${errors.length} error(s):\n  ${errors.slice(0, 30).join("\n  ")}`);
    process.exit(1);
  }
}

function rotate(list, r) {
  const k = r % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

function updateDoc(result, md) {
  const file = join(ROOT, "BENCHMARKS.md");
  if (!existsSync(file)) return;
  const text = readFileSync(file, "utf8");
  const begin = "<!-- bench:begin -->";
  const end = "<!-- bench:end -->";
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < i) return;
  const block = `${begin}\n\nCommand: \`${result.command}\` (took ${Math.round(result.seconds / 60)} min). Raw data: \`bench/results/latest.json\`.\n\n${md}${end}`;
  writeFileSync(file, text.slice(0, i) + block + text.slice(j + end.length));
  log("updated BENCHMARKS.md");
}

main().catch((e) => {
  console.error(`[bench] FAILED: ${e.stack ?? e.message}`);
  process.exit(1);
});
