//! How the desk gets a product photo it has not cached: from Telegram,
//! by file id. The cache itself is the store's (`store::PhotoCache`), so
//! an erasure reaches it.

use std::future::Future;
use std::pin::Pin;

/// Fetches a Telegram file's bytes by its file id.
pub trait Fetch: Send + Sync {
    fn fetch<'a>(
        &'a self,
        file_id: &'a str,
    ) -> Pin<Box<dyn Future<Output = Result<Vec<u8>, String>> + Send + 'a>>;
}
