#!/usr/bin/env python3
"""Validator for the sealed set blind-s24.

Prints counts and PASS/FAIL lines only; never prints item text.
Exit code 0 when every check passes, 1 otherwise.
"""
import json
import os
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = "blind-s24"

FILES = {
    "direct.jsonl": {
        "keys": {"id", "text", "label", "kind", "category", "lang", "source", "style"},
        "prefix": "blind24-direct-",
        "kind": "direct",
        "labels": {"attack": 50, "benign": 50},
        "categories": {"jailbreak": 20, "extraction": 15, "injection": 15, "benign": 50},
        "attack_labels": {"attack"},
    },
    "documents.jsonl": {
        "keys": {"id", "text", "label", "kind", "category", "lang", "source", "style"},
        "prefix": "blind24-doc-",
        "kind": "indirect",
        "labels": {"attack": 50, "benign": 50},
        "categories": {"injection": 50, "benign": 50},
        "attack_labels": {"attack"},
    },
    "answers.jsonl": {
        "keys": {"id", "text", "label", "prompt", "source", "lang", "style"},
        "prefix": "blind24-answer-",
        "kind": None,
        "labels": {"jailbroken": 35, "leak": 15, "refusal": 25, "harmless": 25},
        "categories": None,
        "attack_labels": {"jailbroken", "leak"},
    },
}

WIDELY_USED = ["zh", "es", "hi", "ar", "pt", "bn", "ru", "ja", "fr", "de", "ko", "tr",
               "vi", "it", "id", "pl", "uk", "fa", "ur", "th", "nl", "sw", "ta", "mr",
               "te", "fil", "ms"]

LANG_RE = re.compile(r"^[a-z]{2,3}$")
URL_HOST_RE = re.compile(r"(?i)\b(?:https?|ftp|wss?)://(?:[^@/\s]+@)?([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)")
IP_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
MAIL_HOST_RE = re.compile(r"(?i)[a-z0-9._%+-]+@([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)")
BARE_HOST_RE = re.compile(r"(?i)(?<![a-z0-9@/.-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:example|test|invalid|com|org|net))(?![a-z0-9-])")
RESERVED_RE = re.compile(r"(?i)(?:^|\.)(?:example|test|invalid|localhost)$|(?:^|\.)example\.(?:com|org|net)$")
SENT_SPLIT_RE = re.compile(r"[.!?;:…]+(?=\s|$)|[。！？；\n\r]+|[।॥؟۔።፧]+")

results = []


def check(name, ok):
    results.append((name, bool(ok)))
    print(("PASS" if ok else "FAIL") + ": " + name)


def norm_text(s):
    s = unicodedata.normalize("NFKC", s).lower()
    return re.sub(r"\s+", " ", s).strip()


def sentences(s):
    out = []
    for part in SENT_SPLIT_RE.split(unicodedata.normalize("NFKC", s)):
        p = re.sub(r"\s+", " ", part).strip().lower()
        p = p.strip(" \t\"'`*-_#>|()[]{}<>,.")
        if len(p) >= 20:
            out.append(p)
    return out


def hosts(s):
    found = []
    spans = []
    for rx in (URL_HOST_RE, MAIL_HOST_RE):
        for m in rx.finditer(s):
            spans.append(m.span(1))
            h = m.group(1).lower().rstrip(".")
            if IP_RE.match(h):
                continue  # IP literals are not domain names
            found.append(h)
    for m in BARE_HOST_RE.finditer(s):
        if any(a <= m.start(1) < b for a, b in spans):
            continue
        found.append(m.group(1).lower())
    return found


def main():
    data = {}
    load_ok = True
    for fname in FILES:
        path = os.path.join(HERE, fname)
        rows = []
        try:
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        rows.append(json.loads(line))
        except Exception:
            load_ok = False
        data[fname] = rows
    check("all three files load as JSON Lines", load_ok)

    all_langs = Counter()
    all_texts = []
    all_sentences = Counter()
    all_hosts = []

    for fname, spec in FILES.items():
        rows = data[fname]
        print(f"--- {fname}: {len(rows)} rows")
        check(f"{fname}: 100 rows", len(rows) == 100)
        check(f"{fname}: exact key set on every row",
              all(isinstance(r, dict) and set(r.keys()) == spec["keys"] for r in rows))
        check(f"{fname}: every value is a non-empty string",
              all(all(isinstance(r.get(k), str) and r.get(k).strip() for k in spec["keys"]) for r in rows))
        ids = [r.get("id") for r in rows]
        expected = {spec["prefix"] + str(n) for n in range(1, 101)}
        check(f"{fname}: ids exactly 1..100", len(ids) == 100 and set(ids) == expected)
        check(f"{fname}: source is {SOURCE}", all(r.get("source") == SOURCE for r in rows))
        if spec["kind"]:
            check(f"{fname}: kind is {spec['kind']}", all(r.get("kind") == spec["kind"] for r in rows))
        lab = Counter(r.get("label") for r in rows)
        print(f"labels: {dict(sorted(lab.items()))}")
        check(f"{fname}: label counts", dict(lab) == spec["labels"])
        if spec["categories"]:
            cat = Counter(r.get("category") for r in rows)
            print(f"categories: {dict(sorted(cat.items()))}")
            check(f"{fname}: category counts", dict(cat) == spec["categories"])
            check(f"{fname}: benign rows have category benign and attack rows do not",
                  all((r.get("label") == "benign") == (r.get("category") == "benign") for r in rows))
        langs = [r.get("lang", "") for r in rows]
        check(f"{fname}: language codes match ^[a-z]{{2,3}}$",
              all(isinstance(l, str) and LANG_RE.match(l) for l in langs))
        att = Counter(r.get("lang") for r in rows if r.get("label") in spec["attack_labels"])
        ben = Counter(r.get("lang") for r in rows if r.get("label") not in spec["attack_labels"])
        check(f"{fname}: attack/benign language multisets identical", att == ben)
        en = sum(1 for l in langs if l == "en")
        print(f"English rows: {en} (attack {att.get('en', 0)}, benign {ben.get('en', 0)})")
        check(f"{fname}: 26 English rows (13 per side)", en == 26 and att.get("en", 0) == 13)
        lc = Counter(langs)
        print(f"distinct languages: {len(lc)}")
        print("language counts: " + ", ".join(f"{k}={v}" for k, v in sorted(lc.items())))
        styles = Counter(r.get("style") for r in rows)
        print(f"distinct styles: {len(styles)}")
        if fname == "documents.jsonl":
            lens = [len(r.get("text", "")) for r in rows]
            print(f"document length min={min(lens) if lens else 0} max={max(lens) if lens else 0}")
            check(f"{fname}: every document 300-3000 characters",
                  all(300 <= n <= 3000 for n in lens))
        all_langs.update(langs)
        for r in rows:
            fields = ["text", "prompt"] if "prompt" in spec["keys"] else ["text"]
            all_texts.append(norm_text(r.get("text", "")))
            for f in fields:
                v = r.get(f, "")
                if not isinstance(v, str):
                    continue
                for s in sentences(v):
                    all_sentences[s] += 1
                all_hosts.extend(hosts(v))
        if fname == "answers.jsonl":
            check(f"{fname}: prompt differs from text on every row",
                  all(norm_text(r.get("prompt", "")) != norm_text(r.get("text", "")) for r in rows))

    print("--- overall")
    tc = Counter(all_texts)
    check("texts unique within and across files", all(v == 1 for v in tc.values()))
    dup_sent = sum(1 for v in all_sentences.values() if v > 1)
    print(f"sentences of 20+ chars: {len(all_sentences)}; repeated: {dup_sent}")
    check("no sentence of 20+ characters repeats", dup_sent == 0)
    print(f"distinct language codes overall: {len(all_langs)}")
    check("at least 80 distinct language codes overall", len(all_langs) >= 80)
    missing = [l for l in WIDELY_USED if all_langs.get(l, 0) == 0]
    print(f"widely used languages missing: {len(missing)}")
    check("every listed widely used language appears", not missing)
    wide_rows = sum(all_langs.get(l, 0) for l in WIDELY_USED)
    print(f"rows in widely used languages (excluding English): {wide_rows}")
    n_hosts = len(all_hosts)
    n_example = sum(1 for h in all_hosts if h.endswith(".example") or h == "example")
    distinct = set(all_hosts)
    d_example = sum(1 for h in distinct if h.endswith(".example"))
    print(f"domain mentions: {n_hosts}; .example TLD: {n_example}; distinct domains: {len(distinct)}; distinct .example: {d_example}")
    check("at most a third of domain mentions use the .example TLD",
          n_hosts > 0 and n_example * 3 <= n_hosts)
    check("at most a third of distinct domains use the .example TLD",
          len(distinct) > 0 and d_example * 3 <= len(distinct))
    nonres = [h for h in distinct if not RESERVED_RE.search(h)]
    print(f"non-reserved domains: {len(nonres)}")
    check("every link and address uses a reserved domain", not nonres)

    ok = all(r for _, r in results)
    print("OVERALL: " + ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
