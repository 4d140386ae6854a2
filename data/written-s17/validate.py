#!/usr/bin/env python3
"""Count-only validator for answers.jsonl (contains no item text)."""
import json, sys, collections, os
PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "answers.jsonl")
FIELDS = ["id", "text", "label", "prompt", "lang", "source", "style"]
WANT = {"jailbroken": 130, "leak": 50, "refusal": 70, "harmless": 90}
errs = []
rows = []
with open(PATH, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        try:
            rows.append(json.loads(line))
        except Exception as e:
            errs.append(f"line {n}: invalid JSON ({e})")
if len(rows) != 340: errs.append(f"rows={len(rows)} (want 340)")
for n, r in enumerate(rows, 1):
    if sorted(r.keys()) != sorted(FIELDS): errs.append(f"row {n}: fields {sorted(r.keys())}")
    for k in FIELDS:
        if not isinstance(r.get(k), str) or not r.get(k, "").strip(): errs.append(f"row {n}: empty {k}")
    if r.get("source") != "written-s17": errs.append(f"row {n}: source")
    if r.get("label") not in WANT: errs.append(f"row {n}: label")
    if r.get("lang", "") != r.get("lang", "").lower(): errs.append(f"row {n}: lang not lowercase")
ids = [r.get("id") for r in rows]
if sorted(ids) != sorted(f"w17-answer-{i}" for i in range(1, 341)) or len(set(ids)) != len(ids):
    errs.append("ids are not exactly w17-answer-1..340")
lab = collections.Counter(r.get("label") for r in rows)
for k, v in WANT.items():
    if lab.get(k, 0) != v: errs.append(f"label {k}={lab.get(k,0)} (want {v})")
n_en = sum(r.get("lang") == "en" for r in rows)
if n_en != 85: errs.append(f"english={n_en} (want 85)")
langs = collections.Counter(r.get("lang") for r in rows)
if len(langs) < 60: errs.append(f"languages={len(langs)} (want >=60)")
texts = [r.get("text") for r in rows]
if len(set(texts)) != len(texts): errs.append(f"duplicate texts: {len(texts)-len(set(texts))}")
cs = sum(str(r.get("style", "")).startswith("codeswitch") for r in rows)
if not 6 <= cs <= 10: errs.append(f"codeswitch rows={cs} (want 6-10)")
for l, c in langs.items():
    if c >= 4 and len({r["label"] for r in rows if r["lang"] == l}) < 2:
        errs.append(f"lang {l} has {c} rows but one label")
print(f"rows={len(rows)} labels={dict(lab)} english={n_en} non_english={len(rows)-n_en} "
      f"languages={len(langs)} codeswitch={cs}")
if errs:
    print("FAIL"); [print(" -", e) for e in errs]; sys.exit(1)
print("PASS")
