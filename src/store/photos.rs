//! Product photos for the desk: kept on disk under `data/desk-photos/`
//! (private, like every file the bot writes) by submitter and ticket,
//! within a size cap — the least recently used go first. An erasure
//! removes the person's folder (`finish_erasure`).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The cache's folder in the data folder.
const FOLDER: &str = "desk-photos";

/// The folder of cached photos, by submitter and ticket.
pub struct PhotoCache {
    dir: PathBuf,
    cap: u64,
    /// One writer at a time (the cap is kept after each write).
    writing: Mutex<()>,
}

impl PhotoCache {
    pub fn new(data_dir: &Path, cap_mb: u64) -> PhotoCache {
        PhotoCache {
            dir: data_dir.join(FOLDER),
            cap: cap_mb * 1024 * 1024,
            writing: Mutex::new(()),
        }
    }

    fn path(&self, user: i64, ticket: &str, index: usize) -> Option<PathBuf> {
        let plain = ticket
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
        plain.then(|| {
            self.dir
                .join(user.to_string())
                .join(format!("{ticket}-{index}.jpg"))
        })
    }

    /// A cached photo of `user`'s ticket, if there is one (its use is
    /// remembered).
    pub fn get(&self, user: i64, ticket: &str, index: usize) -> Option<Vec<u8>> {
        let path = self.path(user, ticket, index)?;
        let bytes = std::fs::read(&path).ok()?;
        if let Ok(f) = std::fs::File::options().write(true).open(&path) {
            let _ = f.set_modified(std::time::SystemTime::now());
        }
        Some(bytes)
    }

    /// Keeps a photo, then the cache within its cap.
    pub fn put(&self, user: i64, ticket: &str, index: usize, bytes: &[u8]) {
        let Some(path) = self.path(user, ticket, index) else {
            return;
        };
        let _one = self.writing.lock().unwrap_or_else(|e| e.into_inner());
        let written = path
            .parent()
            .map_or(Ok(()), crate::files::create_dir)
            .and_then(|()| {
                crate::files::write_whole(&path, |f| std::io::Write::write_all(f, bytes))
            });
        if let Err(e) = written {
            tracing::warn!(error = %e, "cannot cache a photo for the desk");
            return;
        }
        self.trim();
    }

    /// The least recently used photos go until the cache fits its cap.
    fn trim(&self) {
        let mut files: Vec<(std::time::SystemTime, u64, PathBuf)> = Vec::new();
        for dir in std::fs::read_dir(&self.dir).into_iter().flatten().flatten() {
            for f in std::fs::read_dir(dir.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                if let Ok(m) = f.metadata() {
                    let used = m.modified().unwrap_or(std::time::UNIX_EPOCH);
                    files.push((used, m.len(), f.path()));
                }
            }
        }
        let mut total: u64 = files.iter().map(|f| f.1).sum();
        files.sort();
        for (_, len, path) in files {
            if total <= self.cap {
                break;
            }
            if std::fs::remove_file(&path).is_ok() {
                total -= len;
            }
        }
    }

    /// Removes a person's photos (they erased their data).
    pub fn forget(data_dir: &Path, user: i64) {
        let dir = data_dir.join(FOLDER).join(user.to_string());
        if dir.is_dir()
            && let Err(e) = std::fs::remove_dir_all(&dir)
        {
            tracing::error!(error = %e, "cannot remove an erased person's cached photos");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_keeps_within_its_cap_and_forgets_a_person() {
        let dir = tempfile::tempdir().unwrap();
        let cache = PhotoCache {
            dir: dir.path().join(FOLDER),
            cap: 2_500,
            writing: Mutex::new(()),
        };
        cache.put(1, "PRD-2026-00001", 0, &[1; 1000]);
        std::thread::sleep(std::time::Duration::from_millis(20));
        cache.put(1, "PRD-2026-00002", 0, &[2; 1000]);
        std::thread::sleep(std::time::Duration::from_millis(20));
        cache.put(2, "PRD-2026-00003", 0, &[3; 1000]);
        assert!(
            cache.get(1, "PRD-2026-00001", 0).is_none(),
            "the oldest went"
        );
        assert_eq!(cache.get(2, "PRD-2026-00003", 0), Some(vec![3; 1000]));
        PhotoCache::forget(dir.path(), 2);
        assert!(cache.get(2, "PRD-2026-00003", 0).is_none());
        assert!(cache.get(1, "../etc", 0).is_none());
    }
}
