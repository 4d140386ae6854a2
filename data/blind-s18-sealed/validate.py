#!/usr/bin/env python3
"""Validate the SEALED blind18 set. Prints COUNTS ONLY, never item text."""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = "blind-s18"
LANG_RE = re.compile(r"^[a-z]{2,3}$")
EN_SHARE = 0.25
MIN_LANGS = 70
PAIRED_PROMPTS = 10

SPECS = {
    "direct.jsonl": {
        "prefix": "blind18-direct-",
        "fields": ["id", "text", "label", "kind", "category", "lang", "source", "style"],
        "labels": {"attack": 50, "benign": 50},
        "kind": "direct",
        "categories": {"attack": {"injection", "jailbreak", "extraction"}, "benign": {"benign"}},
    },
    "documents.jsonl": {
        "prefix": "blind18-doc-",
        "fields": ["id", "text", "label", "kind", "category", "lang", "source", "style"],
        "labels": {"attack": 50, "benign": 50},
        "kind": "indirect",
        "categories": {"attack": {"injection"}, "benign": {"benign"}},
    },
    "answers.jsonl": {
        "prefix": "blind18-answer-",
        "fields": ["id", "text", "label", "prompt", "source", "lang", "style"],
        "labels": {"jailbroken": 35, "leak": 15, "refusal": 25, "harmless": 25},
        "kind": None,
        "categories": None,
    },
}


def main():
    errors = 0
    all_texts = Counter()
    all_langs = Counter()
    total_rows = 0
    for fname, spec in SPECS.items():
        path = os.path.join(HERE, fname)
        rows, bad_json = [], 0
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError:
                    bad_json += 1
        total_rows += len(rows)
        missing = sum(1 for r in rows for k in spec["fields"] if k not in r or r[k] in (None, ""))
        extra = sum(1 for r in rows for k in r if k not in spec["fields"])
        ids = [r.get("id") for r in rows]
        dup_ids = len(ids) - len(set(ids))
        bad_prefix = sum(1 for i in ids if not (isinstance(i, str) and i.startswith(spec["prefix"])
                                                  and i[len(spec["prefix"]):].isdigit()))
        id_nums = sorted(int(i[len(spec["prefix"]):]) for i in ids
                         if isinstance(i, str) and i.startswith(spec["prefix"]) and i[len(spec["prefix"]):].isdigit())
        id_range_ok = id_nums == list(range(1, len(rows) + 1)) and len(rows) == 100
        labels = Counter(r.get("label") for r in rows)
        labels_ok = dict(labels) == spec["labels"]
        bad_source = sum(1 for r in rows if r.get("source") != SOURCE)
        bad_kind = 0 if spec["kind"] is None else sum(1 for r in rows if r.get("kind") != spec["kind"])
        bad_cat = 0
        if spec["categories"]:
            bad_cat = sum(1 for r in rows if r.get("category") not in spec["categories"].get(r.get("label"), set()))
        bad_lang = sum(1 for r in rows if not LANG_RE.match(str(r.get("lang", ""))))
        cs_bad = sum(1 for r in rows if str(r.get("style", "")).startswith("codeswitch") and r.get("lang") == "en")
        en = sum(1 for r in rows if r.get("lang") == "en")
        en_share = en / len(rows) if rows else 0.0
        en_ok = en == round(EN_SHARE * len(rows))
        langs = Counter(r.get("lang") for r in rows)
        all_langs.update(langs)
        for r in rows:
            all_texts[r.get("text")] += 1
        cats = Counter(r.get("category") for r in rows) if spec["categories"] else None
        lab_en = Counter((r.get("label"), "en" if r.get("lang") == "en" else "non-en") for r in rows)
        codeswitch = sum(1 for r in rows if str(r.get("style", "")).startswith("codeswitch"))
        cs_ok = 4 <= codeswitch <= 6

        pair_err = 0
        pair_line = ""
        if fname == "answers.jsonl":
            by_prompt = {}
            for r in rows:
                by_prompt.setdefault(r.get("prompt"), []).append(r.get("label"))
            repeated = {p: ls for p, ls in by_prompt.items() if len(ls) > 1}
            good_pairs = sum(1 for ls in repeated.values() if sorted(ls) == ["jailbroken", "refusal"])
            pair_err = (len(repeated) != PAIRED_PROMPTS) + (good_pairs != len(repeated))
            pair_line = (f"  repeated_prompts={len(repeated)} jailbroken+refusal_pairs={good_pairs} "
                         f"(expected {PAIRED_PROMPTS}) distinct_prompts={len(by_prompt)}")

        file_err = (bad_json + missing + extra + dup_ids + bad_prefix + (not id_range_ok) + (not labels_ok)
                    + bad_source + bad_kind + bad_cat + bad_lang + cs_bad + (not en_ok) + (not cs_ok) + pair_err)
        errors += file_err
        print(f"== {fname}")
        print(f"  rows={len(rows)} bad_json={bad_json} missing_fields={missing} extra_fields={extra} "
              f"dup_ids={dup_ids} bad_id_prefix={bad_prefix} ids_1..N={id_range_ok}")
        print(f"  labels={dict(sorted(labels.items()))} expected_ok={labels_ok}")
        if cats is not None:
            print(f"  categories={dict(sorted(cats.items()))} label/category_mismatch={bad_cat}")
        print(f"  bad_source={bad_source} bad_kind={bad_kind} bad_lang_code={bad_lang} "
              f"codeswitch_items={codeswitch} (4-6: {cs_ok}) codeswitch_tagged_en={cs_bad}")
        print(f"  english={en}/{len(rows)} share={en_share:.2f} exactly_25pct={en_ok}")
        print("  label x english: " + ", ".join(f"{l}/{e}={c}" for (l, e), c in sorted(lab_en.items())))
        if pair_line:
            print(pair_line)
        print(f"  distinct_langs_in_file={len(langs)}")
        print(f"  file_errors={file_err}")

    dup_texts = sum(c - 1 for c in all_texts.values() if c > 1)
    errors += dup_texts
    n_langs = len(all_langs)
    langs_ok = n_langs >= MIN_LANGS
    errors += (not langs_ok)
    print("== overall")
    print(f"  total_rows={total_rows} duplicate_texts_across_files={dup_texts}")
    print(f"  distinct_lang_codes={n_langs} (>={MIN_LANGS}: {langs_ok})")
    print("  lang_counts: " + ", ".join(f"{k}={v}" for k, v in sorted(all_langs.items(), key=lambda x: (-x[1], x[0]))))
    print(f"  RESULT: {'OK' if errors == 0 else 'FAIL'} (errors={errors})")
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
