#!/usr/bin/env python3
"""Structural checks for the sealed blind-s23 set.

Prints counts and check results only. It never prints item text, prompts,
or any excerpt of an item. Exit code 0 if every check passes, 1 otherwise.
"""
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = "blind-s23"
LANG_RE = re.compile(r"^[a-z]{2,3}$")
SENT_SPLIT = re.compile(r"[.!?\n\r。！？؟۔।॥።።။]+")
MIN_SENT = 20

FILES = {
    "direct.jsonl": {
        "keys": {"id", "text", "label", "kind", "category", "lang", "source", "style"},
        "prefix": "blind23-direct-",
        "kind": "direct",
        "labels": {"attack": 50, "benign": 50},
        "categories": {"jailbreak": 20, "extraction": 15, "injection": 15, "benign": 50},
        "attack_labels": {"attack"},
    },
    "documents.jsonl": {
        "keys": {"id", "text", "label", "kind", "category", "lang", "source", "style"},
        "prefix": "blind23-doc-",
        "kind": "indirect",
        "labels": {"attack": 50, "benign": 50},
        "categories": {"injection": 50, "benign": 50},
        "attack_labels": {"attack"},
        "length": (300, 3000),
    },
    "answers.jsonl": {
        "keys": {"id", "text", "label", "prompt", "source", "lang", "style"},
        "prefix": "blind23-answer-",
        "kind": None,
        "labels": {"jailbroken": 35, "leak": 15, "refusal": 25, "harmless": 25},
        "categories": None,
        "attack_labels": {"jailbroken", "leak"},
    },
}

failures = []


def check(name, ok, detail=""):
    status = "PASS" if ok else "FAIL"
    print(f"[{status}] {name}{(' - ' + detail) if detail else ''}")
    if not ok:
        failures.append(name)


def sentences(text):
    out = set()
    for part in SENT_SPLIT.split(text):
        s = " ".join(part.split()).strip().lower()
        if len(s) >= MIN_SENT:
            out.add(s)
    return out


def sentence_list(text):
    out = []
    for part in SENT_SPLIT.split(text):
        s = " ".join(part.split()).strip().lower()
        if len(s) >= MIN_SENT:
            out.append(s)
    return out


all_langs = set()
all_texts = Counter()
sent_files = defaultdict(set)

for fname, spec in FILES.items():
    path = os.path.join(HERE, fname)
    print(f"== {fname}")
    try:
        with open(path, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
    except Exception as e:  # noqa: BLE001
        check(f"{fname}: readable JSONL", False, type(e).__name__)
        continue
    check(f"{fname}: row count", len(rows) == 100, f"{len(rows)} rows")

    bad_keys = sum(1 for r in rows if set(r.keys()) != spec["keys"])
    check(f"{fname}: keys", bad_keys == 0, f"{bad_keys} rows with wrong keys")

    ids = [r.get("id", "") for r in rows]
    pat = re.compile("^" + re.escape(spec["prefix"]) + r"(\d+)$")
    nums = [int(m.group(1)) for m in (pat.match(i) for i in ids) if m]
    check(f"{fname}: id format", len(nums) == len(rows), f"{len(rows) - len(nums)} malformed")
    check(f"{fname}: ids exactly 1..100", sorted(nums) == list(range(1, 101)))

    bad_src = sum(1 for r in rows if r.get("source") != SOURCE)
    check(f"{fname}: source", bad_src == 0, f"{bad_src} rows with other source")
    if spec["kind"]:
        bad_kind = sum(1 for r in rows if r.get("kind") != spec["kind"])
        check(f"{fname}: kind", bad_kind == 0, f"{bad_kind} rows with other kind")

    labels = Counter(r.get("label") for r in rows)
    check(f"{fname}: label counts", dict(labels) == spec["labels"],
          ", ".join(f"{k}={v}" for k, v in sorted(labels.items(), key=lambda kv: str(kv[0]))))
    if spec["categories"]:
        cats = Counter(r.get("category") for r in rows)
        check(f"{fname}: category counts", dict(cats) == spec["categories"],
              ", ".join(f"{k}={v}" for k, v in sorted(cats.items(), key=lambda kv: str(kv[0]))))
        # category must agree with label
        mism = sum(1 for r in rows if (r.get("label") == "benign") != (r.get("category") == "benign"))
        check(f"{fname}: category/label agreement", mism == 0, f"{mism} mismatches")

    bad_lang = sum(1 for r in rows if not LANG_RE.match(str(r.get("lang", ""))))
    check(f"{fname}: lang code format", bad_lang == 0, f"{bad_lang} bad codes")
    langs = Counter(r.get("lang") for r in rows)
    all_langs.update(langs)
    att = Counter(r.get("lang") for r in rows if r.get("label") in spec["attack_labels"])
    ben = Counter(r.get("lang") for r in rows if r.get("label") not in spec["attack_labels"])
    check(f"{fname}: attack/benign language parity", att == ben,
          f"{len(langs)} codes, {sum((att - ben).values()) + sum((ben - att).values())} mismatched slots")
    check(f"{fname}: English rows", langs.get("en", 0) == 26, f"{langs.get('en', 0)} rows")

    if "length" in spec:
        lo, hi = spec["length"]
        bad_len = sum(1 for r in rows if not (lo <= len(r.get("text", "")) <= hi))
        check(f"{fname}: text length {lo}-{hi}", bad_len == 0, f"{bad_len} out of range")

    empty = sum(1 for r in rows if not str(r.get("text", "")).strip()
                or ("prompt" in spec["keys"] and not str(r.get("prompt", "")).strip()))
    check(f"{fname}: non-empty fields", empty == 0, f"{empty} empty")

    texts = Counter(r.get("text", "") for r in rows)
    dup_in = sum(v - 1 for v in texts.values() if v > 1)
    check(f"{fname}: unique texts within file", dup_in == 0, f"{dup_in} duplicates")
    all_texts.update(set(texts))

    within = Counter()
    for r in rows:
        for s in sentence_list(r.get("text", "")):
            within[s] += 1
    rep = sum(1 for v in within.values() if v > 1)
    check(f"{fname}: no 20+ char sentence repeated within file", rep == 0, f"{rep} repeated sentences")
    for s in within:
        sent_files[s].add(fname)

print("== cross-file")
dup_x = sum(1 for v in all_texts.values() if v > 1)
check("unique texts across files", dup_x == 0, f"{dup_x} shared texts")
shared = sum(1 for v in sent_files.values() if len(v) > 1)
check("no 20+ char sentence shared across files", shared == 0, f"{shared} shared sentences")
check("distinct language codes >= 80", len(all_langs) >= 80, f"{len(all_langs)} distinct codes")

print(f"== result: {'OK' if not failures else 'FAILED'} ({len(failures)} failed checks)")
sys.exit(0 if not failures else 1)
