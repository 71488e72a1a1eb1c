//! The apps under test and how each is built into its own dist folder.

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

export function apps(root) {
  return [
    { key: "vanilla", name: "vanilla JS", dir: join(root, "bench/vanilla"), kind: "static", watch: ["index.html", "main.js"] },
    { key: "wasm-bindgen", name: "wasm-bindgen", dir: join(root, "bench/wasm-bindgen"), kind: "trunk", watch: ["src", "Cargo.toml", "Cargo.lock", "index.html", "Trunk.toml"] },
    { key: "larkspur", name: "Larkspur", dir: join(root, "examples/js-framework-benchmark"), kind: "trunk",
      watch: ["src", "Cargo.toml", "index.html", "Trunk.toml", "../../src", "../../reactive/src", "../../dom/src", "../../macros/src", "../../Cargo.lock", "../../Cargo.toml"] },
    { key: "leptos", name: "Leptos", crate: "leptos", dir: join(root, "bench/peers/leptos"), kind: "trunk", watch: ["src", "Cargo.toml", "Cargo.lock", "index.html", "Trunk.toml"] },
    { key: "sycamore", name: "Sycamore", crate: "sycamore", dir: join(root, "bench/peers/sycamore"), kind: "trunk", watch: ["src", "Cargo.toml", "Cargo.lock", "index.html", "Trunk.toml"] },
  ].map((a) => ({ ...a, dist: join(a.dir, "dist") }));
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function needsBuild(app) {
  const stamp = join(app.dist, "index.html");
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return app.watch.some((w) => newestMtime(join(app.dir, w)) > built);
}

export function build(app, log) {
  if (!existsSync(app.dir)) throw new Error(`${app.name}: ${app.dir} does not exist`);
  if (app.kind === "static") {
    rmSync(app.dist, { recursive: true, force: true });
    mkdirSync(app.dist, { recursive: true });
    for (const f of app.watch) cpSync(join(app.dir, f), join(app.dist, f));
    return;
  }
  log(`building ${app.name}: trunk build --release --offline (in ${app.dir})`);
  const t0 = Date.now();
  checkWasmOpt();
  const res = spawnSync("trunk", ["build", "--release", "--offline"], { cwd: app.dir, stdio: ["ignore", "inherit", "inherit"] });
  if (res.error) throw new Error(`${app.name}: cannot run trunk: ${res.error.message}`);
  if (res.status !== 0) throw new Error(`${app.name}: trunk build failed (exit ${res.status})`);
  log(`built ${app.name} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

let wasmOptChecked = false;

/**
 * Checks that the wasm-opt Trunk will find works with wasm-bindgen 0.2.130.
 * binaryen before 116 (Debian bookworm ships 108) rewrites the export of
 * wasm-bindgen's second table (`__wbindgen_externrefs`) to table 0, so the
 * app dies at start with "WebAssembly.Table.set(): Argument 1 is invalid for
 * table". scripts/setup installs binaryen 132 from npm into scripts/tools and
 * scripts/env.sh (sourced by scripts/bench) puts it first on PATH.
 */
function checkWasmOpt() {
  if (wasmOptChecked) return;
  const probe = spawnSync("wasm-opt", ["--version"], { encoding: "utf8" });
  const version = Number((probe.stdout ?? "").match(/version (\d+)/)?.[1] ?? 0);
  if (version < 116) {
    throw new Error(`wasm-opt ${version || "not found"} on PATH; need binaryen >= 116 (run scripts/setup; scripts/bench sources scripts/env.sh)`);
  }
  wasmOptChecked = true;
}

/** Version of a crate as locked in the app's (or the workspace's) Cargo.lock. */
export function lockedVersion(app, crate) {
  for (const lock of [join(app.dir, "Cargo.lock"), join(app.dir, "../../Cargo.lock")]) {
    if (!existsSync(lock)) continue;
    const m = readFileSync(lock, "utf8").match(new RegExp(`name = "${crate}"\\nversion = "([^"]+)"`));
    if (m) return m[1];
  }
  return undefined;
}
