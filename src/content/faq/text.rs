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

use super::lexicon::{LEXICON, NEUTRAL};

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
pub fn grams<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<Gram> {
    let mut grams = Vec::new();
    let mut marked: Vec<char> = Vec::new();
    for w in words {
        marked.clear();
        marked.push('^');
        marked.extend(w.chars());
        if marked.len() < 5 || marked.iter().any(char::is_ascii_digit) {
            continue;
        }
        marked.push('$');
        for g in marked.windows(3) {
            grams.push([g[0], g[1], g[2]]);
        }
    }
    grams
}

/// Three characters of a word (`^` and `$` mark its edges).
pub type Gram = [char; 3];

#[cfg(test)]
mod tests {
    use super::*;

    /// [`grams`] as strings.
    fn trigrams(words: &[String]) -> Vec<String> {
        grams(words.iter().map(String::as_str))
            .iter()
            .map(|g| g.iter().collect())
            .collect()
    }

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
