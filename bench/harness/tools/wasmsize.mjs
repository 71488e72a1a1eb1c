// Crude twiggy: code size per crate and the largest functions of a wasm with a name section.
// usage: node bench/harness/tools/wasmsize.mjs <file.wasm> [top N]
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { execFileSync } from "node:child_process";
const buf = readFileSync(process.argv[2]);
let p = 8;
const u32 = () => { let r = 0, s = 0, b; do { b = buf[p++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
let imports = 0; const sizes = []; const names = new Map(); const sections = {};
while (p < buf.length) {
  const id = buf[p++]; const len = u32(); const end = p + len;
  sections[id] = (sections[id] ?? 0) + len;
  if (id === 2) { const n = u32(); for (let i = 0; i < n; i++) { for (let k = 0; k < 2; k++) { const l = u32(); p += l; } const kind = buf[p++]; if (kind === 0) { u32(); imports++; } else if (kind === 1) { p++; const f = u32(); u32(); if (f & 1) u32(); } else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); } else if (kind === 3) { p += 2; } } }
  if (id === 10) { const n = u32(); for (let i = 0; i < n; i++) { const l = u32(); sizes.push(l); p += l; } }
  if (id === 0) { const nl = u32(); const name = buf.slice(p, p + nl).toString(); p += nl; if (name === "name") { while (p < end) { const sid = buf[p++]; const sl = u32(); const se = p + sl; if (sid === 1) { const n = u32(); for (let i = 0; i < n; i++) { const idx = u32(); const l = u32(); names.set(idx, buf.slice(p, p + l).toString()); p += l; } } p = se; } } }
  p = end;
}
// binaryen may write imports in the compact-imports encoding, which the
// import count above misreads (names then shift by a few functions); when
// binaryen's wasm-dis is installed (scripts/setup), the names are taken from
// its text, where functions appear in code-section order.
// (scripts/setup links binaryen's wasm-opt onto PATH; wasm-dis sits beside it.)
const dis = [new URL("../../../scripts/tools/node_modules/binaryen/bin/wasm-dis", import.meta.url).pathname]
  .concat((process.env.PATH ?? "").split(delimiter).map((d) => join(d, "wasm-opt")).filter(existsSync)
    .map((o) => join(dirname(realpathSync(o)), "wasm-dis")))
  .find(existsSync);
let ordered = null;
if (dis) {
  const wat = execFileSync(dis, [process.argv[2]], { encoding: "utf8", maxBuffer: 1 << 28 });
  ordered = [...wat.matchAll(/^ \(func \$("[^"]*"|\S+)/gm)].map((m) => m[1].replace(/^"|"$/g, ""));
  if (ordered.length !== sizes.length) ordered = null;
}
const nameOf = (i) => (ordered ? ordered[i] : names.get(i + imports)) ?? `func${i + imports}`;
const rows = sizes.map((s, i) => [s, nameOf(i)]).sort((a, b) => b[0] - a[0]);
const total = sizes.reduce((a, b) => a + b, 0);
console.log(`code ${total} B in ${sizes.length} functions; data ${sections[11] ?? 0} B`);
const groups = new Map();
for (const [s, n] of rows) { const m = n.match(/(larkspur_reactive|larkspur_macros|larkspur|dlmalloc|core::fmt|hashbrown|std|alloc|core|wasm_bindgen|web_sys|js_sys|js_framework_benchmark)/); const g = m ? m[1] : "other"; groups.set(g, (groups.get(g) ?? 0) + s); }
console.log([...groups].sort((a, b) => b[1] - a[1]).map(([g, s]) => `${g} ${s}`).join(", "));
for (const [s, n] of rows.slice(0, Number(process.argv[3] ?? 25))) console.log(String(s).padStart(6), n.slice(0, 150));
