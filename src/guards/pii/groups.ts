/**
 * Closed word lists for the NRP type (nationality, religious or political group): demonyms of
 * countries and peoples, faiths and their adherents, political affiliations. Singular forms;
 * the detector adds plural endings. Lower-case except where case carries the meaning.
 */

const list = (s: string): readonly string[] => s.trim().split(/\s*\|\s*/).filter((w) => w !== '');

export const DEMONYMS: readonly string[] = list(`
afghan | albanian | algerian | american | andorran | angolan | argentine | argentinian | armenian | australian | austrian |
azerbaijani | azeri | bahamian | bahraini | bangladeshi | barbadian | belarusian | belgian | belizean | belizian | beninese |
bhutanese | bolivian | bosnian | botswanan | brazilian | british | bruneian | bulgarian | burkinabe | burmese | burundian |
cambodian | cameroonian | canadian | chadian | chilean | chinese | colombian | congolese | costa rican | croatian | cuban |
cypriot | czech | danish | djiboutian | dominican | dutch | ecuadorian | ecuadorean | egyptian | emirati | english | englishman |
englishwoman | eritrean | estonian | ethiopian | fijian | filipino | finnish | french | frenchman | frenchwoman | gabonese |
gambian | georgian | german | ghanaian | greek | grenadian | guatemalan | guinean | guyanese | haitian | honduran | hungarian |
icelandic | icelander | indian | indonesian | iranian | iraqi | irish | irishman | israeli | italian | ivorian | jamaican |
japanese | jordanian | kazakh | kazakhstani | kenyan | korean | kosovar | kuwaiti | kyrgyz | lao | laotian | latvian |
lebanese | liberian | libyan | liechtensteiner | lithuanian | luxembourger | luxembourgish | macedonian | malagasy |
malawian | malaysian | maldivian | malian | maltese | mauritanian | mauritian | mexican | moldovan | monegasque | mongolian |
montenegrin | moroccan | mozambican | namibian | nepali | nepalese | new zealander | nicaraguan | nigerian | nigerien |
norwegian | omani | pakistani | palestinian | panamanian | paraguayan | peruvian | polish | portuguese | qatari | romanian |
russian | rwandan | salvadoran | samoan | saudi | scottish | scot | senegalese | serbian | sierra leonean | singaporean |
slovak | slovakian | slovenian | somali | south african | spanish | spaniard | sri lankan | sudanese | surinamese | swazi |
swedish | swede | swiss | syrian | taiwanese | tajik | tanzanian | thai | togolese | tongan | trinidadian | tunisian |
turkish | turk | turkmen | ugandan | ukrainian | uruguayan | uzbek | venezuelan | vietnamese | welsh | welshman | yemeni |
zambian | zimbabwean | greenlander | greenlandic | faroese | basque | catalan | corsican | flemish | walloon | kurdish |
kurd | chechen | tatar | tibetan | uyghur | uighur | hmong | roma | romani | sami | inuit | maori | aboriginal | bedouin |
berber | amazigh | pashtun | punjabi | bengali | tamil | sinhalese | gujarati | sindhi | baloch | hazara | cantonese |
hispanic | latino | latina | latinx | arab | arabic | persian | slavic | scandinavian | nordic | balkan | african | asian |
european | caucasian | anglo-saxon | afro-american | african-american | asian-american | mexican-american
`);

export const FAITHS: readonly string[] = list(`
muslim | moslem | islamic | christian | catholic | roman catholic | protestant | evangelical | orthodox | lutheran |
baptist | methodist | anglican | presbyterian | pentecostal | mormon | quaker | adventist | jehovah's witness | jewish |
jew | judaism | hindu | hinduism | buddhist | buddhism | sikh | sikhism | jain | taoist | shinto | zoroastrian | bahai |
baha'i | shia | shiite | shii | sunni | sufi | ismaili | druze | alawite | coptic | atheist | agnostic | rastafarian |
wiccan | pagan
`);

/** Matched only capitalised: "Democrat" is a party member, "democrat" often not. */
export const POLITICAL: readonly string[] = list(`
Democrat | Republican | Communist | Socialist | Social Democrat | Christian Democrat | Labour | Labourite | Tory | Tories |
Green Party | Libertarian | Marxist | Leninist | Maoist | Trotskyist | Fascist | Nazi | Neo-Nazi | Peronist | Gaullist |
Zionist | Islamist | Anarchist
`);

/**
 * Occupations as the head (last word) of a job title, in English, German, French, Spanish,
 * Italian, Dutch and Portuguese: "systems administrator", "Bankkaufmann", "infirmière". Matched
 * only in a title context (see detectJobTitle), never on their own.
 */
export const JOB_HEADS: readonly string[] = list(`
accountant | actor | actress | administrator | adviser | advisor | agent | analyst | architect | artist | assistant |
associate | attendant | auditor | author | baker | banker | barber | bartender | biologist | bookkeeper | builder | buyer |
carpenter | cashier | chef | chemist | cleaner | clerk | coach | consultant | controller | cook | coordinator | counselor |
counsellor | dentist | designer | developer | director | doctor | driver | economist | editor | educator | electrician |
engineer | executive | farmer | firefighter | gardener | guard | hairdresser | head | inspector | installer | instructor |
intern | investigator | janitor | journalist | judge | labourer | laborer | lawyer | lecturer | librarian | machinist |
manager | mechanic | midwife | miner | musician | nurse | officer | operator | packager | painter | paramedic | pharmacist |
photographer | physician | physicist | pilot | planner | plumber | police officer | porter | president | producer | professor |
programmer | psychologist | receptionist | recruiter | reporter | representative | researcher | salesman | saleswoman |
scientist | secretary | singer | soldier | specialist | statistician | steward | stewardess | student | supervisor | surgeon |
surveyor | tailor | teacher | technician | technologist | therapist | trainer | translator | tutor | veterinarian | waiter |
waitress | welder | worker | writer |
arzt | ärztin | ingenieur | ingenieurin | lehrer | lehrerin | kaufmann | kauffrau | verkäufer | verkäuferin | krankenpfleger |
krankenschwester | entwickler | entwicklerin | berater | beraterin | leiter | leiterin | mechaniker | techniker | sekretärin |
médecin | infirmier | infirmière | ingénieur | ingénieure | enseignant | enseignante | professeur | avocat | avocate |
comptable | vendeur | vendeuse | directeur | directrice | conseiller | conseillère | développeur | technicienne |
médico | médica | enfermero | enfermera | ingeniero | ingeniera | profesor | profesora | abogado | abogada | contable |
contador | contadora | vendedor | vendedora | director | directora | gerente | asesor | asesora | desarrollador | técnico |
medico | infermiere | infermiera | ingegnere | insegnante | avvocato | commercialista | direttore | direttrice | tecnico |
arts | verpleegkundige | leraar | lerares | advocaat | boekhouder | verkoper | directeur | ontwikkelaar | monteur |
enfermeiro | engenheiro | engenheira | professora | advogado | advogada | contabilista | vendedora | diretor | diretora
`);

/** Endings of occupation words outside the list ("echocardiographer", "cinematographer", "dietitian"). */
export const JOB_ENDINGS: readonly string[] = ['grapher', 'ologist', 'ician', 'itian', 'ist', 'wife', 'smith', 'wright'];
