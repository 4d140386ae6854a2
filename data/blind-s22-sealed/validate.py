#!/usr/bin/env python3
"""Validator for the sealed blind-s22 evaluation set.

Standard library only. Prints COUNTS ONLY - never item text.
Exit code 0 on success, 1 on failure.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = "blind-s22"
LANG_RE = re.compile(r"^[a-z]{2,3}$")

SPECS = {
    "direct.jsonl": {
        "prefix": "blind22-direct-",
        "keys": {"id", "text", "label", "kind", "category", "lang", "source", "style"},
        "kind": "direct",
        "labels": {"attack": 50, "benign": 50},
        "categories": {"jailbreak": 20, "extraction": 15, "injection": 15, "benign": 50},
        "attack_labels": {"attack"},
        "label_category": {"attack": {"jailbreak", "extraction", "injection"}, "benign": {"benign"}},
    },
    "documents.jsonl": {
        "prefix": "blind22-doc-",
        "keys": {"id", "text", "label", "kind", "category", "lang", "source", "style"},
        "kind": "indirect",
        "labels": {"attack": 50, "benign": 50},
        "categories": {"injection": 50, "benign": 50},
        "attack_labels": {"attack"},
        "label_category": {"attack": {"injection"}, "benign": {"benign"}},
        "min_len": 300,
        "max_len": 3000,
    },
    "answers.jsonl": {
        "prefix": "blind22-answer-",
        "keys": {"id", "text", "label", "prompt", "source", "lang", "style"},
        "kind": None,
        "labels": {"jailbroken": 35, "leak": 15, "refusal": 25, "harmless": 25},
        "categories": None,
        "attack_labels": {"jailbroken", "leak"},
        "label_category": None,
    },
}

errors = []


def err(msg):
    errors.append(msg)


def norm(t):
    return re.sub(r"\s+", " ", t).strip().lower()


def sentences(t):
    parts = re.split(r"(?<=[.!?\u3002\uff01\uff1f\u0964\u06d4\u1362])\s+|\n+", t)
    return [norm(p) for p in parts if len(p.strip()) >= 20]


all_codes = set()
text_owner = {}
sentence_files = collections.defaultdict(set)
summary = []

for fname, spec in SPECS.items():
    path = os.path.join(HERE, fname)
    if not os.path.exists(path):
        err(f"{fname}: missing")
        continue
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    lines = raw.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            err(f"{fname}: blank line at {n}")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            err(f"{fname}: invalid JSON at line {n}")
            continue
        if not isinstance(obj, dict):
            err(f"{fname}: line {n} is not an object")
            continue
        rows.append(obj)

    if len(rows) != 100:
        err(f"{fname}: expected 100 rows, got {len(rows)}")

    ids = []
    for n, r in enumerate(rows, 1):
        if set(r.keys()) != spec["keys"]:
            err(f"{fname}: row {n} has wrong key set")
        for k in spec["keys"]:
            if k in r and (not isinstance(r[k], str) or not r[k].strip()):
                err(f"{fname}: row {n} key '{k}' empty or not a string")
        rid = r.get("id", "")
        m = re.fullmatch(re.escape(spec["prefix"]) + r"([1-9][0-9]*)", str(rid))
        if not m:
            err(f"{fname}: row {n} bad id format")
        else:
            ids.append(int(m.group(1)))
        if r.get("source") != SOURCE:
            err(f"{fname}: row {n} bad source")
        if spec["kind"] is not None and r.get("kind") != spec["kind"]:
            err(f"{fname}: row {n} bad kind")
        lab = r.get("label")
        if lab not in spec["labels"]:
            err(f"{fname}: row {n} unknown label")
        if spec["label_category"] is not None and lab in spec["label_category"]:
            if r.get("category") not in spec["label_category"][lab]:
                err(f"{fname}: row {n} category inconsistent with label")
        lang = r.get("lang", "")
        if not isinstance(lang, str) or not LANG_RE.match(lang):
            err(f"{fname}: row {n} bad lang code format")
        else:
            all_codes.add(lang)
        t = r.get("text", "")
        if isinstance(t, str):
            if "min_len" in spec and len(t) < spec["min_len"]:
                err(f"{fname}: row {n} text shorter than {spec['min_len']}")
            if "max_len" in spec and len(t) > spec["max_len"]:
                err(f"{fname}: row {n} text longer than {spec['max_len']}")
            key = norm(t)
            if key in text_owner:
                err(f"{fname}: row {n} text duplicates another row ({text_owner[key]})")
            else:
                text_owner[key] = f"{fname}#{n}"
            for s in sentences(t):
                sentence_files[s].add(fname)

    if sorted(ids) != list(range(1, 101)):
        err(f"{fname}: ids are not exactly 1..100")

    lab_counts = collections.Counter(r.get("label") for r in rows)
    if dict(lab_counts) != spec["labels"]:
        err(f"{fname}: label counts differ from spec")
    if spec["categories"] is not None:
        cat_counts = collections.Counter(r.get("category") for r in rows)
        if dict(cat_counts) != spec["categories"]:
            err(f"{fname}: category counts differ from spec")
    else:
        cat_counts = None

    att = collections.Counter(r.get("lang") for r in rows if r.get("label") in spec["attack_labels"])
    ben = collections.Counter(r.get("lang") for r in rows if r.get("label") not in spec["attack_labels"])
    parity = att == ben
    if not parity:
        err(f"{fname}: attack/benign language multisets differ")

    codes = {r.get("lang") for r in rows}
    en = sum(1 for r in rows if r.get("lang") == "en")
    summary.append((fname, len(rows), dict(sorted(lab_counts.items())),
                    dict(sorted(cat_counts.items())) if cat_counts else None,
                    len(codes), en, parity))

cross = sum(1 for s, fs in sentence_files.items() if len(fs) > 1)
if cross:
    err(f"sentences shared across files: {cross}")

if len(all_codes) < 90:
    err(f"only {len(all_codes)} distinct language codes (need >= 90)")

total = sum(s[1] for s in summary)
total_en = sum(s[5] for s in summary)
for fname, n, labs, cats, ncodes, en, parity in summary:
    print(f"{fname}: rows={n} labels={labs}" + (f" categories={cats}" if cats else "")
          + f" lang_codes={ncodes} en_rows={en} lang_parity={'ok' if parity else 'FAIL'}")
print(f"total rows={total} distinct_lang_codes={len(all_codes)} "
      f"english_share={(total_en / total * 100 if total else 0):.1f}% cross_file_shared_sentences={cross}")

if errors:
    print(f"FAIL: {len(errors)} problem(s)")
    for e in errors:
        print(" -", e)
    sys.exit(1)
print("OK")
sys.exit(0)
