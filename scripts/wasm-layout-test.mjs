#!/usr/bin/env node
// Checks scripts/wasm-layout.mjs on a hand-assembled module that holds a
// function index in every place one can be (direct calls to imports and to
// defined functions, `ref.func` in a body, in a global's initialiser and in
// an element expression, element segments of indices, exports, the start
// function), with a non-function import between the function imports and
// instructions of every immediate shape the apps use. The module is run
// in node before and after each relayout: every export, every table slot
// and the start function's effect must give the same results, and laying
// a module back out must give its bytes again.
//
//   node scripts/wasm-layout-test.mjs
"use strict";
import { parseModule, relayout, smallestLayout } from "./wasm-layout.mjs";

let failures = 0;
const fail = (what) => {
  failures++;
  console.error(`wasm-layout-test: ${what}`);
};

const leb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const sleb = (n) => {
  const out = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
};
const str = (s) => [...leb(s.length), ...Buffer.from(s)];
const vec = (items) => [...leb(items.length), ...items.flat()];
const section = (id, bytes) => [id, ...leb(bytes.length), ...bytes];
const body = (locals, code) => {
  const b = [...vec(locals), ...code, 0x0b];
  return [...leb(b.length), ...b];
};
const I32 = 0x7f, FUNCREF = 0x70;
const i32 = (n) => [0x41, ...sleb(n)];
const call = (f) => [0x10, ...leb(f)];

// Function indices: imports 0 (`one`) and 1 (`two`), then the defined ones.
const F = { base: 2, chain: 3, viaTable: 4, start: 5, shapes: 6, viaRef: 7, many: 8, pad: 9 };
// 200 padding functions, so some indices need two LEB bytes.
const PADDING = 200;
const types = [
  [0x60, ...vec([]), ...vec([I32])], // 0: () -> i32
  [0x60, ...vec([]), ...vec([])], // 1: () -> ()
];
const functions = [
  // base: 10 + one()
  [0, body([], [...i32(10), ...call(0), 0x6a])],
  // chain: base() + two() + the last padding function
  [0, body([], [...call(F.base), ...call(1), 0x6a, ...call(F.pad + PADDING - 1), 0x6a])],
  // viaTable: table[1]() + table[5]()
  [0, body([], [...i32(1), 0x11, 0, 0, ...i32(5), 0x11, 0, 0, 0x6a])],
  // start: counter = chain() * 1000 + table.size
  [1, body([], [...call(F.chain), ...i32(1000), 0x6c, 0xfc, 16, 0, 0x6a, 0x24, 1])],
  // shapes: a block, a loop, br_table, if/else, memory, bulk memory, sign extension, select
  [0, body([[1, I32]], [
    0x02, I32, ...i32(5), ...i32(0), 0x0e, 1, 0, 0, 0x0b, 0x21, 0, // local0 = 5
    0x03, 0x40, 0x20, 0, ...i32(1), 0x6b, 0x22, 0, 0x0d, 0, 0x0b, // count down to 0
    ...i32(0), ...i32(0x1234), 0x36, 2, 4, // store at 4
    ...i32(16), ...i32(0xab), ...i32(4), 0xfc, 11, 0, // memory.fill 16..20
    ...i32(0), 0x28, 2, 4, // load at 4
    ...i32(16), 0x2d, 0, 0, 0xc0, 0x6a, // + sign-extended byte at 16 (0xab = -85)
    0x42, ...sleb(-3), 0xa7, 0x6a, // + (i32) -3L
    0x43, 0, 0, 0x80, 0x3f, 0xfc, 0, 0x6a, // + trunc_sat(1.0f)
    0x44, 0, 0, 0, 0, 0, 0, 0, 0x40, 0xaa, 0x6a, // + (i32) 2.0
    ...i32(7), ...i32(8), ...i32(0), 0x1c, 1, I32, 0x6a, // + select(7, 8, 0) = 8
    0x20, 0, 0x45, 0x04, I32, ...i32(100), 0x05, ...i32(200), 0x0b, 0x6a, // + 100
    0x3f, 0, 0x6a, // + memory.size (1)
  ])],
  // viaRef: calls the function `ref.func` gives, and the global's, through
  // table.set and call_indirect
  [0, body([], [...i32(6), 0xd2, ...leb(F.base), 0x26, 0, ...i32(6), 0x11, 0, 0,
    ...i32(7), 0x23, 2, 0x26, 0, ...i32(7), 0x11, 0, 0, 0x6a, // + chain()
    0x23, 2, 0xd1, 0x6a])], // + ref.is_null(global funcref) = 0
  // many: calls every padding function
  [0, body([], [...i32(0), ...Array.from({ length: PADDING }, (_, i) => [...call(F.pad + i), 0x6a]).flat()])],
  ...Array.from({ length: PADDING }, (_, i) => [0, body([], i32(i * 3 + 1))]),
];
const nDefined = functions.length;
const exported = Object.entries(F).filter(([n]) => n !== "pad");

const module = Buffer.from([
  0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
  ...section(1, vec(types)),
  ...section(2, vec([
    [...str("env"), ...str("one"), 0x00, 0],
    [...str("env"), ...str("bias"), 0x03, I32, 0], // a global between the functions
    [...str("env"), ...str("two"), 0x00, 0],
  ])),
  ...section(3, vec(functions.map(([t]) => leb(t)))),
  ...section(4, vec([[FUNCREF, 0, 8]])),
  ...section(5, vec([[0, 1]])),
  ...section(6, vec([
    [I32, 1, ...i32(0), 0x0b], // global 1: the start function's mark
    [FUNCREF, 0, 0xd2, ...leb(F.chain), 0x0b], // global 2: ref.func in an initialiser
  ])),
  ...section(7, vec([
    ...exported.map(([n, f]) => [...str(n), 0x00, ...leb(f)]),
    [...str("one"), 0x00, 0], // an import re-exported
    [...str("counter"), 0x03, 1],
    [...str("table"), 0x01, 0],
  ])),
  ...section(8, leb(F.start)),
  ...section(9, vec([
    [0, ...i32(0), 0x0b, ...vec([leb(F.base), leb(1), leb(F.pad + 150), leb(0)])], // indices
    [4, ...i32(4), 0x0b, ...vec([[0xd2, ...leb(F.shapes), 0x0b], [0xd2, ...leb(F.pad + 7), 0x0b], [0xd0, FUNCREF, 0x0b]])],
    [3, 0x00, ...vec([leb(F.base)])], // declarative: lets `ref.func base` appear in a body
  ])),
  ...section(10, vec(functions.map(([, b]) => b))),
]);

/** Every export's result, every table slot's and the start function's mark. */
function run(bytes) {
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    env: { one: () => 1, two: () => 2, bias: 0 },
  });
  const out = {};
  for (const [n] of exported) if (n !== "start") out[n] = exports[n]();
  out.start = exports.counter.value;
  out.one = exports.one();
  for (let i = 0; i < 8; i++) out[`table${i}`] = exports.table.get(i)?.() ?? null;
  return out;
}

if (!WebAssembly.validate(module)) {
  fail("the test module itself is not valid");
} else {
  const want = run(module);
  const mod = parseModule(module);
  const nImports = mod.imports.filter((i) => i.func).length;
  if (nImports !== 2 || mod.bodies.length !== nDefined) fail(`parsed ${nImports} imports and ${mod.bodies.length} bodies`);
  const ids = (n) => [...Array(n).keys()];
  const inverse = (order) => order.reduce((out, old, now) => ((out[old] = now), out), []);
  const identity = relayout(mod, ids(nImports), ids(nDefined));
  if (Buffer.compare(identity, module) !== 0) fail("the identity layout changed the bytes");
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const shuffled = (n) => {
    const o = ids(n);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [o[i], o[j]] = [o[j], o[i]];
    }
    return o;
  };
  const layouts = [[[1, 0], ids(nDefined).reverse()], ...Array.from({ length: 20 }, () => [shuffled(nImports), shuffled(nDefined)])];
  for (const [imports, bodies] of layouts) {
    const moved = relayout(mod, imports, bodies);
    const label = `imports [${imports}], bodies starting [${bodies.slice(0, 4)}, …]`;
    if (!WebAssembly.validate(moved)) {
      fail(`${label}: not valid`);
      continue;
    }
    const got = run(moved);
    if (JSON.stringify(got) !== JSON.stringify(want)) fail(`${label}: ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
    const back = relayout(parseModule(moved), inverse(imports), inverse(bodies));
    if (Buffer.compare(back, module) !== 0) fail(`${label}: laid back out, the bytes differ`);
  }
  // The chosen layout runs the same, and is never larger.
  const best = smallestLayout(module, () => {});
  if (JSON.stringify(run(best)) !== JSON.stringify(want)) fail("smallestLayout's module gives other results");
  // A module with an instruction this does not know is left as it is.
  const simd = Buffer.from(module);
  const at = simd.indexOf(Buffer.from([0x3f, 0, 0x6a]));
  simd[at] = 0xfd;
  const notes = [];
  if (smallestLayout(simd, (n) => notes.push(n)) !== simd || !/left as it is/.test(notes.join())) {
    fail("a module with an unknown instruction was not left alone");
  }
}

if (failures) {
  console.error(`wasm-layout-test: ${failures} failure(s)`);
  process.exit(1);
}
console.log("wasm-layout-test: ok");
