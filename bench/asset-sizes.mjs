#!/usr/bin/env node
// Sizes of the built front-end assets as served: raw, gzip -9 and brotli
// (quality 11). Usage: node bench/asset-sizes.mjs [target/site/pkg]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "target/site/pkg";
const kb = (n) => (n / 1024).toFixed(1);
console.log("| file | raw KiB | gzip KiB | brotli KiB |");
console.log("|---|---:|---:|---:|");
for (const name of readdirSync(dir).filter((f) => /\.(wasm|js|css)$/.test(f)).sort()) {
  const data = readFileSync(join(dir, name));
  const gz = gzipSync(data, { level: 9 }).length;
  const br = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  console.log(`| ${name} | ${kb(data.length)} | ${kb(gz)} | ${kb(br)} |`);
}
