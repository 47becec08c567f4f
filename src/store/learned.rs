//! What staff taught the FAQ, in the `meta` tree: `learned/<ticket
//! number>` → [`Learned`] as plain JSON (masked when it was made, nothing
//! personal, so not sealed). Written by an event's transaction
//! (`Effect::Learn`, `Effect::Unlearn` in `apply.rs`); in every backup
//! with the rest of `meta`.

use super::codec::decode;
use super::{Store, StoreError};
use crate::records::Learned;

/// `meta` key prefix of a learned record.
const META_LEARNED: &str = "learned/";

pub(super) fn learned_key(ticket: &str) -> Vec<u8> {
    format!("{META_LEARNED}{ticket}").into_bytes()
}

impl Store {
    /// What staff taught the FAQ, oldest first.
    pub fn learned(&self) -> Result<Vec<Learned>, StoreError> {
        let mut out: Vec<Learned> = Vec::new();
        for r in self.meta.scan_prefix(META_LEARNED) {
            let (k, v) = r?;
            out.push(decode("meta", &k, &v)?);
        }
        out.sort_by(|a, b| a.at.cmp(&b.at).then(a.ticket.cmp(&b.ticket)));
        Ok(out)
    }
}
