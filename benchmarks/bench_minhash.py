"""MinHash and LSH for syndication: the project's hand-written code against datasketch (offline).

    python benchmarks/bench_minhash.py ARCHIVE.db [--articles 20000] [--random-pairs 2000] [--naive 2000]

`ess_crawler.syndication` sketches each text with a hand-written one-permutation MinHash
(`sketch()`, optimal densification) and cuts the sketches into BANDS bands of ROWS values.
The project prefers a well-kept library to hand-written code unless a measurement says
otherwise; the library here is datasketch (MinHash, LeanMinHash, MinHashLSH). On the first
N articles of an archive (opened read-only), with the project's own normalisation and
shingles (`Shingler`, SHINGLE_WORDS, MIN_SHINGLES) and NUM_BINS values per sketch, so that
only the sketching and the LSH differ, this prints:

1. sketch time: `sketch()` against `MinHash.bulk(..., num_perm=NUM_BINS)` fed the same
   64-bit shingle hashes (hashfunc: the low 32 bits, the default "affine32" scheme pre-mixes
   them), then turned into `LeanMinHash` for storage; also, on the first `--naive` texts,
   one `MinHash()` + `update_batch` per text and datasketch's default SHA-1 hashfunc;
   retained bytes per sketch (tracemalloc) and the process's peak RSS;
2. accuracy: mean absolute error (and mean signed error) of each sketch's Jaccard estimate
   (share of equal values) against the exact Jaccard similarity of the shingle sets, on
   every LSH candidate pair of every method and on `--random-pairs` random pairs;
3. end to end at Jaccard >= THRESHOLD: candidate pairs of the project's banding (all pairs
   sharing a bucket) against `MinHashLSH(threshold=0.5, num_perm=NUM_BINS)` (its own bands)
   and `MinHashLSH(params=(BANDS, ROWS))` (the project's bands), each checked exactly; recall
   against the pooled truth: every pair any method proposed plus the planted republications
   (in benchmarks/synthetic_archive.py an exact copy of an earlier article's lead and body),
   kept when its exact Jaccard similarity is >= THRESHOLD. For context, the time of the
   production path of `find_groups` (earliest text per bucket, then clustering; no pair list);
4. how much of 2 and 3 is luck of the hash function: the texts of a synthetic archive share
   whole paragraphs from a small pool, so the errors of many pairs move together and one hash
   function is one draw. With `--repeats K` (default 3) both are run with K hash functions,
   banded BANDS x ROWS: the project's sketch of the shingle hashes remixed by a salted
   splitmix64 finaliser (the first: unchanged), datasketch with seeds 1..K (the bucketing of
   `MinHashLSH(params=(BANDS, ROWS))`, checked equal to it for the first).

Everything runs in one process (production sketches in up to 4 processes; both methods would
gain the same). The benchmark keeps every text's shingle set for the exact check; production
does not, so before each timed step the objects alive are frozen out of the garbage
collector's sight (gc.freeze), else its full collections would walk them and tax whichever
step allocates most. Skips with a message when datasketch is not installed (it is not a project
dependency): install it in a virtualenv of your own, e.g.

    python3 -m venv /tmp/mhvenv && /tmp/mhvenv/bin/pip install -e . datasketch
    /tmp/mhvenv/bin/python benchmarks/bench_minhash.py /tmp/synth.db --articles 20000
"""

from __future__ import annotations

import argparse
import functools
import gc
import operator
import os
import random
import resource
import sys
import time
import tracemalloc
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ess_crawler.sqlite import sqlite3  # noqa: E402
from ess_crawler.syndication import (  # noqa: E402
    BANDS,
    ESTIMATE_MARGIN,
    MIN_SHINGLES,
    NUM_BINS,
    ROWS,
    SHINGLE_WORDS,
    THRESHOLD,
    Shingler,
    _cluster,
    _earliest_in_buckets,
    _text,
    sketch,
)

CHUNK = 5000
MASK64 = (1 << 64) - 1
LOW32 = functools.partial(operator.and_, 0xFFFFFFFF)  # a C-level hashfunc: the shingle hash's low 32 bits


def remix(shingles: set[int], salt: int) -> set[int]:
    """The shingle hashes through a salted splitmix64 finaliser (another hash function), signed 64-bit."""
    out = set()
    for h in shingles:
        z = (h + salt) & MASK64
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        z ^= z >> 31
        out.add(z - (1 << 64) if z >> 63 else z)
    return out


def s_curve(j: float, bands: int, rows: int) -> float:
    return 1 - (1 - j ** rows) ** bands


def load(db: Path, n: int):
    """Chunks of (id, lead, body_text, content_sha256, date) of the first n articles, read-only."""
    conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        cursor = conn.execute("select id, lead, body_text, content_sha256, coalesce(published, first_seen, '') "
                              "from articles order by id limit ?", [n])
        while rows := cursor.fetchmany(CHUNK):
            yield rows
    finally:
        conn.close()


def exact(a: set, b: set) -> float:
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def exact_many(codes, shingles: list[set], n: int) -> dict[int, float]:
    """Exact Jaccard similarity of the shingle sets of each coded pair (a * n + b)."""
    result = {}
    for code in codes:
        a, b = divmod(code, n)
        x, y = shingles[a], shingles[b]
        inter = len(x & y)
        result[code] = inter / (len(x) + len(y) - inter)
    return result


def project_pairs(sketches: array, n: int) -> set[int]:
    """Every pair (coded a * n + b, a < b) that shares a bucket in some band, keyed as find_groups keys."""
    pairs: set[int] = set()
    for band in range(BANDS):
        buckets: dict[int, list[int]] = {}
        offset = band * ROWS
        for k in range(n):
            base = k * NUM_BINS + offset
            buckets.setdefault(hash(tuple(sketches[base:base + ROWS])), []).append(k)
        for members in buckets.values():
            if len(members) > 1:
                for i, a in enumerate(members):
                    a *= n
                    pairs.update(a + b for b in members[i + 1:])
    return pairs


def datasketch_pairs(lsh, sketches: list) -> set[int]:
    """Insert every sketch into a MinHashLSH, query each: every pair (coded a * n + b, a < b) it returns."""
    n = len(sketches)
    with lsh.insertion_session() as session:
        for k, m in enumerate(sketches):
            session.insert(k, m, check_duplication=False)
    pairs: set[int] = set()
    for k, m in enumerate(sketches):
        base = k * n
        pairs.update(base + j for j in lsh.query(m) if j > k)
    return pairs


def estimates(matrix, codes, n: int):
    """Share of equal sketch values for each coded pair (numpy arrays)."""
    import numpy as np

    out = np.empty(len(codes))
    for start in range(0, len(codes), 100_000):
        part = codes[start:start + 100_000]
        a, b = part // n, part % n
        out[start:start + len(part)] = (matrix[a] == matrix[b]).sum(axis=1) / NUM_BINS
    return out


def retained(build) -> int:
    """Bytes still allocated by what `build()` returns (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = build()
    size = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    del kept
    return size


def memory_per_sketch(sets: list[set[int]]) -> dict[str, int]:
    """Bytes retained by the sketches of `sets`, kept as production keeps them or as datasketch does."""
    from datasketch import LeanMinHash, MinHash

    def project() -> array:
        kept = array("I")
        for s in sets:
            kept.extend(sketch(s))
        return kept

    return {
        "project": retained(project),
        "bulk": retained(lambda: MinHash.bulk(sets, num_perm=NUM_BINS, hashfunc=LOW32)),
        "lean": retained(lambda: [LeanMinHash(m) for m in MinHash.generator(sets, num_perm=NUM_BINS,
                                                                              hashfunc=LOW32)]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path, help="archive (opened read-only), e.g. one built by synthetic_archive.py")
    parser.add_argument("--articles", type=int, default=20_000, help="first N articles by id (default 20,000)")
    parser.add_argument("--random-pairs", type=int, default=2000, help="random pairs for the accuracy (default 2,000)")
    parser.add_argument("--naive", type=int, default=2000,
                        help="texts on which the slower datasketch usages are timed (default 2,000)")
    parser.add_argument("--memory-sample", type=int, default=5000,
                        help="texts on which retained memory is measured (default 5,000)")
    parser.add_argument("--repeats", type=int, default=3,
                        help="hash functions per method for the accuracy and recall spread (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the random pairs")
    options = parser.parse_args(argv)
    try:
        import datasketch
        import numpy as np
        from datasketch import LeanMinHash, MinHash, MinHashLSH
    except ImportError:
        print("datasketch is not installed: benchmark skipped. Install it in a virtualenv of your own "
              "(pip install datasketch) and run this script with that virtualenv's python.")
        return 0
    if not options.db.exists():
        parser.error(f"no such file: {options.db}")

    print(f"{options.db}: first {options.articles:,} articles; datasketch {datasketch.__version__}, "
          f"numpy {np.__version__}, Python {sys.version.split()[0]}; {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"shingles of {SHINGLE_WORDS} words, texts of >= {MIN_SHINGLES} shingles; NUM_BINS {NUM_BINS}, "
          f"bands {BANDS} x {ROWS} rows, threshold {THRESHOLD}")

    # ------------------------------------------------------------ 1. sketches
    shingler = Shingler()
    canonical: dict[int, int] = {}
    ids, dates, kinds, shingles = [], [], [], []
    project = array("I")
    lean: list = []
    seconds = dict.fromkeys(("shingle", "project", "bulk", "lean", "update_batch", "sha1"), 0.0)
    naive_done = skipped = 0
    memory_sets: list[set[int]] = []
    repeats = max(1, options.repeats)
    salts = [random.Random(r).getrandbits(64) for r in range(repeats)]
    other_project = [array("I") for _ in range(repeats)]  # [0] unused: the timed sketches
    other_ds = [array("I") for _ in range(repeats)]
    for rows in load(options.db, options.articles):
        started = time.perf_counter()
        sets = []
        for article_id, lead, body, sha, date in rows:
            s = shingler(_text(lead, body))
            if len(s) < MIN_SHINGLES:
                skipped += 1
                continue
            sets.append(s)
            ids.append(article_id)
            dates.append(date[:10])
            kinds.append((lead, sha))
        seconds["shingle"] += time.perf_counter() - started

        gc.freeze()
        started = time.perf_counter()
        for s in sets:
            project.extend(sketch(s))
        seconds["project"] += time.perf_counter() - started

        started = time.perf_counter()
        chunk = MinHash.bulk(sets, num_perm=NUM_BINS, hashfunc=LOW32)
        seconds["bulk"] += time.perf_counter() - started
        started = time.perf_counter()
        lean.extend(LeanMinHash(m) for m in chunk)
        seconds["lean"] += time.perf_counter() - started
        del chunk

        naive = sets[:max(0, options.naive - naive_done)]
        if naive:
            started = time.perf_counter()
            for s in naive:
                m = MinHash(num_perm=NUM_BINS, hashfunc=LOW32)
                m.update_batch(s)
            seconds["update_batch"] += time.perf_counter() - started
            started = time.perf_counter()
            for s in naive:
                m = MinHash(num_perm=NUM_BINS)
                m.update_batch([h.to_bytes(8, "little", signed=True) for h in s])
            seconds["sha1"] += time.perf_counter() - started
            naive_done += len(naive)
        for r in range(1, repeats):  # other hash functions, not timed
            for s in sets:
                other_project[r].extend(sketch(remix(s, salts[r])))
            other_ds[r].frombytes(np.stack([m.hashvalues for m in MinHash.bulk(
                sets, num_perm=NUM_BINS, hashfunc=LOW32, seed=r + 1)]).astype(np.uint32).tobytes())
        if len(memory_sets) < options.memory_sample:
            memory_sets += sets[:options.memory_sample - len(memory_sets)]
        shingles += [{canonical.setdefault(h, h) for h in s} for s in sets]  # one int object per shingle
    n = len(ids)
    if n < 2:
        parser.error("fewer than 2 texts long enough to compare")
    mean_shingles = sum(map(len, shingles)) / n
    print(f"{n:,} texts compared ({skipped:,} shorter than {MIN_SHINGLES} shingles left out), "
          f"{mean_shingles:.0f} shingles per text on average; shingling (shared by both): "
          f"{seconds['shingle']:.1f} s, {1e6 * seconds['shingle'] / n:.0f} µs/text")

    m_count = len(memory_sets)
    mem = memory_per_sketch(memory_sets)
    del memory_sets
    lean_check = np.array_equal(lean[0].hashvalues,
                                MinHash.bulk([shingles[0]], num_perm=NUM_BINS, hashfunc=LOW32)[0].hashvalues)

    print(f"\n1. Sketch time ({NUM_BINS} values per text; µs per text; memory: bytes retained per sketch "
          f"kept, tracemalloc on {m_count:,} texts)")
    print(f"{'method':66} {'texts':>8} {'seconds':>8} {'µs/text':>8} {'B/sketch':>9}")
    table = [
        ("project sketch() (one permutation, densified) into array('I')", n, seconds["project"], mem["project"]),
        ("datasketch MinHash.bulk(hashfunc=low 32 bits), kept as MinHash", n, seconds["bulk"], mem["bulk"]),
        ("datasketch MinHash.bulk + LeanMinHash(m), kept as LeanMinHash", n, seconds["bulk"] + seconds["lean"],
         mem["lean"]),
        ("datasketch MinHash(hashfunc=low 32 bits) + update_batch per text", naive_done, seconds["update_batch"],
         None),
        ("datasketch MinHash() + update_batch, default SHA-1 (8-byte shingles)", naive_done, seconds["sha1"],
         None),
    ]
    for label, count, secs, size in table:
        print(f"{label:66} {count:8,} {secs:8.2f} {1e6 * secs / max(count, 1):8.1f} "
              f"{size / m_count if size is not None else float('nan'):9.0f}")
    ratio = (seconds["bulk"] + seconds["lean"]) / seconds["project"]
    print(f"datasketch bulk + lean / project: {ratio:.2f}x the time (LeanMinHash equals MinHash.bulk: {lean_check})")

    # ------------------------------------------------------------ 3a. candidate pairs
    del canonical
    lsh_auto = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_BINS)
    methods = {}
    gc.freeze()
    started = time.perf_counter()
    methods["project"] = project_pairs(project, n)
    lsh_seconds = {"project": time.perf_counter() - started}
    gc.freeze()
    started = time.perf_counter()
    methods["auto"] = datasketch_pairs(lsh_auto, lean)
    lsh_seconds["auto"] = time.perf_counter() - started
    del lsh_auto
    gc.freeze()
    started = time.perf_counter()
    methods["same"] = datasketch_pairs(MinHashLSH(num_perm=NUM_BINS, params=(BANDS, ROWS)), lean)
    lsh_seconds["same"] = time.perf_counter() - started
    auto_b, auto_r = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_BINS).b, MinHashLSH(
        threshold=THRESHOLD, num_perm=NUM_BINS).r

    # production path of find_groups, for context: earliest text per bucket, clustering, exact check
    gc.freeze()
    started = time.perf_counter()
    order = sorted(range(n), key=lambda k: (dates[k] or "9999", ids[k]))
    earliest = [_earliest_in_buckets(project, order, band) for band in range(BANDS)]
    production_lsh = time.perf_counter() - started
    started = time.perf_counter()  # the walk checks its candidates exactly as it goes
    group, _, possible = _cluster(project, order, earliest, THRESHOLD - ESTIMATE_MARGIN,
                                  lambda k, o: exact(shingles[k], shingles[o]), THRESHOLD)
    production_check = time.perf_counter() - started
    links = sum(o != k for k, o in enumerate(group))
    del earliest

    # pooled truth: every proposed pair, the planted republications, random pairs (for the accuracy)
    first_of: dict[tuple, list[int]] = {}
    for k, key in enumerate(kinds):
        first_of.setdefault(key, []).append(k)
    planted = {a * n + b for members in first_of.values() if len(members) > 1
               for i, a in enumerate(members) for b in members[i + 1:]}
    rng = random.Random(options.seed)
    randoms: set[int] = set()
    while len(randoms) < min(options.random_pairs, n * (n - 1) // 2):
        a, b = sorted(rng.sample(range(n), 2))
        randoms.add(a * n + b)
    other_project[0] = project
    other_ds[0] = array("I", np.stack([m.hashvalues for m in lean]).astype(np.uint32).tobytes())
    spread = [(project_pairs(other_project[r], n), project_pairs(other_ds[r], n)) for r in range(repeats)]
    same_check = spread[0][0] == methods["project"] and spread[0][1] == methods["same"]
    pool = methods["project"] | methods["auto"] | methods["same"] | planted | randoms
    for pairs in spread:
        pool |= pairs[0] | pairs[1]
    gc.freeze()
    started = time.perf_counter()
    similarity = exact_many(pool, shingles, n)
    per_pair = (time.perf_counter() - started) / max(len(pool), 1)
    truth = {code for code in pool if similarity[code] >= THRESHOLD}
    near = {code for code in truth if similarity[code] < 0.9}

    # ------------------------------------------------------------ 2. accuracy
    proj_matrix = np.frombuffer(project, dtype=np.uint32).reshape(n, NUM_BINS)
    ds_matrix = np.stack([m.hashvalues for m in lean]).astype(np.uint32)
    print("\n2. Accuracy of the Jaccard estimate (share of equal values) against the exact Jaccard of the "
          "shingle sets\n   MAE: mean absolute error; bias: mean signed error (estimate - exact)")
    print(f"{'pairs':44} {'count':>9} {'exact J':>8} {'MAE proj':>9} {'MAE ds':>8} {'bias proj':>10} "
          f"{'bias ds':>8}")
    samples = [
        (f"{len(randoms):,} random pairs", randoms),
        (f"candidates of project banding {BANDS}x{ROWS}", methods["project"]),
        (f"candidates of MinHashLSH(threshold={THRESHOLD}) {auto_b}x{auto_r}", methods["auto"]),
        (f"candidates of MinHashLSH(params=({BANDS}, {ROWS}))", methods["same"]),
        ("all pairs above (union)", pool),
        (f"  of which exact J >= {THRESHOLD}", truth),
        (f"  of which {THRESHOLD} <= exact J < 0.9", near),
    ]
    for label, codes in samples:
        if not codes:
            print(f"{label:44} {0:9,}")
            continue
        codes = np.fromiter(codes, dtype=np.int64, count=len(codes))
        truth_j = np.fromiter((similarity[int(c)] for c in codes), dtype=float, count=len(codes))
        ep, ed = estimates(proj_matrix, codes, n) - truth_j, estimates(ds_matrix, codes, n) - truth_j
        print(f"{label:44} {len(codes):9,} {truth_j.mean():8.3f} {np.abs(ep).mean():9.4f} "
              f"{np.abs(ed).mean():8.4f} {ep.mean():+10.4f} {ed.mean():+8.4f}")
    print("   (a method's own candidates are chosen by its sketch's agreement, so its estimate leans high on "
          "them; the random pairs and the union are the even-handed rows)")

    # ------------------------------------------------------------ 3b. end to end
    print(f"\n3. End to end at Jaccard >= {THRESHOLD}: candidate pairs, each checked exactly "
          f"(check time pro rata: {1e6 * per_pair:.1f} µs per pair)")
    print(f"   pooled truth: {len(truth):,} pairs with exact J >= {THRESHOLD} among all pairs proposed (here and "
          f"in 4), {len(planted):,} planted republication pairs and the random pairs; {len(near):,} of them "
          f"with J < 0.9")
    print(f"{'method':46} {'P(J=.5)':>7} {'cands':>10} {'found':>7} {'recall':>7} {'rec<.9':>7} "
          f"{'planted':>7} {'sketch s':>8} {'LSH s':>7} {'check s':>7} {'total s':>8}")
    rows = [
        (f"project sketch() + banding {BANDS}x{ROWS}", s_curve(0.5, BANDS, ROWS), "project", seconds["project"]),
        (f"datasketch + MinHashLSH(threshold={THRESHOLD}) {auto_b}x{auto_r}", s_curve(0.5, auto_b, auto_r), "auto",
         seconds["bulk"] + seconds["lean"]),
        (f"datasketch + MinHashLSH(params=({BANDS}, {ROWS}))", s_curve(0.5, BANDS, ROWS), "same",
         seconds["bulk"] + seconds["lean"]),
    ]
    for label, p, key, sketch_s in rows:
        found = methods[key] & truth
        check_s = per_pair * len(methods[key])
        print(f"{label:46} {p:7.3f} {len(methods[key]):10,} {len(found):7,} "
              f"{len(found) / max(len(truth), 1):7.3f} {len(found & near) / max(len(near), 1):7.3f} "
              f"{len(found & planted) / max(len(planted), 1):7.3f} {sketch_s:8.1f} {lsh_seconds[key]:7.1f} "
              f"{check_s:7.1f} {sketch_s + lsh_seconds[key] + check_s:8.1f}")
    together = {code for code in truth if group[code // n] == group[code % n]}
    print(f"{'project find_groups path (groups, no pair list)':46} {'':7} {possible:10,} {links:7,} "
          f"{len(together) / max(len(truth), 1):7.3f} {len(together & near) / max(len(near), 1):7.3f} "
          f"{len(together & planted) / max(len(planted), 1):7.3f} {seconds['project']:8.1f} "
          f"{production_lsh:7.1f} {production_check:7.1f} "
          f"{seconds['project'] + production_lsh + production_check:8.1f}")
    print("   (find_groups row: cands = exact checks made while grouping, found = copies joined to an original; "
          "a truth pair counts when both texts end in one group: a text joins one original only, so two similar "
          "texts that are copies of different originals count as missed)")

    # ------------------------------------------------------------ 4. spread over hash functions
    pool_codes = np.fromiter(pool, dtype=np.int64, count=len(pool))
    pool_j = np.fromiter((similarity[int(c)] for c in pool_codes), dtype=float, count=len(pool_codes))
    above = pool_j >= THRESHOLD
    print(f"\n4. Spread over {repeats} hash functions, both banded {BANDS}x{ROWS} (same pooled truth; MAE on the "
          f"union of all proposed pairs and on its pairs with J >= {THRESHOLD}; the first row of each is the one "
          f"above; equal to table 3's pairs: {same_check})")
    print(f"{'sketch':46} {'cands':>10} {'recall':>7} {'rec<.9':>7} {'MAE all':>8} {'MAE J>=.5':>9} "
          f"{'bias J>=.5':>10}")
    for which, label in ((0, "project sketch(), hash"), (1, "datasketch MinHash, seed")):
        values = []
        for r in range(repeats):
            pairs = spread[r][which]
            matrix = np.frombuffer((other_project, other_ds)[which][r], dtype=np.uint32).reshape(n, NUM_BINS)
            error = estimates(matrix, pool_codes, n) - pool_j
            row = (len(pairs), len(pairs & truth) / max(len(truth), 1), len(pairs & near) / max(len(near), 1),
                   np.abs(error).mean(), np.abs(error[above]).mean() if above.any() else float("nan"),
                   error[above].mean() if above.any() else float("nan"))
            values.append(row)
            name = f"{label} {r + 1 if which else ('as shipped' if r == 0 else f'remixed {r}')}"
            print(f"{name:46} {row[0]:10,} {row[1]:7.3f} {row[2]:7.3f} {row[3]:8.4f} {row[4]:9.4f} {row[5]:+10.4f}")
        if repeats > 1:
            mean = [sum(v[i] for v in values) / repeats for i in range(6)]
            print(f"{'  mean':46} {mean[0]:10,.0f} {mean[1]:7.3f} {mean[2]:7.3f} {mean[3]:8.4f} {mean[4]:9.4f} "
                  f"{mean[5]:+10.4f}")

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of this process: {peak:.0f} MiB (shingle sets of every text kept for the exact check)")
    print("command: python benchmarks/bench_minhash.py " + " ".join(sys.argv[1:] if argv is None else argv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
