"""Sums `perf report --sort dso,symbol --stdio` lines by the part of the
server a sampled function belongs to; prints a Markdown table, largest
part first, with each part's three heaviest functions. Used by bench/profile."""

import re
import sys
from collections import defaultdict

# First match wins: the order puts the specific libraries before the
# generic ones (a Leptos closure may well call memcpy, but memcpy is copying).
PARTS = [
    ("kernel: sockets, scheduling, page faults", lambda dso, sym: dso.startswith("[kernel")),
    # SQLite is compiled into the binary; its static functions keep their
    # own names (pcache1Fetch, btreeParseCellPtr, yy_reduce, ...).
    ("SQLite engine", lambda dso, sym: re.match(
        r"(sqlite3|pcache1|btree|vdbe|yy_|pager|where[A-Z]|expr[A-Z]|findElementWithHash|balance"
        r"|moveTo|getAndInitPage|accessPayload|unix[A-Z]|wal[A-Z]|resolve[A-Z]|select[A-Z]|lookaside)",
        sym)),
    ("PostgreSQL wire protocol (sqlx_postgres)", lambda dso, sym: "sqlx_postgres" in sym),
    ("sqlx core and SQLite driver", lambda dso, sym: re.search(r"sqlx_(core|sqlite)|sqlx::", sym)),
    ("Markdown (pulldown_cmark)", lambda dso, sym: "pulldown_cmark" in sym or "markdown::" in sym),
    ("search index and stemming", lambda dso, sym: re.search(r"rust_stemmers|core::search", sym)),
    ("Leptos rendering (tachys, reactive_graph, leptos)",
     lambda dso, sym: re.search(r"tachys|reactive_graph|leptos|any_spawner|server_fn|or_poisoned", sym)),
    ("Samråd's pages and stores (app)", lambda dso, sym: re.search(r"\bapp::", sym)),
    ("HTTP and middleware (hyper, axum, tower, the server crate)",
     lambda dso, sym: re.search(r"hyper|axum|tower|\bhttp::|httparse|samrad::|h2::", sym)),
    ("async runtime (tokio, futures)", lambda dso, sym: re.search(r"tokio|mio::|futures|parking_lot|crossbeam|flume", sym)),
    ("compression", lambda dso, sym: re.search(r"brotli|flate|miniz|zstd", sym)),
    ("hashing and encoding (sha2, blake2, base64, serde)",
     lambda dso, sym: re.search(r"sha2|blake2|argon2|base64|serde|percent_encoding|form_urlencoded", sym)),
    ("tracing and logs", lambda dso, sym: "tracing" in sym),
    ("locks (pthread mutexes: SQLite's and the connection pool's)",
     lambda dso, sym: re.search(r"pthread_mutex|lll_lock|futex", sym)),
    ("allocation and copying (malloc, free, memcpy)",
     lambda dso, sym: re.search(r"malloc|free|realloc|calloc|_int_|unlink_chunk|memcpy|memmove|memset|alloc::|__rust_", sym)),
    ("strings and formatting (core::fmt, str, std)",
     lambda dso, sym: re.search(r"core::fmt|core::str|alloc::string|std::|core::|memchr|<", sym)),
]

LINE = re.compile(r"^\s*([\d.]+)%\s+(\S+)\s+\[[.k]\]\s+(.*)$")

totals = defaultdict(float)
heaviest = defaultdict(list)
for line in sys.stdin:
    m = LINE.match(line)
    if not m:
        continue
    share, dso, sym = float(m.group(1)), m.group(2), " ".join(m.group(3).split())
    part = next((name for name, test in PARTS if test(dso, sym)), f"other ({dso})")
    totals[part] += share
    heaviest[part].append((share, sym))

print("| part | share of samples | heaviest functions |")
print("|---|---:|---|")
for part, share in sorted(totals.items(), key=lambda kv: -kv[1]):
    if share < 0.5:
        continue
    top = sorted(heaviest[part], reverse=True)[:3]
    names = "; ".join(f"`{s[:60]}` {p:.1f}%" for p, s in top)
    print(f"| {part} | {share:.1f}% | {names} |")
