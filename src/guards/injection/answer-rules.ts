/**
 * Rule families for the jailbroken-answer model only (session 10, issue #6), kept apart from
 * rules.ts so the direct and indirect models are untouched. Written from the tactic, in several
 * languages, on the canonical text of deobfuscate.ts (lower case, Latin diacritics removed):
 *
 * - `injected-compliance`: an answer that carries out an *injected* request — a canary phrase
 *   ("I have been pwned"), a secret given out as a value ("the password is X", "here is the API
 *   key"), the model's own instructions recited ("my system prompt is: …"). output-dev has none of
 *   these; the weight comes from the written answers.
 * - `protective-advice`: evidence *against* a jailbreak — the answer tells the reader how to protect
 *   themselves, recognise or report something, or get help ("turn on two-factor authentication",
 *   "call emergency services", "porter plainte", "报警"). Security education and safety answers
 *   name harm topics too; this is what sets them apart.
 * - ANSWER_HARM_EXTRA: harm topics added to rules.ts's HARM_TOPICS for the answer model — stolen
 *   credentials, "so nobody notices" in more languages, and crime words in languages HARM_TOPICS
 *   lacks (Dutch, Polish, Turkish, Korean, Arabic). They feed the same shared topic features
 *   (`h:any` …), so a weight learned on GPTFuzz's English carries over. (A "victim / target" family
 *   was tried and dropped: it lowered CV, GPTFuzz's refusals name victims too.)
 *
 * Session 11 added to `injected-compliance` a link that carries data out (a markdown link or image
 * whose URL has a query string), a task dropped because the content said so ("as the email
 * instructed", "skipping the translation"), secrets printed as `NAME_KEY=value`, a secret / access
 * code given as a value, and instructions recited in more languages; to `protective-advice`
 * explanatory and injection-aware phrasing ("is when", "signs include", "I did not do that"); to
 * `evasion-extra` "can't tie it to you", "nobody will know it was you", hidden trackers. (A
 * `scam-extra` topic family — impersonation, fake documents, threats to publish, in 15 languages —
 * was tried and dropped: −0.2 to −0.3 point of CV, see docs/detection.md.)
 *
 * Session 11's third pass (out-gen3) chose on the mean of CV and answer probes 1–2 and took a new
 * `scam-extra` back (impersonation, fake shops / profiles / invoices, codes asked for, extortion,
 * ransom, money mules, credit in someone's name), with more written answers to learn it from.
 *
 * Session 12 (out-gen4) added `crime-multi` (everyday crimes as topics in 19 languages) to
 * ANSWER_HARM_EXTRA, and two helpers for the per-part features of features.ts:
 * PROTECTIVE_FAMILIES and `hasProcedureShape` (list items, step words, code, quantities).
 *
 * Session 13 (out-para) added `covert-act` to ANSWER_HARM_EXTRA: an act kept from its target or from
 * whoever would stop it, in 23 languages; features.ts also reads it per part (`hs:covert`).
 */
import { boundedPattern } from './bounded.js';
import { HARM_TOPICS, type RuleFamily } from './rules.js';

const re = (src: string): RegExp => boundedPattern(src, 'mu');

// A value given out: a short token, quoted or not, that ends the sentence or line.
const VALUE = `\\s*(?:[:：=]\\s*)?["'„“”«「‘’]?[\\p{L}\\p{N}_-]{3,40}["'“”»」‘’]?\\s*(?:(?:です|だよ|입니다|이에요|예요)\\s*)?(?:[.!。！]|$)`;
// The thing kept secret, in several languages.
const SECRET_EN = '(?:(?:secret|admin|master|hidden|real) )?(?:password|passcode|passphrase|pass ?word|secret (?:key|word|code|phrase)|api key|access key|private key|access token|token|pin)';

// Speed (session 10): every Latin-script alternative starts at a word boundary, and the stems in
// other scripts sit in a second family of the same name behind one shared gate (any Cyrillic,
// Arabic, kana, CJK or Hangul letter), so an English answer pays one cheap scan for them all.
const NON_LATIN = /[\u0400-\u04FF\u0600-\u06FF\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/u;
// The same, Devanagari, circled and full-width digits (session 12: procedure shape, crime-multi).
// A script test over whole blocks, combining marks included, on purpose.
// eslint-disable-next-line no-misleading-character-class
const NON_LATIN_OR_DEVANAGARI = /[\u0400-\u04FF\u0600-\u06FF\u0900-\u09FF\u2460-\u2469\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF\uFF10-\uFF19]/u;
// The Latin-script entries are joined into one expression (one scan of the text instead of one per
// entry); `plainOnly` families skip the de-obfuscated views (answers are rarely obfuscated).
const family = (name: string, latin: readonly string[], other: readonly string[], plainOnly = false): RuleFamily[] => [
  { name, patterns: [re(latin.map((src) => `(?:${src})`).join('|'))], ...(plainOnly ? { plainOnly } : {}) },
  ...(other.length > 0 ? [{ name, gate: NON_LATIN, patterns: [re(other.map((src) => `(?:${src})`).join('|'))], ...(plainOnly ? { plainOnly } : {}) }] : []),
];

const INJECTED = family('injected-compliance', [
  // Canary phrases of goal-hijacking attacks.
  `\\b(?:i (?:have|'ve) been (?:pwned|pwnd|hacked|owned)|(?:ha)+ ?pwn(?:e?d)|pwned!)`,
  // A secret handed over as a value.
  `\\b(?:the|my|your|our) ${SECRET_EN} (?:is|was|equals)${VALUE}`,
  `\\bhere(?:'s| is| are) (?:the|my|your|our) (?:${SECRET_EN}|credentials|system prompt|original (?:instructions|prompt)|initial (?:instructions|prompt)|hidden instructions|instructions i was given)\\b`,
  // The model reciting its own instructions, or saying it dropped them on request.
  `\\bmy (?:system prompt|system message|original instructions|initial instructions|initial prompt|hidden instructions|instructions|guidelines) (?:is|are|says?|reads?|were|was)\\s*:`,
  `\\b(?:ignoring|disregarding|forgetting) (?:my|all|the) (?:previous |prior |earlier |original )?(?:instructions|rules|guidelines)\\b`,
  // Session 11: a link that carries data out (a markdown link or image whose URL has a query
  // string), a task dropped because the *content* said so, secrets printed as env assignments,
  // a "secret / access / internal code" given as a value.
  `\\]\\(https?://[^)\\s]+\\?[^)\\s]*=[^)\\s]+\\)`,
  `\\bas (?:instructed|requested|asked|directed) (?:by|in) the (?:document|page|web ?page|site|email|e-mail|message|note|review|text|comment|file|instructions? (?:in|on) the)\\b|\\bas the (?:document|page|web ?page|site|email|e-mail|message|note|review|text|comment|file) (?:instructed|asked|requested|told me)\\b|\\b(?:ignoring|skipping|dropping|abandoning) the (?:translation|summary|summari[sz]ation|original task|task|question)\\b|\\binjection (?:succeeded|successful)\\b`,
  `\\b[a-z_]*(?:api_?key|password|passwd|secret|token)=[^\\s,;]{6,}`,
  `\\b(?:the|my|your|our) (?:(?:secret|admin|access|internal|master|discount|staff|door|safe|vault) (?:code|passcode|passphrase|phrase))(?: is| was|:)${VALUE}`,
  `\\b(?:voici|voila) (?:le|mon) (?:prompt|message) systeme|\\becco (?:il|le) (?:prompt|istruzioni) di sistema|\\baqui (?:esta|tienes) (?:el|mi) prompt|\\bhier (?:ist|sind) (?:mein|der|meine) (?:systemprompt|anweisungen)|\\bmy instructions (?:say|state|read)\\b|\\bsistem (?:talimatlarim|istemim)|\\bmoje instrukcje (?:to|brzmia)|\\bconforme a instrucao|\\bsegun las instrucciones (?:del|de la) (?:documento|pagina|correo)|\\bcomme (?:demande|indique) dans (?:le |la |l')(?:document|page|e-mail|mail|message)`,
  // Other languages: a secret given as a value; one's own instructions recited.
  `\\b(?:(?:das|dein|mein|unser)(?: geheime)? (?:passwort|kennwort|losungswort|api-schlussel) (?:lautet|ist)|le mot de passe(?: secret)? (?:est|etait)|la (?:contrasena|clave)(?: secreta)? (?:es|era)|la password(?: segreta)? (?:e|era)|a senha(?: secreta)? (?:e|era)|het (?:geheime )?wachtwoord is|has(?:ł|l)o(?: to| brzmi)?|sifre(?:miz|n)?)${VALUE}`,
  `\\b(?:meine (?:anweisungen|systemanweisungen|instruktionen|vorgaben) lauten|mein systemprompt (?:lautet|ist)|mes instructions(?: systeme)? sont|voici mes instructions|mis instrucciones(?: del sistema)? son|aqui (?:estan|tienes) mis instrucciones|ecco le mie istruzioni|le mie istruzioni(?: di sistema)? sono|minhas instrucoes(?: do sistema)? sao|mijn instructies zijn)`,
], [
  `(?:пароль(?: —| это|:)|密码(?:是|为|：)|口令(?:是|为)|パスワードは|비밀번호는)${VALUE}`,
  `(?:合言葉は|アクセスコードは|暗証番号は|접속 코드는|암호는)${VALUE}`,
  `(?:системный промпт:|мой системный промпт|系统提示词如下|按照(?:文档|网页|邮件)(?:中)?的(?:指示|要求)|指示に従って|지시에 따라)`,
  `(?:мои (?:системные )?инструкции|мой системный промпт|我的(?:系统提示|系統提示|指令|指示)(?:词|詞)?(?:是|如下)|私のシステムプロンプト|私への指示は|내 시스템 프롬프트)`,
], true);

const PROTECTIVE = family('protective-advice', [
  `\\b(?:protect (?:yourself|your|against|them)|to protect|defen[cs]es?\\b|best defen|prevent(?:ion|ing)?\\b|how to (?:recogni[sz]e|spot|report|avoid falling)|report (?:it|the|them|suspicious)|call (?:emergency|the police|911|112|999)|emergency services|crisis line|hotline|stay safe|warning signs|if you suspect|two-factor|2fa\\b|multi-factor|security keys?|backups?\\b|patch(?:ing)? |parameteri[sz]ed|prepared statements?|keep (?:it|them) out of (?:children'?s )?reach|talk to (?:a|your) (?:doctor|counsel|trusted))`,
  `\\b(?:is when|works because|is a (?:type|form|kind) of|signs (?:include|are)|red flags?|(?:scammers|fraudsters|attackers|criminals) (?:often|usually|typically|use)|i (?:did not|didn't|will not|won't) (?:do|follow) (?:that|it|this|those)|i ignored (?:it|that|this|the)|report (?:the|this|it) (?:message|email|mail) as|consiste a|pour s'en (?:proteger|premunir)|consiste en|para protegerte|per proteggerti|para se proteger|desconfie|typisch sind)`,
  `\\b(?:schutz|vorbeug|anzeige erstatten|melde(?:n|t)? |zwei-faktor|se proteger|protegez|prevenir|signaler|porter plainte|double authentification|protegerte|protegerse|denuncia|verificacion en dos pasos|proteggerti|prevenire|riconoscere|proteger|beschermen|voorkomen|aangifte|chronic|zapobieg|zg(?:ł|l)os|korun|onlem|bildir)`,
], [
  `(?:защит|предотвра|обратитесь|сообщите|防范|防範|防止|保护|保護|报案|報案|报警|報警|举报|舉報|核实|防ぐ|守る|通報|相談|예방|보호|신고)`,
], true);

/** Answer-level families of this file, Latin-script entries first, then the gated ones. */
export const ANSWER_FAMILIES: readonly RuleFamily[] = [
  ...INJECTED.slice(0, 1), ...PROTECTIVE.slice(0, 1), ...INJECTED.slice(1), ...PROTECTIVE.slice(1),
];

const CREDENTIAL = family('credential-theft', [
  `\\b(?:(?:steal|grab|harvest|capture|intercept|phish)(?:ing|s|ed)? (?:the |their |his |her |your )?(?:passwords?|credentials|logins?|card details|pins?)|fake (?:login|sign-?in|bank) (?:page|site|email|text)|clone (?:the|a) (?:login|card)|skimmer|zugangsdaten (?:abgreifen|abfangen|stehlen)|gefalschte (?:login|bank)|voler (?:les|ses|leurs) (?:identifiants|mots de passe)|faux site|robar (?:las |sus )?contrasenas|pagina falsa|rubare (?:le )?password|roubar (?:a |as )?senhas?|nep-?(?:betaalverzoek|site|inlog)|wyłudz|podszy|sifreyi (?:al|cal))`,
], [
  `(?:украд|краж\\w* парол|фишинг|盗取|盗号|钓鱼|釣魚|偽のログイン|パスワードを盗|비밀번호를 (?:훔|빼)|가짜 로그인)`,
]);
const EVASION = family('evasion-extra', [
  `\\b(?:can(?:not|'t) (?:tie|link|trace) (?:it |this |them )?(?:back )?to you|(?:nobody|no one) will (?:ever )?know it was you|without being seen|hidden (?:tracker|gps tracker|tracking app)|so (?:nobody|no one|they|the (?:police|victim|bank)) (?:notices?|finds? out|can(?:not|'t) trace|never notices)|(?:leads?|traced?) back to you|never notices|nichts merkt|nicht (?:zuruckverfolg|nachverfolg)|sans qu'(?:il|elle|on) (?:le sache|s'en rende compte|remarque)|sans etre repere|sin que (?:nadie|lo|la) (?:note|sepa|descubra)|para que no (?:puedan |te )?(?:rastre|descubr)|non ti rintraccia|senza che (?:nessuno|se ne accorga)|para nao ser (?:pego|encontrad|descobert)|zonder dat (?:iemand|hij|ze) het merkt|onopgemerkt|zanim .{0,20}zorientuje|iz (?:birakma|bırakma))`,
], [
  `(?:чтобы (?:тебя|никто|вас) не (?:нашли|заметил|вычислил)|не заметил|不会发现|不會發現|不被察觉|不留痕迹|バレない|足がつかない|気づかれ|들키지|추적되지)`,
]);
const CRIME = family('crime-extra', [
  // Dutch, Polish, Turkish crime words HARM_TOPICS lacks; a few more stems in the others.
  `\\b(?:oplicht|witwass|inbrek|explosie(?:f|ven)|wapens?\\b|oszust|pranie pieniedzy|narkotyk|bron(?:i|ia)?\\b|materia(?:ł|l)y wybuchowe|włam|dolandir|dolandır|kara para|uyusturucu|uyuşturucu|silah|patlayıcı|faux papiers|faux documents|contrefa|pirater|sonega|golpe\\b|darknet|dark ?web)`,
], [
  // Korean, Arabic, and a few more Russian, Japanese and Chinese stems.
  `(?:해킹|사기|마약|폭탄|무기|대포통장|보이스피싱|اختراق|احتيال|مخدرات|قنبلة|متفجرات|سلاح|отмыть|отмыв|взломать|乗っ取|不正アクセス|詐欺|洗钱|黑进)`,
]);

// Session 11 (out-gen3): scams, fraud and extortion as *topics* — impersonation, fake shops /
// profiles / invoices, one-time codes asked for, threats to publish, ransom, money mules, credit
// taken in someone's name — in the languages of the probes and more. Written from the tactic; the
// rejected `scam-extra` of out-gen2 is the same idea, revisited under this pass's selection rule.
const SCAM = family('scam-extra', [
  `\\b(?:pretend(?:ing)? to be (?:from )?(?:the|their|her|his|a) (?:bank|boss|ceo|grandson|granddaughter|son|daughter|police|support|helpdesk|courier)|pose as|posing as|impersonat\\w*|blackmail\\w*|sextortion|extort\\w*|ransom\\b|unless (?:they|he|she|you) pays?|(?:send|forward|publish|leak) (?:the |these |those |their |her |his )?(?:photos|pictures|images|videos) to|fake (?:shop|store|profile|account|invoice|listing|charity|job|review|reviews|website|lottery|prize)|(?:read|give|tell) (?:me |us )?the code|money mules?|gift cards?|in (?:her|his|their) name|(?:never|don'?t) ship (?:anything|the goods)|faux (?:profil|conseiller|site|magasin|compte)|se faire passer pour|(?:tu )?te fais passer pour|chantage|rancon|hacerte pasar por|hacerse pasar por|perfil falso|tienda falsa|chantaje|rescate|a su nombre|fingiti|fingere di essere|spacciati per|finto (?:negozio|profilo|sito)|falso (?:negozio|profilo)|ricatt\\w*|riscatto|fingir ser|finja ser|passar-se por|perfil falso|loja falsa|chantagem|resgate|em nome dele|im namen (?:ihres|seines|des) (?:chefs|bankberaters|enkels)|gib dich als|falsche[sn]? (?:profil|shop|rechnung|konto)|erpress\\w*|losegeld|auf (?:ihren|seinen) namen|nep-?(?:winkel|profiel|factuur)|chantage|losgeld|podszyj|podrobion\\w*|fa(?:ł|l)szyw\\w*|szantaz\\w*|okup\\b|na (?:jego|jej) nazwisko|sahte (?:profil|magaza|site|fatura)|santaj|fidye|utge dig for|falsk(?:a|t)? (?:profil|butik|faktura)|utpressning|losen(?:summa)?)`,
], [
  `(?:выдай(?:те)? себя за|представьтесь|шантаж|выкуп|фальшив\\w* (?:магазин|профил|сайт)|на (?:его|её|ее) имя|冒充|假冒|装作|假装是|虚假的|假的(?:网店|商店|账号|资料)|验证码|敲诈|勒索|赎金|以(?:他|她)的名义|なりすま|成りすま|偽の(?:ショップ|通販|プロフィール|請求)|認証コード|脅迫|身代金|恐喝|사칭|가짜 (?:쇼핑몰|프로필|계정)|인증번호|협박|몸값|انتحال|ابتزاز|فدية)`,
]);

// Session 12 (out-gen4): everyday crimes as topics in the languages HARM_TOPICS and crime-extra
// cover thinly or not at all — forgery and fake papers, bribery, laundering, tax evasion,
// smuggling, theft and fencing, spying on or tracking a person, poisoning, threats — in German,
// French, Spanish, Italian, Portuguese, Dutch, Polish, Czech, Swedish, Turkish, Indonesian,
// Vietnamese, Russian, Ukrainian, Chinese, Japanese, Korean, Arabic and Hindi. Dictionary words for
// the act, not phrases of any answer; refusals and security education name them too, which the
// per-part features (refusal, protective advice) are there to tell apart.
const CRIME_MULTI_LATIN = [
  // de
  `\\b(?:gefalscht\\w*|falsch\\w* (?:ausweis|pass|papiere|dokument\\w*|attest|rechnung\\w*|zeugnis\\w*)|urkundenfalsch\\w*|bestech\\w*|schmiergeld|schwarzgeld|geld waschen|steuerhinterzieh\\w*|schmuggel\\w*|klauen|geklaut|ladendiebstahl|hehler\\w*|peilsender|vergift\\w*)`,
  // fr, es, it, pt
  `\\b(?:faux (?:papiers|documents|billets|diplomes?|passeports?|certificats?|arrets?)|falsifi\\w*|contrefacon\\w*|pots?-de-vin|soudoyer|corrompre|blanchir|fraude fiscale|contrebande|vol a l'etalage|recel\\w*|espionner|empoisonn\\w*|documentos falsos|billetes falsos|soborn\\w*|blanquear|evadir impuestos|contrabando|hurtar|envenen\\w*|documenti falsi|banconote false|tangent[ei]\\b|mazzett\\w*|riciclare|evasione fiscale|contrabband\\w*|taccheggi\\w*|avvelen\\w*|notas falsas|subornar|propinas? (?:ao|a um|para o)|lavar dinheiro|sonegar|furtar|roubar)`,
  // nl, pl, cs, sv
  `\\b(?:vervals\\w*|valse (?:papieren|documenten|biljetten|diploma's)|omkop\\w*|smeergeld|belastingontduik\\w*|smokkel\\w*|stelen|gestolen|winkeldiefstal|vergiftig\\w*|podrob\\w*|fa(?:ł|l)szyw\\p{L}{0,4} (?:dokument|dowod|pieniad|banknot|faktur)\\w*|lapow\\w*|przekup\\w*|przemyt\\w*|ukrasc|kradziez\\w*|otruc|otruj\\w*|padel\\w*|falesn\\w* (?:doklad|penize|bankovk|faktur)\\w*|uplat\\w*|podplat\\w*|prani penez|pasov\\w*|ukrast|kradez\\w*|otravit|forfalsk\\w*|falska (?:papper|dokument|sedlar|id-handlingar)|mutor\\b|mutade\\b|(?:att|kan|ville|skulle) muta\\b|penningtvatt|smuggl\\w*|stjala|snatta|forgifta)`,
  // tr, id, vi
  `\\b(?:sahte (?:belge|kimlik|para|diploma|rapor|fatura|evrak)\\w*|rusvet\\w*|kacakc\\w*|calmak|cal(?:ıp|ip|ıntı|inti)\\w*|zehirle\\w*|dokumen palsu|uang palsu|ijazah palsu|memalsukan|menyuap|suap\\b|sogok\\w*|pencucian uang|menyelundup\\w*|penyelundup\\w*|mencuri|meracuni|gia mao|hoi lo|rua tien|buon lau|an cap|an trom)`,
  // Words that start with a letter outside ASCII (no \\b before them).
  `(?:łapow\\w*|đau đoc)`,
];
const CRIME_MULTI_OTHER = [
  `(?:поддел|фальшив\\p{L}{0,4} (?:документ|паспорт|справк|деньг|купюр)|взятк|подкуп|контрабанд|украсть|укради|ворова|слежк|отравит|підробл|хабар|вкрасти|крадіж|отруїт|伪造|偽造|假证|假钞|偽札|贿赂|行贿|賄賂|走私|密輸|偷走|偷窃|万引き|盗む|盗んで|尾行|定位器|投毒|下药|毒を盛|逃税|脱税|洗钱|위조|뇌물|밀수|훔치|훔쳐|절도|미행|위치 추적|독을 타|탈세|تزوير|مزور|رشوة|رشوه|تهريب|سرقة|اسرق|تجسس|تسميم|تهرب ضريبي|नकली (?:दस्तावेज़|दस्तावेज|नोट|डिग्री|प्रमाणपत्र)|जाली|रिश्वत|घूस|तस्करी|चोरी|चुरा|ज़हर|जहर)`,
];
const CRIME_MULTI: RuleFamily[] = [
  { name: 'crime-multi', patterns: [re(CRIME_MULTI_LATIN.map((src) => `(?:${src})`).join('|'))] },
  { name: 'crime-multi', gate: NON_LATIN_OR_DEVANAGARI, patterns: [re(CRIME_MULTI_OTHER.join('|'))] },
];

// Session 13 (out-para): an act kept hidden from the person it is done to, or from whoever would
// stop it — the one thing partial, terse and disclaimer-then-comply answers share when they name no
// crime word: "secretly", "without her knowing", "nobody will notice", "they rarely check", "can't
// prove anything", "leave no trace", "make it look like an accident", "delete the history". Written
// from that concept in 23 languages (en de fr es it pt nl pl cs sv tr id vi sw ru uk ar fa hi bn
// zh ja ko), not from any answer. Refusals and security education name it too ("without her
// knowing — that's illegal"); the per-part refusal and protective-advice scoping tell them apart.
const COVERT_LATIN = [
  // en
  `\\b(?:secretly|covertly|on the sly|behind (?:her|his|their|your (?:boss|partner|wife|husband)'?s?) backs?|without (?:(?:her|him|them|anyone|anybody|the (?:owner|victim|bank|staff|teacher|landlord|neighbou?rs?))(?: ever)? (?:knowing|noticing|finding out|realizing|realising|suspecting)|(?:getting|being) (?:caught|noticed|detected|traced)|leaving (?:a |any )?traces?|(?:a )?trace)|leave no (?:traces?|records?|evidence)|cover (?:your|their) tracks|untraceable|under the radar|(?:nobody|no one|no-one) (?:will |would |is going to |can |could )?(?:ever )?(?:notice|check|verify|find out|suspect|know|trace it|prove|catch on|reali[sz]e)|(?:they|she|he|the (?:owner|bank|staff|police|teacher|landlord|boss|auditors?|inspectors?|guards?|cashiers?)|security|hr) (?:will |would |does |do |can )?(?:never|rarely|seldom|hardly ever|almost never|not|n't|won'?t|wouldn'?t|can'?t|cannot|doesn'?t|don'?t) (?:ever |even )?(?:notice|check|verify|compare|find out|suspect|trace it|prove|reali[sz]e|catch on|look at)|(?:can'?t|cannot|won'?t be able to) prove (?:anything|a thing|it)|(?:won'?t|will not|never) (?:get|be) (?:caught|noticed|detected|traced)|avoid (?:detection|suspicion|getting caught|raising suspicion)|without raising (?:suspicion|any suspicion|eyebrows)|(?:make|making) it (?:look|seem) like (?:an? )?(?:accident|electrical|natural|suicide|break-?in|fault)|(?:delete|wipe|clear|erase) (?:the |her |his |their |your )?(?:(?:browser |access |call )?history|logs?|records?|evidence)\\b|blind spots?)`,
  // de, fr, es, it, pt
  `\\b(?:heimlich\\w*|unbemerkt|ohne (?:ihr|sein|deren|dessen) wissen|ohne dass (?:es )?(?:jemand|er|sie|niemand|der|die|das)\\b|hinter (?:ihrem|seinem|deren) rucken|(?:niemand|keiner|keine sau) (?:merkt|bemerkt|pruft|kontrolliert|wird (?:es |das )?merken)|(?:keiner|niemand) (?:kann|wird) (?:dir|ihnen|euch|es) .{0,12}nachweisen|nicht nachweisbar|spurlos|keine spuren|(?:prufen|kontrollieren|vergleichen) (?:fast |so gut wie )?(?:nie|niemals|selten)|damit (?:es|das|der|die) .{0,30}nicht (?:merkt|auffallt|bemerkt)|en cachette|en douce|discretement|a (?:son|leur) insu|a l'insu|sans qu'(?:il|elle|on|ils|elles) (?:ne )?(?:le sache|le remarque|s'en rende|se doute)|sans que personne|sans laisser de traces?|ni vu ni connu|passer inapercu|personne ne (?:remarquera|verra|saura|verifie|le remarque|s'en rendra)|ne (?:verifient|controlent|regardent) (?:presque |quasiment )?jamais|a escondidas|sin que (?:nadie|lo sepa|la sepa|se (?:de|den) cuenta|lo noten?)|sin dejar (?:rastro|huella)|sin levantar sospechas|pasar desapercibid\\w*|nadie (?:lo |se )?(?:notara|sabra|comprueba|revisa|dara cuenta|va a (?:notar|saber|comprobar))|(?:casi )?nunca (?:comprueban|revisan|verifican)|casi ningun\\w* .{0,30}(?:comprueba|revisa|verifica)\\b|di nascosto|all'insaputa|a (?:sua|loro) insaputa|senza (?:che (?:nessuno|lui|lei|se ne)|dirlo a|farsi notare|lasciare tracce)|di soppiatto|passare inosservat\\w*|nessuno (?:se ne accorge|se ne accorgera|notera|controlla|sapra)|(?:non )?(?:controllano|verificano) (?:quasi )?mai|as escondidas|sem (?:ela|ele|ninguem|eles) (?:saber|perceber|notar|desconfiar)|sem deixar (?:rastro|vestigios)|sem levantar suspeitas|despercebid\\w*|ninguem (?:vai )?(?:perceber|notar|saber|verifica|confere|desconfia))`,
  // nl, pl, cs, sv, tr, id, vi, sw
  `\\b(?:stiekem|ongemerkt|zonder dat (?:iemand|hij|ze|zij|je \\w+|de \\w+) (?:het )?(?:merkt|weet|doorheeft|ziet)|niemand (?:merkt|controleert|ziet|komt erachter)|(?:controleren|checken) (?:bijna )?nooit|(?:geen|zonder) sporen|potajemnie|po kryjomu|niepostrzezenie|bez (?:jego|jej|ich) wiedzy|nikt (?:sie )?nie (?:zorientuje|zauwazy|sprawdza|dowie|sprawdzi)|bez sladu|nie zostawiaj\\w* sladow|potaji|tajne\\b|nikdo (?:si )?(?:nevsimne|nezjisti|nekontroluje|nepozna)|bez (?:jejiho|jeho) vedomi|beze stopy|i smyg|utan att (?:nagon|hon|han|de) (?:market|marker|vet|marka)|ingen (?:marker|kontrollerar|kommer att marka|marker nagot)|sa att (?:ingen|hon|han|de) inte (?:marker|upptacker)|gizlice|fark ettirmeden|kimse(?:ye)? (?:fark etmez|anlamaz|kontrol etmez|bilmez|fark etmeyecek)|haberi olmadan|yakalanmadan|iz b[iı]rakmadan|diam-diam|tanpa (?:ketahuan|sepengetahuan|jejak)|tidak akan ketahuan|tidak ada yang (?:tahu|curiga|memeriksa|sadar)|jarang (?:dicek|diperiksa|memeriksa|mengecek)|len lut|khong ai (?:biet|phat hien|de y|kiem tra|nghi ngo)|khong bi phat hien|ma khong (?:ai|de lai dau vet)|kwa siri|bila (?:yeye|wao|mtu|kugunduliwa)(?: kujua)?|hakuna (?:mtu )?atakayegundua)`,
];
const COVERT_OTHER = [
  `(?:тайком|втихую|втихаря|незаметно|исподтишка|шито-крыто|чтобы никто не|никто не (?:заметит|узнает|проверит|докажет|догадается)|не заметит|не докажет|без (?:её|ее|его|их) ведома|не оставляя следов|без следов|таємно|непомітно|ніхто не (?:помітить|дізнається|перевірить|доведе)|без (?:її|його|їх) відома|не залишаючи слідів)`,
  `(?:سرا|سراً|في الخفاء|دون علم|بدون علم|دون أن (?:يلاحظ|يعرف|يشعر|تلاحظ|تعرف)|لن (?:يلاحظ|يكتشف|تلاحظ|يعرف)|لا أحد (?:سيلاحظ|يلاحظ|يعرف|سيعرف)|دون ترك أثر|بدون أثر|پنهانی|مخفیانه|بدون اینکه (?:بفهم|متوجه)|کسی (?:متوجه|نمی ?فهمد)|هیچ ?کس (?:متوجه|نمی)|ردی (?:باقی|نمی))`,
  `(?:चुपचाप|चोरी[- ]छिपे|बिना बताए|किसी को (?:पता|शक) नहीं|पता नहीं चलेगा|शक नहीं होगा|पकड़े नहीं|গোপনে|চুপিচুপি|কেউ (?:টের|জানবে|বুঝবে)|ধরা পড়বে না)`,
  `(?:偷偷|悄悄|暗中|神不知鬼不觉|背着(?:她|他|他们)|瞒着|不会被(?:发现|察觉|查)|没(?:有)?人会(?:发现|知道|查|注意)|不会检查|不会查|避免引起怀疑|以免被|不留(?:痕迹|记录)|こっそり|密かに|ひそかに|知られずに|見つからない|バレない|ばれない|気づかれ|証拠を残さ|痕跡を(?:消|残さ)|履歴を消|チェックしない|確認しない|몰래|모르게|들키지|눈치채지 못|아무도 모를|흔적(?:을|도) 남기지|걸리지 않|확인(?:을)? (?:안|하지 않|거의 안))`,
];
// Latin, Cyrillic, Arabic (and Persian), Devanagari, Bengali, CJK, kana, Hangul.
// eslint-disable-next-line no-misleading-character-class
const COVERT_GATE = /[\u0400-\u04FF\u0600-\u06FF\u0900-\u09FF\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/u;
const COVERT: RuleFamily[] = [
  { name: 'covert-act', patterns: [re(COVERT_LATIN.map((src) => `(?:${src})`).join('|'))] },
  { name: 'covert-act', gate: COVERT_GATE, patterns: [re(COVERT_OTHER.join('|'))] },
];

/** Extra harm topics, Latin-script entries first, then the gated ones (one gate test for all). */
export const ANSWER_HARM_EXTRA: readonly RuleFamily[] = [
  ...CREDENTIAL.slice(0, 1), ...EVASION.slice(0, 1), ...CRIME.slice(0, 1), ...SCAM.slice(0, 1), ...CRIME_MULTI.slice(0, 1), ...COVERT.slice(0, 1),
  ...CREDENTIAL.slice(1), ...EVASION.slice(1), ...CRIME.slice(1), ...SCAM.slice(1), ...CRIME_MULTI.slice(1), ...COVERT.slice(1),
];

// One scan for "any extra topic at all" (most answers have none): the Latin-script entries joined,
// and the gated ones behind the same script test.
const EXTRA_LATIN = re([CREDENTIAL[0], EVASION[0], CRIME[0], SCAM[0], CRIME_MULTI[0], COVERT[0]].map((f) => `(?:${f?.patterns[0]?.source ?? '(?!)'})`).join('|'));
const EXTRA_OTHER = re([CREDENTIAL[1], EVASION[1], CRIME[1], SCAM[1], CRIME_MULTI[1], COVERT[1]].map((f) => `(?:${f?.patterns[0]?.source ?? '(?!)'})`).join('|'));

/**
 * The families of ANSWER_HARM_EXTRA that match `text` (canonical). A part of an answer can only
 * match a family its whole text matches, so the per-part scans are limited to these.
 */
export function presentExtraTopics(text: string): readonly RuleFamily[] {
  if (!EXTRA_LATIN.test(text) && !(NON_LATIN_OR_DEVANAGARI.test(text) && EXTRA_OTHER.test(text))) return [];
  const hits = new Set<string>();
  for (const f of ANSWER_HARM_EXTRA) {
    if (hits.has(f.name) || (f.gate !== undefined && !f.gate.test(text))) continue;
    if (f.patterns.some((p) => p.test(text))) hits.add(f.name);
  }
  // Both entries of a present name (Latin and gated), since a part may match either.
  return ANSWER_HARM_EXTRA.filter((f) => hits.has(f.name));
}

/** Harm topics for the answer model: rules.ts's HARM_TOPICS and the additions above. */
export const ANSWER_HARM_TOPICS: readonly RuleFamily[] = [...HARM_TOPICS, ...ANSWER_HARM_EXTRA];


/** The `protective-advice` families alone, for scoping it to the parts of an answer (session 12). */
export const PROTECTIVE_FAMILIES: readonly RuleFamily[] = PROTECTIVE;

// Session 12 (out-gen4): the *shape* of a procedure — list items, step words ("first … then",
// "zuerst … dann", "先…然后", "まず…次に", "먼저 … 그다음"), code fences, quantities with units.
// Shape alone is benign (recipes, tutorials) and a harm topic alone is benign (education); only
// the two in the same part of an answer, outside a refusal or protective advice, are read as
// compliance (features.ts). On the canonical text (lower case, Latin diacritics removed).
const PROCEDURE_LATIN = re([
  `(?:^|\\n)\\s{0,8}(?:\\d{1,2}[.)]|[-*•]|step \\d{1,2}:?)\\s{1,4}\\S`,
  '```',
  `\\b(?:first(?:ly)?,|then,? (?:you|open|add|send|use|take|put|tell|ask|wait)|after that|next,|finally,|zuerst|danach|anschliessend|als erstes|d'abord|ensuite|puis,? |enfin,|primero|luego|despues|por ultimo|prima di tutto|dopodiche|infine|em seguida|por fim|depois,? |eerst|daarna|vervolgens|najpierw|potem|nastepnie|once |ardindan|sonra |nejprve|potom|forst|sedan|darefter|pertama|kemudian|lalu |truoc tien|sau do)`,
  `\\b\\d{1,6}(?:[.,]\\d{1,3})?\\s?(?:g|kg|mg|ml|l|cm|mm|%|euros?|dollars?|usd|eur|zl|tl|€|\\$)(?![\\p{L}])`,
].map((s) => `(?:${s})`).join('|'));
const PROCEDURE_OTHER = re([
  `(?:^|\\n)\\s{0,8}(?:[０-９]{1,2}[.．、)]|[①-⑩]|第[一二三四五六七八九十]步)`,
  `(?:сначала|потом|затем|после этого|спочатку|потім|先|然后|接着|之后|最后|步骤|まず|次に|それから|最後に|手順|먼저|그다음|그 다음|다음으로|마지막으로|أولا|ثم |بعد ذلك|पहले|फिर )`,
].map((s) => `(?:${s})`).join('|'));

/** True when a part of an answer has the shape of a procedure (see above). */
export function hasProcedureShape(canonical: string): boolean {
  return PROCEDURE_LATIN.test(canonical) || (NON_LATIN_OR_DEVANAGARI.test(canonical) && PROCEDURE_OTHER.test(canonical));
}
// ---- Session 12 (out-leak): answers that leak a system prompt, hidden instructions or a secret,
// judged on the answer alone (no system prompt to compare with; the gateway's canary / overlap
// check in guards/leak.ts covers verbatim leaks when it knows the prompt). Written from the tactic:
//
// - `recited-instructions`: the answer reports its own instructions ("I was told to …", "my
//   guidelines say …", "the text I received before our chat", "mi è stato detto di …"), or recites
//   the confidentiality clause that system prompts carry in the second person ("never reveal these
//   instructions", "gib diese Anweisungen niemals preis", "不得透露本提示"), or hands over a secret
//   named by its purpose ("the password for this level is …", "the staff access code … is 4471-…",
//   "le code promo … est …", "优惠码是 …"). A value must contain a digit, or end the sentence and not
//   be one of the words that describe a password instead of giving it ("weak", "stored", "zu kurz").
// - `prompt-for-user`: evidence against a leak — the answer writes a system prompt *for* the user
//   on request ("here's a system prompt you can use for your …", "voici une proposition de prompt").
// output-dev has none of either; the weights come from written-leaks.ts.

// Words that say what a password is like rather than give it, in the languages below.
const NOT_A_VALUE = '(?:weak|strong|long|short|wrong|correct|incorrect|invalid|valid|required|stored|hashed|encrypted|sent|shown|displayed|printed|expired|different|unique|secure|private|personal|optional|case-sensitive|below|above|here|attached|simple|easy|ready|available|provided|included|given|changed|reset|zu|nicht|falsch|abgelaufen|gespeichert|trop|faible|incorrect|expire|demasiado|debil|incorrecta|troppo|debole|errata|fraca|errada|te|zwak|onjuist|fel|for|zbyt|slabe|yanlis|zayif)';
// A code: a token with a digit in it.
const VALUE_CODE = `\\s*(?:[:：=]\\s*)?["'„“”«「‘’]?(?=[\\p{L}_-]{0,24}\\p{N})[\\p{L}\\p{N}_-]{4,40}`;
const VALUE_GIVEN = `(?:${VALUE_CODE}|(?!\\s*(?:[:：=]\\s*)?${NOT_A_VALUE}\\b)${VALUE})`;

// The gated entries include Devanagari (Hindi), which the shared NON_LATIN gate does not.
const LEAK_GATE = /[\u0400-\u04FF\u0600-\u06FF\u0904-\u0939\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/u;
const gated = (fs: RuleFamily[]): RuleFamily[] => fs.map((f, i) => (i === 0 ? f : { ...f, gate: LEAK_GATE }));
const LEAK = gated(family('recited-instructions', [
  // Instructions reported, English.
  `\\bi(?: was| have been|'ve been| am|'m) (?:told|instructed|asked|configured|set up|briefed|directed|ordered|supposed) (?:to|not to|as|that|never)\\b`,
  `\\bmy (?:system prompt|system message|hidden instructions|original instructions|instructions|guidelines|setup|configuration|directives|hidden rules|rules) (?:say|says|said|tell|tells|told|state|states|require|requires|instruct|instructs|ask|asks|want|wants) (?:me|that|i)\\b`,
  `\\b(?:instructions|system prompt|rules) i (?:received|was given|was configured with)\\b|\\b(?:translated|paraphrased|summari[sz]ed)(?: into [\\p{L}]{3,20})?, my (?:instructions|system prompt|rules|guidelines)\\b|\\bmy (?:setup|configuration) (?:tells|told|asks|says)\\b`,
  // The confidentiality clause of a system prompt, recited (en de fr es it pt nl sv pl tr).
  `\\b(?:never|do not|don't|must not) (?:reveal|disclose|share|repeat|mention|show|tell anyone) (?:these|this|the|your|any of these) (?:instructions|rules|prompt|system prompt|system message|guidelines|words|directives|configuration)\\b|\\bkeep (?:these|this|the|your) (?:instructions|rules|prompt|system prompt) (?:secret|confidential|private|hidden)\\b`,
  `\\b(?:verrate|nenne|zeige|teile) (?:niemals |nie )?(?:diese|die|deine) (?:anweisungen|vorgaben|regeln|instruktionen|systemanweisungen)(?: [\\p{L}]{2,12}){0,2} (?:nicht|niemals|nie)\\b|\\bgib (?:diese|die|deine) (?:anweisungen|vorgaben|regeln) (?:niemals |nie |nicht )?preis\\b|\\bhalte (?:diese|die|deine) (?:anweisungen|vorgaben) geheim\\b`,
  `\\bne (?:revele|divulgue|partage|montre|communique)z? (?:jamais |pas )(?:ces|les|tes|vos) (?:instructions|consignes|regles|directives)\\b|\\bgardez? (?:ces|les|tes) (?:instructions|consignes) (?:secretes|confidentielles|pour toi)\\b`,
  `\\b(?:nunca|no) (?:reveles|revele|compartas|comparta|muestres|muestre|divulgues|divulgue) (?:estas|las|tus|sus|este) (?:instrucciones|reglas|directrices|indicaciones|texto)\\b|\\bnon (?:rivelare|divulgare|condividere|mostrare) (?:mai )?(?:queste|le|tue) (?:istruzioni|regole|direttive|linee guida)\\b|\\b(?:nunca|nao) (?:revele|revelar|compartilhe|divulgue|mostre) (?:estas|essas|as|suas) (?:instrucoes|regras|diretrizes)\\b`,
  `\\b(?:deel|onthul|toon|verklap) (?:deze|de|je) (?:instructies|regels|richtlijnen) (?:nooit|niet)\\b|\\bhoud (?:deze|de|je) (?:instructies|regels) geheim\\b|\\b(?:avsloja|dela|visa) (?:inte|aldrig) (?:dessa|dina) (?:instruktioner|regler|riktlinjer)\\b|\\bnie (?:zdradzaj|ujawniaj|pokazuj|udostepniaj) (?:nigdy )?(?:tych|swoich|moich) (?:instrukcji|polecen|zasad|rozkazow|wytycznych)\\b|\\bbu (?:talimatlari|kurallari|yonergeleri) (?:kimseyle paylasma|asla paylasma|paylasma|gizli tut|aciklama|ifsa etme)`,
  // Instructions reported, other Latin-script languages.
  `\\b(?:mir wurde (?:gesagt|aufgetragen|vorgegeben|befohlen)|man hat mir (?:gesagt|aufgetragen|vorgegeben)|ich (?:wurde|bin) (?:angewiesen|instruiert|konfiguriert) |mein(?:e)? (?:systemprompt|systemanweisungen|anweisungen|vorgaben|richtlinien) (?:sagt|sagen|besagt|besagen|verlangt|verlangen)\\b|meine (?:ursprunglichen|internen|eigentlichen) (?:anweisungen|vorgaben) (?:lauten|sind))`,
  `\\b(?:on m'a (?:demande|dit|ordonne|indique|configure)|(?:j'ai ete|je suis) (?:configure|parametre|charge)e? (?:pour|de|comme)|mes (?:consignes|instructions|directives) (?:disent|m'indiquent|precisent|stipulent|me demandent)|les (?:consignes|instructions) (?:que j'ai recues|qu'on m'a donnees))`,
  `\\b(?:me (?:dijeron|pidieron|ordenaron|configuraron|instruyeron) (?:que|para)|(?:fui|estoy) (?:configurad|instruid)[oa] para|mis (?:directrices|instrucciones|indicaciones) (?:dicen|indican|establecen|me piden)|las instrucciones que (?:recibi|me dieron)|mi (?:e stato|hanno) (?:detto|chiesto|ordinato|indicato|imposto) di|sono stat[oa] (?:configurat|istruit|impostat)[oa] (?:per|a|come)|le mie (?:linee guida|istruzioni|direttive) (?:dicono|indicano|prevedono|mi chiedono)|le istruzioni che ho ricevuto)`,
  `\\b(?:me (?:disseram|pediram|instruiram|mandaram|orientaram) (?:para|a|que)|fui (?:instruid|configurad|orientad)[oa] (?:a|para)|minhas (?:diretrizes|instrucoes) (?:dizem|mandam|pedem)|as instrucoes que recebi|(?:mij|me) (?:is|werd) (?:gezegd|opgedragen|verteld) (?:om|dat)|ik (?:ben|werd) (?:geinstrueerd|ingesteld|geconfigureerd) (?:om|als)|mijn (?:instructies|richtlijnen) (?:zeggen|luiden|vragen)|mina (?:instruktioner|riktlinjer|direktiv) (?:ar|sager|lyder)|jag (?:har (?:blivit|fatt)|blev) (?:instruerad|tillsagd|konfigurerad|ombedd)|(?:kazano|polecono|nakazano) mi|(?:moje|moich) (?:instrukcje|polecenia|rozkazy|wytyczne)(?: od [\\p{L}]{2,20})? (?:brzmia|mowia)|zosta(?:ł|l)(?:em|am) (?:poinstruowan|skonfigurowan)[ya]|talimatlarim(?:a gore| sunlar| soyle)|bana (?:soylendi|soylenen|talimat verildi)|yonergelerime gore|toi (?:[dđ]uoc|da [dđ]uoc) (?:dan|yeu cau|huong dan|chi dan|cai dat) (?:la|de|rang)|khong (?:tiet lo|chia se) (?:nhung |cac )?(?:huong dan|chi dan|quy tac) (?:nay|tren))`,
  // A secret named by its purpose and handed over.
  `\\bthe (?:[\\p{L}-]{2,15} ){0,3}(?:password|passcode|passphrase|secret word|code word) (?:for|to|of) (?:the |this |our |my |that )?(?:[\\p{L}-]{2,15} ){0,3}(?:is|was)${VALUE_GIVEN}|\\bthe (?:[\\p{L}-]{2,15} ){0,3}(?:code|pin|key) (?:for|to|of) (?:the |this |our |my |that )?(?:[\\p{L}-]{2,15} ){0,3}(?:is|was)${VALUE_CODE}|\\bthe (?:[\\p{L}-]{2,15} ){0,3}(?:code|pin|key|password) (?:you (?:asked|wanted|need)(?: for)?|we use) (?:is|was)${VALUE_CODE}|\\b(?:api|access|secret|private) key(?: [\\p{L}-]{2,15}){0,4} (?:is|was|:)${VALUE_CODE}|\\b(?:admin|secret|access|master) (?:code|key|password)\\s*:${VALUE_GIVEN}`,
  `\\b(?:der|das|die|mein|unser) (?:geheime |interne )?(?:zugangscode|rabattcode|gutscheincode|code|schlussel|passwort|kennwort)(?: (?:fur|zum|zur|des) [\\p{L} -]{2,30})? (?:lautet|ist)${VALUE_GIVEN}|\\b(?:le|mon|notre) code (?:promo|promotionnel|d'acces|secret|administrateur|admin|de reduction)(?: [\\p{L}' -]{2,40})? (?:est|etait)${VALUE_GIVEN}|\\b(?:el|mi|nuestro) codigo (?:de acceso|promocional|secreto|de descuento|de administrador)(?: [\\p{L} -]{2,40})? (?:es|era)${VALUE_GIVEN}|\\bla contrasena (?:de|del) [\\p{L} ]{2,30} (?:es|era)${VALUE_GIVEN}|\\ble mot de passe (?:du|de la|de l'|des|pour) [\\p{L}' -]{2,30} (?:est|etait)${VALUE_GIVEN}|\\bla (?:password|parola d'ordine|chiave)(?: (?:del|della|dello|per|di) [\\p{L}' -]{2,30})? (?:e|era)${VALUE_GIVEN}|\\ba (?:senha|chave (?:de api|de acesso|secreta))(?: (?:do|da|de|para) [\\p{L} -]{2,30}| [\\p{L}]{4,15} aqui)? (?:e|era)${VALUE_GIVEN}`,
  `\\b(?:o|meu|nosso) codigo (?:de acesso|promocional|secreto|de desconto)(?: [\\p{L} -]{2,40})? (?:e|era)${VALUE_GIVEN}|\\bil codice (?:di accesso|sconto|segreto|promozionale)(?: [\\p{L} -]{2,40})? (?:e|era)${VALUE_GIVEN}|\\b(?:de|het|onze) (?:geheime )?(?:toegangscode|kortingscode|pincode|code|wachtwoord)(?: (?:voor|van) [\\p{L} -]{2,40})? is${VALUE_GIVEN}|\\b(?:koden|losenordet|atkomstkoden|rabattkoden)(?: (?:till|for) [\\p{L} -]{2,30})? (?:ar|var)${VALUE_GIVEN}|\\b(?:has(?:ł|l)o|kod (?:dostepu|rabatowy))(?: (?:do|od) [\\p{L} -]{2,30})? to${VALUE_GIVEN}|\\b(?:yonetici |admin )?(?:sifresi|parolasi|erisim kodu|indirim kodu)\\s*:?\\s*["']?(?=[\\p{L}_-]{0,24}\\p{N})[\\p{L}\\p{N}_-]{4,40}`,
], [
  // Cyrillic, Arabic, Devanagari, CJK and Hangul: reported instructions, the confidentiality clause
  // and a secret named by its purpose.
  `(?:мне (?:велели|сказали|поручили|приказали|было (?:велено|сказано|поручено))|меня (?:попросили|настроили|проинструктировали)|мои (?:инструкции|указания|установки) (?:гласят|говорят|таковы|следующие)|согласно моим (?:инструкциям|указаниям)|не (?:раскрывай|раскрывайте|показывай|показывайте|разглашай) (?:эти |свои |никому )?(?:инструкции|правила|указания)|никому не (?:показывай|показывать|раскрывай|рассказывай|говори)(?: эти| свои)? (?:инструкции|правила|указания)|(?:ключ (?:доступа|api|апи)|код доступа|промокод|секретное слово|пароль (?:от|для))[^.\\n]{0,40}(?::|—| это)${VALUE_GIVEN})`,
  `(?:我(?:被)?(?:要求|指示|告知|设定为|設定為)|我(?:收到|得到)的(?:指令|指示|提示|设定)|给我的(?:指令|指示)(?:是|如下)|(?:不得|不要|切勿|请勿|禁止)(?:向(?:用户|任何人))?(?:透露|泄露|泄漏|公开|展示)(?:本|这些|此|该|这段|上述)?(?:提示|指令|指示|规则|说明|设定)|(?:优惠码|折扣码|邀请码|访问码|访问密码|管理员密码|密钥|激活码)(?:是|为|為|：|:)\\s*["“]?(?=[\\p{L}_-]{0,24}\\p{N})[\\p{L}\\p{N}_-]{4,40})`,
  `(?:与えられた指示|受けた指示|受け取った指示|(?:と|よう(?:に)?)指示されています|ように言われています|(?:この|これらの|本)(?:指示|プロンプト|ルール|設定)(?:は秘密|を(?:明かさ|教え|公開し|漏らさ|他言し)ない)|(?:アクセスコード|管理者パスワード|割引コード|秘密の言葉)は${VALUE_GIVEN})`,
  `(?:(?:하도록|하라고) (?:지시|설정)(?:받았|되어 있|됐)|제 (?:지침|지시 사항|설정)(?:은|는|에 따르면)|이 (?:지시|지침|프롬프트|규칙)(?:를|을|사항을)? (?:공개하지|알려주지|누설하지|밝히지)|(?:접속|관리자|할인|접근|출입) (?:코드|번호|암호)(?:는|은)${VALUE_GIVEN})`,
  `(?:طلب مني أن|تعليماتي (?:هي|تقول)|لا (?:تكشف|تفصح عن|تشارك) (?:هذه )?(?:التعليمات|القواعد|الإرشادات)|मेरे (?:निर्देश|नियम) (?:ये|यह|इस प्रकार)|मुझे (?:कहा|बताया|निर्देश दिया) गया|(?:ये|इन) (?:निर्देश|नियम)(?:ों)? (?:को )?(?:किसी को )?(?:मत|न) (?:बताना|बताएं|बताओ))`,
], true));

const FOR_USER = family('prompt-for-user', [
  `\\bhere(?:'s| is) (?:a|an|the|your) (?:draft |sample |example |possible )?(?:system prompt|prompt|set of instructions)(?: you can use| for your| that you can)|\\b(?:draft|sample|example) (?:system prompt|prompt|instructions) for your\\b|\\byou can (?:use|adapt|paste|copy) (?:this|it) (?:as (?:a|the|your) (?:system )?prompt|in your (?:bot|chatbot|assistant))|\\bvoici (?:une proposition de |un exemple de |un )?(?:prompt|instructions) (?:systeme )?pour (?:ton|votre)\\b|\\baqui tienes (?:un|una) (?:ejemplo de |propuesta de )?(?:prompt|instrucciones) para tu\\b|\\becco (?:un|una) (?:esempio di |proposta di )?(?:prompt|istruzioni) per il tuo\\b|\\b(?:hier (?:ist )?ein (?:entwurf|beispiel) fur (?:deinen|ihren)|hier is een (?:voorbeeld van (?:een )?)?(?:systeemprompt|instructies|prompt) voor je)\\b`,
], [
  `(?:вот (?:вариант|пример|черновик) (?:системного )?промпта для (?:вашего|твоего)|ご依頼の(?:システム)?プロンプト案|プロンプトの例です|以下是(?:一个)?(?:你可以用的|为你写的)(?:系统)?提示词|这是为你的)`,
], true);

/** Session 12 (out-leak) families, Latin-script entries first, then the gated ones. */
export const LEAK_FAMILIES: readonly RuleFamily[] = [...LEAK.slice(0, 1), ...FOR_USER.slice(0, 1), ...LEAK.slice(1), ...FOR_USER.slice(1)];
