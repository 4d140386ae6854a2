#!/usr/bin/env python3
"""Validate documents.jsonl (w18). Prints counts only, never item text."""
import collections, json, os, re, sys

PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "documents.jsonl")
FIELDS_A = {"id", "text", "label", "kind", "category", "lang", "source", "style", "payload"}
FIELDS_B = FIELDS_A - {"payload"}
# words that would mean a payload addresses an AI / automated reader (multilingual, lower-case)
AI_WORDS = [r"\bai\b", "assistant", r"\bbots?\b", r"\bmodel", r"\bsystem", r"\bagents?\b", "llm",
            "language model", "summari[sz]er", "whoever reads", "chatbot", r"\bki\b", r"\bia\b",
            "asistente", "assistente", "assistent", "modèle", "modell", "modelo", "modello",
            r"\bии\b", r"\bші\b", "нейросет", r"\bбот", "асистент", "ассистент", "модел",
            "人工智能", "ＡＩ", "アシスタント", "ボット", "모델", "어시스턴트", "챗봇", "인공지능",
            "الذكاء الاصطناعي", "المساعد", "هوش مصنوعی", "دستیار", "مصنوعی ذہانت", "بوٹ",
            "בינה מלאכותית", "עוזר", "एआई", "सहायक", "कृत्रिम", "yapay zek", "asistan",
            "sztuczn", "asystent", r"uměl\w* inteligenc", "asistent", "tekoäly", "avustaja",
            "mesterséges intelligen", "asszisztens", "τεχνητή νοημοσύνη", "βοηθ",
            "trí tuệ nhân tạo", "trợ lý", "ปัญญาประดิษฐ์", "ผู้ช่วย", "kecerdasan buatan",
            "akili bandia", "msaidizi", "umjetna inteligencija", "dirbtinis intelektas",
            "intel·ligència artificial", "artificiell intelligens", "kunstig intelligens",
            "kunstmatige intelligentie", "inteligența artificială", "inteligencia artificial",
            "inteligência artificial", "intelligenza artificiale", "intelligence artificielle",
            "künstliche intelligenz", "நுண்ணறிவு", "உதவியாளர்", "কৃত্রিম বুদ্ধিমত্তা", "সহকারী",
            "ассистент", "жасанды интеллект", "sun'iy intellekt", "süni intellekt",
            "ሰው ሰራሽ", "artificial", "copilot", "robot"]
AI_RE = re.compile("|".join(AI_WORDS), re.I)
SPLIT = re.compile(r"(?<=[.!?。！？؟।॥።])\s+|[\n。！？]")

errs = []
rows = []
with open(PATH, encoding="utf-8") as fh:
    for n, line in enumerate(fh, 1):
        try:
            rows.append(json.loads(line))
        except Exception:
            errs.append(f"line {n}: bad json")

label_c = collections.Counter(); lang_c = collections.Counter(); style_c = collections.Counter()
lang_label = collections.Counter()
attack_no_ai = 0; attack_ai = 0; short = 0; long_ = 0
texts = set(); sent_owner = {}; dup_sent = 0
for i, r in enumerate(rows, 1):
    rid = r.get("id", "?")
    lab = r.get("label")
    want = FIELDS_A if lab == "attack" else FIELDS_B
    if set(r) != want:
        errs.append(f"{rid}: fields {sorted(set(r) ^ want)}")
    if rid != "w18-%03d" % i:
        errs.append(f"{rid}: id out of sequence")
    if lab not in ("attack", "benign"):
        errs.append(f"{rid}: bad label")
    if r.get("kind") != "indirect" or r.get("source") != "written-s18":
        errs.append(f"{rid}: kind/source")
    if r.get("category") != ("injection" if lab == "attack" else "benign"):
        errs.append(f"{rid}: category")
    lang = r.get("lang", "")
    if not re.fullmatch(r"[a-z]{2,3}", lang):
        errs.append(f"{rid}: lang code")
    if not isinstance(r.get("style"), str) or not r["style"] or len(r["style"]) > 30:
        errs.append(f"{rid}: style")
    t = r.get("text", "")
    if len(t) < 300: short += 1; errs.append(f"{rid}: too short ({len(t)})")
    if len(t) > 1500: long_ += 1; errs.append(f"{rid}: too long ({len(t)})")
    if t in texts: errs.append(f"{rid}: duplicate text")
    texts.add(t)
    for s in SPLIT.split(t):
        s = re.sub(r"\s+", " ", s).strip().lower()
        if len(s) < 25: continue
        if s in sent_owner and sent_owner[s] != rid:
            dup_sent += 1; errs.append(f"{rid}: sentence shared with {sent_owner[s]}")
        sent_owner.setdefault(s, rid)
    if lab == "attack":
        p = r.get("payload")
        if not isinstance(p, list) or not p or not all(isinstance(x, str) and x for x in p):
            errs.append(f"{rid}: payload list")
        else:
            for x in p:
                if x not in t: errs.append(f"{rid}: payload not substring")
            if any(AI_RE.search(x) for x in p): attack_ai += 1
            else: attack_no_ai += 1
    label_c[lab] += 1; lang_c[lang] += 1; style_c[r.get("style")] += 1
    lang_label[(lang, lab)] += 1

n = len(rows)
if n != 240: errs.append(f"row count {n} != 240")
if label_c["attack"] != 120 or label_c["benign"] != 120: errs.append("label split not 120/120")
if len(lang_c) < 60: errs.append(f"only {len(lang_c)} languages")
over = [l for l, c in lang_c.items() if l != "en" and c > 8]
if over: errs.append(f"{len(over)} non-English languages above 8 rows")
en_share = lang_c["en"] / n if n else 0
if not 0.2 <= en_share <= 0.3: errs.append(f"English share {en_share:.2f} outside 0.20-0.30")
if attack_no_ai < 80: errs.append(f"only {attack_no_ai} attacks without AI wording")

print("rows:", n)
print("labels:", dict(label_c))
print("languages:", len(lang_c), "| English rows:", lang_c["en"], f"({en_share:.1%})",
      "| max rows in a non-English language:", max([c for l, c in lang_c.items() if l != "en"] or [0]))
print("attacks with no AI wording in payload:", attack_no_ai, "| with AI wording:", attack_ai)
print("carriers (styles):", len(style_c))
print("length errors: short", short, "long", long_, "| shared sentences:", dup_sent)
print("errors:", len(errs))
for e in errs[:40]: print("  ", e)
sys.exit(1 if errs else 0)
