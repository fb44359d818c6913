#!/usr/bin/env python3
"""engine-compare: the old model engine and the new one, same JSON.

Runs `meetingd parse` of both engines over every input given, once per
option set, and compares the ParseResults after normalising only the
deliberate fixes listed in FIXES. Errors must match too: the same exit
status and the same problem type (and detail). Anything else that differs
is a failure, reported with the file, the option set and the JSON path.

The old engine's command line parses one article per process, so it runs
once per input and option set, as many at a time as there are cores; the
new engine's archive mode (several FILEs, NDJSON out) parses them all in
one process per option set (its problem lines carry the problem type). An
input either engine rejects is parsed again by the new engine alone, as
one FILE, for its exit status.

Usage: engine_compare.py --old OLD_MEETINGD --new NEW_MEETINGD FILE|PATTERN...
       engine_compare.py --self-test   (the verdicts on made-up pairs)
(a PATTERN such as 'fuzz/corpus/model/*' is expanded here, sorted; one
that matches no file is an error)
Exit status: 0 no failure, 1 failures, 2 usage or setup error.
"""
import argparse
import concurrent.futures
import glob
import json
import os
import re
import subprocess
import sys
import time

# Both engines spell these flags alike (checked against `parse --help`).
OPTION_SETS = [
    ("default", []),
    ("explain+text", ["--explain", "--include-text"]),
    ("utf16", ["--offsets", "utf16"]),
    ("byte", ["--offsets", "byte"]),
]
FLAGS = ["--explain", "--include-text", "--offsets"]

# The deliberate fixes of the new engine; the only differences forgiven.
FIXES = {
    "quote-mentions": "quotes[].mentions: the occurrences in quotation marks, "
                      "not the first matches of the words anywhere",
    "doc-mention-end": "documents[].mentions[] of a citation whose trailing date is "
                       "not read ends at the symbol, not past it (issued_on null, or "
                       "the same date from another mention)",
}

# The deliberate changes of the new text layer, told by the input's shape:
# an input of such a shape is set aside (counted, not compared) among the
# fuzz seeds, never among the articles (--lenient names the seeds).
SHAPES = {
    "c0-blank": "C0 control characters (other than tab, LF, VT, FF, CR) and DEL are "
                "blanks, as white space is; the old tokens took them for punctuation",
    "letter-digit": "a letter glued to a digit is a word and a number (\"QH15\": an "
                    "issuer code and a legislature); the old tokens made one word",
    "other-script": "letters and marks of every script are letters; the old tokens "
                    "ended a word at one outside Latin",
    "date-glued": "a day/month/year glued to a following % or / is no date",
}
SHAPE_RES = {
    "c0-blank": re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]"),
    "letter-digit": re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])[0-9]"),
    "other-script": re.compile("[\u0370-\u1dff\u1f00-\u1fff\u2300-\U0010ffff]"),
    "date-glued": re.compile(r"\d{1,2}/\d{1,2}/\d{4}[%/]"),
}


def shape_of(path):
    """The first listed shape the input has, or None."""
    raw = open(path, "rb").read()
    if SHAPE_RES["c0-blank"].search(raw):
        return "c0-blank"
    text = raw.decode("utf-8", errors="replace")
    for k in ("letter-digit", "other-script", "date-glued"):
        if SHAPE_RES[k].search(text):
            return k
    return None


PROBLEM_BASE = "https://meetingd.dev/problems/"
# The command line's error messages (stderr, `meetingd: MESSAGE`), by the
# problem type the server gives the same error.
MESSAGE_TYPES = [
    (re.compile(r"not valid UTF-8"), "invalid-utf8"),
    (re.compile(r"empty or only whitespace"), "empty-article"),
    (re.compile(r"published_at is not"), "invalid-published-at"),
]
# Named beside a difference, to help sort them: the new engine's tokens
# take these for blanks, the old ones for punctuation.
CONTROLS = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_REPORTED = 20   # differing inputs shown (all of them go to --report)
MAX_PATHS = 8       # differing JSON paths shown per input and option set


def problem_of_message(msg):
    """(problem type, detail) of a command-line error message."""
    msg = msg.strip()
    if msg.startswith("meetingd: "):
        msg = msg[len("meetingd: "):]
    for pat, kind in MESSAGE_TYPES:
        if pat.search(msg):
            return kind, msg.rstrip(".")
    return "internal", msg.rstrip(".")


def problem_of_json(p):
    """(problem type, detail) of an archive-mode problem line."""
    kind = p.get("type", "")
    if kind.startswith(PROBLEM_BASE):
        kind = kind[len(PROBLEM_BASE):]
    detail = p.get("detail", "").rstrip(".")
    return kind, detail[:1].lower() + detail[1:]


def run(cmd):
    r = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")


def check_flags(binary):
    """The option sets' flags must be in the binary's `parse --help`."""
    rc, out, err = run([binary, "parse", "--help"])
    text = out.decode("utf-8", "replace") + err
    missing = [f for f in FLAGS if f not in text]
    if missing:
        sys.exit(f"engine-compare: {binary} parse --help has no {' '.join(missing)}")


def old_parse(binary, path, opts):
    """The old engine on one input: ("ok", result) or ("error", rc, problem)."""
    rc, out, err = run([binary, "parse"] + opts + [path])
    if rc == 0:
        return ("ok", json.loads(out))
    return ("error", rc, problem_of_message(err.strip().splitlines()[-1] if err.strip() else ""))


def new_parse_all(binary, paths, opts, jobs):
    """The new engine on every input in one archive run, in input order."""
    cmd = [binary, "parse", "--format", "text", "--format", "ndjson", "-q",
           "-j", str(jobs)] + opts + ["--"] + paths
    rc, out, err = run(cmd)
    lines = out.splitlines()
    if rc not in (0, 1) or len(lines) != len(paths):
        sys.exit(f"engine-compare: the new engine's archive run failed (exit {rc}, "
                 f"{len(lines)} results for {len(paths)} inputs): {err.strip()[-500:]}")
    results = []
    for i, line in enumerate(lines):
        r = json.loads(line)
        if r.pop("id", None) != i + 1 or r.pop("source", None) != paths[i]:
            sys.exit(f"engine-compare: archive result {i + 1} is not {paths[i]}")
        if "type" in r and "status" in r and "version" not in r:
            results.append(("error", None, problem_of_json(r)))
        else:
            results.append(("ok", r))
    return results


def new_parse_one(binary, path, opts):
    """The new engine on one input, as one FILE: its exit status and problem."""
    rc, out, err = run([binary, "parse", "--format", "text"] + opts + [path])
    if rc == 0:
        return ("ok", json.loads(out))
    return ("error", rc, problem_of_message(err.strip().splitlines()[-1] if err.strip() else ""))


# ---- the listed fixes ----

def dump(v):
    return json.dumps(v, ensure_ascii=False)


def normalise(old, new):
    """Forgive the listed fixes: rewrite both results in place so that they
    agree where, and only where, a fix explains the difference. Returns the
    fixes that changed something."""
    used = set()
    oq, nq = old.get("quotes"), new.get("quotes")
    if isinstance(oq, list) and isinstance(nq, list):
        mentions = []
        for qs in (oq, nq):
            mentions.append([q.pop("mentions", None) if isinstance(q, dict) else None
                             for q in qs])
        if mentions[0] != mentions[1]:
            used.add("quote-mentions")
    od, nd = old.get("documents"), new.get("documents")
    if isinstance(od, list) and isinstance(nd, list) and len(od) == len(nd):
        for o, n in zip(od, nd):
            if not (isinstance(o, dict) and isinstance(n, dict)):
                continue
            om, nm, symbol = o.get("mentions"), n.get("mentions"), n.get("symbol")
            if not (isinstance(om, list) and isinstance(nm, list) and len(om) == len(nm)
                    and isinstance(symbol, str) and symbol):
                continue
            # no date read; or one, alike, that another mention gave
            if n.get("issued_on") != o.get("issued_on") or \
                    (n.get("issued_on") is not None and len(nm) < 2):
                continue
            for a, b in zip(om, nm):
                if (isinstance(a, dict) and isinstance(b, dict) and a != b
                        and a.get("start") == b.get("start")
                        and isinstance(a.get("text"), str) and isinstance(b.get("text"), str)
                        and b["text"].endswith(symbol)
                        and a["text"].startswith(b["text"])
                        and len(a["text"]) > len(b["text"])
                        and isinstance(a.get("end"), int) and isinstance(b.get("end"), int)
                        and a["end"] > b["end"]
                        and set(a) == set(b)):
                    a["text"], a["end"] = b["text"], b["end"]
                    used.add("doc-mention-end")
    return used


# ---- differences ----

def short(v, n=100):
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= n else s[:n - 3] + "..."


def diff(a, b, path, out):
    """Append (path, old, new) for every difference of a and b to out."""
    if len(out) > MAX_PATHS:
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for k in list(a) + [k for k in b if k not in a]:
            p = f"{path}.{k}"
            if k not in b:
                out.append((p, a[k], "(absent)"))
            elif k not in a:
                out.append((p, "(absent)", b[k]))
            else:
                diff(a[k], b[k], p, out)
        if list(a) != list(b) and set(a) == set(b) and not out:
            out.append((path, "keys " + ",".join(a), "keys " + ",".join(b)))
    elif isinstance(a, list) and isinstance(b, list):
        for i in range(min(len(a), len(b))):
            diff(a[i], b[i], f"{path}[{i}]", out)
        if len(a) != len(b):
            out.append((path, f"{len(a)} items", f"{len(b)} items"))
    elif a != b or type(a) is not type(b):
        out.append((path, a, b))


def show(diffs):
    return "".join(f"  {path}\n    old: {short(ov)}\n    new: {short(nv)}\n"
                   for path, ov, nv in diffs[:MAX_PATHS])


def compare(old, new):
    """(verdict, fixes used, differences): verdict identical, fixed or fail."""
    if old[0] != "ok" or new[0] != "ok":
        if old[0] == new[0] == "error" and old[1:] == new[1:]:
            return "identical", set(), []
        describe = (lambda r: "a result" if r[0] == "ok"
                    else f"exit {r[1]}, {r[2][0]}: {r[2][1]}")
        return "fail", set(), [("$", describe(old), describe(new))]
    o, n = old[1], new[1]
    # the key order is part of the output too
    if dump(o) == dump(n):
        return "identical", set(), []
    used = normalise(o, n)
    if dump(o) == dump(n):
        return "fixed", used, []
    out = []
    diff(o, n, "$", out)
    return "fail", used, out or [("$", "(key order)", "(key order)")]


def self_test():
    """The verdicts on made-up pairs: each fix forgiven where it applies and
    nowhere else, errors compared by status and problem."""
    def doc(text, end, issued=None, symbol="12/QĐ-UBND"):
        return {"documents": [{"id": "d1", "symbol": symbol, "issued_on": issued,
                               "mentions": [{"text": text, "start": 5, "end": end}]}]}

    def doc2(text, end, issued=None):
        r = doc(text, end, issued)
        r["documents"][0]["mentions"].append({"text": "12/QĐ-UBND", "start": 90, "end": 100})
        return r

    def quote(start, count=1):
        return {"quotes": [{"text": "a b", "count": count,
                            "mentions": [{"text": "a b", "start": start, "end": start + 3}]}]}
    cut, long_ = "Quyết định 12/QĐ-UBND", "Quyết định 12/QĐ-UBND ban hành ngày 4/5"
    ok = lambda r: ("ok", json.loads(json.dumps(r)))
    err = lambda rc, kind, detail: ("error", rc, (kind, detail))
    cases = [
        ("same", ok({"a": 1}), ok({"a": 1}), "identical"),
        ("key order", ok({"a": 1, "b": 2}), ok({"b": 2, "a": 1}), "fail"),
        ("a value", ok({"a": 1}), ok({"a": 2}), "fail"),
        ("an int for a string", ok({"a": "1"}), ok({"a": 1}), "fail"),
        ("quote mentions", ok(quote(3)), ok(quote(9)), "fixed"),
        ("quote count", ok(quote(3)), ok(quote(9, 2)), "fail"),
        ("doc mention cut at the symbol", ok(doc(long_, 44)), ok(doc(cut, 26)), "fixed"),
        ("doc mention with a date", ok(doc(long_, 44, "2024-05-04")),
         ok(doc(cut, 26, "2024-05-04")), "fail"),
        ("doc mention, the date from another mention",
         ok(doc2(long_, 44, "2024-05-04")), ok(doc2(cut, 26, "2024-05-04")), "fixed"),
        ("doc mention, a date on one side only", ok(doc2(long_, 44, "2024-05-04")),
         ok(doc2(cut, 26)), "fail"),
        ("doc mention longer in the new", ok(doc(cut, 26)), ok(doc(long_, 44)), "fail"),
        ("doc mention not at the symbol", ok(doc(long_, 44)),
         ok(doc("Quyết định 12/QĐ-UBND ban", 30)), "fail"),
        ("doc mention other text", ok(doc(long_, 44)), ok(doc("Quyết định 12", 18)), "fail"),
        ("same error", err(1, "empty-article", "x"), err(1, "empty-article", "x"), "identical"),
        ("error status", err(1, "empty-article", "x"), err(2, "empty-article", "x"), "fail"),
        ("error type", err(1, "empty-article", "x"), err(1, "invalid-utf8", "x"), "fail"),
        ("error detail", err(1, "invalid-utf8", "at 3"), err(1, "invalid-utf8", "at 4"), "fail"),
        ("error or result", err(1, "empty-article", "x"), ok({}), "fail"),
    ]
    bad = [name for name, o, n, want in cases if compare(o, n)[0] != want]
    if problem_of_message("meetingd: the article is empty or only whitespace") != \
            problem_of_json({"type": PROBLEM_BASE + "empty-article",
                             "detail": "The article is empty or only whitespace."}):
        bad.append("problem of a message and of a problem line")
    if bad:
        sys.exit(f"engine-compare: self-test FAILED: {', '.join(bad)}")
    print(f"engine-compare: self-test: {len(cases) + 1} verdicts as expected")


def main():
    if sys.argv[1:] == ["--self-test"]:
        self_test()
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", required=True, help="the old engine's meetingd")
    ap.add_argument("--new", required=True, help="the new engine's meetingd")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--report", help="write every difference here (the output shows "
                    f"the first {MAX_REPORTED})")
    ap.add_argument("--lenient", nargs="+", default=[], action="extend",
                    help="inputs (patterns) among which one of a listed shape is set aside")
    ap.add_argument("inputs", nargs="+")
    a = ap.parse_args()
    t0 = time.monotonic()
    for b in (a.old, a.new):
        if not os.access(b, os.X_OK):
            sys.exit(f"engine-compare: {b} is not an executable")
        check_flags(b)
    paths, groups, seen = [], [], set()
    shaped = {k: 0 for k in SHAPES}
    for lenient, args in ((False, a.inputs), (True, a.lenient)):
        for arg in args:
            found = sorted(f for f in glob.glob(arg) if os.path.isfile(f)) \
                if glob.has_magic(arg) else [arg]
            if not found or not all(os.path.isfile(f) for f in found):
                sys.exit(f"engine-compare: no input file: {arg}")
            groups.append(f"{arg} {len(found)}")
            for f in found:
                if f in seen or seen.add(f):
                    continue
                k = shape_of(f) if lenient else None
                if k:
                    shaped[k] += 1
                else:
                    paths.append(f)
    print(f"engine-compare: inputs: {', '.join(groups)}")
    if any(shaped.values()):
        print("engine-compare: set aside, a listed change applying to their shape: " +
              ", ".join(f"{k} {v}" for k, v in shaped.items()))
    counts = {"identical": 0, "fixed": 0, "fail": 0}
    errors = 0
    fixes = {k: 0 for k in FIXES}
    failures = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        for name, opts in OPTION_SETS:
            olds = list(pool.map(lambda p: old_parse(a.old, p, opts), paths))
            news = new_parse_all(a.new, paths, opts, a.jobs)
            for i, p in enumerate(paths):
                o, n = olds[i], news[i]
                if o[0] == "error" or n[0] == "error":
                    # the exit status of a one-FILE run, the problem of the line
                    one = new_parse_one(a.new, p, opts)
                    n = ("error", one[1], n[2]) if n[0] == one[0] == "error" else one
                verdict, used, diffs = compare(o, n)
                counts[verdict] += 1
                errors += verdict == "identical" and o[0] == "error"
                for u in (used if verdict == "fixed" else ()):
                    fixes[u] += 1
                if verdict == "fail":
                    failures.append((p, name, diffs))
    # by input: the first option set's differences, the others named
    by_path = {}
    for p, name, diffs in failures:
        by_path.setdefault(p, []).append((name, diffs))
    controls = {p for p in by_path if CONTROLS.search(open(p, "rb").read())}
    report = open(a.report, "w", encoding="utf-8") if a.report else None
    for k, (p, sets) in enumerate(by_path.items()):
        hint = " (the input holds C0 control characters)" if p in controls else ""
        text = f"engine-compare: DIFF {p} [{', '.join(n for n, _ in sets)}]{hint}\n"
        for n, diffs in sets:
            if n != sets[0][0]:
                if report:
                    report.write(f"  [{n}]\n" + show(diffs))
                continue
            text += f"  [{n}]\n" + show(diffs)
            if k < MAX_REPORTED:
                sys.stdout.write(text)
            if report:
                report.write(text)
    if report:
        report.close()
    if len(by_path) > MAX_REPORTED:
        print(f"engine-compare: ... and {len(by_path) - MAX_REPORTED} more differing inputs"
              + (f" (all in {a.report})" if a.report else ""))
    total = len(paths) * len(OPTION_SETS)
    print(f"engine-compare: {len(paths)} inputs x {len(OPTION_SETS)} option sets "
          f"({', '.join(n for n, _ in OPTION_SETS)}) = {total} compared: "
          f"{counts['identical']} identical ({errors} the same error), {counts['fixed']} differ only by listed fixes "
          f"({', '.join(f'{k} {v}' for k, v in fixes.items())}), "
          f"{counts['fail']} failures ({time.monotonic() - t0:.1f} s)")
    if counts["fail"]:
        print(f"engine-compare: {len(by_path)} inputs differ, {len(controls)} of them hold "
              "C0 control characters (other than tab, LF, CR) or DEL")
        print("engine-compare: FAIL: the new engine's output differs from the old "
              "engine's beyond the listed fixes:")
        for k, v in list(FIXES.items()) + list(SHAPES.items()):
            print(f"  {k}: {v}")
        return 1
    print("engine-compare: PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
