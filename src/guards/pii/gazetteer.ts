/**
 * Small hand-written word lists used as features by the entity tagger. They are cues, not
 * dictionaries to match against: the tagger learns how much to trust each list, and names that
 * are in no list are still found from shape, affixes and context. Lists are lower-case.
 */

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));
const phrases = (s: string): readonly string[] =>
  s
    .split('|')
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '');

/** Common given names across languages and cultures. */
export const FIRST_NAMES = words(`
james john robert michael william david richard joseph thomas charles christopher daniel matthew
anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason
jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry peter
zachary douglas harold kyle noah carl arthur gerald roger keith jeremy terry lawrence sean christian
albert joe ethan austin jesse willie billy bryan bruce jordan ralph roy alan wayne eugene juan gabriel
louis russell randy vincent philip logan bobby harry johnny howard mary patricia jennifer linda
elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley kimberly emily
donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen
amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel
carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren
christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara
madison frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn
danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori
mohammed muhammad ahmed ali omar hassan hussein ibrahim youssef yusuf mustafa khalid abdullah
fatima aisha zainab mariam layla leila nour amira yasmin salma hana rania
wei fang jing li min lei jun hui yan xin ying hong ming hao yi chen jie lin tao yu
hiroshi takashi kenji yuki haruto sota yuto akira takumi daiki sakura yui aoi hina yuna mei rin akiko
keiko yoko naoko tomoko asuka
minjun seojun jiho jihoon minji seoyeon jiwoo soyeon
raj rahul amit anil sunil vijay sanjay arjun rohan vikram priya anjali pooja neha deepika kavya
lakshmi sunita ananya aditya krishna ravi suresh ramesh ganesh
jean pierre michel philippe alain nicolas françois francois jacques bernard christophe laurent
olivier sébastien sebastien julien antoine mathieu thierry marc camille chloé chloe léa lea manon
inès ines juliette amélie amelie sophie céline celine nathalie isabelle sylvie
hans klaus jürgen jurgen wolfgang dieter uwe günter gunter stefan andreas matthias jörg jorg
lukas leon finn jonas felix maximilian paul elias ursula petra sabine monika gabriele katharina
lena mia hanna anja birgit heike ingrid
giuseppe giovanni antonio mario francesco luigi angelo vincenzo pietro salvatore carlo franco
domenico bruno paolo marco alessandro andrea matteo lorenzo leonardo giulia chiara francesca
alessia martina federica valentina elena silvia paola rosa lucia
josé jose antonio manuel francisco juan javier carlos miguel rafael pedro alejandro fernando jorge
luis sergio pablo diego álvaro alvaro raúl raul carmen josefa isabel dolores pilar teresa ana
cristina marta lucía lucia paula laura elena rocío rocio beatriz mercedes
joão joao pedro tiago rui nuno gonçalo goncalo andré andre ricardo bruno luiz thiago rafaela
mariana beatriz inês leonor matilde gabriela fernanda juliana camila larissa letícia leticia
jan piotr krzysztof andrzej tomasz paweł pawel marcin michał michal grzegorz jakub łukasz lukasz
anna katarzyna małgorzata malgorzata agnieszka barbara ewa krystyna magdalena joanna zofia
jiří jiri petr josef jaroslav martin tomáš tomas pavel lucie jana eva hana věra vera lenka
ivan sergei sergey dmitri dmitry alexei alexey andrei andrey vladimir nikolai mikhail pavel oleg
yuri igor olga tatiana tatyana natalia svetlana irina elena ekaterina yekaterina anastasia marina
lars anders erik johan karl nils per olof sven björn bjorn magnus henrik mikael ole jens søren
soren morten niels rasmus kristian mads frederik astrid ingrid karin kerstin birgitta annika
sofia freja ida maja emilie ellen sigrid liv nora solveig
mikko juha jari timo matti kari antti jukka markku pekka ville aino helmi eeva tuula anneli
sanna leena minna kaisa
jón jon sigurður gunnar ólafur guðrún sigríður kristín
dimitris giorgos nikos kostas yannis maria eleni katerina sofia despina
mehmet mustafa ahmet ali hüseyin emre murat ayşe ayse fatma zeynep elif emine
kwame kofi kwaku ama akua abena chinedu emeka ngozi chioma oluwaseun adebayo tunde
thabo sipho themba nomvula lerato
nguyen minh anh linh thanh duc huong
`);

/** Frequent surnames of several countries (a cue, not an inventory). */
export const SURNAMES = words(`
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez
wilson anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark
ramirez lewis robinson walker young allen king wright scott torres nguyen hill flores green adams
nelson baker hall rivera campbell mitchell carter roberts müller mueller schmidt schneider fischer
weber meyer wagner becker schulz hoffmann koch richter klein wolf schröder neumann schwarz
zimmermann braun krüger hofmann hartmann lange werner krause lehmann köhler rossi russo ferrari
esposito bianchi romano colombo ricci marino greco bruno gallo conti costa giordano mancini rizzo
lombardi moretti fernández fernandez gonzález rodríguez sánchez pérez martín gómez gomez ruiz
díaz diaz moreno muñoz munoz álvarez alvarez romero alonso gutiérrez gutierrez navarro silva
santos oliveira souza pereira lima carvalho ferreira almeida ribeiro martins rodrigues dubois
durand leroy moreau simon laurent lefebvre michel bernard petit richard robert roux fournier
girard bonnet dupont lambert fontaine nowak kowalski wiśniewski wisniewski wójcik wojcik
kowalczyk kamiński kaminski lewandowski zieliński szymański woźniak novák novak svoboda novotný
dvořák černý procházka kučera ivanov smirnov kuznetsov popov vasiliev petrov sokolov mikhailov
novikov fedorov morozov volkov jensen nielsen hansen pedersen andersen christensen larsen sørensen
rasmussen johansson karlsson nilsson eriksson larsson olsson persson svensson gustafsson korhonen
virtanen mäkinen nieminen mäkelä hämäläinen laine heikkinen koskinen järvinen wang li zhang liu
chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo sato suzuki takahashi tanaka watanabe
ito yamamoto nakamura kobayashi kato kim park choi jung kang cho yoon jang lim singh kumar sharma
patel gupta shah khan reddy rao iyer das chatterjee mukherjee ahmed hassan ali hussain mohamed
ibrahim yilmaz kaya demir şahin sahin çelik celik öztürk ozturk papadopoulos okafor okonkwo mensah
`);

/**
 * Surname and given-name endings typical of many languages (patronymics, Slavic, Nordic, Greek,
 * Armenian, Romanian, Finnish, Hungarian, Icelandic), as a weak morphological cue.
 */
export const NAME_SUFFIXES: readonly string[] = [
  'son', 'sen', 'sson', 'dottir', 'dóttir', 'ová', 'ova', 'ovа', 'ski', 'ska', 'sky', 'cki', 'cka',
  'wicz', 'ez', 'ić', 'ic', 'vić', 'vic', 'ov', 'ev', 'eva', 'enko', 'chuk', 'escu', 'eanu', 'ian',
  'yan', 'poulos', 'opoulos', 'idis', 'akis', 'oglu', 'oğlu', 'mann', 'berg', 'stein', 'ström',
  'strom', 'lund', 'nen', 'inen', 'ainen', 'ulu', 'ák', 'ák', 'ovič', 'ovich', 'ović', 'ine', 'elli',
  'etti', 'ini', 'ucci', 'ez', 'az', 'is', 'as', 'os', 'ou',
];

/** Honorifics and titles that precede names. */
export const HONORIFICS = words(`
mr mrs ms miss mx dr prof sir dame lord lady rev fr sr sra srta herr frau dott dottssa mme mlle
monsieur madame señor señora signor signora doctor professor captain capt col gen sgt lt
`);

/** Country names (English and common endonyms) as phrases. */
export const COUNTRIES = phrases(`
afghanistan|albania|algeria|andorra|angola|argentina|armenia|australia|austria|azerbaijan|
bahamas|bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|
bosnia and herzegovina|botswana|brazil|brunei|bulgaria|burkina faso|burundi|cambodia|cameroon|
canada|cape verde|chad|chile|china|colombia|comoros|congo|costa rica|croatia|cuba|cyprus|
czech republic|czechia|denmark|djibouti|dominica|dominican republic|ecuador|egypt|el salvador|
eritrea|estonia|eswatini|ethiopia|fiji|finland|france|gabon|gambia|georgia|germany|ghana|greece|
greenland|grenada|guatemala|guinea|guyana|haiti|honduras|hong kong|hungary|iceland|india|
indonesia|iran|iraq|ireland|israel|italy|ivory coast|jamaica|japan|jordan|kazakhstan|kenya|
kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania|
luxembourg|madagascar|malawi|malaysia|maldives|mali|malta|mauritania|mauritius|mexico|moldova|
monaco|mongolia|montenegro|morocco|mozambique|myanmar|namibia|nepal|netherlands|the netherlands|
new zealand|nicaragua|niger|nigeria|north korea|north macedonia|norway|oman|pakistan|palestine|
panama|papua new guinea|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|rwanda|
saudi arabia|senegal|serbia|seychelles|sierra leone|singapore|slovakia|slovenia|somalia|
south africa|south korea|korea|south sudan|spain|sri lanka|sudan|suriname|sweden|switzerland|
syria|taiwan|tajikistan|tanzania|thailand|togo|trinidad and tobago|tunisia|turkey|türkiye|
turkmenistan|uganda|ukraine|united arab emirates|uae|united kingdom|uk|great britain|britain|
england|scotland|wales|northern ireland|united states|united states of america|usa|america|
uruguay|uzbekistan|venezuela|vietnam|yemen|zambia|zimbabwe|
deutschland|österreich|schweiz|suisse|svizzera|españa|italia|nederland|belgië|belgique|
polska|česko|magyarország|sverige|norge|danmark|suomi|ísland|ελλάδα|κύπρος|россия|україна|
brasil|méxico|perú|türkiye|中国|日本|한국
`);

/** Large or well-known cities, several scripts. */
export const CITIES = phrases(`
london|paris|berlin|madrid|rome|vienna|amsterdam|brussels|zurich|geneva|bern|stockholm|oslo|
copenhagen|helsinki|reykjavik|dublin|lisbon|porto|barcelona|valencia|seville|milan|naples|turin|
florence|venice|munich|hamburg|frankfurt|cologne|stuttgart|düsseldorf|dusseldorf|leipzig|dresden|
bremen|hanover|nuremberg|prague|brno|warsaw|krakow|kraków|gdansk|wrocław|wroclaw|budapest|
bucharest|sofia|athens|thessaloniki|istanbul|ankara|izmir|moscow|saint petersburg|kyiv|kiev|
kharkiv|minsk|riga|vilnius|tallinn|belgrade|zagreb|ljubljana|sarajevo|bratislava|luxembourg|
monaco|marseille|lyon|toulouse|nice|nantes|strasbourg|bordeaux|lille|rotterdam|the hague|utrecht|
antwerp|ghent|manchester|birmingham|liverpool|leeds|glasgow|edinburgh|bristol|cardiff|belfast|
new york|los angeles|chicago|houston|phoenix|philadelphia|san antonio|san diego|dallas|san jose|
austin|jacksonville|san francisco|columbus|seattle|denver|washington|boston|detroit|nashville|
portland|las vegas|memphis|louisville|baltimore|milwaukee|albuquerque|atlanta|miami|minneapolis|
new orleans|cleveland|pittsburgh|cincinnati|kansas city|st. louis|salt lake city|honolulu|
toronto|montreal|vancouver|calgary|ottawa|edmonton|quebec|winnipeg|mexico city|guadalajara|
monterrey|havana|bogotá|bogota|medellín|lima|quito|caracas|santiago|buenos aires|montevideo|
são paulo|sao paulo|rio de janeiro|brasília|brasilia|salvador|fortaleza|belo horizonte|recife|
cairo|alexandria|casablanca|rabat|marrakesh|tunis|algiers|lagos|abuja|accra|nairobi|addis ababa|
dar es salaam|kampala|kigali|johannesburg|cape town|durban|pretoria|dakar|luanda|kinshasa|
dubai|abu dhabi|doha|riyadh|jeddah|kuwait city|muscat|tehran|baghdad|beirut|damascus|amman|
jerusalem|tel aviv|karachi|lahore|islamabad|delhi|new delhi|mumbai|bangalore|bengaluru|chennai|
kolkata|hyderabad|pune|ahmedabad|dhaka|kathmandu|colombo|beijing|shanghai|guangzhou|shenzhen|
chengdu|wuhan|hangzhou|nanjing|xi'an|tianjin|hong kong|macau|taipei|tokyo|osaka|kyoto|yokohama|
nagoya|sapporo|fukuoka|seoul|busan|incheon|pyongyang|bangkok|hanoi|ho chi minh city|saigon|
phnom penh|vientiane|yangon|kuala lumpur|singapore|jakarta|surabaya|bali|manila|cebu|sydney|
melbourne|brisbane|perth|adelaide|canberra|auckland|wellington|christchurch|
münchen|köln|wien|praha|warszawa|roma|milano|napoli|firenze|venezia|lisboa|sevilla|bruxelles|
genève|københavn|göteborg|gothenburg|malmö|bergen|aarhus|tampere|turku|espoo|oulu|
москва|санкт-петербург|київ|αθήνα|北京|上海|東京|서울
`);

/** Region names: US states and a few provinces and Länder. */
export const REGIONS = phrases(`
alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|hawaii|idaho|
illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|
mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|north carolina|
north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|
tennessee|texas|utah|vermont|virginia|west virginia|wisconsin|wyoming|ontario|british columbia|
alberta|bavaria|bayern|saxony|hesse|catalonia|andalusia|tuscany|lombardy|sicily|sardinia|
provence|brittany|normandy|flanders|wallonia|queensland|new south wales|victoria|tasmania
`);

/** Organisation legal forms and typical trailing words of organisation names. */
export const ORG_SUFFIXES = words(`
inc incorporated corp corporation co company companies ltd limited llc llp lp plc gmbh ag kg ug
se sa sas sarl srl spa s.p.a bv nv oy oyj ab asa as aps kft zrt sro s.r.o doo d.o.o pty pte bhd
kk group holdings holding partners associates technologies technology tech solutions systems
software labs laboratories consulting services international global industries enterprises
ventures capital bank bancorp insurance financial finance investments media networks network
communications studios pharmaceuticals pharma therapeutics biosciences bioscience health
healthcare foundation institute university college school academy hospital clinic agency
association society council committee federation union club trust fund partnership
`);

/** Words that open an organisation name ("Bank of ...", "University of ..."). */
export const ORG_PREFIXES = words(`
bank university institute college school ministry department office bureau agency council
federation association society church hospital museum
`);

/** Street types, address units and postal words in several languages. */
export const STREET_WORDS = words(`
street st str avenue ave av avda road rd boulevard blvd bd lane ln drive dr court ct place pl
square sq terrace ter tce way highway hwy parkway pkwy circle cir crescent cres close gardens gdns
row alley mews wharf quay hill grove walk view park ridge apt apartment suite ste unit floor fl
flat box po pobox bldg building room rm dept
rue chemin allée allee impasse quai cours faubourg lieu-dit résidence residence
straße strasse weg gasse platz allee ring damm ufer chaussee steig pfad
via viale piazza piazzale corso vicolo largo strada contrada località
calle avenida plaza paseo carrera camino ronda travesía travesia glorieta urbanización
rua travessa praça praca alameda estrada rodovia
straat laan plein gracht kade singel dijk
gade vej vænget allé torv stræde gatan vägen väg gata gränd torget veien vei gate
katu tie kuja polku tori
ulica ul ulice náměstí namesti třída trida utca út tér körút
odos οδός leoforos λεωφόρος sokak caddesi cad mahallesi mah bulvarı marg nagar
`);

/** Words that announce an address, a place, an employer or a person in the left context. */
export const CUE_WORDS = words(`
address live lives lived living moved move from in at to near located based born visit visited
work works worked working employed employer company firm joined name named called dear hi hello
meet met contact wife husband son daughter mother father brother sister friend colleague
`);
