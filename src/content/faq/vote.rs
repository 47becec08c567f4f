//! Term voting: each term of a question votes for the labels whose
//! examples use it, in proportion to how often each label's examples do
//! (as a share of that label's examples), weighted by how much the term
//! tells labels apart. A label's score is the share of the question's
//! weight that voted for it; a word no example has keeps its weight
//! without voting for anyone, so a question about something else scores
//! low everywhere.

use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
pub struct Votes {
    /// term → (label, share of that label's examples using it)
    terms: HashMap<String, TermVotes>,
    labels: usize,
    /// The weight of a term no example uses.
    pub unseen: f64,
}

#[derive(Debug, Clone, Default)]
struct TermVotes {
    /// (label, probability of the label given the term)
    labels: Vec<(u32, f64)>,
    weight: f64,
}

#[derive(Debug, Clone, Copy)]
pub struct VoteParams {
    /// Weight of a word no example has, relative to the most telling one.
    pub unseen: f64,
    /// How many examples a term needs before it is fully trusted.
    pub trust: f64,
}

impl Default for VoteParams {
    fn default() -> Self {
        VoteParams {
            unseen: 0.8,
            trust: 2.0,
        }
    }
}

impl Votes {
    /// `docs`: each example's label and terms.
    pub fn build<'a, T: IntoIterator<Item = &'a str>>(
        labels: usize,
        docs: impl Iterator<Item = (u32, T)>,
        p: VoteParams,
    ) -> Votes {
        let mut per_label = vec![0usize; labels];
        let mut df: HashMap<&str, HashMap<u32, usize>> = HashMap::new();
        for (label, terms) in docs {
            per_label[label as usize] += 1;
            let mut seen: Vec<&str> = terms.into_iter().collect();
            seen.sort_unstable();
            seen.dedup();
            for t in seen {
                *df.entry(t).or_default().entry(label).or_default() += 1;
            }
        }
        let max_entropy = (labels.max(2) as f64).ln();
        let mut terms = HashMap::new();
        for (term, counts) in df {
            let rates: Vec<(u32, f64)> = counts
                .iter()
                .map(|(l, n)| (*l, *n as f64 / per_label[*l as usize].max(1) as f64))
                .collect();
            let total: f64 = rates.iter().map(|r| r.1).sum();
            let probs: Vec<(u32, f64)> = rates.iter().map(|(l, r)| (*l, r / total)).collect();
            let entropy: f64 = probs.iter().map(|(_, q)| -q * q.ln()).sum();
            let n: usize = counts.values().sum();
            let trust = n as f64 / (n as f64 + p.trust);
            let weight = (1.0 - entropy / max_entropy).max(0.02) * trust;
            terms.insert(
                term.to_string(),
                TermVotes {
                    labels: probs,
                    weight,
                },
            );
        }
        Votes {
            terms,
            labels,
            unseen: p.unseen,
        }
    }

    pub fn knows(&self, term: &str) -> bool {
        self.terms.contains_key(term)
    }

    /// Each label's share of the question's weight.
    pub fn shares(&self, terms: &[String]) -> Vec<f64> {
        let mut scores = vec![0.0; self.labels];
        let mut total = 0.0;
        for t in terms {
            match self.terms.get(t) {
                Some(v) => {
                    total += v.weight;
                    for (l, q) in &v.labels {
                        scores[*l as usize] += v.weight * q;
                    }
                }
                None => total += self.unseen,
            }
        }
        if total > 0.0 {
            for s in &mut scores {
                *s /= total;
            }
        }
        scores
    }
}
