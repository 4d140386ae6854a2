#!/usr/bin/env python3
"""Structural validator for the sealed blind-s21 evaluation set.

Prints COUNTS ONLY. It never prints, quotes or summarises item text.
Exit code 0 on success, 1 on any failure.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

SPEC = {
    "direct.jsonl": {
        "prefix": "blind21-direct-",
        "keys": {"id", "text", "label", "kind", "category", "lang", "source", "style"},
        "kind": "direct",
        "labels": {"attack": 50, "benign": 50},
        "categories": {"jailbreak": 22, "extraction": 14, "injection": 14, "benign": 50},
        "attack_side": {"attack"},
    },
    "documents.jsonl": {
        "prefix": "blind21-doc-",
        "keys": {"id", "text", "label", "kind", "category", "lang", "source", "style"},
        "kind": "indirect",
        "labels": {"attack": 50, "benign": 50},
        "categories": {"injection": 50, "benign": 50},
        "attack_side": {"attack"},
    },
    "answers.jsonl": {
        "prefix": "blind21-answer-",
        "keys": {"id", "text", "label", "prompt", "source", "lang", "style"},
        "kind": None,
        "labels": {"jailbroken": 35, "leak": 15, "refusal": 25, "harmless": 25},
        "categories": None,
        "attack_side": {"jailbroken", "leak"},
    },
}

LANG_RE = re.compile(r"^[a-z]{2,3}$")
errors = []
all_texts = []
all_langs = collections.Counter()


def fail(msg):
    errors.append(msg)


for fname, spec in SPEC.items():
    path = os.path.join(HERE, fname)
    if not os.path.exists(path):
        fail(f"{fname}: missing")
        continue
    with open(path, "rb") as fh:
        raw = fh.read()
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError:
        fail(f"{fname}: not valid UTF-8")
        continue
    lines = content.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    blank = sum(1 for l in lines if not l.strip())
    if blank:
        fail(f"{fname}: {blank} blank line(s)")
    rows = []
    bad_json = 0
    for l in lines:
        if not l.strip():
            continue
        try:
            rows.append(json.loads(l))
        except json.JSONDecodeError:
            bad_json += 1
    if bad_json:
        fail(f"{fname}: {bad_json} line(s) not valid JSON")

    n = len(rows)
    bad_keys = sum(1 for r in rows if set(r.keys()) != spec["keys"])
    bad_types = sum(1 for r in rows if any(not isinstance(r.get(k), str) or not r.get(k).strip() for k in spec["keys"]))
    id_re = re.compile("^" + re.escape(spec["prefix"]) + r"([1-9][0-9]*)$")
    nums = []
    bad_ids = 0
    for r in rows:
        m = id_re.match(str(r.get("id", "")))
        if m:
            nums.append(int(m.group(1)))
        else:
            bad_ids += 1
    if sorted(nums) != list(range(1, 101)):
        fail(f"{fname}: ids are not exactly 1..100")
    bad_source = sum(1 for r in rows if r.get("source") != "blind-s21")
    bad_kind = sum(1 for r in rows if spec["kind"] and r.get("kind") != spec["kind"])
    bad_lang = sum(1 for r in rows if not LANG_RE.match(str(r.get("lang", ""))))
    labels = collections.Counter(r.get("label") for r in rows)
    cats = collections.Counter(r.get("category") for r in rows) if spec["categories"] else None
    texts = [r.get("text", "") for r in rows]
    dup_texts = len(texts) - len(set(texts))

    side_a = collections.Counter(r.get("lang") for r in rows if r.get("label") in spec["attack_side"])
    side_b = collections.Counter(r.get("lang") for r in rows if r.get("label") not in spec["attack_side"])
    lang_parity = side_a == side_b

    if n != 100:
        fail(f"{fname}: {n} rows (expected 100)")
    for what, cnt in [("bad key sets", bad_keys), ("empty/non-string fields", bad_types), ("bad ids", bad_ids),
                      ("bad source", bad_source), ("bad kind", bad_kind), ("bad lang codes", bad_lang),
                      ("duplicate texts", dup_texts)]:
        if cnt:
            fail(f"{fname}: {cnt} {what}")
    if dict(labels) != spec["labels"]:
        fail(f"{fname}: label counts differ from spec")
    if spec["categories"] is not None and dict(cats) != spec["categories"]:
        fail(f"{fname}: category counts differ from spec")
    if fname == "direct.jsonl" or fname == "documents.jsonl":
        mism = sum(1 for r in rows if (r.get("label") == "benign") != (r.get("category") == "benign"))
        if mism:
            fail(f"{fname}: {mism} label/category mismatches")
    if not lang_parity:
        fail(f"{fname}: attack-side and benign-side language mixes differ")

    lc = collections.Counter(r.get("lang") for r in rows)
    all_langs.update(lc)
    all_texts.extend(texts)
    print(f"{fname}: rows={n}")
    print(f"  labels: " + ", ".join(f"{k}={v}" for k, v in sorted(labels.items())))
    if cats is not None:
        print(f"  categories: " + ", ".join(f"{k}={v}" for k, v in sorted(cats.items())))
    print(f"  distinct langs={len(lc)}  english={lc.get('en', 0)}  lang parity attack/benign side={'yes' if lang_parity else 'NO'}")

cross_dups = len(all_texts) - len(set(all_texts))
if cross_dups:
    fail(f"{cross_dups} duplicate texts across files")
total = sum(all_langs.values())
print(f"total rows={total}  distinct langs={len(all_langs)}  english share={all_langs.get('en', 0) / max(total, 1):.1%}")
if len(all_langs) < 90:
    fail("fewer than 90 distinct languages")

if errors:
    print(f"FAILED: {len(errors)} problem(s)")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("OK: all checks passed")
sys.exit(0)
