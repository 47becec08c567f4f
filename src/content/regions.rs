//! The 38 regencies and cities of East Java (`dialogs/regions.toml`) and
//! reading a typed region: exact names, the short names people use, and
//! typos, which are offered for confirmation rather than accepted.

use serde::Deserialize;

use super::simplify;

/// The 38 regencies and cities of East Java with the short names people
/// use, read from `dialogs/regions.toml`.
#[derive(Debug, Clone)]
pub struct RegionMatcher {
    regions: Vec<Region>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Region {
    /// "Kabupaten Malang", "Kota Surabaya".
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Deserialize)]
struct RegionFile {
    region: Vec<Region>,
}

/// What a typed region resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegionMatch {
    One(String),
    /// A name that is both a kabupaten and a kota ("malang"), or a typo
    /// close to several: the person chooses.
    Several(Vec<String>),
    None,
}

impl RegionMatcher {
    pub fn from_toml(text: &str) -> Result<Self, String> {
        let file: RegionFile = toml::from_str(text).map_err(|e| e.to_string())?;
        Ok(RegionMatcher {
            regions: file.region,
        })
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.regions.iter().map(|r| r.name.as_str())
    }

    pub fn len(&self) -> usize {
        self.regions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }

    pub fn find(&self, input: &str) -> RegionMatch {
        let text = simplify(input);
        if text.is_empty() {
            return RegionMatch::None;
        }
        let (kind, rest) = split_kind(&text);
        let base = |r: &Region| simplify(strip_kind(&r.name));
        let is_kind = |r: &Region, k: &str| r.name.to_lowercase().starts_with(k);
        let exact: Vec<&Region> = self
            .regions
            .iter()
            .filter(|r| {
                base(r) == rest
                    || r.aliases
                        .iter()
                        .any(|a| simplify(a) == rest || simplify(a) == text)
            })
            .collect();
        let filtered = |list: Vec<&Region>| -> Vec<String> {
            let narrowed: Vec<&Region> = match kind {
                Some(k) => list.iter().copied().filter(|r| is_kind(r, k)).collect(),
                None => list.clone(),
            };
            let chosen = if narrowed.is_empty() { list } else { narrowed };
            chosen.iter().map(|r| r.name.clone()).collect()
        };
        if !exact.is_empty() {
            return one_or_several(filtered(exact));
        }
        // Typos: the closest names within a small edit distance.
        let mut best: Vec<(&Region, usize)> = Vec::new();
        for r in &self.regions {
            let candidates = std::iter::once(base(r)).chain(r.aliases.iter().map(|a| simplify(a)));
            let d = candidates
                .filter(|c| c.len() >= 4)
                .map(|c| strsim::damerau_levenshtein(&c, rest))
                .min()
                .unwrap_or(usize::MAX);
            let allowed = if rest.chars().count() >= 7 {
                2
            } else if rest.chars().count() >= 4 {
                1
            } else {
                0
            };
            if d <= allowed {
                best.push((r, d));
            }
        }
        if best.is_empty() {
            return RegionMatch::None;
        }
        let min = best.iter().map(|(_, d)| *d).min().unwrap_or(0);
        let list: Vec<&Region> = best
            .into_iter()
            .filter(|(_, d)| *d == min)
            .map(|(r, _)| r)
            .collect();
        let names = filtered(list);
        // A typo is never accepted silently: the person confirms it.
        RegionMatch::Several(names)
    }
}

fn one_or_several(mut names: Vec<String>) -> RegionMatch {
    names.dedup();
    match names.len() {
        0 => RegionMatch::None,
        1 => RegionMatch::One(names.remove(0)),
        _ => RegionMatch::Several(names),
    }
}

fn strip_kind(name: &str) -> &str {
    name.strip_prefix("Kabupaten ")
        .or_else(|| name.strip_prefix("Kota "))
        .unwrap_or(name)
}

/// Splits "kab malang" / "kota malang" / "kabupaten malang" into the kind
/// and the rest.
fn split_kind(text: &str) -> (Option<&'static str>, &str) {
    for (prefix, kind) in [
        ("kabupaten ", "kabupaten"),
        ("kab ", "kabupaten"),
        ("kab. ", "kabupaten"),
        ("kota ", "kota"),
        ("kodya ", "kota"),
        ("kot ", "kota"),
    ] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return (Some(kind), rest.trim());
        }
    }
    (None, text)
}
