//! What a question is made of, for matching: normalized text (chat slang,
//! repeated letters, punctuation), the terms a word stands for (its root,
//! Indonesian and Javanese affixes removed, Javanese function words read
//! as their Indonesian equivalents) and character trigrams (typos).
//!
//! Indonesian roots come from the Sastrawi stemmer (Nazief-Adriani with
//! its dictionary of about 26,000 roots); the Javanese affixes it does not
//! know (`-e`, `-ne`, `-ipun`, `-aken`, `-ake`, `dipun-`, nasal `m-`/`n-`)
//! are removed here, and kept only when what remains is a known root.

use std::borrow::Cow;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer as Snowball};
use sastrawi::javanese::{JavaneseDictionary, JavaneseStemmer};
use sastrawi::{Dictionary, Stemmer};

/// Chat abbreviations, spelling variants and Javanese words, each read as
/// one Indonesian form. Both sides of the matcher (examples and questions)
/// go through it, so a Javanese question meets Indonesian examples.
const LEXICON: &[(&str, &str)] = &[
    // Indonesian chat forms.
    ("gmn", "bagaimana"),
    ("gmna", "bagaimana"),
    ("bgmn", "bagaimana"),
    ("bgmna", "bagaimana"),
    ("gimana", "bagaimana"),
    ("gimn", "bagaimana"),
    ("gmana", "bagaimana"),
    ("brp", "berapa"),
    ("brpa", "berapa"),
    ("brapa", "berapa"),
    ("yg", "yang"),
    ("dgn", "dengan"),
    ("dg", "dengan"),
    ("tdk", "tidak"),
    ("gak", "tidak"),
    ("ga", "tidak"),
    ("gk", "tidak"),
    ("nggak", "tidak"),
    ("ngga", "tidak"),
    ("enggak", "tidak"),
    ("engga", "tidak"),
    ("ndak", "tidak"),
    ("utk", "untuk"),
    ("tuk", "untuk"),
    ("sy", "saya"),
    ("aku", "saya"),
    ("sya", "saya"),
    ("bs", "bisa"),
    ("bsa", "bisa"),
    ("dr", "dari"),
    ("krn", "karena"),
    ("karna", "karena"),
    ("sm", "sama"),
    ("jg", "juga"),
    ("kalo", "kalau"),
    ("klo", "kalau"),
    ("kl", "kalau"),
    ("udh", "sudah"),
    ("udah", "sudah"),
    ("sdh", "sudah"),
    ("dah", "sudah"),
    ("blm", "belum"),
    ("org", "orang"),
    ("tp", "tapi"),
    ("trs", "terus"),
    ("dmn", "mana"),
    ("dimana", "mana"),
    ("pny", "punya"),
    ("sbg", "sebagai"),
    ("lg", "lagi"),
    ("info", "informasi"),
    ("pd", "pada"),
    ("apakah", "apa"),
    ("ap", "apa"),
    ("knp", "kenapa"),
    ("mksd", "maksud"),
    ("mksdnya", "maksud"),
    ("ttg", "tentang"),
    ("hrs", "harus"),
    ("bln", "bulan"),
    ("thn", "tahun"),
    ("duit", "uang"),
    ("doku", "uang"),
    ("ponpes", "pesantren"),
    ("pontren", "pesantren"),
    ("pondok", "pesantren"),
    ("ijin", "izin"),
    ("sertipikat", "sertifikat"),
    ("serifikat", "sertifikat"),
    ("hp", "telepon"),
    ("telp", "telepon"),
    ("tlp", "telepon"),
    ("nomer", "nomor"),
    ("no", "nomor"),
    ("wa", "whatsapp"),
    // Javanese (ngoko, krama, Suroboyoan) → Indonesian.
    ("piye", "bagaimana"),
    ("pripun", "bagaimana"),
    ("kepiye", "bagaimana"),
    ("yokopo", "bagaimana"),
    ("yopo", "bagaimana"),
    ("kados", "bagaimana"),
    ("piro", "berapa"),
    ("pira", "berapa"),
    ("pinten", "berapa"),
    ("opo", "apa"),
    ("napa", "apa"),
    ("nopo", "apa"),
    ("menapa", "apa"),
    ("menopo", "apa"),
    ("iso", "bisa"),
    ("isa", "bisa"),
    ("isok", "bisa"),
    ("saged", "bisa"),
    ("ora", "tidak"),
    ("mboten", "tidak"),
    ("boten", "tidak"),
    ("wis", "sudah"),
    ("uwis", "sudah"),
    ("sampun", "sudah"),
    ("durung", "belum"),
    ("dereng", "belum"),
    ("kulo", "saya"),
    ("kula", "saya"),
    ("sampeyan", "anda"),
    ("panjenengan", "anda"),
    ("njenengan", "anda"),
    ("jenengan", "anda"),
    ("kowe", "anda"),
    ("koen", "anda"),
    ("melu", "ikut"),
    ("tumut", "ikut"),
    ("nderek", "ikut"),
    ("ndherek", "ikut"),
    ("duwit", "uang"),
    ("arto", "uang"),
    ("yatra", "uang"),
    ("mbayar", "bayar"),
    ("ngendi", "mana"),
    ("endi", "mana"),
    ("pundi", "mana"),
    ("sopo", "siapa"),
    ("sinten", "siapa"),
    ("kudu", "harus"),
    ("kedah", "harus"),
    ("ana", "ada"),
    ("onok", "ada"),
    ("enek", "ada"),
    ("wonten", "ada"),
    ("enten", "ada"),
    ("takon", "tanya"),
    ("pirsa", "tanya"),
    ("bikin", "buat"),
    ("bikinnya", "buat"),
    ("gawe", "buat"),
    ("damel", "buat"),
    ("dodol", "jual"),
    ("sade", "jual"),
    ("tuku", "beli"),
    ("tumbas", "beli"),
    ("oleh", "boleh"),
    ("angsal", "boleh"),
    ("entuk", "boleh"),
    ("wong", "orang"),
    ("tiyang", "orang"),
    ("rego", "harga"),
    ("regane", "harga"),
    ("regi", "harga"),
    ("ngerti", "tahu"),
    ("mangertos", "tahu"),
    ("nalika", "kapan"),
    ("karo", "dengan"),
    ("kaliyan", "dengan"),
    ("kalih", "dengan"),
    ("nang", "di"),
    ("ning", "di"),
    ("teng", "di"),
    ("produke", "produk"),
    ("syarate", "syarat"),
    ("carane", "cara"),
    ("biayane", "biaya"),
    ("sertifikate", "sertifikat"),
    ("ngurus", "urus"),
    ("ngirim", "kirim"),
    ("ngajokaken", "aju"),
    ("ngajukan", "aju"),
    ("ngajuin", "aju"),
    ("daftarin", "daftar"),
    ("daftarke", "daftar"),
    ("ndaftar", "daftar"),
    ("ndaftarke", "daftar"),
    ("dadi", "jadi"),
    ("dados", "jadi"),
    ("apik", "bagus"),
    ("sae", "bagus"),
    ("cah", "anak"),
    ("bocah", "anak"),
    ("lare", "anak"),
    ("pengen", "ingin"),
    ("pingin", "ingin"),
    ("kepingin", "ingin"),
    ("kepengen", "ingin"),
    ("badhe", "ingin"),
    ("ajeng", "ingin"),
    ("arep", "ingin"),
    ("mau", "ingin"),
    ("sapa", "siapa"),
    ("sinten", "siapa"),
    ("jd", "jadi"),
    ("th", "tahun"),
    ("nduwe", "punya"),
    ("duwe", "punya"),
    ("gadhah", "punya"),
    ("kagungan", "punya"),
    ("dinggo", "untuk"),
    ("kanggo", "untuk"),
    ("kangge", "untuk"),
    ("kagem", "untuk"),
    ("isih", "masih"),
    ("msh", "masih"),
    ("taksih", "masih"),
    ("mhn", "mohon"),
    ("lwt", "lewat"),
    ("liwat", "lewat"),
    ("lumantar", "lewat"),
    ("td", "tadi"),
    ("mung", "hanya"),
    ("namung", "hanya"),
    ("cuma", "hanya"),
    ("cuman", "hanya"),
    ("uga", "juga"),
    ("ugi", "juga"),
    ("dhewe", "sendiri"),
    ("piyambak", "sendiri"),
    ("saka", "dari"),
    ("soko", "dari"),
    ("saking", "dari"),
    ("anggota", "peserta"),
    ("member", "peserta"),
    ("sakmenika", "sekarang"),
    ("saiki", "sekarang"),
    ("sakniki", "sekarang"),
    ("skrg", "sekarang"),
    ("skrang", "sekarang"),
    ("whats", "what"),
    ("wht", "what"),
    ("pls", "please"),
    ("plz", "please"),
    ("u", "you"),
    ("ur", "your"),
    ("bgt", "banget"),
    ("bngt", "banget"),
    // "ok" and "thanks" in their chat forms.
    ("ok", "oke"),
    ("okay", "oke"),
    ("okey", "oke"),
    ("okeh", "oke"),
    ("okee", "oke"),
    ("okk", "oke"),
    ("k", "oke"),
    ("y", "ya"),
    ("thx", "makasih"),
    ("thanks", "makasih"),
    ("thank", "makasih"),
    ("tq", "makasih"),
    ("ty", "makasih"),
    ("tks", "makasih"),
    ("trims", "makasih"),
    ("makasi", "makasih"),
    ("mksh", "makasih"),
    ("mksih", "makasih"),
    ("trimakasih", "makasih"),
];

/// Words that carry no topic of their own: particles, pronouns, forms of
/// address, prepositions and fillers (Indonesian, Javanese, English),
/// after the lexicon. A word of a question that no example has counts
/// against every entry (it may be the topic the FAQ does not know), unless
/// it is one of these.
const NEUTRAL: &[&str] = &[
    // Indonesian particles, fillers and forms of address.
    "sih",
    "si",
    "dong",
    "donk",
    "ya",
    "yaa",
    "yah",
    "kah",
    "lah",
    "nih",
    "deh",
    "kok",
    "toh",
    "loh",
    "lho",
    "tuh",
    "aja",
    "saja",
    "gitu",
    "begitu",
    "gini",
    "begini",
    "nya",
    "nah",
    "kan",
    "pun",
    "pula",
    "kak",
    "kakak",
    "min",
    "mimin",
    "admin",
    "mas",
    "mbak",
    "pak",
    "bu",
    "bapak",
    "ibu",
    "gan",
    "sis",
    "om",
    "bang",
    "ustadz",
    "ustad",
    "ustadzah",
    "gus",
    "kyai",
    "kiai",
    "yai",
    "abah",
    "umi",
    "nyai",
    "ning",
    "tu",
    "itu",
    "ini",
    "tsb",
    "tersebut",
    "yang",
    "dan",
    "atau",
    "serta",
    "di",
    "ke",
    "pada",
    "oleh",
    "untuk",
    "dengan",
    "tentang",
    "soal",
    "masalah",
    "hal",
    "bagi",
    "buat",
    "agar",
    "supaya",
    "biar",
    "karena",
    "jadi",
    "sudah",
    "belum",
    "masih",
    "sedang",
    "lagi",
    "akan",
    "mau",
    "ingin",
    "tadi",
    "nanti",
    "baru",
    "saja",
    "hanya",
    "juga",
    "sangat",
    "banget",
    "sekali",
    "kami",
    "saya",
    "kita",
    "anda",
    "kamu",
    "dia",
    "mereka",
    "beliau",
    "kalian",
    "punya",
    "mohon",
    "tolong",
    "minta",
    "numpang",
    "tanya",
    "nanya",
    "bertanya",
    "mau",
    "kalau",
    "jika",
    "bila",
    "apabila",
    "terus",
    "lalu",
    "kemudian",
    "tapi",
    "tetapi",
    "namun",
    "sama",
    "seperti",
    "kayak",
    "kaya",
    "ada",
    "adakah",
    "apakah",
    "bisa",
    "dapat",
    "boleh",
    "harus",
    "perlu",
    "please",
    "info",
    "informasi",
    "penjelasan",
    "jelaskan",
    "jelasin",
    "kasih",
    "tau",
    "tahu",
    "paham",
    "ngerti",
    "bingung",
    "sendiri",
    "semua",
    "para",
    "tiap",
    "setiap",
    "masing",
    "sekarang",
    "kemarin",
    "besok",
    "hari",
    "tadi",
    "pengurus",
    "pengelola",
    "kemaren",
    "sy",
    "aq",
    "gw",
    "gue",
    "ane",
    "pondok",
    "pesantren",
    "kami",
    "kampung",
    "desa",
    "kecamatan",
    "kabupaten",
    "kab",
    "kota",
    "daerah",
    "wilayah",
    "nih",
    "wkwk",
    "hehe",
    "hihi",
    "haha",
    // Javanese.
    "to",
    "tho",
    "se",
    "seh",
    "rek",
    "cak",
    "ta",
    "kok",
    "ki",
    "iki",
    "kuwi",
    "iku",
    "niku",
    "menika",
    "punika",
    "niki",
    "puniki",
    "nggih",
    "enggih",
    "njih",
    "ya",
    "wae",
    "mawon",
    "kemawon",
    "ae",
    "sing",
    "ingkang",
    "lan",
    "kalih",
    "karo",
    "kaliyan",
    "utawa",
    "nang",
    "ning",
    "teng",
    "dhateng",
    "marang",
    "ing",
    "saking",
    "menawi",
    "nek",
    "lek",
    "yen",
    "mbok",
    "monggo",
    "mangga",
    "nyuwun",
    "mas",
    "mbak",
    "kang",
    "lur",
    "dulur",
    "sedulur",
    "panjenengan",
    "sampeyan",
    "njenengan",
    "kula",
    "kulo",
    "aku",
    "awakdewe",
    "awak",
    "dewe",
    "kene",
    "kowe",
    "koen",
    "riyin",
    "rumiyin",
    "mau",
    "babar",
    "blas",
    "pisan",
    "bab",
    "perkawis",
    "babagan",
    "sakniki",
    "saiki",
    "niki",
    "tasih",
    "taksih",
    "sampun",
    "wis",
    "dereng",
    "durung",
    "badhe",
    "arep",
    "ajeng",
    "pun",
    "dipun",
    "kemawon",
    "nggeh",
    "inggih",
    // English.
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "about",
    "and",
    "or",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "am",
    "do",
    "does",
    "did",
    "i",
    "we",
    "you",
    "our",
    "my",
    "your",
    "us",
    "me",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "please",
    "sir",
    "madam",
    "maam",
    "dear",
    "admin",
    "just",
    "also",
    "so",
    "then",
    "if",
    "any",
    "some",
    "can",
    "could",
    "would",
    "should",
    "will",
    "shall",
    "may",
    "might",
    "must",
    "have",
    "has",
    "had",
    "get",
    "got",
    "know",
    "tell",
    "explain",
    "bit",
    "little",
    "confused",
    "still",
    "already",
    "yet",
    "now",
    "really",
    "very",
    "thing",
    "things",
    "kind",
    "mean",
    "etc",
];

/// Whether a word (a term, after the lexicon) names no topic.
pub fn is_neutral(word: &str) -> bool {
    NEUTRAL.contains(&word)
}

/// Longest part of a message that is matched.
pub const MAX_CHARS: usize = 600;

/// Lower-cases, turns punctuation into spaces and collapses letters
/// repeated three or more times ("gratisss" → "gratis"); two of a letter
/// are spelling ("saat", "maaf"), and digits stay as they are.
pub fn normalize(text: &str) -> String {
    let lower = text.to_lowercase();
    // An apostrophe joins ("assalamu'alaikum", "jum'at"); other
    // punctuation separates.
    let chars: Vec<char> = lower
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | '‘' | '`'))
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut collapsed = String::with_capacity(lower.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let mut j = i;
        while j < chars.len() && chars[j] == c {
            j += 1;
        }
        let keep = if j - i >= 3 && !c.is_ascii_digit() {
            1
        } else {
            j - i
        };
        collapsed.extend(std::iter::repeat_n(c, keep));
        i = j;
    }
    collapsed
        .split_whitespace()
        .map(undouble_end)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A letter doubled at the end of a word is chat emphasis ("makasihh",
/// "siapp"): Indonesian and Javanese words do not end so.
fn undouble_end(word: &str) -> &str {
    let mut rev = word.char_indices().rev();
    match (rev.next(), rev.next()) {
        (Some((i, a)), Some((_, b)))
            if a == b && a.is_alphabetic() && word.chars().count() >= 4 =>
        {
            &word[..i]
        }
        _ => word,
    }
}

/// Emoji that say something on their own: 👍 and 👌 are "ok", 🙏 is
/// thanks.
const EMOJI_WORDS: &[(char, &str)] = &[('👍', " oke "), ('👌', " oke "), ('🙏', " makasih ")];

/// The normalized words of a text, each read through the lexicon.
pub fn words(text: &str) -> Vec<String> {
    let mut cut = String::new();
    for c in text.chars().take(MAX_CHARS) {
        match EMOJI_WORDS.iter().find(|(e, _)| *e == c) {
            Some((_, w)) => cut.push_str(w),
            None => cut.push(c),
        }
    }
    normalize(&cut)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| lexicon(w).unwrap_or(w).to_string())
        .collect()
}

fn lexicon(word: &str) -> Option<&'static str> {
    LEXICON.iter().find(|(k, _)| *k == word).map(|(_, v)| *v)
}

struct Stemmers {
    en: Snowball,
    id: Stemmer<'static>,
    id_dict: &'static Dictionary,
    jv_dict: &'static JavaneseDictionary,
    jv: JavaneseStemmer<'static>,
}

static STEMMERS: LazyLock<Stemmers> = LazyLock::new(|| {
    let id_dict: &'static Dictionary = Box::leak(Box::new(Dictionary::new()));
    let jv_dict: &'static JavaneseDictionary = Box::leak(Box::new(JavaneseDictionary::new()));
    Stemmers {
        en: Snowball::create(Algorithm::English),
        id: Stemmer::new(id_dict),
        id_dict,
        jv_dict,
        jv: JavaneseStemmer::new(jv_dict),
    }
});

/// Javanese suffixes Sastrawi's Indonesian rules do not remove, longest
/// first.
const JV_SUFFIXES: &[&str] = &["nipun", "ipun", "aken", "ake", "ne", "e", "ke", "na", "ni"];

/// The term a word stands for: its root where one is known ("pendaftaran"
/// → "daftar", "syarate" → "syarat", "dipunkirimaken" → "kirim"), else
/// the word itself. Numbers and words of up to three letters stay.
pub fn term(word: &str) -> Cow<'_, str> {
    if word.chars().count() <= 3 || word.chars().any(|c| c.is_ascii_digit()) {
        return Cow::Borrowed(word);
    }
    let s = &*STEMMERS;
    if s.id_dict.find(word) || s.jv_dict.find(word) {
        return Cow::Borrowed(word);
    }
    let id = s.id.stem_word(word);
    if id != word {
        return Cow::Owned(id.into_owned());
    }
    if let Some(root) = javanese_root(word) {
        return Cow::Owned(root);
    }
    let jv = s.jv.stem_word(word);
    if jv != word && s.jv_dict.find(&jv) {
        return Cow::Owned(jv.into_owned());
    }
    // English ("joins", "certified", "provinces"): what neither
    // dictionary knows, the Snowball stemmer reduces.
    if word.is_ascii() {
        let en = s.en.stem(word);
        if en != word {
            return Cow::Owned(en.into_owned());
        }
    }
    Cow::Borrowed(word)
}

/// A Javanese affix removed where what remains is a root either
/// dictionary knows (or Sastrawi can reduce to one).
fn javanese_root(word: &str) -> Option<String> {
    let s = &*STEMMERS;
    let known = |w: &str| -> Option<String> {
        if w.chars().count() < 3 {
            return None;
        }
        if s.id_dict.find(w) || s.jv_dict.find(w) {
            return Some(w.to_string());
        }
        let stem = s.id.stem_word(w);
        (stem != w && s.id_dict.find(&stem)).then(|| stem.into_owned())
    };
    let mut bases: Vec<&str> = vec![word];
    for prefix in ["dipun", "di", "ka"] {
        if let Some(rest) = word.strip_prefix(prefix) {
            bases.push(rest);
        }
    }
    let mut candidates: Vec<String> = Vec::new();
    for base in bases {
        candidates.push(base.to_string());
        for suffix in JV_SUFFIXES {
            if let Some(stem) = base.strip_suffix(suffix) {
                candidates.push(stem.to_string());
            }
        }
    }
    // Nasal prefixes before b and d ("mbayar", "ndaftar").
    let nasal: Vec<String> = candidates
        .iter()
        .filter_map(|c| {
            c.strip_prefix("mb")
                .map(|r| format!("b{r}"))
                .or_else(|| c.strip_prefix("nd").map(|r| format!("d{r}")))
        })
        .collect();
    candidates.extend(nasal);
    candidates.iter().skip(1).find_map(|c| known(c))
}

/// Character trigrams of each word of four or more letters, with its
/// edges marked, so that "pendaftran" still shares most of its trigrams
/// with "pendaftaran".
pub fn trigrams(words: &[String]) -> Vec<String> {
    let mut grams = Vec::new();
    for w in words {
        let chars: Vec<char> = w.chars().collect();
        if chars.len() < 4 || chars.iter().any(char::is_ascii_digit) {
            continue;
        }
        let marked: Vec<char> = std::iter::once('^')
            .chain(chars.iter().copied())
            .chain(std::iter::once('$'))
            .collect();
        for g in marked.windows(3) {
            grams.push(g.iter().collect());
        }
    }
    grams
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        words(text).iter().map(|w| term(w).into_owned()).collect()
    }

    #[test]
    fn chat_text_is_normalized() {
        assert_eq!(normalize("Gmn cara daftar OPOP??"), "gmn cara daftar opop");
        assert_eq!(normalize("gratisss gak sih"), "gratis gak sih");
        assert_eq!(normalize("makasihh, siapp"), "makasih siap");
        assert_eq!(normalize("maaf saat"), "maaf saat");
        assert_eq!(words("brp biayanya, kak!"), ["berapa", "biayanya", "kak"]);
        assert_eq!(words("Gmn cara daftar"), ["bagaimana", "cara", "daftar"]);
        assert_eq!(words("👍🙏"), ["oke", "makasih"]);
    }

    #[test]
    fn indonesian_affixes_are_removed() {
        assert_eq!(terms("pendaftaran"), ["daftar"]);
        assert_eq!(terms("biayanya dipasarkan"), ["biaya", "pasar"]);
        assert_eq!(terms("pendampingan pelatihan"), ["damping", "latih"]);
    }

    #[test]
    fn javanese_affixes_and_words_are_read_as_indonesian() {
        assert_eq!(terms("syarate"), ["syarat"]);
        assert_eq!(terms("mbayar piro"), ["bayar", "berapa"]);
        assert_eq!(
            terms("pripun carane ndaftar"),
            ["bagaimana", "cara", "daftar"]
        );
        assert_eq!(terms("produke kulo"), ["produk", "saya"]);
        assert_eq!(terms("dipunkirimaken"), ["kirim"]);
        assert_eq!(terms("daftare"), ["daftar"]);
    }

    #[test]
    fn words_that_are_roots_stay() {
        assert_eq!(
            terms("pesantren halal ekspor"),
            ["pesantren", "halal", "ekspor"]
        );
        assert_eq!(terms("nib 2026"), ["nib", "2026"]);
    }

    #[test]
    fn trigrams_mark_edges_and_skip_short_words() {
        assert_eq!(
            trigrams(&["nib".into(), "halal".into()]),
            ["^ha", "hal", "ala", "lal", "al$"]
        );
    }
}
