#!/usr/bin/env node
// Trunk post-build hook (Trunk.toml [[hooks]], stage "post_build"); runs in
// Trunk's staging directory ($TRUNK_STAGING_DIR) before dist/ is replaced.
//
// 1. Strict CSP: Trunk writes its wasm bootstrap as an inline
//    <script type="module">, which `script-src 'self'` forbids (trunk#288).
//    Each inline script of a release build is moved into a file named by
//    its content hash and loaded with <script type="module" src=...>, so
//    the page runs under `script-src 'self' 'wasm-unsafe-eval'`.
//    (`trunk serve` adds its live-reload script inline; serving is for
//    development, so only release builds are rewritten.)
// 2. Static hosts: 404.html (a copy of index.html) so deep links load on
//    GitHub Pages, and .nojekyll so Pages serves every file as it is.
"use strict";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { shortenNames } from "./short-names.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run me from a Trunk hook)");
  process.exit(1);
}
// 0. Shorter wasm-bindgen names in the wasm and its JS, and the JS glue
//    minified (short-names.mjs);
//    first, since it updates index.html's integrity hashes.
//    `--tools DIR`: a Larkspur checkout's scripts/tools, where terser is
//    (apps made by scripts/new-app pass it).
const toolsAt = process.argv.indexOf("--tools");
const toolsDir = toolsAt > 0 ? process.argv[toolsAt + 1] : undefined;
if (process.env.TRUNK_PROFILE === "release") await shortenNames(dir, toolsDir);
const index = join(dir, "index.html");
let html = readFileSync(index, "utf8");

if (process.env.TRUNK_PROFILE === "release") {
  // The public URL Trunk used for every asset ("/" or "/repo/").
  const publicUrl = process.env.TRUNK_PUBLIC_URL || "/";
  let moved = 0;
  html = html.replace(/<script type="module"(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g, (whole, attrs, body) => {
    if (!body.trim()) return whole;
    const name = `loader-${createHash("sha256").update(body).digest("hex").slice(0, 16)}.js`;
    writeFileSync(join(dir, name), body.trim() + "\n");
    moved += 1;
    const rest = attrs.replace(/\snonce="[^"]*"/, "");
    return `<script type="module"${rest} src="${publicUrl}${name}"></script>`;
  });
  if (/<script(?![^>]*\bsrc=)[^>]*>\s*\S/.test(html)) {
    console.error("post-build: an inline script is left in index.html; strict CSP would block it");
    process.exit(1);
  }
  writeFileSync(index, html);
  if (moved) console.log(`post-build: moved ${moved} inline script(s) into files (strict CSP)`);
}

copyFileSync(index, join(dir, "404.html"));
writeFileSync(join(dir, ".nojekyll"), "");
