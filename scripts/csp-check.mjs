#!/usr/bin/env node
// Strict CSP and Trusted Types, end to end: serves a release dist/ with
//
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';
//   object-src 'none'; base-uri 'self'; require-trusted-types-for 'script'
//
// as an HTTP header (unknown paths get index.html, as a host with SPA
// fallback does), loads each given path in headless Chromium, waits for the
// app to mount, exercises it (clicks every button and link in the page,
// types into every text input), and fails on any `securitypolicyviolation`
// event, any console error, or an app that did not mount.
//
//   node --experimental-websocket scripts/csp-check.mjs DIST [PATH...]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { launch } from "../bench/harness/cdp.mjs";

export const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "object-src 'none'; base-uri 'self'; require-trusted-types-for 'script'";

const MIME = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json",
};

const [distArg, ...paths] = process.argv.slice(2);
if (!distArg) {
  console.error("usage: csp-check.mjs DIST [PATH...]");
  process.exit(2);
}
const root = resolve(distArg);
const server = createServer(async (req, res) => {
  let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (path.endsWith("/")) path += "index.html";
  let file = normalize(join(root, path));
  if (!file.startsWith(root)) file = join(root, "index.html");
  try {
    if (!(await stat(file)).isFile()) throw new Error("not a file");
  } catch {
    file = join(root, "index.html");
  }
  const body = await readFile(file);
  res.writeHead(200, {
    "content-type": MIME[extname(file)] ?? "application/octet-stream",
    "content-security-policy": POLICY,
    "cache-control": "no-store",
  });
  res.end(body);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await launch();
let failed = false;
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failed = true;
};
try {
  for (const path of paths.length ? paths : ["/"]) {
    const page = await browser.newPage();
    await page.send("Page.addScriptToEvaluateOnNewDocument", {
      source: `window.__violations = [];
        document.addEventListener("securitypolicyviolation", (e) =>
          window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sample || "")));`,
    });
    await page.goto(base + path);
    const mounted = await page.eval(`new Promise((resolve) => {
      const t0 = Date.now();
      (function poll() {
        const app = [...document.body.children].some((e) => e.tagName !== "SCRIPT");
        if (app) resolve(true);
        else if (Date.now() - t0 > 20000) resolve(false);
        else setTimeout(poll, 50);
      })();
    })`);
    check(mounted, `${path}: the app mounted under the strict policy`);
    const acted = await page.eval(`(async () => {
      const pause = () => new Promise((r) => setTimeout(r, 10));
      let n = 0;
      for (const input of [...document.querySelectorAll("input:not([type]), input[type=text]")]) {
        input.focus();
        input.value = "csp <b>check</b>";
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
        n++; await pause();
      }
      for (const el of [...document.querySelectorAll("main button, button")]) {
        if (el.isConnected) { el.click(); n++; await pause(); }
      }
      for (const a of [...document.querySelectorAll("a[href]")]) {
        const href = a.getAttribute("href");
        if (a.isConnected && !/^[a-z]+:/i.test(href)) { a.click(); n++; await pause(); }
      }
      return n;
    })()`);
    const violations = await page.eval(`window.__violations`);
    check(violations.length === 0, `${path}: no CSP violations after ${acted} interactions ${JSON.stringify(violations)}`);
    check(page.consoleErrors.length === 0, `${path}: no console errors ${JSON.stringify(page.consoleErrors)}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
