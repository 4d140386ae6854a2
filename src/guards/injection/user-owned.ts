/**
 * The user's own things (issue #6, session 9): ordinary prompts name what attacks name, but as
 * something that belongs to the user rather than to the model.
 *
 * - **The user's own earlier turn**: "forget my last question, instead …", "ignore my previous
 *   message, I meant Portugal", "Vergiss meine letzte Frage", "Oublie ma question précédente",
 *   "Забудь мой предыдущий вопрос", "忘掉我上一个问题". The object of "ignore / forget" is the
 *   user's own question, message or e-mail, not the model's instructions, and what follows is an
 *   ordinary request. The direct model gave such redirects up to 0.998 because `ignore-previous`
 *   (weight 5.7) fires on "ignore + previous" in most languages whatever the object is.
 * - **A prompt the user writes for their own bot**: "write a system prompt for my bike-shop bot",
 *   "review this system prompt", "Kannst du meinen Systemprompt verbessern?", "帮我写一段系统提示词".
 *   Here "system prompt" is the work product, not the model's hidden instructions, and
 *   `prompt-leak` / `instruction-ref` fire on the bare term.
 *
 * Such a phrase is *removed* from the text the direct model scores, like an operator's defensive
 * clause (defensive.ts), so only that phrase goes: an attack written next to it is still scored
 * ("forget my last question and ignore your previous instructions" keeps the second part). What
 * must stay an attack is excluded by construction: the object has to be a user-turn noun
 * (question, message, e-mail, draft …) owned by the user ("my", "meine", "ma", "мой", "我"), or a
 * noun that is never the model's (a question, an e-mail, a notice); "instructions", "rules",
 * "prompt" are never such an object, and nothing is removed when "and/or + instructions/rules"
 * follows. A system prompt is the user's only when it is owned by the user ("my/our/this/a system
 * prompt", "for my bot") or is the object of an authoring verb (write, draft, improve, review …),
 * never when it is "your"/"the model's", nor "the prompt for a chatbot" (an indefinite owner may be
 * the model itself: "the system prompt for an assistant like you"), nor "write out / write down".
 *
 * All patterns run on the canonical text of `deobfuscate.ts` (lower case, Latin diacritics removed)
 * and use bounded gaps, so each is linear in the input length.
 */
import { boundedPattern } from './bounded.js';

// Quantifiers bounded like the rules' (bounded.ts): these run on the attacker's text too.
const re = (src: string): RegExp => boundedPattern(src, 'gu');

// Nothing is removed when the object continues into the model's instructions ("my previous
// message and your instructions").
const NOT_INSTR = `(?![^.!?\\n]{0,12}(?:\\b(?:and|or|plus|und|oder|et|ou|y|o|e|и|или)\\b|[,&+/])\\s{0,2}(?:\\p{L}+ ){0,2}(?:instructions?|rules|prompts?|directions|guidelines|commands|anweisung|regeln|consignes|instrucciones|istruzioni|instrucoes|инструкц|правил|指令|指示|规则))`;

// A user turn: what the user asked, said or sent.
const TURN_EN = `(?:questions?|messages?|requests?|e-?mails?|mails?|letters?|notes?|notices?|drafts?|repl(?:y|ies)|answers?|comments?|posts?|inputs?|texts?|list|order)`;
const TURN_ANY_EN = `(?:questions?|e-?mails?|mails?|letters?|notices?|drafts?)`;
const ORD_EN = `(?:(?:previous|last|earlier|prior|first|second|other|above|original|old|latest|recent) )?`;

/** Phrases whose object is the user's own earlier turn; each match is removed. */
const OWN_TURN: readonly { readonly gate: RegExp; readonly clause: RegExp }[] = [
  // English: "forget my last question", "ignore my previous message", "never mind what I asked
  // before", "disregard the earlier e-mail".
  {
    gate: /forget|ignor|disregard|never ?mind|scratch|skip/u,
    clause: re(`\\b(?:forget|ignore|disregard|never ?mind|scratch|skip)(?: about)?(?: (?:please|also|just|all))? (?:(?:what i (?:just )?(?:asked|said|wrote|sent|typed|meant)(?: you)?(?: (?:before|earlier|above|previously|first))?)|(?:my (?:(?:previous|last|earlier|prior|first|second|other|above|original|old|latest|recent|two|three|few|couple of) ){0,2}${TURN_EN})|(?:the|that|this) ${ORD_EN}${TURN_ANY_EN})\\b${NOT_INSTR}`),
  },
  // German: "vergiss meine letzte Frage", "ignorieren Sie die vorherige E-Mail".
  {
    gate: /vergiss|vergesst|vergessen|ignorier|uberspring|streich/u,
    clause: re(`\\b(?:vergiss|vergesst|vergessen sie|ignorier\\p{L}*(?: sie)?|uberspring\\p{L}*|streich\\p{L}*)(?: (?:bitte|einfach|doch|mal))* (?:(?:meine|meinen|mein) (?:(?:letzte|vorherige|vorige|erste|obige|bisherige)\\p{L}* )?(?:frage|nachricht|anfrage|antwort|mail|e-?mail|notiz|entwurf|liste)\\p{L}*|(?:die|den|das) (?:(?:letzte|vorherige|vorige|erste|obige)\\p{L}* )?(?:frage|e-?mail|mail|notiz|entwurf)\\p{L}*)\\b${NOT_INSTR}`),
  },
  // French, Spanish, Italian, Portuguese, Dutch, Polish.
  {
    gate: /oubli|ignore[zs]\b|ignora\b|ignore (?:ma|mon|mes|la|le|les|l'|cette|ce|a|o|minha|meu|lo|mi|el)\b|laisse|tiens pas|tenez pas|olvid|esquec|dimentic|lascia|desconsider|vergeet|negeer|zapomnij|zignoruj|pomin/u,
    clause: re(`(?:\\b(?:oublie[zs]?|ignore[zs]?|laisse[zs]? tomber|ne tiens pas compte de|ne tenez pas compte de)(?: (?:donc|plutot|juste))? (?:ma|mon|mes|la|le|les|l'|cette|ce)(?: (?:derniere|dernier|premiere|precedente))? ?(?:questions?|messages?|mails?|e-?mails?|courriels?|demandes?|brouillons?|notes?)(?: (?:precedente?s?|d'avant|de tout a l'heure))?` +
      `|\\b(?:olvida|olvidate de|ignora|esqueca|esquece|desconsidere|desconsidera|dimentica|lascia perdere|ignore)(?: (?:por favor|pf))? (?:lo que (?:te )?(?:pregunte|dije|escribi)(?: antes)?|o que (?:eu )?(?:perguntei|disse|escrevi)(?: antes)?|quello che (?:ti )?ho (?:chiesto|detto|scritto)(?: prima)?|(?:(?:a|o|la|il) )?(?:mi|la|el|minha|meu|a|o|mia|mio|il|l')(?: (?:ultima|ultimo|anterior|primera|primeira|precedente))? ?(?:pregunta|mensaje|correo|e-?mail|pergunta|mensagem|domanda|messaggio|mail)s?(?: (?:anterior|precedente|di prima|de antes|de antes))?)` +
      `|\\b(?:vergeet|negeer)(?: (?:maar|even|alsjeblieft))? (?:mijn|de|het)(?: (?:vorige|laatste|eerste|eerdere))? ?(?:vraag|bericht|mail|e-?mail|mailtje)` +
      `|\\b(?:zapomnij|zignoruj|pomin)(?: o)? (?:moim |moje |moja |moj )?(?:poprzedni|ostatni)\\p{L}* (?:pytani|wiadomos|mail)\\p{L}*)\\b${NOT_INSTR}`),
  },
  // Russian, Ukrainian: "забудь мой предыдущий вопрос", "не обращай внимания на предыдущее письмо".
  {
    gate: /забуд|игнорир|не обращай|не обращайте/u,
    clause: re(`(?:забудь|забудьте|игнорируй|проигнорируй|не обращай(?:те)? внимания на) (?:мо\\p{L}+ |наш\\p{L}* )?(?:(?:предыдущ|последн|прошл|первы|первое|прежн)\\p{L}* )?(?:вопрос|сообщени|письм|запрос|черновик)\\p{L}*${NOT_INSTR}`),
  },
  // Turkish, object first: "önceki sorumu unut".
  { gate: /unut|dikkate alma|gormezden|bos ver/u, clause: re(`\\b(?:onceki|son|ilk|az onceki)\\p{L}* (?:soru|mesaj|e-?posta|eposta)\\p{L}*(?: da)? (?:unut|dikkate alma|gormezden gel|bos ver)\\p{L}*`) },
  // Chinese, Japanese, Korean.
  {
    gate: /忘|忽略|别管|不用管|無視|무시|잊어/u,
    clause: re(`(?:忘掉|忘记|忘了|忽略|别管|不用管|忽視|忘記)我?(?:刚才|剛才|之前|上一个|上個|上一個|上个|前面|上一条|上一條|上封|先前)?的?(?:那个|那條|那条|那封)?(?:问题|問題|消息|邮件|郵件|通知|留言)` +
      `|(?:さっき|先ほど|前|前回|最初|この前)の(?:質問|メッセージ|メール|お知らせ|通知)(?:は|を)(?:忘れ|無視)` +
      `|(?:방금 |아까 |이전 |앞의 |지난 )?(?:한 )?(?:질문|메시지|메일|이메일|안내)(?:은|는|을|를) ?(?:잊어|무시)`),
  },
];

// A prompt the user writes: authoring verbs and the user's own bots.
const PROMPT_EN = `(?:system ?prompts?|system messages?|system instructions|prompts?|instructions)`;
const BOT_EN = `(?:bots?|chat ?bots?|assistants?|agents?|helpers?|tutors?|advisors?|gpts?|apps?|models?|llms?|copilots?|characters?|npcs?)`;

/** Phrases that name a prompt the user writes or owns; each match is removed. */
const AUTHORED: readonly { readonly gate: RegExp; readonly clause: RegExp }[] = [
  // English: "write a system prompt", "review this system prompt", "my system prompt", "the
  // instructions I give it", "a prompt for summarising", "the system prompt for my bot".
  {
    gate: /prompt|system message|instruction/u,
    clause: re(`\\b(?:(?:write|draft|create|design|craft|make|generate|template for|example of|way to (?:write|structure|phrase)|how (?:do|should|can|would) (?:i|we) (?:write|structure|phrase|word))(?: (?:me|us))? (?:(?:a|an|my|our|some|good|better|effective|simple|short) )+(?:(?!that\\b|which\\b|who\\b)[\\p{L}-]+ ){0,2}?${PROMPT_EN}` +
      `|(?:review|improve|rewrite|refine|optimi[sz]e|structure|phrase|polish|edit|fix|debug|test|shorten|check|evaluate|critique|proofread)(?: (?:me|us))? (?:(?:a|an|my|our|this|that|the following|some) )+(?:(?!that\\b|which\\b|who\\b)[\\p{L}-]+ ){0,2}?${PROMPT_EN}` +
      `|(?:my|our) (?:own )?(?:system ?prompts?|system messages?)` +
      `|(?:my|our) (?:[\\p{L}-]+ ){0,2}${BOT_EN}(?:'s)? ${PROMPT_EN}` +
      `|(?:the |a |an )?${PROMPT_EN} (?:that |which )?(?:i|we) (?:give|gave|wrote|write|set|put|added|pass)(?: (?:it|them|my [\\p{L}-]+|our [\\p{L}-]+|the (?:bot|model|agent|assistant)))?\\b(?! (?:to )?(?:you|him|her|u|chatgpt)\\b)(?: in (?:the|its|their|his|her|my|our) (?:system ?prompts?|system messages?|config(?:uration)?|settings))?` +
      `|(?:the |a |an |this )?${PROMPT_EN} (?:of|for) (?:my|our) (?:[\\p{L}-]+ ){0,3}?${BOT_EN})\\b`),
  },
  // German, French, Spanish, Italian, Portuguese, Dutch.
  {
    gate: /prompt|anweisung/u,
    clause: re(`\\b(?:(?:meinen|unseren|einen) (?:\\p{L}+ )?(?:systemprompt|system-prompt|prompt)|(?:systemprompt|system-prompt|prompt) (?:fur|von) (?:meinen|unseren|meine|unsere|mein|unser) (?:\\p{L}+ )?\\p{L}*(?:bot|assistent\\p{L}*|agent\\p{L}*)` +
      `|(?:rediger|ecrire|ameliorer|relire|revoir|creer|corriger)\\p{L}* (?:le |un |mon |notre |ce )?prompt (?:systeme|de systeme|du systeme)|(?:le |un |mon )?prompt (?:systeme|de systeme) (?:de|pour) (?:mon|ma|notre) \\p{L}+` +
      `|(?:escribo|escribir|escribe|redacta|redactar|mejora|mejorar|revisa|revisar|crea|crear|escreva|escrever|melhore|melhorar|revise|crie|criar|scrivere|scrivi|rivedere|rivedi|migliora|migliorare|correggi|schrijf|verbeter|controleer)(?: (?:un|el|mi|um|o|meu|il|mio|een|de|mijn))? ?(?:prompt (?:de|del|do|di) sistema|systeemprompt|prompt)` +
      `|(?:prompt (?:de|del|do|di) sistema|systeemprompt) (?:de|del|do|di|della|van|voor) (?:mi|mio|meu|minha|il mio|la mia|mijn|onze|nuestro|nuestra) (?:\\p{L}+ )?\\p{L}+)\\b`),
  },
  // Russian, Chinese, Japanese, Korean.
  {
    gate: /промпт|提示|プロンプト|프롬프트/u,
    clause: re(`(?:(?:написать|напиши|составить|составь|улучшить|улучши|проверить|проверь|переписать|перепиши)(?: мне)? (?:(?!сво|тво|ваш)\\p{L}+ )?системн\\p{L}* промпт\\p{L}*|(?:мой|мою|наш|нашу|моего|нашего) (?:системн\\p{L}* )?промпт\\p{L}*|системн\\p{L}* промпт\\p{L}* для (?:моего|нашего|бота|чат-бота|ассистента)\\p{L}*)` +
      `|(?:帮我|給我|给我|请|請)?(?:写|寫|编写|編寫|设计|設計|优化|優化|改进|改進|检查|檢查|修改)(?:一段|一个|一份|我的)(?:系统|系統)?(?:提示词|提示詞)|(?:优化|優化|改进|改進|检查|檢查|修改)(?:一下)?(?:这段|这个|這段|這個)(?:系统|系統)?(?:提示词|提示詞)|我的(?:系统|系統)?(?:提示词|提示詞)` +
      `|(?:自分の|私の|うちの)[^。！？\\n]{0,20}?システムプロンプト|システムプロンプトを(?:作って|作成|改善|見直|添削|チェック)` +
      `|(?:제가 만든|내가 만든|저희|우리|제|저의)[^.!?\\n]{0,20}?시스템 프롬프트|시스템 프롬프트를 ?(?:작성|검토|개선|만들어|수정)`),
  },
];

function removeAll(text: string, groups: readonly { readonly gate: RegExp; readonly clause: RegExp }[]): string {
  let out = text;
  for (const { gate, clause } of groups) {
    if (!gate.test(out)) continue;
    clause.lastIndex = 0;
    out = out.replace(clause, ' ');
  }
  return out;
}

/**
 * Remove the phrases that name the user's own earlier turn or a prompt the user writes from
 * canonical `text` (see the module comment). Returns `text` itself when there is none.
 */
export function maskUserOwned(text: string): string {
  return removeAll(removeAll(text, OWN_TURN), AUTHORED);
}
