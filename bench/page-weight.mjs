#!/usr/bin/env node
// What one page costs a browser, as served: the HTML (raw and brotli
// quality 5, what a proxy compressing on the fly would send) and the CSS,
// JavaScript and wasm it loads, fetched with `Accept-Encoding: br` from
// the server's precompressed files. Prints one JSON line.
// Usage: node bench/page-weight.mjs BASE PATH COOKIE
import { brotliCompressSync, constants } from "node:zlib";

const [base, path, cookie] = process.argv.slice(2);
const page = await fetch(base + path, { headers: { Cookie: cookie, Accept: "text/html" } });
const html = Buffer.from(await page.arrayBuffer());
const text = html.toString("utf8");
const assets = [...new Set([...text.matchAll(/(?:href|src)="(\/pkg\/[^"]+)"/g)].map((m) => m[1]))];
let assetBytes = 0;
let wasm = false;
for (const asset of assets) {
  // fetch() would decode the brotli; count the bytes on the wire instead.
  const res = await fetch(base + asset, { headers: { "Accept-Encoding": "br" } });
  const body = Buffer.from(await res.arrayBuffer());
  const encoded = res.headers.get("content-encoding");
  assetBytes += encoded ? Number(res.headers.get("content-length") ?? body.length) : body.length;
  wasm ||= asset.endsWith(".wasm");
}
const htmlBr = brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).length;
console.log(JSON.stringify({ path, status: page.status, html: html.length, htmlBr, assets: assets.length, assetBytes, wasm }));
