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
import { leb, parseModule, relayout, smallestLayout } from "./wasm-layout.mjs";

let failures = 0;
const fail = (what) => {
  failures++;
  console.error(`wasm-layout-test: ${what}`);
};

const ids = (n) => [...Array(n).keys()];
const inverse = (order) => order.reduce((out, old, now) => ((out[old] = now), out), []);
/** Random permutations of `0..n`, the same ones for the same `seed`. */
const shuffler = (seed) => {
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  return (n) => {
    const o = ids(n);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [o[i], o[j]] = [o[j], o[i]];
    }
    return o;
  };
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
  const identity = relayout(mod, ids(nImports), ids(nDefined));
  if (Buffer.compare(identity, module) !== 0) fail("the identity layout changed the bytes");
  const shuffled = shuffler(7);
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

// A second module for the rest: element segment forms 1, 2, 3, 5, 6 and 7,
// two tables, the 0xfc table and memory instructions (init, drop, copy,
// grow, size, fill), a block type by type index (two LEB bytes),
// `select` with a reference type, `ref.null extern`, `return_call`, and a
// passive data segment.
{
  const types2 = [[0x60, 0, 1, I32], [0x60, 0, 0], ...Array.from({ length: 68 }, () => [0x60, 0, 0]), [0x60, 0, 2, I32, I32]];
  const G = { f2: 2, f3: 3, f4: 4, test: 5, tail: 6 };
  const PADS = 150;
  const test = body([], [
    0x02, 0xc6, 0x00, ...i32(1), ...i32(2), 0x0b, 0x6a, // block of type 70: 1 + 2
    ...i32(0), ...i32(0), ...i32(1), 0xfc, 12, 1, 1, 0xfc, 13, 1, // table.init t1 from segment 1 ([f3]); elem.drop
    ...i32(0), 0x11, 0, 1, 0x6a, // + t1[0]() = 30
    ...i32(3), ...i32(2), ...i32(1), 0xfc, 14, 0, 1, // table.copy t0[3] <- t1[2] (f2)
    ...i32(3), 0x11, 0, 0, 0x6a, // + 20
    ...i32(4), ...i32(2), 0x25, 1, 0x26, 0, // t0[4] = t1[2]
    ...i32(4), 0x11, 0, 0, 0x6a, // + 20
    0xd0, FUNCREF, ...i32(1), 0xfc, 15, 1, 0x6a, // + table.grow t1 (its old size, 4)
    ...i32(1), 0xd2, ...leb(G.f4), ...i32(1), 0xfc, 17, 1, // table.fill t1[1] = f4
    ...i32(1), 0x11, 0, 1, 0x6a, // + 40
    0xfc, 16, 1, 0x6a, // + table.size t1 (5)
    ...i32(8), ...i32(0), ...i32(2), 0xfc, 8, 0, 0, 0xfc, 9, 0, // memory.init; data.drop
    ...i32(16), ...i32(8), ...i32(2), 0xfc, 10, 0, 0, // memory.copy
    ...i32(16), 0x2f, 1, 0, 0x6a, // + load16_u
    0xd0, FUNCREF, 0xd2, ...leb(G.f3), ...i32(0), 0x1c, 1, FUNCREF, 0xd1, 0x6a, // + ref.is_null(select) = 0
    0xd0, 0x6f, 0xd1, 0x6a, // + 1
    ...i32(0), 0xfc, 13, 2, 0xd2, ...leb(G.f4), 0x26, 1, // elem.drop 2; t1[0] = f4
    ...i32(0), 0x11, 0, 1, 0x6a,
    ...i32(5), 0x11, 0, 0, 0x6a, ...i32(6), 0x11, 0, 0, 0x6a, // t0[5] and t0[6], from segment 3
  ]);
  const functions2 = [
    [0, body([], i32(20))], [0, body([], i32(30))], [0, body([], i32(40))], [0, test],
    [0, body([], [0x12, ...leb(G.f2 + 150)])], // tail: return_call a padding function
    ...Array.from({ length: PADS }, (_, i) => [0, body([], i32(1000 + i))]),
  ];
  const module2 = Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, vec(types2)),
    ...section(2, vec([[...str("env"), ...str("a"), 0, 0], [...str("env"), ...str("b"), 0, 0]])),
    ...section(3, vec(functions2.map(([t]) => leb(t)))),
    ...section(4, vec([[FUNCREF, 0, 8], [FUNCREF, 0, 4]])),
    ...section(5, vec([[0, 1]])),
    ...section(7, vec([...Object.entries(G).map(([n, f]) => [...str(n), 0, ...leb(f)]), [...str("t0"), 1, 0], [...str("t1"), 1, 1]])),
    ...section(9, vec([
      [2, 1, ...i32(2), 0x0b, 0, ...vec([leb(G.f2)])], // t1[2] = f2
      [1, 0, ...vec([leb(G.f3)])], // passive [f3]
      [5, FUNCREF, ...vec([[0xd2, ...leb(G.f4), 0x0b], [0xd0, FUNCREF, 0x0b]])], // passive expressions
      [6, 0, ...i32(5), 0x0b, FUNCREF, ...vec([[0xd2, 0, 0x0b], [0xd2, ...leb(G.f2 + 100), 0x0b]])], // t0[5] = a, t0[6] = a padding function
      [7, FUNCREF, ...vec([[0xd2, ...leb(G.f4), 0x0b]])], // declarative expressions
      [3, 0, ...vec([leb(1)])], // declarative indices
    ])),
    ...section(12, leb(1)),
    ...section(10, vec(functions2.map(([, b]) => b))),
    ...section(11, vec([[1, ...vec([7, 1])]])),
  ]);
  const run2 = (bytes) => {
    const e = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { a: () => 1, b: () => 2 } }).exports;
    return JSON.stringify([e.test(), e.tail(), e.f2(), ...Array.from({ length: 8 }, (_, i) => e.t0.get(i)?.() ?? null)]);
  };
  if (!WebAssembly.validate(module2)) fail("the second test module is not valid");
  else {
    const want = run2(module2);
    const mod = parseModule(module2);
    const shuffled = shuffler(3);
    for (let k = 0; k < 20; k++) {
      const [imports, bodies] = [shuffled(2), shuffled(mod.bodies.length)];
      const moved = relayout(mod, imports, bodies);
      if (!WebAssembly.validate(moved) || run2(moved) !== want) fail(`second module, layout ${k}: not valid or other results`);
      else if (Buffer.compare(relayout(parseModule(moved), inverse(imports), inverse(bodies)), module2) !== 0) {
        fail(`second module, layout ${k}: laid back out, the bytes differ`);
      }
    }
  }
}

// Input it cannot read, or should not touch, comes back as it is, and no
// error escapes (a build must not fail here).
{
  const header = [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
  const cases = {
    "a short file": [0x00, 0x61, 0x73],
    "a body longer than its section": [...header, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 10, 4, 1, 10, 0, 0x0b],
    "locals past the end": [...header, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 10, 4, 1, 5, 1, 1],
    "a body whose end comes early": [...header, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 10, 6, 1, 4, 0, 0x0b, 0x01, 0x0b],
    "a custom section it does not know": [...module, 0, 10, ...str("sourceMap"), 0],
  };
  for (const [what, bytes] of Object.entries(cases)) {
    const input = Buffer.from(bytes);
    let notes = "";
    try {
      if (smallestLayout(input, (n) => (notes += n)) !== input) fail(`${what}: changed`);
      else if (!/left as it is|no other layout/.test(notes)) fail(`${what}: no note (${notes})`);
    } catch (e) {
      fail(`${what}: ${e}`);
    }
  }
}

if (failures) {
  console.error(`wasm-layout-test: ${failures} failure(s)`);
  process.exit(1);
}
console.log("wasm-layout-test: ok");
