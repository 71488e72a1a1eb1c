#!/usr/bin/env node
// Shortens the names wasm-bindgen gives the imports and exports between a
// release wasm and its JS glue. wasm-bindgen names every import
// `__wbg_<method>_<16 hex digits>` (and closure shims
// `..._invoke__h<16 hex digits>`); the hex is random to a compressor, and
// each name is stored twice (wasm import section, JS import object). Every
// such name, and wasm-bindgen's fixed helper names (`__wbindgen_malloc`,
// `__externref_table_alloc`, ...), is renamed to a short one (`$0`, `$1`,
// ...) in both files, the same way, so nothing else changes; so is the
// glue's import module (`./app_bg.js`, named once per import in the wasm).
// wasm-bindgen's loader is replaced by a smaller one that takes the same
// inputs (see `compactLoader`), and short ASCII strings are read from the
// wasm without `TextDecoder` (see `fastShortStrings`), and the wasm's
// functions are laid out for the compressor (scripts/wasm-layout.mjs). Then
// the JS glue is minified with terser (scripts/tools, installed by
// scripts/setup):
// wasm-bindgen's glue is readable source, 16 KB for the counter, and
// minified it is about 1 KB smaller in brotli. terser is looked up in this
// checkout's scripts/tools, in a tools directory given by the caller (an
// app made by scripts/new-app passes its Larkspur checkout's), and in the
// app's own node_modules; where none has it, the glue is left as it is and
// a note says so.
// Measured: BENCHMARKS.md, "Bytes".
//
//   node scripts/short-names.mjs DIR     rewrites DIR/*_bg.wasm and its .js
//
// Release builds only: a Trunk post_build hook of its own (the counter and
// benchmark apps) or called first by scripts/post-build.mjs (the showcase,
// TodoMVC, the starter), in Trunk's staging directory ($TRUNK_STAGING_DIR).
"use strict";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join, resolve } from "node:path";
import { leb, smallestLayout } from "./wasm-layout.mjs";

/** terser from scripts/tools next to this file, from `toolsDir`, or from
 * the app's own node_modules; `null` when none has it. */
function findTerser(toolsDir) {
  const here = dirname(fileURLToPath(import.meta.url));
  const bases = [join(here, "tools", "package.json"), join(process.cwd(), "package.json")];
  if (toolsDir) bases.splice(1, 0, join(resolve(toolsDir), "package.json"));
  for (const base of bases) {
    try {
      return createRequire(base)("terser");
    } catch {
      // not installed there: try the next place
    }
  }
  return null;
}

/** The glue minified, or unchanged (with a note) without terser. Mangling
 * keeps the two exports (`default`, `initSync`) that Trunk's loader imports. */
async function minifyGlue(js, file, toolsDir) {
  const terser = findTerser(toolsDir);
  if (!terser) {
    console.log(`short-names: terser not found; ${file} left unminified (scripts/setup installs it)`);
    return js;
  }
  const out = await terser.minify(js, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  return out.code;
}

// Names to shorten: wasm-bindgen's hashed import names and closure shims,
// and its fixed helper names (`__wbindgen_malloc`, `__externref_table_alloc`,
// `__wbindgen_generic_0000000000000001`, ...), which are as long and just as
// private to the pair of files.
const SHORTEN = /(?:^__wbg_.*_[0-9a-f]{16}$)|(?:__h[0-9a-f]{16}$)|(?:^__wbindgen_)|(?:^__externref_)/;

/** `name` as a whole identifier (not inside a longer one) in the glue. */
const identifier = (name) => new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`, "g");

function rewrite(wasm, rename, renameModule) {
  let p = 8;
  const readU32 = () => {
    let r = 0, s = 0, b;
    do { b = wasm[p++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80);
    return r >>> 0;
  };
  const readName = () => { const l = readU32(); const n = wasm.subarray(p, p + l).toString(); p += l; return n; };
  const name = (n) => { const b = Buffer.from(rename(n)); return [...leb(b.length), ...b]; };
  const parts = [wasm.subarray(0, 8)];
  while (p < wasm.length) {
    const id = wasm[p++];
    const len = readU32();
    const start = p, end = p + len;
    if (id === 2 || id === 7) {
      const body = [];
      const n = readU32();
      body.push(...leb(n));
      for (let i = 0; i < n; i++) {
        if (id === 2) {
          const mod = readName();
          const field = readName();
          const descStart = p;
          const kind = wasm[p++];
          // Skip the import description to find where the next entry starts.
          if (kind === 0) readU32();
          else if (kind === 1) { p++; const f = readU32(); readU32(); if (f & 1) readU32(); }
          else if (kind === 2) { const f = readU32(); readU32(); if (f & 1) readU32(); }
          else if (kind === 3) p += 2;
          else if (kind === 4) { p++; readU32(); }
          else throw new Error(`short-names: unknown import kind ${kind} (leaving the files alone)`);
          const m = Buffer.from(renameModule(mod));
          body.push(...leb(m.length), ...m, ...name(field), ...wasm.subarray(descStart, p));
        } else {
          const field = readName();
          const descStart = p;
          p++; readU32();
          body.push(...name(field), ...wasm.subarray(descStart, p));
        }
      }
      if (p !== end) throw new Error("short-names: section length mismatch (leaving the files alone)");
      parts.push(Buffer.from([id, ...leb(body.length), ...body]));
    } else {
      parts.push(Buffer.from([id, ...leb(len)]), wasm.subarray(start, end));
    }
    p = end;
  }
  return Buffer.concat(parts);
}

// The same loader, smaller: one promise per page load (retried after a
// failure), the same inputs (a path, URL, Request, Response, bytes or
// module, bare or as `{ module_or_path }`), the fallback to
// `WebAssembly.instantiate` when the server does not send
// `application/wasm`, and the same error for a failed fetch.
const LARKSPUR_LOADER = (wasmFile) => `let __wbg_init_promise;
async function __larkspur_load(src) {
    if (src !== undefined && Object.getPrototypeOf(src) === Object.prototype) src = src.module_or_path;
    src ??= new URL('${wasmFile}', import.meta.url);
    const imports = __wbg_get_imports();
    if (typeof src === 'string' || src instanceof URL || src instanceof Request) src = fetch(src);
    src = await src;
    let out;
    if (src instanceof Response) {
        if (!src.ok) throw new Error(\`failed to fetch Wasm: \${src.status} \${src.statusText} fetching '\${src.url}'\`);
        try {
            out = await WebAssembly.instantiateStreaming(src, imports);
        } catch (e) {
            if (src.headers.get('Content-Type') === 'application/wasm') throw e;
            console.warn('the server does not send Wasm as application/wasm; loading it the slower way', e);
            out = await WebAssembly.instantiate(await src.arrayBuffer(), imports);
        }
    } else {
        out = await WebAssembly.instantiate(src, imports);
        if (out instanceof WebAssembly.Instance) out = { instance: out, module: src };
    }
    return __wbg_finalize_init(out.instance, out.module);
}
function __wbg_init(src) {
    if (wasm !== undefined) return Promise.resolve(wasm);
    return (__wbg_init_promise ??= __larkspur_load(src).catch((e) => {
        __wbg_init_promise = undefined;
        throw e;
    }));
}
export { __wbg_init as default };
`;

/** The glue with wasm-bindgen's loader replaced by a smaller one.
 *
 * wasm-bindgen's loader (the `web` target) runs from `__wbg_load` to the end
 * of the glue: `__wbg_load`, `initSync`, `__wbg_init` and `__wbg_init_once`,
 * with warnings for the pre-0.2.93 call forms and checks for browsers
 * without `Response`, `URL`, `Request` or `instantiateStreaming`. A browser
 * that runs this wasm (reference types, bulk memory) has all of them, and
 * Trunk's page calls `init({ module_or_path })`. Its fallbacks for browsers
 * without `TextEncoder.encodeInto` or `FinalizationRegistry` go too, for the
 * same reason. When the
 * glue does not have the shape this expects (another wasm-bindgen), it is
 * left as it is, with a note. */
function compactLoader(js) {
  const start = js.indexOf("\nasync function __wbg_load(module, imports) {\n");
  const wasmFile = start >= 0 && /new URL\('([^'\\]+)', import\.meta\.url\)/.exec(js.slice(start))?.[1];
  const shaped =
    wasmFile &&
    /\nexport \{ initSync, __wbg_init as default \};\s*$/.test(js) &&
    js.includes("\nasync function __wbg_init_once(module_or_path) {\n", start) &&
    /\nfunction __wbg_finalize_init\(instance, module\) \{\n/.test(js.slice(0, start)) &&
    /(?:^|\n)function __wbg_get_imports\(\) \{\n/.test(js.slice(0, start)) &&
    /\nlet wasmModule, wasmInstance, wasm;\n/.test(js.slice(0, start));
  if (!shaped) {
    console.log(`short-names: wasm-bindgen's loader is not the one this script knows; left as it is`);
    return js;
  }
  const encodeIntoFallback = /\nif \(!\('encodeInto' in cachedTextEncoder\)\) \{\n[\s\S]*?\n\}\n/;
  // The same for `FinalizationRegistry`: keep the registry, drop the stub.
  const registryFallback = /\(typeof FinalizationRegistry === 'undefined'\)\s*\?\s*\{ register: \(\) => \{\}, unregister: \(\) => \{\} \}\s*:\s*/;
  let out = js.slice(0, start + 1).replace(encodeIntoFallback, "\n").replace(registryFallback, "");
  // The module and instance were kept for `initSync`'s callers only.
  const unused = out
    .replace("let wasmModule, wasmInstance, wasm;", "let wasm;")
    .replace("\n    wasmInstance = instance;", "")
    .replace("\n    wasmModule = module;", "");
  if (!/\bwasm(Module|Instance)\b/.test(unused)) out = unused;
  return out + LARKSPUR_LOADER(wasmFile);
}

// wasm-bindgen reads every string from the wasm memory with
// `TextDecoder.decode`. In Chromium that call has a fixed cost (a Blink
// binding and a new `Uint8Array` view) larger than decoding a short string
// in JS: building a 1,000-row table decodes 2,000 short strings (ids and
// labels), 2.5-4.3 ms of the click's 25-30 ms in a profile
// (BENCHMARKS.md, sixth round). Short ASCII strings are therefore decoded
// here, a byte per UTF-16 code unit; any other byte, or a longer string,
// goes to `TextDecoder` as before, so the result is the same for every
// input.
const SHORT_STRING_BYTES = 64;
const WB_GET_STRING = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}`;
const FAST_GET_STRING = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    const bytes = getUint8ArrayMemory0();
    let s = "", i = 0;
    if (len <= ${SHORT_STRING_BYTES}) {
        for (; i < len && bytes[ptr + i] < 128; i++) s += String.fromCharCode(bytes[ptr + i]);
    }
    return i === len ? s : decodeText(bytes.subarray(ptr, ptr + len));
}`;

/** `getStringFromWasm0` with the short-ASCII path; the glue unchanged (with
 * a note) when its reader is not the one this script knows. */
export function fastShortStrings(js) {
  if (!js.includes("getStringFromWasm0")) return js;
  if (!js.includes(WB_GET_STRING)) {
    console.log("short-names: wasm-bindgen's string reader is not the one this script knows; left as it is");
    return js;
  }
  return js.replace(WB_GET_STRING, FAST_GET_STRING);
}

/** Shortens the names in every `*_bg.wasm` of `dir` and its `.js`, minifies
 * the `.js` (terser from `toolsDir` too, if given), and updates the
 * subresource-integrity hashes in `dir/index.html`. */
export async function shortenNames(dir, toolsDir) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith("_bg.wasm"))) {
    const wasmPath = join(dir, file);
    const jsPath = join(dir, file.replace(/_bg\.wasm$/, ".js"));
    let js;
    try { js = readFileSync(jsPath, "utf8"); } catch { continue; }
    const wasm = readFileSync(wasmPath);
    const map = new Map();
    const rename = (n) => {
      // Only names the glue uses: an export such as `main` or the abort
      // handler's globals is looked up by no one, and keeps its name.
      if (!SHORTEN.test(n) || !identifier(n).test(js)) return n;
      if (!map.has(n)) map.set(n, `$${map.size.toString(36)}`);
      return map.get(n);
    };
    // The glue's own import module (`./app_bg.js`, the name wasm-bindgen
    // gave it before Trunk hashed the file names), named once per import in
    // the wasm; other modules (wasm-bindgen snippets) are real files.
    const modules = new Set();
    const renameModule = (m) => {
      if (!/^\.\/[^/]*_bg\.js$/.test(m) || !js.includes(JSON.stringify(m))) return m;
      modules.add(m);
      return "$";
    };
    let out;
    try {
      out = rewrite(wasm, rename, renameModule);
    } catch (e) {
      console.error(e.message);
      continue;
    }
    for (const [from, to] of map) js = js.replace(identifier(from), to);
    if (modules.size > 1) {
      console.error(`short-names: ${file} imports from ${[...modules].join(", ")} (leaving the files alone)`);
      continue;
    }
    for (const m of modules) js = js.split(JSON.stringify(m)).join('"$"');
    if (map.size === 0) continue;
    // The functions in the order that compresses best (wasm-layout.mjs;
    // it leaves the module as it is on anything it does not know).
    out = smallestLayout(out);
    const names = map.size;
    const before = js.length;
    js = compactLoader(js);
    js = fastShortStrings(js);
    js = await minifyGlue(js, file.replace(/_bg\.wasm$/, ".js"), toolsDir);
    // Trunk has already written subresource-integrity hashes of both files
    // into the page; they must follow the new contents.
    const sri = (data) => "sha384-" + createHash("sha384").update(data).digest("base64");
    const page = join(dir, "index.html");
    if (existsSync(page)) {
      const html = readFileSync(page, "utf8");
      const oldJs = readFileSync(jsPath);
      writeFileSync(page, html.split(sri(wasm)).join(sri(out)).split(sri(oldJs)).join(sri(js)));
    }
    writeFileSync(wasmPath, out);
    writeFileSync(jsPath, js);
    console.log(`short-names: ${file}: ${names} names shortened; glue ${before} -> ${js.length} bytes`);
  }
}

// Run directly (`node scripts/short-names.mjs DIR`, or as a Trunk hook).
if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error("short-names: give a directory (or run from a Trunk hook)");
    process.exit(1);
  }
  // As a hook: release builds only (debug builds keep the names readable).
  if (process.argv[2] || process.env.TRUNK_PROFILE === "release") await shortenNames(dir);
}
