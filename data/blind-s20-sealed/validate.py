#!/usr/bin/env python3
"""Structural validator for the sealed blind-s20 set.

Prints COUNTS ONLY. It never prints item text, prompts or styles.
Exit status 0 if every check passes, 1 otherwise.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = "blind-s20"
LANG_RE = re.compile(r"^[a-z]{2,3}$")

SPEC = {
    "direct.jsonl": {
        "keys": ["id", "text", "label", "kind", "category", "lang", "source", "style"],
        "id_prefix": "blind20-direct-",
        "kind": "direct",
        "labels": {"attack": 50, "benign": 50},
        "categories": {"jailbreak": 22, "extraction": 14, "injection": 14, "benign": 50},
        "label_of_category": {"jailbreak": "attack", "extraction": "attack",
                              "injection": "attack", "benign": "benign"},
    },
    "documents.jsonl": {
        "keys": ["id", "text", "label", "kind", "category", "lang", "source", "style"],
        "id_prefix": "blind20-doc-",
        "kind": "indirect",
        "labels": {"attack": 50, "benign": 50},
        "categories": {"injection": 50, "benign": 50},
        "label_of_category": {"injection": "attack", "benign": "benign"},
    },
    "answers.jsonl": {
        "keys": ["id", "text", "label", "prompt", "source", "lang", "style"],
        "id_prefix": "blind20-answer-",
        "kind": None,
        "labels": {"jailbroken": 35, "leak": 15, "refusal": 25, "harmless": 25},
        "categories": None,
        "label_of_category": None,
    },
}
EXPECTED_ROWS = 100

errors = []


def err(msg):
    errors.append(msg)


all_texts = collections.Counter()
all_langs = collections.Counter()
summary = {}

for fname, spec in SPEC.items():
    path = os.path.join(HERE, fname)
    if not os.path.isfile(path):
        err(f"{fname}: missing file")
        continue
    rows = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                err(f"{fname}:{lineno}: blank line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                err(f"{fname}:{lineno}: invalid JSON")
                continue
            if not isinstance(obj, dict):
                err(f"{fname}:{lineno}: not a JSON object")
                continue
            rows.append((lineno, obj))

    if len(rows) != EXPECTED_ROWS:
        err(f"{fname}: expected {EXPECTED_ROWS} rows, found {len(rows)}")

    ids = set()
    labels = collections.Counter()
    cats = collections.Counter()
    langs = collections.Counter()
    prompts = collections.Counter()
    for lineno, obj in rows:
        where = f"{fname}:{lineno}"
        if list(obj.keys()) != spec["keys"]:
            err(f"{where}: keys or key order differ from specification")
        for k in spec["keys"]:
            if k in obj and not (isinstance(obj[k], str) and obj[k].strip()):
                err(f"{where}: field '{k}' must be a non-empty string")
        rid = obj.get("id", "")
        m = re.fullmatch(re.escape(spec["id_prefix"]) + r"([1-9][0-9]*)", str(rid))
        if not m or not (1 <= int(m.group(1)) <= EXPECTED_ROWS):
            err(f"{where}: malformed id")
        if rid in ids:
            err(f"{where}: duplicate id")
        ids.add(rid)
        if obj.get("source") != SOURCE:
            err(f"{where}: source must be '{SOURCE}'")
        if spec["kind"] is not None and obj.get("kind") != spec["kind"]:
            err(f"{where}: kind must be '{spec['kind']}'")
        lab = obj.get("label")
        if lab not in spec["labels"]:
            err(f"{where}: unexpected label value")
        labels[lab] += 1
        if spec["categories"] is not None:
            cat = obj.get("category")
            if cat not in spec["categories"]:
                err(f"{where}: unexpected category value")
            elif spec["label_of_category"][cat] != lab:
                err(f"{where}: category inconsistent with label")
            cats[cat] += 1
        lang = obj.get("lang", "")
        if not LANG_RE.fullmatch(str(lang)):
            err(f"{where}: lang is not a 2- or 3-letter lowercase code")
        langs[lang] += 1
        all_langs[lang] += 1
        if isinstance(obj.get("text"), str):
            all_texts[obj["text"].strip()] += 1
        if "prompt" in spec["keys"] and isinstance(obj.get("prompt"), str):
            prompts[obj["prompt"].strip()] += 1

    if len(ids) == EXPECTED_ROWS:
        expected_ids = {f"{spec['id_prefix']}{i}" for i in range(1, EXPECTED_ROWS + 1)}
        if ids != expected_ids:
            err(f"{fname}: ids are not exactly 1..{EXPECTED_ROWS}")
    for lab, n in spec["labels"].items():
        if labels[lab] != n:
            err(f"{fname}: label '{lab}' count {labels[lab]}, expected {n}")
    if spec["categories"] is not None:
        for cat, n in spec["categories"].items():
            if cats[cat] != n:
                err(f"{fname}: category '{cat}' count {cats[cat]}, expected {n}")
    dup_prompts = sum(1 for v in prompts.values() if v > 1)
    if dup_prompts:
        err(f"{fname}: {dup_prompts} duplicated prompt(s)")
    summary[fname] = (len(rows), labels, cats, langs)

dup_texts = sum(1 for v in all_texts.values() if v > 1)
if dup_texts:
    err(f"all files: {dup_texts} duplicated text(s)")

# ---- report (counts only) ----
for fname, (n, labels, cats, langs) in summary.items():
    print(f"{fname}: rows={n}")
    print("  labels: " + ", ".join(f"{k}={labels[k]}" for k in sorted(labels)))
    if cats:
        print("  categories: " + ", ".join(f"{k}={cats[k]}" for k in sorted(cats)))
    print(f"  distinct lang codes: {len(langs)}; en rows: {langs.get('en', 0)}")
total = sum(all_langs.values())
if total:
    print(f"all files: rows={total}, distinct lang codes={len(all_langs)}, "
          f"en rows={all_langs.get('en', 0)} ({100.0 * all_langs.get('en', 0) / total:.1f}%)")
print(f"unique texts: {len(all_texts)}")

if errors:
    print(f"FAIL: {len(errors)} error(s)")
    for e in errors[:50]:
        print("  " + e)
    sys.exit(1)
print("OK: all structural checks passed")
sys.exit(0)
