// Lays out a release wasm module's functions for the compressor: the same
// module, with its function imports and its function bodies in another
// order, every function index renumbered to match. Brotli (and gzip) find
// more repeats when similar bodies sit near each other, and wasm-opt's own
// order is whatever its passes leave: a change in one function could move
// an app's brotli size by ±50 bytes with no change in what it runs
// (BENCHMARKS.md, "Bytes", rounds 26 and 27).
//
// `smallestLayout(wasm)` builds a few candidate orders (wasm-opt's own
// among them), compresses each with brotli at quality 11, and keeps the
// smallest, so it never makes a module larger. Nothing else in the module
// changes: types, memory, data, the function table's slots and every export
// and import name stay as they are, so the JS glue needs no change.
//
// Only instructions of the features the apps enable (MVP, sign extension,
// saturating float-to-int, bulk memory, reference types, multi-value) are
// known; a module with anything else (a `name` section or any custom
// section other than `producers` and `target_features`, SIMD, exception
// handling, GC, typed function references) is left as it is, with a note,
// as is a module that does not parse.
//
// What changes besides the bytes: a function's index, so its
// `wasm-function[N]` name in a stack trace and the `.name` the JS API gives
// an exported or table function (its index) differ from the module before
// the pass. Release builds carry no function names either way.
//
//   node scripts/wasm-layout.mjs FILE.wasm     rewrites FILE.wasm in place
"use strict";
import { readFileSync, realpathSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";

class Unsupported extends Error {}

/** `n` as an unsigned LEB128 number (the bytes). */
export function leb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

/** A reader over `buf` from `p`. */
function reader(buf, p = 0) {
  const r = {
    p,
    u32() {
      let v = 0, s = 0, b;
      do {
        if (r.p >= buf.length || s > 35) throw new Unsupported("truncated module");
        b = buf[r.p++];
        v += (b & 0x7f) * 2 ** s;
        s += 7;
      } while (b & 0x80);
      return v;
    },
    byte() {
      if (r.p >= buf.length) throw new Unsupported("truncated module");
      return buf[r.p++];
    },
    skipLeb() {
      while (r.byte() & 0x80);
    },
    bytes(n) {
      if (r.p + n > buf.length) throw new Unsupported("truncated module");
      const out = buf.subarray(r.p, r.p + n);
      r.p += n;
      return out;
    },
  };
  return r;
}

/** Skips a value type (a reference type with a heap type included). */
function skipValType(r) {
  const b = r.byte();
  if (b === 0x63 || b === 0x64) throw new Unsupported("typed function references");
  if (!(b === 0x7f || b === 0x7e || b === 0x7d || b === 0x7c || b === 0x7b || b === 0x70 || b === 0x6f)) {
    throw new Unsupported(`value type 0x${b.toString(16)}`);
  }
}

/**
 * Copies the instructions of `buf[start..end)` with every function index
 * (`call`, `return_call`, `ref.func`) mapped through `map` (a function of
 * the old index): a function body, which must end with the `end` that
 * closes it exactly at `end`, or with `constant`, a constant expression
 * (no blocks), which ends at its first `end`. Returns where it ended.
 */
function rewriteInstructions(buf, start, end, map, out, constant = false) {
  const r = reader(buf.subarray(0, end), start);
  let copied = start;
  let depth = 0;
  const func = () => {
    const at = r.p;
    const old = r.u32();
    const now = map(old);
    if (now === undefined) throw new Unsupported(`function index ${old} out of range`);
    out.push(buf.subarray(copied, at), Buffer.from(leb(now)));
    copied = r.p;
  };
  for (;;) {
    const op = r.byte();
    if (op === 0x0b) {
      if (depth-- === 0) break;
      continue;
    }
    if (op <= 0x01 || op === 0x05 || op === 0x0f || op === 0x1a || op === 0x1b) continue;
    if (op >= 0x45 && op <= 0xc4) continue; // numeric, sign extension
    switch (op) {
      case 0x02: case 0x03: case 0x04: { // block, loop, if: a block type
        if (constant) throw new Unsupported("a block in a constant expression");
        depth++;
        const b = buf[r.p];
        if (b & 0x80) r.skipLeb(); // a type index of two bytes or more
        else if (b >= 0x40 && b !== 0x40) skipValType(r);
        else r.byte(); // empty, or a type index under 64
        break;
      }
      case 0x0c: case 0x0d: case 0x20: case 0x21: case 0x22: case 0x23: case 0x24: case 0x25: case 0x26:
      case 0x3f: case 0x40:
        r.u32();
        break;
      case 0x0e: {
        const n = r.u32();
        for (let i = 0; i <= n; i++) r.u32();
        break;
      }
      case 0x10: case 0x12: case 0xd2:
        func();
        break;
      case 0x11: case 0x13:
        r.u32();
        r.u32();
        break;
      case 0x1c: {
        const n = r.u32();
        for (let i = 0; i < n; i++) skipValType(r);
        break;
      }
      case 0x41: case 0x42:
        r.skipLeb();
        break;
      case 0x43:
        r.bytes(4);
        break;
      case 0x44:
        r.bytes(8);
        break;
      case 0xd0: {
        const b = r.byte();
        if (b !== 0x70 && b !== 0x6f) throw new Unsupported("typed heap type");
        break;
      }
      case 0xd1:
        break;
      case 0xfc: {
        const sub = r.u32();
        if (sub <= 7) break;
        if (sub === 8 || sub === 10 || sub === 12 || sub === 14) {
          r.u32();
          r.u32();
        } else if (sub <= 17) r.u32();
        else throw new Unsupported(`instruction 0xfc ${sub}`);
        break;
      }
      default:
        if (op >= 0x28 && op <= 0x3e) { // loads and stores: a memarg
          const align = r.u32();
          if (align & 0x40) r.u32();
          r.skipLeb();
          break;
        }
        throw new Unsupported(`instruction 0x${op.toString(16)}`);
    }
  }
  if (!constant && r.p !== end) throw new Unsupported("a function body ends before its size says");
  out.push(buf.subarray(copied, r.p));
  return r.p;
}

/** The module's sections and its function imports and bodies. */
export function parseModule(wasm) {
  if (wasm.length < 8 || wasm.readUInt32LE(0) !== 0x6d736100 || wasm.readUInt32LE(4) !== 1) {
    throw new Unsupported("not a wasm module");
  }
  const r = reader(wasm, 8);
  const sections = [];
  while (r.p < wasm.length) {
    const from = r.p;
    const id = r.byte();
    const len = r.u32();
    const start = r.p;
    sections.push({ id, from, start, end: start + len });
    r.p = start + len;
    if (r.p > wasm.length) throw new Unsupported("truncated module");
    if (id === 0) {
      // Only custom sections known to hold no function index or code
      // offset (a `name` section, branch hints, source maps and debug
      // information all do).
      const name = reader(wasm.subarray(0, start + len), start);
      const custom = name.bytes(name.u32()).toString();
      if (custom !== "producers" && custom !== "target_features") throw new Unsupported(`a "${custom}" section`);
    } else if (id === 4) {
      // Tables: a table with an initial value (0x40 0x00 …) could hold `ref.func`.
      const t = reader(wasm.subarray(0, start + len), start);
      for (let n = t.u32(); n > 0; n--) {
        if (wasm[t.p] === 0x40) throw new Unsupported("a table with an initial value");
        skipValType(t);
        const flags = t.u32();
        t.u32();
        if (flags & 1) t.u32();
      }
    } else if (id > 12) {
      throw new Unsupported(`section ${id}`);
    }
  }
  const section = (id) => sections.find((s) => s.id === id);
  // A reader that cannot read past the section's end.
  const within = (s) => reader(wasm.subarray(0, s.end), s.start);
  // Imports: every entry's bytes, and which are functions.
  const imports = [];
  if (section(2)) {
    const s = section(2);
    const ir = within(s);
    const n = ir.u32();
    for (let i = 0; i < n; i++) {
      const from = ir.p;
      ir.bytes(ir.u32());
      ir.bytes(ir.u32());
      const kind = ir.byte();
      if (kind === 0) ir.u32();
      else if (kind === 1) {
        skipValType(ir);
        const f = ir.u32();
        ir.u32();
        if (f & 1) ir.u32();
      } else if (kind === 2) {
        const f = ir.u32();
        ir.u32();
        if (f & 1) ir.u32();
      } else if (kind === 3) {
        skipValType(ir);
        ir.byte();
      } else throw new Unsupported(`import kind ${kind}`);
      imports.push({ bytes: wasm.subarray(from, ir.p), func: kind === 0 });
    }
  }
  const types = [];
  if (section(3)) {
    const fr = within(section(3));
    const n = fr.u32();
    for (let i = 0; i < n; i++) {
      const from = fr.p;
      fr.u32();
      types.push(wasm.subarray(from, fr.p));
    }
  }
  const bodies = [];
  if (section(10)) {
    const cr = within(section(10));
    const n = cr.u32();
    for (let i = 0; i < n; i++) {
      const len = cr.u32();
      const start = cr.p;
      cr.bytes(len);
      bodies.push({ start, end: cr.p });
    }
  }
  if (types.length !== bodies.length) throw new Unsupported("function and code sections disagree");
  return { wasm, sections, imports, types, bodies };
}

/**
 * The module with its function imports in `importOrder` (old import
 * numbers among the function imports) and its functions in `bodyOrder`
 * (old numbers among the defined functions).
 */
export function relayout(mod, importOrder, bodyOrder) {
  const { wasm, sections, imports, types, bodies } = mod;
  const funcImports = imports.filter((i) => i.func);
  const nImports = funcImports.length;
  const table = new Array(nImports + bodies.length);
  importOrder.forEach((old, now) => (table[old] = now));
  bodyOrder.forEach((old, now) => (table[nImports + old] = nImports + now));
  if (table.includes(undefined) || table.length !== nImports + bodies.length) throw new Error("not a permutation");
  const map = (old) => {
    if (!(old < table.length)) throw new Unsupported(`function index ${old} out of range`);
    return table[old];
  };
  const vec = (items) => Buffer.concat([Buffer.from(leb(items.length)), ...items]);
  const section = (id, payload) => Buffer.concat([Buffer.from([id, ...leb(payload.length)]), payload]);
  const parts = [wasm.subarray(0, 8)];
  for (const s of sections) {
    const r = reader(wasm.subarray(0, s.end), s.start);
    const out = [];
    switch (s.id) {
      case 2: { // function imports take the new order in the function imports' places
        let next = 0;
        parts.push(section(2, vec(imports.map((i) => (i.func ? funcImports[importOrder[next++]].bytes : i.bytes)))));
        continue;
      }
      case 3:
        parts.push(section(3, vec(bodyOrder.map((old) => types[old]))));
        continue;
      case 10:
        parts.push(section(10, vec(bodyOrder.map((old) => {
          const b = bodies[old];
          const br = reader(wasm.subarray(0, b.end), b.start);
          const locals = br.u32();
          for (let i = 0; i < locals; i++) {
            br.u32();
            skipValType(br);
          }
          const body = [wasm.subarray(b.start, br.p)];
          rewriteInstructions(wasm, br.p, b.end, map, body);
          const bytes = Buffer.concat(body);
          return Buffer.concat([Buffer.from(leb(bytes.length)), bytes]);
        }))));
        continue;
      case 6: { // globals: constant initialisers may hold `ref.func`
        const n = r.u32();
        out.push(Buffer.from(leb(n)));
        for (let i = 0; i < n; i++) {
          const from = r.p;
          skipValType(r);
          r.byte();
          out.push(wasm.subarray(from, r.p));
          r.p = rewriteInstructions(wasm, r.p, s.end, map, out, true);
        }
        break;
      }
      case 7: { // exports
        const n = r.u32();
        out.push(Buffer.from(leb(n)));
        for (let i = 0; i < n; i++) {
          const from = r.p;
          r.bytes(r.u32());
          const kind = r.byte();
          out.push(wasm.subarray(from, r.p));
          const index = r.u32();
          out.push(Buffer.from(leb(kind === 0 ? map(index) : index)));
        }
        break;
      }
      case 8:
        out.push(Buffer.from(leb(map(r.u32()))));
        break;
      case 9: { // element segments: function indices or constant expressions
        const n = r.u32();
        out.push(Buffer.from(leb(n)));
        for (let i = 0; i < n; i++) {
          const flags = r.u32();
          out.push(Buffer.from(leb(flags)));
          if (flags > 7) throw new Unsupported(`element segment flags ${flags}`);
          if (flags === 2 || flags === 6) out.push(Buffer.from(leb(r.u32()))); // table
          if (!(flags & 1)) r.p = rewriteInstructions(wasm, r.p, s.end, map, out, true); // offset
          if (flags & 3) { // an element kind (funcref: 0) or a reference type
            const from = r.p;
            if (flags & 4) skipValType(r);
            else if (r.byte() !== 0) throw new Unsupported("an element kind other than funcref");
            out.push(wasm.subarray(from, r.p));
          }
          const count = r.u32();
          out.push(Buffer.from(leb(count)));
          for (let k = 0; k < count; k++) {
            if (flags & 4) r.p = rewriteInstructions(wasm, r.p, s.end, map, out, true);
            else out.push(Buffer.from(leb(map(r.u32()))));
          }
        }
        break;
      }
      default:
        parts.push(wasm.subarray(s.from, s.end));
        continue;
    }
    if (r.p !== s.end) throw new Unsupported(`section ${s.id} has bytes this does not know`);
    parts.push(section(s.id, Buffer.concat(out)));
  }
  return Buffer.concat(parts);
}

const brotli = (buf) =>
  brotliCompressSync(buf, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;

/** Candidate orders of the defined functions: wasm-opt's, by size, and
 * chains of similar bodies (shared 4-byte sequences): each next body the
 * most similar of the following 20, 40 or 80 in size order, or of all. */
function bodyOrders(mod) {
  const { wasm, bodies } = mod;
  const ids = bodies.map((_, i) => i);
  const size = (i) => bodies[i].end - bodies[i].start;
  const bySize = [...ids].sort((a, b) => size(a) - size(b) || a - b);
  const grams = bodies.map((b) => {
    const set = new Set();
    for (let i = b.start; i + 4 <= b.end; i++) set.add(wasm.readUInt32LE(i));
    return set;
  });
  const similarity = (a, b) => {
    const [x, y] = grams[a].size < grams[b].size ? [grams[a], grams[b]] : [grams[b], grams[a]];
    let shared = 0;
    for (const g of x) if (y.has(g)) shared++;
    return shared / (x.size + 1);
  };
  // From `first`, always the most similar of the next `window` candidates
  // in `pool`'s order (the whole pool when `window` is Infinity).
  const chain = (pool, window) => {
    const left = [...pool];
    const out = [left.shift()];
    while (left.length) {
      const last = out[out.length - 1];
      let best = 0, bestScore = -1;
      for (let k = 0; k < Math.min(window, left.length); k++) {
        const score = similarity(last, left[k]);
        if (score > bestScore) [best, bestScore] = [k, score];
      }
      out.push(left.splice(best, 1)[0]);
    }
    return out;
  };
  // Which wins differs from module to module (measured on the counter,
  // the benchmark app and the showcase: each of these won at least once).
  const orders = [ids, bySize, chain(bySize, 20), chain(bySize, 40), chain(bySize, 80)];
  // The full chains are quadratic in the number of functions, and won
  // only in small modules: up to 600 functions.
  if (ids.length <= 600) orders.push(chain(ids, Infinity), chain(bySize, Infinity));
  return orders;
}

/** Candidate orders of the function imports: the module's, and by the
 * number of call sites (most called first). */
function importOrders(mod) {
  const n = mod.imports.filter((i) => i.func).length;
  const ids = [...Array(n).keys()];
  const calls = new Array(n).fill(0);
  const counting = (old) => {
    if (old < n) calls[old]++;
    return old;
  };
  for (const b of mod.bodies) {
    const br = reader(mod.wasm.subarray(0, b.end), b.start);
    const locals = br.u32();
    for (let i = 0; i < locals; i++) {
      br.u32();
      skipValType(br);
    }
    rewriteInstructions(mod.wasm, br.p, b.end, counting, []);
  }
  return [ids, [...ids].sort((a, b) => calls[b] - calls[a] || a - b)];
}

/** The smallest (brotli) of the candidate layouts of `wasm`, or `wasm`
 * itself when none is smaller, or when the module uses what this does not
 * know or does not parse (any error here leaves the input as it is). */
export function smallestLayout(wasm, log = console.log) {
  try {
    const mod = parseModule(wasm);
    const same = (a, b) => a.every((x, i) => x === b[i]);
    let best = wasm, bestSize = brotli(wasm);
    const before = bestSize;
    // The bodies first, with the imports as they are; then the other
    // import order with the best bodies. wasm-opt's order of both is the
    // input itself, already measured.
    const [keepImports, byCalls] = importOrders(mod);
    const [keepBodies, ...otherBodies] = bodyOrders(mod);
    let bestOrders = [keepImports, keepBodies];
    const tryLayout = (imports, bodies) => {
      const candidate = relayout(mod, imports, bodies);
      const size = brotli(candidate);
      if (size < bestSize) [best, bestSize, bestOrders] = [candidate, size, [imports, bodies]];
    };
    for (const bodies of otherBodies) tryLayout(keepImports, bodies);
    if (!same(byCalls, keepImports)) tryLayout(byCalls, bestOrders[1]);
    if (best === wasm) {
      log(`wasm-layout: ${before} bytes brotli; no other layout is smaller`);
      return wasm;
    }
    // A check of the rewrite itself: the chosen module must be valid, and
    // laying it out back in the old order must give the input byte for byte.
    const inverse = (order) => order.reduce((out, old, now) => ((out[old] = now), out), []);
    const back = relayout(parseModule(best), inverse(bestOrders[0]), inverse(bestOrders[1]));
    if (!WebAssembly.validate(best) || Buffer.compare(back, wasm) !== 0) {
      log("wasm-layout: left as it is (the new layout did not check out)");
      return wasm;
    }
    log(`wasm-layout: ${before} -> ${bestSize} bytes brotli`);
    return best;
  } catch (e) {
    log(`wasm-layout: left as it is (${e instanceof Unsupported ? e.message : e})`);
    return wasm;
  }
}

// Run directly: `node scripts/wasm-layout.mjs FILE.wasm`.
if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  const file = process.argv[2];
  if (!file) {
    console.error("wasm-layout: give a .wasm file");
    process.exit(1);
  }
  writeFileSync(file, smallestLayout(readFileSync(file)));
}
