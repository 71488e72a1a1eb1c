#!/usr/bin/env node
// Loads the release build of the showcase (dist/) in headless Chromium and
// checks that it works: the navigation opens each demo page (client-side
// routing), the counter counts, the tabs switch, the life-cycle demo logs,
// and nothing was logged as an error. (scripts/deep-links walks every route
// from a GitHub-Pages-like host.)
// Usage: node scripts/smoke-showcase.mjs [dist]
import { launch } from "../bench/harness/cdp.mjs";
import { serve } from "../bench/harness/server.mjs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = process.argv[2] ?? join(root, "dist");
const server = await serve(dist, join(root, "examples/showcase/style.css"));
const browser = await launch();
let failed = false;
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failed = true;
};
// Waits (in the page) until `cond` holds; false after 20 s.
const until = (page, cond) => page.eval(`new Promise((resolve) => {
  const t0 = Date.now();
  (function poll() {
    let ok = false;
    try { ok = !!(${cond}); } catch {}
    if (ok) resolve(true);
    else if (Date.now() - t0 > 20000) resolve(false);
    else setTimeout(poll, 20);
  })();
})`);
// Follows a navigation link by its text (client-side, through the router).
const open = async (page, label, selector) => {
  await page.eval(`[...document.querySelectorAll('nav[aria-label="Demos"] a')].find((a) => a.textContent === ${JSON.stringify(label)}).click()`);
  return until(page, `document.querySelector(${JSON.stringify(selector)})`);
};
try {
  const page = await browser.newPage();
  await page.goto(server.url ?? `http://127.0.0.1:${server.port}/`);
  const ready = await until(page, `document.querySelector('nav[aria-label="Demos"]')`);
  check(ready, "the app mounted (the navigation exists)");
  if (ready) {
    check(await open(page, "Counter", "#counter"), "the Counter link opens the counter page");
    const txt = await page.eval(`(() => { const b = document.querySelector("#counter"); b.click(); b.click(); return b.textContent; })()`);
    check(txt === "Click Me: 2", `counter counts clicks (${JSON.stringify(txt)})`);
    check(await open(page, "Tabs", "#tabs"), "the Tabs link opens the tabs page");
    const tabs = await page.eval(`(async () => {
      const buttons = [...document.querySelectorAll("#tabs button")];
      buttons[1].click();
      const shown = [...document.querySelectorAll("#tabs [data-tab]")].map((d) => d.style.display);
      return shown.join(",");
    })()`);
    check(tabs === "none,block,none", `tabs switch (${tabs})`);
    check(await open(page, "Life cycle", "#lifecycle"), "the Life cycle link opens the life-cycle page");
    const log = await page.eval(`(async () => {
      const b = document.querySelector("#lifecycle button");
      b.click();
      await new Promise((r) => setTimeout(r, 0));
      const odd = document.querySelector("#lifecycle").textContent.includes("odd duck");
      b.click();
      await new Promise((r) => setTimeout(r, 0));
      return odd + "|" + document.querySelector("#lifecycle .log").textContent;
    })()`);
    check(log === "true|count is odd and is 1", `life-cycle effect logs once (${JSON.stringify(log)})`);
  }
  check(page.consoleErrors.length === 0, `no console errors ${JSON.stringify(page.consoleErrors)}`);
  await page.close();
} finally {
  await browser.close();
  server.close?.();
}
process.exit(failed ? 1 : 0);
