//! Minimal Chrome DevTools Protocol client: launches Chromium, speaks CDP over
//! the browser WebSocket with flattened sessions (one per tab). Zero npm deps;
//! needs Node 20 with `--experimental-websocket` (or Node 22+).

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CHROMIUM_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--no-default-browser-check",
  "--disable-extensions",
  "--disable-default-apps",
  "--disable-background-timer-throttling",
  "--disable-renderer-backgrounding",
  "--disable-backgrounding-occluded-windows",
  "--window-size=1280,1000",
];

/** Launches Chromium and resolves with a connected Browser. */
export async function launch(executable = "/usr/bin/chromium", extraFlags = []) {
  const userDataDir = mkdtempSync(join(tmpdir(), "larkspur-bench-chrome-"));
  const args = [
    ...CHROMIUM_FLAGS,
    ...extraFlags,
    "--remote-debugging-port=0",
    `--user-data-dir=${userDataDir}`,
    "about:blank",
  ];
  const child = spawn(executable, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  const wsUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Chromium did not start in 30 s:\n${stderr}`)), 30000);
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      const m = stderr.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited with ${code}:\n${stderr}`));
    });
  });
  child.stderr.resume();
  const browser = new Browser(child, userDataDir);
  await browser.connect(wsUrl);
  return browser;
}

class Browser {
  constructor(child, userDataDir) {
    this.child = child;
    this.userDataDir = userDataDir;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Map(); // sessionId|"" -> Set(fn(method, params))
  }

  connect(url) {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      this.ws = ws;
      ws.onopen = () => resolve();
      ws.onerror = (e) => reject(new Error(`CDP WebSocket error: ${e.message ?? e}`));
      ws.onclose = () => {
        for (const { reject: rej, method } of this.pending.values()) rej(new Error(`CDP closed during ${method}`));
        this.pending.clear();
      };
      ws.onmessage = (event) => this.onMessage(JSON.parse(event.data));
    });
  }

  onMessage(msg) {
    if (msg.id !== undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message} ${msg.error.data ?? ""}`));
      else p.resolve(msg.result);
      return;
    }
    const set = this.listeners.get(msg.sessionId ?? "");
    if (set) for (const fn of [...set]) fn(msg.method, msg.params);
  }

  send(method, params = {}, sessionId = undefined, timeoutMs = 120000) {
    const id = this.nextId++;
    const msg = { id, method, params };
    if (sessionId) msg.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`CDP ${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.ws.send(JSON.stringify(msg));
    });
  }

  on(sessionId, fn) {
    const key = sessionId ?? "";
    if (!this.listeners.has(key)) this.listeners.set(key, new Set());
    this.listeners.get(key).add(fn);
    return () => this.listeners.get(key)?.delete(fn);
  }

  async version() {
    return this.send("Browser.getVersion");
  }

  /** Opens a new tab and returns a Page bound to a flattened session. */
  async newPage() {
    const { targetId } = await this.send("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await this.send("Target.attachToTarget", { targetId, flatten: true });
    const page = new Page(this, targetId, sessionId);
    await page.init();
    return page;
  }

  async close() {
    try {
      await this.send("Browser.close", {}, undefined, 5000);
    } catch {
      /* already gone */
    }
    await new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const t = setTimeout(() => {
        this.child.kill("SIGKILL");
        resolve();
      }, 5000);
      this.child.on("exit", () => (clearTimeout(t), resolve()));
    });
    try {
      this.ws.close();
    } catch {
      /* ignore */
    }
    rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

export class Page {
  constructor(browser, targetId, sessionId) {
    this.browser = browser;
    this.targetId = targetId;
    this.sessionId = sessionId;
    this.consoleErrors = [];
  }

  send(method, params = {}, timeoutMs) {
    return this.browser.send(method, params, this.sessionId, timeoutMs);
  }

  on(fn) {
    return this.browser.on(this.sessionId, fn);
  }

  waitFor(eventName, timeoutMs = 60000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => (off(), reject(new Error(`timeout waiting for ${eventName}`))), timeoutMs);
      const off = this.on((method, params) => {
        if (method === eventName) {
          clearTimeout(timer);
          off();
          resolve(params);
        }
      });
    });
  }

  async init() {
    this.on((method, params) => {
      if (method === "Runtime.exceptionThrown") {
        this.consoleErrors.push(params.exceptionDetails?.exception?.description ?? params.exceptionDetails?.text);
      } else if (method === "Runtime.consoleAPICalled" && params.type === "error") {
        this.consoleErrors.push(params.args.map((a) => a.value ?? a.description).join(" "));
      }
    });
    await this.send("Page.enable");
    await this.send("Runtime.enable");
  }

  async goto(url, timeoutMs = 60000) {
    const loaded = this.waitFor("Page.loadEventFired", timeoutMs);
    const res = await this.send("Page.navigate", { url });
    if (res.errorText) throw new Error(`navigation to ${url} failed: ${res.errorText}`);
    await loaded;
  }

  /** Evaluates an expression (awaiting promises) and returns its value. */
  async eval(expression, timeoutMs = 120000) {
    const res = await this.send(
      "Runtime.evaluate",
      { expression, awaitPromise: true, returnByValue: true, userGesture: true },
      timeoutMs,
    );
    if (res.exceptionDetails) {
      const d = res.exceptionDetails;
      throw new Error(`in page: ${d.exception?.description ?? d.text}`);
    }
    return res.result.value;
  }

  async close() {
    try {
      await this.browser.send("Target.closeTarget", { targetId: this.targetId }, undefined, 10000);
    } catch {
      /* ignore */
    }
  }
}
