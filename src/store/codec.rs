//! How records and keys are written: JSON values, big-endian ids, the
//! composite keys of the trees, the counters, and the error plumbing of
//! transactions.

use super::StoreError;
use super::kv::TxTree;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Why a transaction ended without writing: a store error of its own
/// ([`abort`]) or one of sled's.
#[derive(Debug)]
pub(super) enum TxError {
    Abort(StoreError),
    Storage(sled::Error),
}

/// What a function inside a transaction returns.
pub(super) type TxResult<T> = Result<T, TxError>;

pub(super) fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("records serialize")
}

pub(super) fn decode<T: DeserializeOwned>(
    tree: &'static str,
    key: &[u8],
    bytes: &[u8],
) -> Result<T, StoreError> {
    serde_json::from_slice(bytes).map_err(|source| StoreError::Decode {
        tree,
        key: String::from_utf8_lossy(key).into_owned(),
        source,
    })
}

/// The error of a finished transaction.
pub(super) fn tx_error(e: TxError) -> StoreError {
    match e {
        TxError::Storage(e) => StoreError::Sled(e),
        TxError::Abort(e) => e,
    }
}

/// A store error inside a transaction aborts it.
pub(super) fn abort(e: StoreError) -> TxError {
    TxError::Abort(e)
}

pub(super) fn locked<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A big-endian u64 (counters); 0 for anything else.
pub(super) fn u64_of(bytes: &[u8]) -> u64 {
    bytes.try_into().map(u64::from_be_bytes).unwrap_or(0)
}

/// A big-endian i64 at `at` of a key (user ids in composite keys).
pub(super) fn i64_at(key: &[u8], at: usize) -> i64 {
    key.get(at..at + 8)
        .and_then(|b| b.try_into().ok())
        .map_or(0, i64::from_be_bytes)
}

/// Two big-endian ids side by side: `sessions` (chat, user), `bc_ledger`
/// and `bc_pending` (job, user).
pub(super) fn pair_key(first: [u8; 8], second: i64) -> [u8; 16] {
    let mut k = [0u8; 16];
    k[..8].copy_from_slice(&first);
    k[8..].copy_from_slice(&second.to_be_bytes());
    k
}

pub(super) fn session_key(chat: i64, user: i64) -> [u8; 16] {
    pair_key(chat.to_be_bytes(), user)
}

pub(super) fn ledger_key(job: u64, user: i64) -> [u8; 16] {
    pair_key(job.to_be_bytes(), user)
}

/// `tickets_by_user`: the user id, then the ticket number.
pub(super) fn ticket_index_key(user: i64, number: &str) -> Vec<u8> {
    let mut k = user.to_be_bytes().to_vec();
    k.extend_from_slice(number.as_bytes());
    k
}

/// The next value of a counter in `counters` (1 for a new one), inside a
/// transaction: ticket numbers per prefix and year (`PRD-2026`), broadcast
/// ids (`broadcast`). Never reused, never skipped.
pub(super) fn next_count(counters: &TxTree<'_, '_>, key: &[u8]) -> TxResult<u64> {
    let next = counters.get(key)?.map_or(0, |v| u64_of(&v)) + 1;
    counters.insert(key, &next.to_be_bytes())?;
    Ok(next)
}
