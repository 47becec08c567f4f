//! The matcher: the examples indexed two ways (BM25 in `index.rs`, term
//! votes in `vote.rs`), a message read the way the examples are (typos
//! corrected, words that name no topic dropped where no example has
//! them), the scores of every entry, the out-of-scope examples and small
//! talk, and the verdict with its [`Thresholds`].

use std::collections::{HashMap, HashSet};

use super::index::{Index, Params, Query};
use super::text::Gram;
use super::{Entry, Label, MatchResult, Scored, SmallTalk, Verdict, text, vote};

/// One example: whose it is, its text, and its words and terms as the
/// matcher reads them (stemming is the costly part, so it is done once:
/// indexing again after staff taught an answer only hashes).
#[derive(Debug, Clone)]
pub struct Example {
    pub label: Label,
    pub text: String,
    words: Strings,
    terms: Strings,
}

impl Example {
    pub fn new(label: Label, text: &str) -> Example {
        let words = text::words(text);
        let terms: Vec<String> = words.iter().map(|w| text::term(w).into_owned()).collect();
        Example {
            label,
            text: text.to_string(),
            words: Strings::new(&words),
            terms: Strings::new(&terms),
        }
    }

    pub fn has_words(&self) -> bool {
        !self.words.is_empty()
    }
}

/// Short strings kept in one allocation, with where each ends: thousands
/// of examples hold a few words each. `text::words` reads at most
/// `text::MAX_CHARS` characters, so the ends fit in a `u16`.
#[derive(Debug, Clone)]
struct Strings {
    text: Box<str>,
    ends: Box<[u16]>,
}

impl Strings {
    fn new(all: &[String]) -> Strings {
        let mut text = String::with_capacity(all.iter().map(String::len).sum());
        let mut ends = Vec::with_capacity(all.len());
        for s in all {
            text.push_str(s);
            ends.push(text.len().min(usize::from(u16::MAX)) as u16);
        }
        Strings {
            text: text.into(),
            ends: ends.into(),
        }
    }

    fn iter(&self) -> impl Iterator<Item = &str> + Clone {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(self.ends.iter().copied()).map(|(from, to)| {
            self.text
                .get(usize::from(from)..usize::from(to))
                .unwrap_or("")
        })
    }

    fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// Where the verdict changes, on the scale of `index` (the share of the
/// question an entry's examples cover). The defaults were chosen by
/// `faq::calibrate` on the examples and the development set, never on the
/// held-out set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// A direct answer needs the best entry to cover this much…
    pub answer_at: f64,
    /// …and to lead the second entry by this much…
    pub lead: f64,
    /// …and the out-of-scope examples by this much.
    pub outside: f64,
    /// From this share entries are offered as suggestions.
    pub suggest_at: f64,
    /// Small talk needs its best example to cover this much of the
    /// message, and more than any entry does.
    pub small_talk_at: f64,
    /// A message with nothing but small talk's words and words that name
    /// no topic is small talk from this score.
    pub small_talk_alone_at: f64,
    /// What is left of small talk is a question when its best entry is
    /// answered with at least this score.
    pub question_at: f64,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            answer_at: 0.1,
            lead: 0.0,
            outside: 0.1,
            suggest_at: 0.05,
            small_talk_at: 0.5,
            question_at: 0.3,
            small_talk_alone_at: 0.5,
        }
    }
}
/// The examples indexed, and which words are small talk's rather than
/// questions' (greetings, thanks, fillers: left out when a message with a
/// question in it is matched against the entries).
#[derive(Debug, Clone, Default)]
pub(super) struct Matcher {
    index: Index,
    votes: vote::Votes,
    mix: f64,
    /// Every word of the examples, and the words by their trigrams, for
    /// reading a typo as the word it misspells.
    vocabulary: HashSet<Box<str>>,
    by_gram: HashMap<Gram, Vec<u32>>,
    spelled: Vec<Box<str>>,
    labels: Vec<Label>,
    chatter: HashSet<String>,
}

impl Matcher {
    pub(super) fn build<'e>(
        entries: &[Entry],
        examples: impl Iterator<Item = &'e Example> + Clone,
        params: Params,
    ) -> Matcher {
        let mut labels: Vec<Label> = (0..entries.len()).map(Label::Entry).collect();
        labels.push(Label::OutOfScope);
        labels.extend(SmallTalk::ALL.map(Label::SmallTalk));
        let slot = |l: &Label| labels.iter().position(|x| x == l).expect("every label") as u32;
        let docs: Vec<(u32, &Example)> = examples.map(|e| (slot(&e.label), e)).collect();
        let index = Index::build(
            labels.len(),
            docs.iter()
                .map(|(l, e)| (*l, e.words.iter(), e.terms.iter())),
            params,
        );
        let votes = vote::Votes::build(
            labels.len(),
            docs.iter().map(|(l, e)| (*l, e.terms.iter())),
            params.vote,
        );
        let vocabulary: HashSet<Box<str>> = docs
            .iter()
            .flat_map(|(_, e)| e.words.iter().map(Box::from))
            .collect();
        let mut spelled: Vec<Box<str>> = vocabulary
            .iter()
            .filter(|w| w.chars().count() >= 4)
            .cloned()
            .collect();
        spelled.sort();
        let mut by_gram: HashMap<Gram, Vec<u32>> = HashMap::new();
        for (i, w) in spelled.iter().enumerate() {
            for g in text::grams([w.as_ref()]) {
                by_gram.entry(g).or_default().push(i as u32);
            }
        }
        by_gram.values_mut().for_each(Vec::shrink_to_fit);
        Matcher {
            index,
            votes,
            vocabulary,
            by_gram,
            spelled,
            mix: params.mix,
            chatter: chatter(docs.iter().map(|(_, e)| *e)),
            labels,
        }
    }

    /// How much of the message each entry, the out-of-scope examples and
    /// small talk cover.
    pub(super) fn scores(&self, entries: &[Entry], question: &str) -> Scores {
        let query = Query::from_words(self.prepare(text::words(question)));
        if query.is_empty() || self.index.is_empty() {
            return Scores::default();
        }
        let whole = self.label_scores(&query);
        let asked = query.without(&self.chatter);
        let scores = if asked.is_empty() {
            vec![0.0; whole.len()]
        } else if asked.words.len() == query.words.len() {
            whole.clone()
        } else {
            self.label_scores(&asked)
        };
        let normalized = text::normalize(question);
        let mut ranked: Vec<(f64, usize)> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let hit = e.patterns.iter().any(|p| p.is_match(&normalized));
                (if hit { 1.0 } else { scores[i].min(1.0) }, i)
            })
            .filter(|(s, _)| *s > 0.05)
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        Scores {
            ranked,
            outside: scores[entries.len()],
            talk: self.best_small_talk(&whole),
            talk_rivals: whole[..entries.len()].iter().copied().fold(0.0, f64::max),
            only_talk: !asked.has_topic(),
        }
    }

    /// The words as the examples would have them: a typo read as the word
    /// it misspells, and a word that names no topic dropped when no
    /// example has it (it must not count against every entry).
    fn prepare(&self, words: Vec<String>) -> Vec<String> {
        let mut out = Vec::with_capacity(words.len());
        for w in words {
            if self.vocabulary.contains(w.as_str()) || self.votes.knows(&text::term(&w)) {
                out.push(w);
            } else if text::is_neutral(&w) || text::is_neutral(&text::term(&w)) {
                continue;
            } else if let Some(c) = self.correct(&w) {
                out.push(c);
            } else {
                out.push(w);
            }
        }
        out
    }

    /// The example word a typo most likely means: one or two edits away
    /// (two for words of seven letters or more), sharing trigrams.
    fn correct(&self, word: &str) -> Option<String> {
        let len = word.chars().count();
        if len < 4 || !word.chars().all(char::is_alphabetic) {
            return None;
        }
        let grams = text::grams([word]);
        let mut counts: HashMap<u32, usize> = HashMap::new();
        for g in &grams {
            for &i in self.by_gram.get(g).into_iter().flatten() {
                *counts.entry(i).or_default() += 1;
            }
        }
        let most = if len >= 7 { 2 } else { 1 };
        counts
            .into_iter()
            .filter(|(_, n)| n * 3 >= grams.len())
            .filter_map(|(i, n)| {
                let c = &self.spelled[i as usize];
                let d = strsim::damerau_levenshtein(word, c);
                (d <= most).then_some((d, std::cmp::Reverse(n), c))
            })
            .min()
            .map(|(_, _, c)| c.to_string())
    }

    fn label_scores(&self, query: &Query) -> Vec<f64> {
        let bm25 = self.index.best_per_label(query);
        if self.mix >= 1.0 {
            return bm25;
        }
        let terms: Vec<String> = query
            .words
            .iter()
            .map(|w| text::term(w).into_owned())
            .collect();
        let votes = self.votes.shares(&terms);
        bm25.iter()
            .zip(votes)
            .map(|(b, v)| self.mix * b + (1.0 - self.mix) * v)
            .collect()
    }

    fn best_small_talk(&self, scores: &[f64]) -> Option<(SmallTalk, f64)> {
        self.labels
            .iter()
            .zip(scores)
            .filter_map(|(l, s)| match l {
                Label::SmallTalk(k) => Some((*k, *s)),
                _ => None,
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
    }
}

/// A message's scores, before the thresholds.
#[derive(Debug, Clone, Default)]
pub(super) struct Scores {
    /// (score, entry), best first.
    pub(super) ranked: Vec<(f64, usize)>,
    /// The out-of-scope examples' score.
    pub(super) outside: f64,
    /// The best kind of small talk and its score on the whole message.
    pub(super) talk: Option<(SmallTalk, f64)>,
    /// The best entry's score on the whole message.
    talk_rivals: f64,
    /// Nothing that names a topic is left of the message without small
    /// talk's words.
    only_talk: bool,
}

impl Scores {
    pub(super) fn judge(&self, entries: &[Entry], t: &Thresholds) -> MatchResult {
        let ranked = self
            .ranked
            .iter()
            .map(|&(s, i)| Scored {
                id: entries[i].id.clone(),
                score: (s * 1000.0).round() / 1000.0,
            })
            .collect();
        MatchResult {
            verdict: self.verdict(t),
            ranked,
            small_talk: self.small_talk(t),
        }
    }

    /// Small talk, unless what is left of the message without small
    /// talk's words is a question the FAQ answers ("pagi kak, opop itu
    /// apa?" is a question).
    pub(super) fn small_talk(&self, t: &Thresholds) -> Option<SmallTalk> {
        let (kind, s) = self.talk?;
        let talk = (self.only_talk && s >= t.small_talk_alone_at)
            || (s >= t.small_talk_at && !self.asks(t) && s > self.talk_rivals);
        talk.then_some(kind)
    }

    pub(super) fn verdict(&self, t: &Thresholds) -> Verdict {
        if self.small_talk(t).is_some() {
            return Verdict::Unknown;
        }
        self.entry_verdict(t)
    }

    /// Whether the message asks something an entry answers.
    fn asks(&self, t: &Thresholds) -> bool {
        self.entry_verdict(t) == Verdict::Answer
            && self.ranked.first().is_some_and(|r| r.0 >= t.question_at)
    }

    /// The verdict on the entries alone.
    fn entry_verdict(&self, t: &Thresholds) -> Verdict {
        let best = self.ranked.first().map_or(0.0, |r| r.0);
        let second = self.ranked.get(1).map_or(0.0, |r| r.0);
        if best >= t.answer_at && best - second >= t.lead && best > self.outside + t.outside {
            Verdict::Answer
        } else if best >= t.suggest_at && best > self.outside {
            Verdict::Suggest
        } else {
            Verdict::Unknown
        }
    }
}

/// How much more often small talk uses a term than questions do (as a
/// share of each side's examples) for it to be small talk's word: 2 on
/// the development sets (small talk 92.9 → 94.7 %, questions 97.4 →
/// 97.2 %, against 3).
const CHATTER: f64 = 2.0;

/// The terms small talk uses far more than questions do (see
/// [`CHATTER`]): "assalamualaikum" opens many questions too, but far more
/// greetings.
fn chatter<'e>(examples: impl Iterator<Item = &'e Example>) -> HashSet<String> {
    let mut talk: HashMap<String, usize> = HashMap::new();
    let mut asked: HashMap<String, usize> = HashMap::new();
    let (mut n_talk, mut n_asked) = (0usize, 0usize);
    for example in examples {
        let terms: HashSet<&str> = example.terms.iter().collect();
        let side = match example.label {
            Label::SmallTalk(_) => {
                n_talk += 1;
                &mut talk
            }
            _ => {
                n_asked += 1;
                &mut asked
            }
        };
        for t in terms {
            *side.entry(t.to_string()).or_default() += 1;
        }
    }
    let share = |n: usize, of: usize| n as f64 / of.max(1) as f64;
    talk.into_iter()
        .filter(|(t, n)| {
            share(*n, n_talk) > CHATTER * share(asked.get(t).copied().unwrap_or(0), n_asked)
        })
        .map(|(t, _)| t)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_give_back_what_they_were_given() {
        let words: Vec<String> = ["opop", "", "pondhok", "ñ"].map(String::from).into();
        let packed = Strings::new(&words);
        assert_eq!(
            packed.iter().collect::<Vec<_>>(),
            ["opop", "", "pondhok", "ñ"]
        );
        assert!(!packed.is_empty());
        assert!(Strings::new(&[]).is_empty());
        assert_eq!(Strings::new(&[]).iter().count(), 0);
    }
}
