#!/usr/bin/env python3
"""Structural validator for the SEALED blind-s19 set.

Prints COUNTS ONLY. It never prints item text, prompts or any other item content;
problems are reported by id and field name.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = "blind-s19"
SPEC = {
    "direct.jsonl": {
        "prefix": "blind19-direct-",
        "fields": ["id", "text", "label", "kind", "category", "lang", "source", "style"],
        "kind": "direct",
        "labels": {"attack": 50, "benign": 50},
        "categories": {"jailbreak": 22, "extraction": 14, "injection": 14, "benign": 50},
    },
    "documents.jsonl": {
        "prefix": "blind19-doc-",
        "fields": ["id", "text", "label", "kind", "category", "lang", "source", "style"],
        "kind": "indirect",
        "labels": {"attack": 50, "benign": 50},
        "categories": {"injection": 50, "benign": 50},
    },
    "answers.jsonl": {
        "prefix": "blind19-answer-",
        "fields": ["id", "text", "label", "prompt", "source", "lang", "style"],
        "kind": None,
        "labels": {"jailbroken": 35, "leak": 15, "refusal": 25, "harmless": 25},
        "categories": None,
    },
}
LANG_RE = re.compile(r"^[a-z]{2,3}$")

errors = []
all_texts = collections.Counter()
all_langs = collections.Counter()
total = 0

for name, spec in SPEC.items():
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        errors.append(f"{name}: missing file")
        continue
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                errors.append(f"{name}: line {n} is not valid JSON")
    ids = set()
    labels = collections.Counter()
    cats = collections.Counter()
    langs = collections.Counter()
    for r in rows:
        rid = r.get("id", "?")
        if sorted(r.keys()) != sorted(spec["fields"]):
            errors.append(f"{name}: {rid} has wrong field set")
        if not str(rid).startswith(spec["prefix"]) or not str(rid)[len(spec["prefix"]):].isdigit():
            errors.append(f"{name}: {rid} bad id format")
        if rid in ids:
            errors.append(f"{name}: {rid} duplicate id")
        ids.add(rid)
        for fld in ("text", "style") + (("prompt",) if "prompt" in spec["fields"] else ()):
            if not isinstance(r.get(fld), str) or not r.get(fld, "").strip():
                errors.append(f"{name}: {rid} empty {fld}")
        if r.get("source") != SOURCE:
            errors.append(f"{name}: {rid} wrong source")
        if spec["kind"] and r.get("kind") != spec["kind"]:
            errors.append(f"{name}: {rid} wrong kind")
        if r.get("label") not in spec["labels"]:
            errors.append(f"{name}: {rid} unknown label")
        if spec["categories"] is not None:
            c = r.get("category")
            if c not in spec["categories"]:
                errors.append(f"{name}: {rid} unknown category")
            if (r.get("label") == "benign") != (c == "benign"):
                errors.append(f"{name}: {rid} label/category mismatch")
            cats[c] += 1
        lang = r.get("lang", "")
        if not LANG_RE.match(str(lang)):
            errors.append(f"{name}: {rid} bad lang code")
        labels[r.get("label")] += 1
        langs[lang] += 1
        all_langs[lang] += 1
        all_texts[r.get("text")] += 1
    expected_ids = {f"{spec['prefix']}{i}" for i in range(1, len(rows) + 1)}
    if ids != expected_ids:
        errors.append(f"{name}: ids are not contiguous 1..{len(rows)}")
    if dict(labels) != spec["labels"]:
        errors.append(f"{name}: label counts differ from spec")
    if spec["categories"] is not None and dict(cats) != spec["categories"]:
        errors.append(f"{name}: category counts differ from spec")
    total += len(rows)
    print(f"{name}: rows={len(rows)}")
    for k in sorted(labels):
        print(f"  label {k}: {labels[k]}")
    for k in sorted(cats):
        print(f"  category {k}: {cats[k]}")
    print(f"  languages: {len(langs)}  english rows: {langs.get('en', 0)}")

dups = sum(1 for v in all_texts.values() if v > 1)
if dups:
    errors.append(f"{dups} text values occur more than once")
print(f"total rows: {total}")
print(f"distinct languages: {len(all_langs)}")
if total:
    print(f"english share: {all_langs.get('en', 0) / total:.3f}")
print(f"duplicate texts: {dups}")
if errors:
    print(f"ERRORS: {len(errors)}")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("OK")
