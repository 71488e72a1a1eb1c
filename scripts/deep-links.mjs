#!/usr/bin/env node
// The deep-link walk: proves the showcase works from a static host under a
// sub-path, as on GitHub Pages (user.github.io/larkspur/).
//
//   node --experimental-websocket scripts/deep-links.mjs history DIST [hash DIST2] [--shots DIR]
//
// Each DIST is a release build made with `--public-url /larkspur/`; the word
// before it says how it routes (history: real paths; hash: `#/path`). For
// each build, a GitHub-Pages-like server (scripts/deep-links-server.mjs)
// serves it and headless Chromium (bench/harness/cdp.mjs):
//   1. loads every route directly by URL (deep links, with query strings),
//      checks what renders, reloads and checks again; an unknown path shows
//      the app's not-found page;
//   2. clicks through the navigation and the demos (no page reload: a marker
//      on `window` survives), using the keyboard for one link;
//   3. goes back through every step, then forward again, checking each;
//   4. fails on any console error or uncaught exception.
// --shots DIR also saves desktop and phone screenshots of every page.
import { launch } from "../bench/harness/cdp.mjs";
import { servePages } from "./deep-links-server.mjs";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const PREFIX = "/larkspur/";
const args = process.argv.slice(2);
const shotsAt = args.indexOf("--shots");
const shots = shotsAt >= 0 ? args.splice(shotsAt, 2)[1] : null;
const builds = [];
for (let i = 0; i + 1 < args.length; i += 2) {
  if (!["history", "hash"].includes(args[i])) throw new Error(`unknown mode ${args[i]} (history or hash)`);
  builds.push({ mode: args[i], dist: args[i + 1] });
}
if (!builds.length) {
  console.error("usage: deep-links.mjs history DIST [hash DIST] [--shots DIR]");
  process.exit(2);
}

let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures += 1;
  return ok;
};

// In-page helpers every condition can use.
const PRELUDE = `
  const $ = (s) => document.querySelector(s);
  const $$ = (s) => [...document.querySelectorAll(s)];
  const text = (s) => $(s)?.textContent ?? null;
  const h1 = () => text("main h1");
  const here = () => $$('nav[aria-label="Demos"] li.here a').map((a) => a.textContent).join(",");
  const shown = (s) => $$(s).map((d) => d.style.display).join(",");
  const cells = () => $$("#data td:first-child").map((td) => td.textContent).join(",");
  const todos = () => $$(".todo-list li label").map((l) => l.textContent).join(",");
`;

/** What each route shows: a condition evaluated in the page. */
const ROUTES = [
  ["/", `h1() === "Larkspur" && !!$(".cards") && here() === "Home"`],
  ["/counter", `h1() === "Counter" && text("#counter") === "Click Me: 0" && here() === "Counter"`],
  ["/tabs", `h1() === "Tabs" && shown("#tabs [data-tab]") === "block,none,none"`],
  ["/life-cycle", `h1() === "Life cycle" && text("#lifecycle p") === "Even numbers are fine."`],
  ["/todomvc", `h1() === "TodoMVC" && !!$(".todomvc .new-todo") && here() === "TodoMVC"`],
  ["/router", `h1() === "Router" && text("#user") === "Pick a user." && here() === "Router"`],
  ["/router/users/2", `text("#user h3") === "Grace" && text(".tab-body").startsWith("Made compilers") && here() === "Router"`],
  ["/router/users/2?tab=work", `text("#user h3") === "Grace" && text(".tab-body") === "Grace works in the history of computing." && text(".tab-links .selected") === "Work"`],
  ["/router/users/9", `text("#user .error") === "There is no user 9."`],
  ["/data", `h1() === "Data" && text("#data .about")?.startsWith("Seasonal produce") && cells() === "Apple,Cherry,Lemon,Plum"`],
  ["/data?file=vegetables", `cells() === "Carrot,Kale,Pumpkin" && text("#data .choices .selected") === "Vegetables"`],
  ["/data?file=missing", `text('#data div.error[role="alert"]')?.includes("GET json/missing.json: HTTP 404")`],
  ["/data?file=malformed", `text('#data div.error[role="alert"]')?.includes("GET json/malformed.json: malformed JSON")`],
  ["/no/such/page", `h1() === "Page not found" && text(".not-found code") === "/no/such/page" && here() === ""`],
  ["/router/users/2/extra", `h1() === "Page not found"`],
];

async function waitFor(page, cond, what) {
  const ok = await page.eval(`(() => { ${PRELUDE}
    return new Promise((resolve) => {
      const t0 = Date.now();
      (function poll() {
        let ok = false;
        try { ok = !!(${cond}); } catch {}
        if (ok) resolve(true);
        else if (Date.now() - t0 > 15000) resolve(false);
        else setTimeout(poll, 20);
      })();
    });
  })()`);
  if (!ok) {
    const seen = await page.eval(`location.href + " | " + (document.querySelector("main")?.innerText ?? document.body.innerText).slice(0, 300)`);
    console.log(`     waiting for: ${cond}\n     page shows: ${JSON.stringify(seen)}`);
  }
  return check(ok, what);
}

const inPage = (page, js) => page.eval(`(async () => { ${PRELUDE} ${js} })()`);
const click = (page, selector, label) =>
  inPage(page, `
    const el = $$(${JSON.stringify(selector)}).find((e) => ${label === undefined ? "true" : `e.textContent.trim() === ${JSON.stringify(label)}`});
    if (!el) throw new Error(${JSON.stringify(`nothing to click: ${selector} ${label ?? ""}`)});
    el.click();`);

/** A fresh document load of `url` (Page.navigate between two URLs that
 * differ only in the fragment would be a same-document navigation). */
async function load(page, url) {
  await page.goto("about:blank");
  await page.goto(url);
}

async function reload(page) {
  const loaded = page.waitFor("Page.loadEventFired");
  await page.send("Page.reload", { ignoreCache: true });
  await loaded;
}

async function walk(browser, { mode, dist }) {
  const server = await servePages(dist, PREFIX);
  const root = server.origin + PREFIX;
  // The URL of an app path in this build, and what location shows for it.
  const url = (path) => (mode === "history" ? root + path.slice(1) : `${root}#${path}`);
  const shownUrl = `location.href.slice(${root.length - 1})`;
  const expectUrl = (path) => (mode === "history" ? path : `/#${path}`);
  const page = await browser.newPage();
  console.log(`\n== ${mode} mode: ${dist} served at ${root}`);
  try {
    // 1. Deep links, each reloaded.
    for (const [path, cond] of ROUTES) {
      server.log.length = 0;
      await load(page, url(path));
      await waitFor(page, cond, `${mode}: deep link ${path} renders`);
      if (mode === "history") {
        const doc = server.log.find(([, p]) => p === PREFIX + path.slice(1));
        const want = path === "/" ? 200 : 404;
        check(doc?.[0] === want, `${mode}: the host answered ${path} with ${doc?.[0]} (GitHub Pages: ${want}${want === 404 ? ", 404.html" : ""})`);
      }
      check((await page.eval(shownUrl)) === expectUrl(path), `${mode}: the URL stays ${expectUrl(path)}`);
      await reload(page);
      await waitFor(page, cond, `${mode}: ${path} renders again after a reload`);
    }

    // TodoMVC's filter in the URL: a fragment on the page in history mode,
    // a route of its own in hash mode.
    const filtered = mode === "history" ? "/todomvc#/completed" : "/completed";
    await load(page, url(filtered));
    await page.eval(`localStorage.setItem("todos-larkspur", JSON.stringify([
      { id: 0, title: "Open", completed: false }, { id: 1, title: "Done", completed: true }]))`);
    await reload(page);
    await waitFor(page, `h1() === "TodoMVC" && text(".filters a.selected") === "Completed" && todos() === "Done"`, `${mode}: deep link ${filtered} opens TodoMVC filtered`);

    // 2. Click through, keeping a marker that a full page load would lose.
    await load(page, url("/"));
    await waitFor(page, ROUTES[0][1], `${mode}: home loads`);
    await page.eval("window.__walk = 'same page'; localStorage.clear()");
    const steps = [{ path: "/", cond: ROUTES[0][1] }];
    const step = async (action, path, cond, what) => {
      await action();
      await waitFor(page, cond, `${mode}: ${what}`);
      check((await page.eval(shownUrl)) === expectUrl(path), `${mode}:   at ${expectUrl(path)}`);
      steps.push({ path, cond });
    };
    const nav = (label) => () => click(page, 'nav[aria-label="Demos"] a', label);

    // One link by keyboard: Tab until "Counter" has focus, then Enter.
    let focused = "";
    for (let i = 0; i < 12 && focused !== "Counter"; i += 1) {
      for (const type of ["keyDown", "keyUp"]) {
        await page.send("Input.dispatchKeyEvent", { type, key: "Tab", code: "Tab", windowsVirtualKeyCode: 9 });
      }
      focused = await page.eval("document.activeElement?.textContent ?? ''");
    }
    check(focused === "Counter", `${mode}: the navigation is reachable with Tab`);
    await step(async () => {
      for (const type of ["keyDown", "keyUp"]) {
        await page.send("Input.dispatchKeyEvent", { type, key: "Enter", code: "Enter", windowsVirtualKeyCode: 13, text: type === "keyDown" ? "\r" : undefined });
      }
    }, "/counter", ROUTES[1][1], "Enter on the Counter link opens the counter");
    await inPage(page, `$("#counter").click(); $("#counter").click();`);
    await waitFor(page, `text("#counter") === "Click Me: 2"`, `${mode}: the counter counts`);

    await step(nav("Tabs"), "/tabs", ROUTES[2][1], "nav to Tabs");
    await click(page, "#tabs [role=tab]", "b.txt");
    await waitFor(page, `shown("#tabs [data-tab]") === "none,block,none"`, `${mode}: the tabs switch`);

    await step(nav("Life cycle"), "/life-cycle", ROUTES[3][1], "nav to Life cycle");
    await click(page, "#lifecycle button");
    await waitFor(page, `text("#lifecycle").includes("odd duck")`, `${mode}: an odd count mounts the inner component`);
    await click(page, "#lifecycle button");
    await waitFor(page, `text("#lifecycle .log") === "count is odd and is 1" && text("#lifecycle p") === "Even numbers are fine."`, `${mode}: its effect logged once and was disposed`);

    await step(nav("TodoMVC"), "/todomvc", ROUTES[4][1], "nav to TodoMVC");
    await inPage(page, `
      for (const title of ["Buy milk", "Walk the dog"]) {
        const input = $(".new-todo");
        input.value = title;
        input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
      }
      $(".todo-list li .toggle").click();`);
    await waitFor(page, `todos() === "Buy milk,Walk the dog" && text(".todo-count") === "1 item left"`, `${mode}: TodoMVC adds and toggles`);
    const todoActive = mode === "history" ? "/todomvc#/active" : "/active";
    await step(() => click(page, ".filters a", "Active"), todoActive,
      `h1() === "TodoMVC" && todos() === "Walk the dog" && text(".filters a.selected") === "Active"`,
      "TodoMVC's #/active filter link filters (the router leaves fragment links alone)");
    await step(() => click(page, ".filters a", "All"), mode === "history" ? "/todomvc#/" : "/todomvc",
      `h1() === "TodoMVC" && todos() === "Buy milk,Walk the dog" && text(".filters a.selected") === "All"`,
      "TodoMVC's All filter shows both");

    await step(nav("Router"), "/router", ROUTES[5][1], "nav to Router");
    await step(() => click(page, '.users nav a', "Grace"), "/router/users/2", ROUTES[6][1], "user link opens the nested route");
    await step(() => click(page, ".tab-links a", "Work"), "/router/users/2?tab=work", ROUTES[7][1], "query link switches the tab");
    await step(() => click(page, '.users nav a', "Alan"), "/router/users/3",
      `text("#user h3") === "Alan" && text(".tab-body") === "Asked whether machines can think."`, "another user, same layout");

    await step(nav("Data"), "/data", ROUTES[9][1], "nav to Data");
    await step(() => click(page, "#data .choices a", "Vegetables"), "/data?file=vegetables", ROUTES[10][1], "data: another file");
    await step(() => click(page, "#data .choices a", "A missing file"), "/data?file=missing", ROUTES[11][1], "data: a missing file is caught by the ErrorBoundary");
    await step(() => click(page, "#data .choices a", "Malformed JSON"), "/data?file=malformed", ROUTES[12][1], "data: malformed JSON is caught by the ErrorBoundary");
    await step(() => click(page, "#data .choices a", "Fruit"), "/data?file=fruit", `cells() === "Apple,Cherry,Lemon,Plum"`, "data: the boundary recovers");
    await step(nav("Home"), "/", ROUTES[0][1], "nav to Home");
    check((await page.eval("window.__walk")) === "same page", `${mode}: the click-through never reloaded the page`);

    // 3. Back through every step, then forward again.
    for (let i = steps.length - 2; i >= 0; i -= 1) {
      await page.eval("history.back()");
      await waitFor(page, steps[i].cond, `${mode}: back to ${steps[i].path}`);
      check((await page.eval(shownUrl)) === expectUrl(steps[i].path), `${mode}:   at ${expectUrl(steps[i].path)}`);
    }
    for (let i = 1; i < steps.length; i += 1) {
      await page.eval("history.forward()");
      await waitFor(page, steps[i].cond, `${mode}: forward to ${steps[i].path}`);
    }
    check((await page.eval("window.__walk")) === "same page", `${mode}: back and forward never reloaded the page`);

    if (shots) await screenshots(page, mode, url);
    check(page.consoleErrors.length === 0, `${mode}: no console errors ${JSON.stringify(page.consoleErrors)}`);
  } finally {
    await page.close();
    await server.close();
  }
}

async function screenshots(page, mode, url) {
  mkdirSync(shots, { recursive: true });
  const views = { desktop: [1280, 900, false], phone: [390, 844, true] };
  const pages = ["/", "/counter", "/tabs", "/life-cycle", "/todomvc", "/router/users/2?tab=work", "/data", "/data?file=missing", "/no/such/page"];
  for (const [name, [width, height, mobile]] of Object.entries(views)) {
    await page.send("Emulation.setDeviceMetricsOverride", { width, height, deviceScaleFactor: 1, mobile });
    for (const path of pages) {
      await load(page, url(path));
      await page.eval(`new Promise((r) => setTimeout(r, 400))`);
      const { cssContentSize } = await page.send("Page.getLayoutMetrics");
      const { data } = await page.send("Page.captureScreenshot", {
        format: "png",
        captureBeyondViewport: true,
        clip: { x: 0, y: 0, width, height: Math.min(Math.ceil(cssContentSize.height), 4000), scale: 1 },
      });
      const file = join(shots, `${mode}-${name}-${path.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}.png`);
      writeFileSync(file, Buffer.from(data, "base64"));
    }
  }
  await page.send("Emulation.clearDeviceMetricsOverride");
  console.log(`screenshots of ${mode} mode in ${shots}`);
}

const browser = await launch();
try {
  for (const build of builds) await walk(browser, build);
} finally {
  await browser.close();
}
console.log(failures ? `\ndeep-link walk: ${failures} check(s) FAILED` : "\ndeep-link walk: all checks passed");
process.exit(failures ? 1 : 0);
