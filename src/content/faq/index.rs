//! Okapi BM25 over short documents (the example questions), in two
//! fields: the words' terms (roots, see `text::term`) and their character
//! trigrams. A question's score against a document is the BM25 sum
//! divided by the most that question could score (every one of its terms
//! matched once in a document of average length), so it reads as "how
//! much of the question this example covers", between 0 and about 1, the
//! same scale whatever the question's length. That is what the thresholds
//! of `faq::Verdict` are set on.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;

use super::text::{self, Gram};

/// The model's constants; the defaults were chosen on the examples (see
/// `faq::calibrate`).
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// BM25 term-frequency saturation.
    pub k1: f64,
    /// BM25 length normalization.
    pub b: f64,
    /// Weight of the word field; the trigram field gets the rest.
    pub words: f64,
    /// What a question's word that no document has weighs in the most it
    /// could score, as a share of the rarest word's weight: a name or a
    /// place must not make every question unanswerable, a real word the
    /// FAQ does not know must count against it.
    pub unseen: f64,
    /// Weight of a label's best example; all its examples together get
    /// the rest.
    pub best: f64,
    /// Share of the BM25 score in the final score; term votes get the rest.
    pub mix: f64,
    pub vote: super::vote::VoteParams,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            k1: 1.4,
            b: 0.8,
            words: 0.7,
            unseen: 0.5,
            best: 0.4,
            mix: 0.85,
            vote: Default::default(),
        }
    }
}

/// Each distinct key (a term or a trigram) once, numbered in the order
/// first met: the fields below hold numbers, not strings.
#[derive(Debug, Clone, Default)]
struct Keys<K> {
    ids: HashMap<K, u32>,
}

impl<K: Hash + Eq> Keys<K> {
    /// The key's number; `own` makes the stored key of a new one.
    fn id<Q>(&mut self, key: &Q, own: impl FnOnce(&Q) -> K) -> u32
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(own(key), id);
        id
    }

    fn get<Q>(&self, key: &Q) -> Option<u32>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.ids.get(key).copied()
    }

    fn len(&self) -> usize {
        self.ids.len()
    }
}

/// The postings of one field, every key's list in one vector.
#[derive(Debug, Default, Clone)]
struct Field {
    /// key → where its postings start in `postings`; one more, the end.
    starts: Vec<u32>,
    /// (document, frequency in it), by key, then by document.
    postings: Vec<(u32, u16)>,
    lengths: Vec<u16>,
    average: f64,
}

/// A field while documents are added: (key, document, frequency).
#[derive(Debug, Default)]
struct FieldBuilder {
    found: Vec<(u32, u32, u16)>,
    lengths: Vec<u16>,
}

impl FieldBuilder {
    /// Adds document `doc`, the next one, with its keys (repeats count).
    fn add(&mut self, doc: u32, keys: &[u32]) {
        let mut sorted = keys.to_vec();
        sorted.sort_unstable();
        for run in sorted.chunk_by(|a, b| a == b) {
            let n = run.len().min(u16::MAX as usize) as u16;
            self.found.push((run[0], doc, n));
        }
        self.lengths.push(keys.len().min(u16::MAX as usize) as u16);
    }

    /// The field, over keys numbered `0..keys`.
    fn finish(mut self, keys: usize) -> Field {
        self.found.sort_unstable();
        let mut starts = Vec::with_capacity(keys + 1);
        let mut postings = Vec::with_capacity(self.found.len());
        for (key, doc, n) in self.found {
            while starts.len() <= key as usize {
                starts.push(postings.len() as u32);
            }
            postings.push((doc, n));
        }
        while starts.len() <= keys {
            starts.push(postings.len() as u32);
        }
        let total: f64 = self.lengths.iter().map(|&l| f64::from(l)).sum();
        let average = (total / self.lengths.len().max(1) as f64).max(1.0);
        self.lengths.shrink_to_fit();
        Field {
            starts,
            postings,
            lengths: self.lengths,
            average,
        }
    }
}

impl Field {
    fn postings(&self, key: u32) -> &[(u32, u16)] {
        let (from, to) = (self.starts[key as usize], self.starts[key as usize + 1]);
        &self.postings[from as usize..to as usize]
    }

    /// Adds each document's share of `query` (its keys; `None` for a key
    /// no document has) to `scores`, weighted.
    fn score(&self, query: &[Option<u32>], p: &Params, weight: f64, scores: &mut [f64]) {
        let n = self.lengths.len() as f64;
        let idf = |df: f64| (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        let mut most = 0.0;
        let mut hits: Vec<(&[(u32, u16)], f64)> = Vec::new();
        for key in query {
            match key.map(|k| self.postings(k)).filter(|l| !l.is_empty()) {
                Some(list) => {
                    let w = idf(list.len() as f64);
                    most += w;
                    hits.push((list, w));
                }
                None => most += p.unseen * idf(1.0),
            }
        }
        if most == 0.0 {
            return;
        }
        for (list, w) in hits {
            for &(doc, tf) in list {
                let tf = f64::from(tf);
                let len = f64::from(self.lengths[doc as usize]);
                let norm = p.k1 * (1.0 - p.b + p.b * len / self.average);
                scores[doc as usize] += weight * w * tf * (p.k1 + 1.0) / (tf + norm) / most;
            }
        }
    }
}

/// A question, taken apart once for every document it is scored against.
#[derive(Debug, Clone)]
pub struct Query {
    pub words: Vec<String>,
    terms: Vec<String>,
    grams: Vec<Gram>,
}

impl Query {
    #[cfg(test)]
    pub fn new(question: &str) -> Query {
        Query::from_words(text::words(question))
    }

    pub fn from_words(words: Vec<String>) -> Query {
        let (terms, grams) = parts(&words);
        Query {
            words,
            terms: dedup(terms),
            grams: dedup(grams),
        }
    }

    /// The question without the words whose terms are in `left_out`.
    pub fn without(&self, left_out: &std::collections::HashSet<String>) -> Query {
        let words: Vec<String> = self
            .words
            .iter()
            .filter(|w| !left_out.contains(text::term(w).as_ref()))
            // A lone letter ("p", chat for "are you there?") asks nothing.
            .filter(|w| w.chars().count() > 1 || w.chars().all(|c| c.is_ascii_digit()))
            .cloned()
            .collect();
        let (terms, grams) = parts(&words);
        Query {
            words,
            terms: dedup(terms),
            grams: dedup(grams),
        }
    }

    /// Whether a word of the question names a topic.
    pub fn has_topic(&self) -> bool {
        self.words
            .iter()
            .any(|w| !text::is_neutral(w) && !text::is_neutral(&text::term(w)))
    }

    /// Whether the question has any word at all.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

fn parts(words: &[String]) -> (Vec<String>, Vec<Gram>) {
    let terms = words.iter().map(|w| text::term(w).into_owned()).collect();
    (terms, text::grams(words.iter().map(String::as_str)))
}

fn dedup<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v.dedup();
    v
}

/// The two fields of a set of documents.
#[derive(Debug, Clone, Default)]
struct Fields {
    terms: Field,
    grams: Field,
}

#[derive(Debug, Default)]
struct FieldsBuilder {
    terms: FieldBuilder,
    grams: FieldBuilder,
}

impl FieldsBuilder {
    fn add(&mut self, doc: u32, terms: &[u32], grams: &[u32]) {
        self.terms.add(doc, terms);
        self.grams.add(doc, grams);
    }

    fn finish(self, keys: &Vocabulary) -> Fields {
        Fields {
            terms: self.terms.finish(keys.terms.len()),
            grams: self.grams.finish(keys.grams.len()),
        }
    }
}

/// A question's terms and trigrams as the fields number them.
struct Asked {
    terms: Vec<Option<u32>>,
    grams: Vec<Option<u32>>,
}

impl Fields {
    fn scores(&self, asked: &Asked, p: &Params, docs: usize) -> Vec<f64> {
        let mut scores = vec![0.0; docs];
        self.terms.score(&asked.terms, p, p.words, &mut scores);
        self.grams
            .score(&asked.grams, p, 1.0 - p.words, &mut scores);
        scores
    }
}

/// The terms and trigrams of every document, numbered.
#[derive(Debug, Clone, Default)]
struct Vocabulary {
    terms: Keys<Box<str>>,
    grams: Keys<Gram>,
}

/// Documents, each belonging to a label (an FAQ entry, small talk, the
/// out-of-scope examples), scored two ways: each example on its own (a
/// question phrased like one example), and all of a label's examples as
/// one document (a question that mixes the words of several).
#[derive(Debug, Clone, Default)]
pub struct Index {
    owners: Vec<u32>,
    labels: usize,
    keys: Vocabulary,
    examples: Fields,
    together: Fields,
    params: Params,
}

impl Index {
    /// Indexes `(label, words, terms)` documents; labels are `0..labels`.
    pub fn build<'a, W, T>(
        labels: usize,
        docs: impl IntoIterator<Item = (u32, W, T)>,
        params: Params,
    ) -> Index
    where
        W: IntoIterator<Item = &'a str>,
        T: IntoIterator<Item = &'a str>,
    {
        let mut keys = Vocabulary::default();
        let mut owners = Vec::new();
        let mut examples = FieldsBuilder::default();
        let mut joined: Vec<(Vec<u32>, Vec<u32>)> = vec![Default::default(); labels];
        for (label, words, terms) in docs {
            let doc = owners.len() as u32;
            let terms: Vec<u32> = terms
                .into_iter()
                .map(|t| keys.terms.id(t, |t| Box::from(t)))
                .collect();
            let grams: Vec<u32> = text::grams(words)
                .iter()
                .map(|g| keys.grams.id(g, |g| *g))
                .collect();
            examples.add(doc, &terms, &grams);
            let all = &mut joined[label as usize];
            all.0.extend_from_slice(&terms);
            all.1.extend_from_slice(&grams);
            owners.push(label);
        }
        let mut together = FieldsBuilder::default();
        for (label, (terms, grams)) in joined.iter().enumerate() {
            together.add(label as u32, terms, grams);
        }
        owners.shrink_to_fit();
        Index {
            owners,
            labels,
            examples: examples.finish(&keys),
            together: together.finish(&keys),
            keys,
            params,
        }
    }

    /// Each label's score for the query: its best example's, blended with
    /// all its examples' together.
    pub fn best_per_label(&self, query: &Query) -> Vec<f64> {
        let p = &self.params;
        let asked = Asked {
            terms: query
                .terms
                .iter()
                .map(|t| self.keys.terms.get(t.as_str()))
                .collect(),
            grams: query.grams.iter().map(|g| self.keys.grams.get(g)).collect(),
        };
        let scores = self.examples.scores(&asked, p, self.owners.len());
        let mut best = vec![0.0f64; self.labels];
        for (doc, s) in scores.into_iter().enumerate() {
            let label = self.owners[doc] as usize;
            if s > best[label] {
                best[label] = s;
            }
        }
        let together = self.together.scores(&asked, p, self.labels);
        best.iter()
            .zip(together)
            // A label's examples together hold a word many times: scaled
            // by the most a word can score (k1 + 1 at average length), the
            // label that uses the question's words most comes first.
            .map(|(b, t)| p.best * b + (1.0 - p.best) * (t / (p.k1 + 1.0)).min(1.0))
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.owners.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(docs: &[(u32, &str)]) -> Index {
        let parsed: Vec<(u32, Vec<String>, Vec<String>)> = docs
            .iter()
            .map(|(l, t)| {
                let words = text::words(t);
                let terms = words.iter().map(|w| text::term(w).into_owned()).collect();
                (*l, words, terms)
            })
            .collect();
        Index::build(
            2,
            parsed.iter().map(|(l, w, t)| {
                (
                    *l,
                    w.iter().map(String::as_str),
                    t.iter().map(String::as_str),
                )
            }),
            Params::default(),
        )
    }

    #[test]
    fn a_question_scores_highest_on_the_example_that_covers_it() {
        let index = build(&[
            (0, "berapa biaya ikut opop"),
            (0, "bayar tidak kalau daftar"),
            (1, "bagaimana cara daftar opop"),
            (1, "langkah pendaftaran pesantren"),
        ]);
        let best = index.best_per_label(&Query::new("brp biayanya?"));
        assert!(best[0] > best[1], "{best:?}");
        let best = index.best_per_label(&Query::new("gmn cara mendaftar"));
        assert!(best[1] > best[0], "{best:?}");
        assert!(best[1] > 0.6, "{best:?}");
        let best = index.best_per_label(&Query::new("cuaca besok"));
        assert!(best.iter().all(|&s| s < 0.1), "{best:?}");
    }

    #[test]
    fn each_key_lists_its_documents_in_order_with_their_counts() {
        let mut keys: Keys<Box<str>> = Keys::default();
        let doc = |keys: &mut Keys<Box<str>>, text: &str| -> Vec<u32> {
            text.split(' ')
                .map(|t| keys.id(t, |t| Box::from(t)))
                .collect()
        };
        let mut field = FieldBuilder::default();
        let first = doc(&mut keys, "biaya opop biaya");
        let second = doc(&mut keys, "daftar opop");
        field.add(0, &first);
        field.add(1, &second);
        let field = field.finish(keys.len());
        let id = |k: &str| keys.get(k).unwrap();
        assert_eq!(field.postings(id("biaya")), [(0, 2)]);
        assert_eq!(field.postings(id("opop")), [(0, 1), (1, 1)]);
        assert_eq!(field.postings(id("daftar")), [(1, 1)]);
        assert_eq!(field.lengths, [3, 2]);
        assert_eq!(keys.get("gratis"), None);
    }

    #[test]
    fn scores_are_shares_of_the_question() {
        let index = build(&[(0, "biaya ikut opop")]);
        let whole = index.best_per_label(&Query::new("biaya ikut opop"))[0];
        let half = index.best_per_label(&Query::new("biaya mondok santri"))[0];
        // A word met once scores 1/(k1 + 1) of its share in a label's
        // examples together, so one example alone cannot reach 1.
        assert!(whole > 0.5, "{whole}");
        assert!(half < whole / 2.0, "{half} {whole}");
    }
}
