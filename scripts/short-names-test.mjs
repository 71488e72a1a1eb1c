#!/usr/bin/env node
// Checks scripts/short-names.mjs's string reader against `TextDecoder`: the
// short-ASCII path must give the same string as wasm-bindgen's reader for
// every input (ASCII, multi-byte UTF-8, invalid UTF-8, every length around
// the limit), and glue it does not know must be left alone.
//
//   node scripts/short-names-test.mjs
"use strict";
import { fastShortStrings } from "./short-names.mjs";

const WB_READER = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}`;

let failures = 0;
const fail = (what) => {
  failures++;
  console.error(`short-names-test: ${what}`);
};

const rewritten = fastShortStrings(`let x = 1;\n${WB_READER}\nexport { x };\n`);
if (rewritten.includes("return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));")) {
  fail("wasm-bindgen's reader was not replaced");
}
const unknown = "function getStringFromWasm0(ptr, len) { return other(ptr, len); }";
if (fastShortStrings(unknown) !== unknown) fail("a reader of another shape was changed");

// The rewritten reader over a fake wasm memory, with the glue's decoder.
const memory = new Uint8Array(1 << 12);
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const source = /function getStringFromWasm0[\s\S]*?\n\}/.exec(rewritten)[0];
const read = new Function("getUint8ArrayMemory0", "decodeText", `${source}\nreturn getStringFromWasm0;`)(
  () => memory,
  (bytes) => decoder.decode(bytes),
);

const check = (bytes, at) => {
  memory.set(bytes, at);
  const want = decoder.decode(bytes);
  const got = read(at, bytes.length);
  if (got !== want) fail(`bytes [${[...bytes]}]: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
};
const encoder = new TextEncoder();
for (const text of ["", "a", "12", "pretty red table !!!", "é", "naïve café", "日本語", "a 😀 b", "\u007f\u0000"]) {
  check(encoder.encode(text), 3);
}
for (const len of [63, 64, 65, 200]) {
  check(encoder.encode("x".repeat(len)), 5);
  check(encoder.encode("x".repeat(len - 1) + "é"), 5);
}
// Random bytes, mostly ASCII, with some bytes above 127 (often invalid UTF-8).
let seed = 1;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
for (let n = 0; n < 20000; n++) {
  const bytes = new Uint8Array(Math.floor(random() * 90));
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * (random() < 0.97 ? 128 : 256));
  check(bytes, 11);
}

if (failures) process.exit(1);
console.log("short-names-test: the string reader matches TextDecoder");
