// The cues a line carries: small vocabularies and shapes that scraped pages share across outlets
// and languages. Each is a yes/no (or a count) that features.ts turns into a named feature; none
// decides a line on its own.
import { TEXT_LIMITS } from "../../model/story";
import { DESK_WORDS, JOB_TITLE } from "./credits";

// --- Related-story labels ------------------------------------------------------------------------

// Words labels are made of, in the languages of the corpus; a label may also be any shouted (ALL
// CAPS) run of up to five words, or a short run in a script without capitals.
const LABEL_WORDS = new Set(
  [
    "read also more see related stories story articles article miss don't dont don’t recommended next like trending latest further reading topic coverage click here",
    "lire aussi à plus mehr zum thema lesen sie auch",
    "leer lee también más noticias relacionadas relacionados relacionada interesar leia veja também mais leggi anche sigue seguí leyendo",
    // Dutch, Swedish, Polish, Catalan, and boxes' titles ("Most read", "Ti potrebbe interessare").
    "lees ook läs också czytaj także zobacz również llegiu notícies relacionades recommended featured recomendamos artigos relacionados lidas leído leídas interessare interessarti potrebbe aimerez également",
    // Indonesian and Turkish: "Baca juga", "Berita terkait", "İlgili haberler".
    "baca juga lihat berita terkait ilgili haberler",
  ]
    .join(" ")
    .split(" "),
);
const ARROW = /^(?:»|→|>>|▶|►|➤|->)\s*(?<rest>\S.*)$/u;
const LABEL_THEN_SEPARATOR = /^(?<label>[^:：»→|]{1,40}?)\s*(?:[:：»→|])\s*(?<rest>\S.*)$/u;
const LABEL_WITHOUT_COLON =
  /^(?<label>(?:see|read)\s+(?:also|more)|also\s+(?:read|see)|related(?:\s+stor(?:y|ies))?|more\s+on\s+this|don['’]?t\s+miss|now\s+watch)\s+(?<rest>\S.*)$/iu;
const CASELESS =
  /^[^\p{Lu}\p{Ll}]*[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Arabic}\p{Script=Hebrew}]/u;

// A label on a line of its own, above the headlines it introduces ("Related stories", "More from
// the Post", "Noticias relacionadas"): every word a label word, or "More from" and a name.
const LABEL_ALONE =
  /^(?:more\s+(?:on|like)\s+this(?:\s+story)?|sur\s+le\s+même\s+sujet|mehr\s+aus\s+\S.{0,30}|(?:sigue|seguí)\s+leyendo|te\s+puede\s+interesar|à\s+lire\s+aussi|more\s+from|más\s+de|plus\s+de|mehr\s+von|mais\s+d[aeo]|meer\s+uit|most\s+read\s+in)\s+\S.{0,40}$|^(?:you\s+may\s+also\s+like|you\s+might\s+also\s+like|more\s+like\s+this|most\s+read|das\s+könnte\s+sie\s+auch\s+interessieren|vous\s+aimerez\s+aussi|à\s+lire\s+également|ti\s+potrebbe\s+interessare|potrebbe\s+interessarti\s+anche|lo\s+más\s+leído|más\s+información|te\s+recomendamos|mais\s+lidas|artigos\s+relacionados|ook\s+interessant|läs\s+mer|zobacz\s+również|notícies\s+relacionades|also\s+read|featured)$/iu;

/** A related-story label with no headline after it. */
export function isLabelAlone(line: string): boolean {
  const text = line.replace(/[\s:：»→|]+$/u, "");
  if (!text || text.length > 50 || /[.!?]/u.test(text)) return false;
  const words = text.toLowerCase().split(/\s+/);
  return LABEL_ALONE.test(text) || (words.length <= 4 && words.every((word) => LABEL_WORDS.has(word)));
}

export interface RelatedLabel {
  label: string;
  rest: string;
}

const isShoutedLabel = (label: string): boolean => /\p{Lu}/u.test(label) && !/\p{Ll}/u.test(label);
const hasLabelWord = (label: string): boolean =>
  label
    .toLowerCase()
    .split(/\s+/)
    .some((word) => LABEL_WORDS.has(word));

/** A label before another story's headline ("READ MORE:", "See also", "»"), with what follows it. */
export function relatedLabel(line: string): RelatedLabel | undefined {
  const arrow = ARROW.exec(line)?.groups?.rest;
  if (arrow) return { label: line.slice(0, line.length - arrow.length).trim(), rest: arrow };
  const { label = "", rest = "" } = LABEL_THEN_SEPARATOR.exec(line)?.groups ?? {};
  if (!label || !rest) {
    // Without a colon the headline after the label must start with a capital: "See also Lantern makers…".
    const bare = LABEL_WITHOUT_COLON.exec(line)?.groups;
    return bare?.label && bare.rest && /^[\p{Lu}\p{N}]/u.test(bare.rest)
      ? { label: bare.label, rest: bare.rest }
      : undefined;
  }
  const words = label.trim().split(/\s+/).length;
  if (words > 5) return undefined;
  const labelLike =
    hasLabelWord(label) || (isShoutedLabel(label) && words <= 5) || (CASELESS.test(label) && label.length <= 12);
  if (!labelLike) return undefined;
  return { label: line.slice(0, line.length - rest.length).trim(), rest };
}

// --- Video lead-ins ------------------------------------------------------------------------------

/** Any of the words, not inside a longer word (\b does not know letters outside ASCII). */
const anyWord = (words: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])(?:${words})(?![\\p{L}\\p{N}])`, "iu");

// English, then Spanish, French, German, Portuguese and Italian.
export const VIEW_VERB = anyWord(
  [
    "watch(?:ing)?|check\\s+out|see|view|take\\s+a\\s+look|have\\s+a\\s+look|look",
    "mira|mire|ver|regardez|regarder|voir|découvrez|sehen|schauen|ansehen|assista|assistir|veja|confira|guarda|guardate",
  ].join("|"),
);
export const PLAY_VERB = anyWord(
  "(?:press|hit|click|tap)\\s+play|dale\\s+(?:al\\s+)?play|clique\\s+no\\s+play|appuyez\\s+sur\\s+play",
);
export const VIDEO_NOUN = anyWord(
  "video|videos|clip|footage|film|trailer|livestream|vid|vídeo|vídeos|vidéo|vidéos|images|filmagem|filmato",
);
export const DIRECTION = anyWord(
  "below|above|here|underneath|a\\s+continuación|siguiente|suivante|folgenden|seguinte|seguente|más\\s+abajo|abajo|aquí|ci-dessous|ici|unten|hier|abaixo|aqui|qui\\s+sotto",
);

// --- Page furniture and embeds -------------------------------------------------------------------

// "3 hours ago", "Updated 3 hours ago", "hace 2 horas", "il y a 3 heures", "vor 3 Stunden", "há 2 horas".
const RELATIVE_TIME = String.raw`(?:(?:last\s+)?updated:?\s+|actualizado\s+|mis\s+à\s+jour\s+|aktualisiert\s+|atualizado\s+|aggiornato\s+)?(?:\d+\s+(?:minutes?|mins?|hours?|hrs?|days?)\s+ago|(?:hace|há|il\s+y\s+a|vor)\s+\d+\s+\p{L}+|\d+\s+(?:ore|minuti|giorni)\s+fa)`;
// Page furniture: ad labels, share and follow buttons, sign-ups, copyright and tag lines, a reporter's
// job title, relative times, in the six Latin-script languages of the corpus (ad labels in more).
const SHARE_BUTTON = String.raw`(?:facebook|x|twitter|whatsapp|e-?mail|email|linkedin|pinterest|telegram|reddit|messenger|copy\s+link|print|save|comments?|partager(?:\s+sur\s+\p{L}+)?|envoyer\s+par\s+e-?mail|enviar\s+(?:por|per)\s+(?:\p{L}+|e-?mail)|compartir(?:\s+(?:en|a)\s+\p{L}+)?|teilen|drucken|merken|condividi|compartilhar|partilhar(?:\s+no\s+\p{L}+)?|réagir|imprimer|udostępnij|skomentuj|delen|dela|guardar|imprimir)`;
/** The platforms a share row names, in every language: "Facebook", "X", "WhatsApp", "Telegram"… */
const SOCIAL_NAME =
  "(?:facebook|x|twitter|whatsapp|telegram|linkedin|pinterest|reddit|messenger|viber|threads|bluesky|vk|vkontakte|odnoklassniki|line|wechat|weibo|email|e-mail)";
const FURNITURE_FORMS = [
  "advertisement|advert|anzeige|werbung|publicidad|publicité|publicidade|pubblicità|advertentie|annons|reklama|publicitat|sponsored(?: content)?",
  // …and in Russian, Greek, Romanian, Vietnamese, Swahili, Korean, Chinese, Japanese, Hebrew and Arabic.
  "реклама|διαφήμιση|publicitate|quảng cáo|tangazo|광고|广告|廣告|広告|פרסומת|إعلان",
  // …and a catalogue of the word in many more languages, alone on its line as an ad slot leaves it:
  // South Slavic, Baltic, Finno-Ugric, Celtic, Nordic, Caucasian, Turkic, Indic, Ethiopic, West
  // African, Southeast Asian and others (written once for them all, not for one set's pages).
  [
    "oglas|оглас|огласи|reklamë|reklam|reklaam|reklāma|hirdetés|mainos|auglýsing|hysbyseb|fógra|advertensie",
    "isikhangiso|talla|ìpolówó|ipolowo|tallace|matangazo|ማስታወቂያ|գովազդ|რეკლამა|жарнама|сурталчилгаа",
    "reklamı|reklamlar|विज्ञापन|जाहिरात|বিজ্ঞাপন|விளம்பரம்|ప్రకటన|ಜಾಹೀರಾತು|പരസ്യം|જાહેરાત|ਇਸ਼ਤਿਹਾਰ",
    "اشتہار|تبلیغات|آگهی|โฆษณา|ការផ្សាយពាណិជ្ជកម្ម|ໂຄສະນາ|ကြော်ငြာ|iklan|patalastas|anunsyo|рэклама",
  ].join("|"),
  // A gallery's counter under each picture: "1 / 8", "3/6", "Bild 1 von 6", "Foto 2 de 10", "Photo 4 of 12".
  String.raw`(?:(?:photo|picture|image|bild|foto|fotó|billede|bilde|kuva|zdjęcie|imagen|immagine|фото)\s+)?\d{1,3}\s*(?:\/|of|von|de|sur|di|van|af|av|z|od|из)\s*\d{1,3}`,
  // Reading times and a live blog's jump box: "3 min read", "Lesezeit: 3 Min", "Leestijd 2 minuten", "Key events".
  String.raw`\d+\s+min(?:ute)?s?\s+read|(?:lesezeit|leestijd|läsningstid|czas\s+czytania|temps\s+de\s+lecture|tiempo\s+de\s+lectura)\s*:?\s*\d+\s*\p{L}{1,8}\.?|\d+\s+minut[io]s?\s+(?:di\s+lettura|de\s+leitura|de\s+lectura)|key\s+events|show\s+key\s+events\s+only`,
  String.raw`story continues below(?: advertisement)?|scroll (?:down|to continue)\b.*|article continues below\b.*|article content`,
  String.raw`share|share this (?:article|story|page)\b.*|copy link|share on (?:facebook|twitter|x)|click to share\b.*`,
  String.raw`${SHARE_BUTTON}(?:\s*[|·•/]?\s*${SHARE_BUTTON}){1,8}|save|compartir|partager|teilen|condividi|compartilhar|partilhar`,
  // A share row under a label in any language ("Delen:", "Partager :", "Дели:"): the platforms' names
  // are the same in every language, so two or more of them after a label of a word.
  String.raw`[\p{L}\p{M}]+\s?:\s*${SOCIAL_NAME}(?:\s*[|·•/,]?\s*${SOCIAL_NAME}){1,8}`,
  String.raw`(?:sign up|subscribe)\b.*\bnewsletters?\b.*|follow (?:us|\S+) on\b.*|(?:get|download) (?:our|the) app\b.*|join the conversation`,
  String.raw`siga\b.{0,60}\b(?:instagram|whatsapp|facebook|tiktok|x|google)\b.*|.{0,40}\bcanal\b.{0,60}\bwhatsapp\b.*|síguenos\b.*|suivez-nous\b.*|folgen sie uns\b.*|seguici\b.*`,
  String.raw`comments?|print this (?:article|page)|(?:related\s+topics|topics|temas|tags|themen|thèmes|sujets|argomenti)\s*:?\s+.{1,120}`,
  String.raw`(?:©|\(c\)|copyright\b).{0,300}|all rights reserved\.?|our standards:.{0,80}`,
  JOB_TITLE.source.slice(1, -1),
  // Breadcrumbs and the site's sections: "Home › Showbiz › Celebrity News", "Inicio / Metrópoli".
  String.raw`(?:home|inicio|início|accueil|startseite|home\s*page)\s*[›>»|/].{0,120}|[^.!?›>»]{1,40}(?:\s[›>»]\s[^.!?›>»]{1,40}){2,}`,
  // Two or more section names with a spaced separator: "Science › Oceans", "Travel / Outdoors / Walking".
  String.raw`[\p{L}'’-]+(?:\s[\p{L}'’-]+){0,3}(?:\s[›>»/]\s[\p{L}'’-]+(?:\s[\p{L}'’-]+){0,3}){1,4}`,
  RELATIVE_TIME,
  // A tip line: "Got a story? Email …", "Vous avez une info ? Contactez-nous …".
  String.raw`(?:got|have|do\s+you\s+have)\s+a\s+(?:story|news\s+tip|tip)\s?\?.{0,120}|vous\s+avez\s+une\s+info\s?\?.{0,120}|¿(?:tienes|tiene)\s+(?:una\s+)?(?:historia|información|noticia)\?.{0,120}|haben\s+sie\s+(?:eine\s+)?(?:geschichte|hinweise?)\?.{0,120}`,
  // A single button or badge: "Bookmark", "Guardar", "Email", "Abonnés", "Premium".
  String.raw`bookmark|guardar|e-?mail|abonnés|abonné|premium|subscriber\s+only|exclusivo\s+para\s+suscriptores`,
  // Tag lines and topic boxes in more languages: "Etiketler: …", "Read more about: …", "Explore more on these topics …".
  String.raw`(?:etiketler|tagi|trefwoorden|taggar|label|read\s+more\s+about|more\s+about)\s*:\s*.{1,120}|explore\s+more\s+on\s+these\s+topics\b.{0,120}`,
  // Buttons for republishing and a script's absence: "Acquire Licensing Rights", "Reuse this content".
  String.raw`(?:acquire\s+)?licensing\s+rights|reuse\s+this\s+content|please\s+(?:turn\s+on|enable)\s+javascript\b.*`,
  // The clock time alone above a live blog's entry: "12.05 GMT", "22h14", "16.40".
  String.raw`\d{1,2}(?:[.h]\d{2}|:\d{2}\s*(?:gmt|bst|utc|cet|cest|uhr|h))(?:\s*(?:gmt|bst|utc|cet|cest|uhr|h))?`,
  // …and in American pages' form: "12:41 a.m.", "9:05 pm ET".
  String.raw`\d{1,2}[:.]\d{2}\s*(?:a\.\s?m\.?|p\.\s?m\.?|am|pm)(?:\s*(?:et|ct|pt|est|edt))?`,
];
export const FURNITURE = new RegExp(`^(?:${FURNITURE_FORMS.join("|")})$`, "iu");

// Lines an ad slot or an audio player leaves, in any of the corpus's languages, by their words rather
// than as whole phrases: "The article continues after this advertisement", "Publicidad - Sigue leyendo
// debajo", "Haberin devamı reklamdan sonra", "SKIP ADVERTISEMENT", "Continue reading below".
const NOT_LETTER_BEFORE = String.raw`(?<!\p{L})`;
const NOT_LETTER_AFTER = String.raw`(?!\p{L})`;
const words = (list: string) => new RegExp(`${NOT_LETTER_BEFORE}(?:${list})${NOT_LETTER_AFTER}`, "iu");
/** An ad: the word for it in English, Spanish, French, Portuguese, Italian, German, Dutch, Swedish, Norwegian, Polish, Turkish, Indonesian, Catalan, Russian, Greek, Romanian, Vietnamese, Swahili. */
const AD_WORD = words(
  String.raw`advert\p{L}*|publicidad|anuncios?|publicité|publicidade|pubblicità|werbung|anzeige|advertentie|annons|annonse|reklam\p{L}*|iklan|publicitat|sponsored|реклам\p{L}*|διαφήμιση|publicitate|quảng\s+cáo|tangazo`,
);
/** The text going on: "continues", "sigue leyendo", "la suite", "fortgesetzt", "devamı", "dalsza część", "scroll", "skip". */
const GOES_ON = words(
  String.raw`contin[uú]\p{L}*|sigue|seguir|suite|fortgesetzt|weiterlesen|devamı|dalsza|scroll|skip|lees\s+verder|läs\s+vidare|les\s+videre|baca\s+selengkapnya`,
);
/** Where: "below", "after", "debajo", "ci-dessous", "unterhalb", "após", "dopo", "sonra", "pod". */
const BELOW = words(
  String.raw`below|after|debajo|después|abajo|ci-dessous|après|unterhalb|nach|após|abaixo|dopo|sotto|sonra|pod|onder|nedan|nedenfor|bawah`,
);
/** An audio player's button: "Listen to this story · 4 min", "Artikel anhören", "Écouter l'article", "Listen · 4 min" (a word alone may be a kicker). */
const LISTEN =
  /^(?:(?:listen\s+to\s+this\s+(?:story|article)|escuchar\s+(?:la\s+)?(?:noticia|artículo)|écouter\s+l['’]article|artikel\s+anhören|ouvir\s+(?:a\s+)?(?:notícia|matéria)|ascolta\s+l['’]articolo|artikel\s+voorlezen)(?:\s*[·|•-]\s*\d+\s*(?:min\p{L}*|:\d{2}))?|(?:listen|escuchar|écouter|anhören|ouvir|ascolta|lyssna)\s*[·|•-]\s*\d+\s*(?:min\p{L}*|:\d{2}))$/iu;

/** A line an ad slot or an audio player leaves: short, one sentence at most, an ad word with the text going on, or the text going on below. */
export function isAdOrPlayerLine(text: string): boolean {
  const bare = text.replace(/^[([]+|[)\].!:]+$/gu, "").trim();
  const count = wordCount(bare);
  if (count === 0 || count > 10 || /[.!?]\s+\S/u.test(bare)) return false;
  if (LISTEN.test(bare)) return true;
  if (AD_WORD.test(bare)) return GOES_ON.test(bare) || count <= 2;
  return GOES_ON.test(bare) && BELOW.test(bare) && count <= 5;
}

/**
 * A wire's sign-off: the desk's and editors' initials after the story, slashes between them ("APS
 * dt/kc", "mg-hb/ap", "JFR // SB", "ABC // JMR Lusonotícias/Fim"): a short line, no sentence, with
 * initials on both sides of a slash.
 */
export function isWireSignOff(text: string): boolean {
  // In brackets too, as Indonesian outlets print it: "(dpr/wls)".
  text = text.replace(/^\((.+)\)$/u, "$1");
  if (text.length > 48 || !/^[\p{L}\s/-]+$/u.test(text) || text.split(/\s+/u).length > 6) return false;
  return (
    /(?<!\p{L})\p{L}{1,4}(?:-\p{L}{1,4})?\s?\/{1,2}\s?\p{L}{1,4}(?!\p{L})/u.test(text) &&
    !/\s\/\s\p{Lu}\p{Ll}{3,}/u.test(text)
  );
}
/**
 * A desk or an agency credited in place of a person, or an editor credited beside the reporter:
 * "Redaktion Heidebote Online", "Por Redação JPL", "Coast Today newsroom", "Kıyı Haber Ajansı",
 * "Local Democracy Reporting Service", "Editor: Wulan Sari", "Par AFN" (an agency's initials). Short,
 * no sentence; the words before a closing desk word are a name's (capitalised).
 */
const DESK_FIRST = new RegExp(
  String.raw`^(?:(?:by|por|par|von|di|door|per|av)\s+)?(?:${DESK_WORDS})(?<rest>(?:\s+[\p{L}\p{N}.'’&-]+){0,4})$`,
  "iu",
);
/** A name's words after a desk's word: "Heidebote Online", "JPL", "Spettacoli" (not "shortages"). */
const NAME_WORDS = /^(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}.'’&-]*)*$/u;
const DESK_LAST = new RegExp(String.raw`^(?:\p{Lu}[\p{L}\p{N}.'’&-]*\s+){1,4}(?:${DESK_WORDS})$`, "u");
const DESK_LAST_ANY_CASE = new RegExp(String.raw`(?:${DESK_WORDS})$`, "iu");
const AGENCY_INITIALS = /^(?:[Bb]y|[Pp]or|[Pp]ar|[Vv]on|[Dd]i)\s+\p{Lu}{2,6}$/u;
const EDITOR_CREDIT =
  /^(?:editor|editora|redaktur|penyunting)\s*:\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}$/iu;
export function isDeskCredit(text: string): boolean {
  if (text.length > 60 || CLOSING_PUNCTUATION.test(text)) return false;
  if (AGENCY_INITIALS.test(text) || EDITOR_CREDIT.test(text)) return true;
  const first = DESK_FIRST.exec(text);
  if (first) return NAME_WORDS.test(first.groups?.rest ?? "");
  // "Coast Today newsroom", "KIYI HABER AJANSI": the desk word's own case aside, the words before are capitalised.
  const last = DESK_LAST_ANY_CASE.exec(text);
  return last !== null && last.index > 0 && DESK_LAST.test(`${text.slice(0, last.index)}${last[0].toLowerCase()}`);
}

/** An embed's leftovers: Instagram's "View this post" line, a YouTube player's buttons, a TikTok's handle. */
/**
 * Instagram's "View this post on Instagram" as the platform words it in the corpus's languages (it
 * localises its embed to the reader's): Spanish, French, German, Portuguese, Italian, Dutch, Swedish,
 * Polish, Indonesian, Turkish.
 */
const VIEW_POST = String.raw`view this (?:post|photo|video) on (?:instagram|facebook|tiktok|x|twitter)|ver esta publicación en instagram|voir cette publication sur instagram|diesen beitrag auf instagram ansehen|ver essa (?:foto|publicação) no instagram|visualizza questo post su instagram|dit bericht op instagram bekijken|visa det här inlägget på instagram|wyświetl ten post na instagramie|lihat postingan ini di instagram|bu gönderiyi instagram'da gör`;
export const EMBED_MARKER = new RegExp(
  String.raw`^(?:${VIEW_POST}|view (?:on|more on) (?:instagram|twitter|x|tiktok)|watch on youtube|regarder sur youtube|ver en youtube|auf youtube ansehen|youtube video player|watch later|à regarder plus tard|more videos|@[\w.]{2,30})$`,
  "iu",
);
/**
 * What a video player leaves in scraped text: its buttons, state and duration ("Play Video", "Video
 * Loading", "Duration 1:47", "▶ Video", "Video abspielen", "Your browser does not support the video tag.").
 */
export const PLAYER_LEFTOVER = new RegExp(
  `^(?:${[
    String.raw`[▶►]\s*(?:video|vídeo|vidéo)?`,
    String.raw`(?:video|vídeo|vidéo)(?:\s+player)?(?:\s+is)?\s+(?:loading|unavailable|duration\b.*)\.?`,
    "(?:video|vídeo|vidéo)",
    String.raw`(?:play|watch)\s+(?:video|now)|now\s+playing|(?:click|tap)\s+to\s+play|video\s+abspielen|reproducir\s+(?:video|vídeo)|lire\s+la\s+vidéo|riproduci(?:\s+video)?`,
    // Other languages' buttons and states: "Ver vídeo", "Guarda il video", "Afspelen", "Cargando reproductor...".
    String.raw`(?:ver|assistir|guarda(?:\s+il)?|bekijk|regarder\s+la|mira\s+el)\s+(?:o\s+)?(?:video|vídeo|vidéo)|afspelen|wiedergabe(?:\s*[▶►])?(?:\s*\|\s*\d{1,2}:\d{2})?|(?:cargando|carregando|caricamento|chargement\s+de\s+la)\s+(?:reproductor|v[ií]d[eé]o)\.*|video\s+wird\s+geladen\.*|loading\s+video\.*|o\s+seu\s+browser\s+não\s+suporta\b.*`,
    String.raw`\d{1,2}:\d{2}\s*\/\s*\d{1,2}:\d{2}`,
    String.raw`your\s+browser\s+does\s+not\s+support\s+the\s+video\s+tag\.?|the\s+video\s+will\s+auto-?play\b.*`,
    String.raw`duration:?\s+\d.*|\d{1,2}:\d{2}(?:\s*min)?`,
  ].join("|")})$`,
  "iu",
);

/** Leftovers that open an embed whose text follows, up to its signature: "View this post on Instagram", a TikTok's @handle. */
export const OPENS_EMBED = new RegExp(String.raw`^(?:${VIEW_POST}|view |@)`, "iu");
/** The signature under an Instagram post, a TikTok's sound, a Facebook post's "Posted by … on …". */
export const POST_SHARED_BY =
  /^(?:a (?:post|photo|video) shared by\b|una publicación compartida (?:por|de)\b|une publication partagée par\b|ein beitrag geteilt von\b|uma publicação compartilhada (?:por|de)\b|un post condiviso da\b|een bericht gedeeld door\b|ett inlägg delat av\b|post udostępniony przez\b|sebuah kiriman dibagikan oleh\b|.{1,60}\(@[\w.]{1,30}\) tarafından paylaşılan bir gönderi|♬\s|posted by\s+\p{Lu}.{0,60}\s+on\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,)/iu;
/** A tweet's signature: "— Name (@handle) Date", alone or at the end of the tweet's text. */
export const TWEET_SIGNATURE = /(?:^|\s)[—–-]\s*(?<who>[^—–()\n]{1,60}?\s*\(@\w{1,30}\))\s*(?<when>[^()]{0,40})$/u;
export const DASH_ATTRIBUTION = /^[—–-]\s*(?<who>\p{Lu}[^.!?]{1,120})$/u;

// --- Pictures ------------------------------------------------------------------------------------

const IMAGE_ADDRESS = /(?:^|\s)(?<src>(?:\/(?!\/)|https:\/\/)\S+?\.(?:jpe?g|png|webp|gif|avif))(?=\s|\]|$)/iu;
const IMAGE_MARKER = /^\[?\s*(?:image|photo|picture|photograph|img|pic)s?\s*(?::\s*(?<src>\S+?))?\s*\]?$/iu;

/** A line that stands for a picture: "[Image: /media/x.jpg]", "Image: https://…/x.png", a bare address. */
export function imageMarker(line: string): { src?: string } | undefined {
  const marker = IMAGE_MARKER.exec(line);
  if (marker) {
    const src = marker.groups?.src;
    return src && IMAGE_ADDRESS.test(` ${src}`) ? { src } : src ? undefined : {};
  }
  const bare = IMAGE_ADDRESS.exec(line);
  return bare && bare[0].trim() === line ? { src: bare.groups?.src } : undefined;
}

export const PHOTO_CREDIT = /(?:^|\()(?:photo(?:graph)?s?|pictures?|images?|credit|photo credit)\s*(?::|by)\s*\S/iu;

/** Lines that name who made or owns the story or a picture, not another story. */
export const CREDIT_LINE =
  /^(?:©|copyright\b|all\s+rights\s+reserved\b|by\s|(?:additional\s+)?reporting\s+by\b|(?:edited|editing|written|produced)\s+by\b|(?:photo(?:graph)?s?|images?|pictures?|credits?|source|video)\s*:)/iu;

// --- Shapes --------------------------------------------------------------------------------------

export const OPENS_QUOTE = /^(?:["“«„「『]|['‘](?!\p{N}))/u;
// A line ending in “ closes a German quotation („…“); at the end of a line it closes, whatever it opens elsewhere.
export const CLOSING_PUNCTUATION = /(?:[.!?…。！？;,:"'”’»“」』)।॥؟]|\p{Sentence_Terminal})$/u;
/** A question mark (Arabic's "؟" too), or in Greek the ";" that stands for one. */
export const QUESTION = /[?？؟]["'”’»」』]?$|\p{Script=Greek}.*;["'”’»」』]?$/u;
/**
 * A sentence's end: a full stop, Devanagari's danda "।" among them, or any script's that Unicode
 * marks a sentence's end (Sentence_Terminal: Armenian "։", Ethiopic "።", Urdu "۔", Myanmar "။"…),
 * but a question mark (QUESTION).
 */
export const FULL_STOP = /(?:[.!…。！।॥]|(?![?？؟፧⸮])\p{Sentence_Terminal})["'”’»」』)]?$/u;

const wordSegmenter = new Intl.Segmenter("und", { granularity: "word" });
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
/** Words as the script counts them: Japanese has no spaces between its words, so Intl.Segmenter finds them. */
export const wordCount = (text: string): number =>
  UNSPACED_SCRIPT.test(text)
    ? [...wordSegmenter.segment(text)].filter((segment) => segment.isWordLike).length
    : text.split(" ").filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

const SCRIPTS = [
  /\p{Script=Latin}/u,
  /\p{Script=Greek}/u,
  /\p{Script=Cyrillic}/u,
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
  /\p{Script=Arabic}/u,
  /\p{Script=Hebrew}/u,
];
export const scriptCount = (text: string): number => SCRIPTS.filter((script) => script.test(text)).length;

/** At least 60% of the words of four letters or more start with a capital: "9 Songs That Made Her A Star". */
export function isTitleCase(text: string): boolean {
  const long = text.split(/\s+/).filter((word) => /^\p{L}{4,}/u.test(word));
  return long.length >= 2 && long.filter((word) => /^\p{Lu}/u.test(word)).length / long.length >= 0.6;
}

export const fitsRelated = (text: string): boolean => text.length <= TEXT_LIMITS.related;

/** The marks a list item opens with, numbers and dashes aside: "•", "●", "▪", "►", "*"… */
export const BULLET_MARKS = "•·▪◦●○■□‣⁃▸►➤*";
/** A list item's bullet and its space, a hyphen among them (not "–", which also opens a line of dialogue). */
export const BULLET = new RegExp(`^[${BULLET_MARKS}-]\\s+(?=\\S)`, "u");
/** A line opening with a bullet, an en dash too (as many languages' lists open): the bullet as its group. */
export const BULLET_OPENING = new RegExp(`^([${BULLET_MARKS}–-])\\s+\\S`, "u");
