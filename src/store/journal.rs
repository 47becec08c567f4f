//! The journal: the store's write-ahead log. Every committed write set
//! (an event's transaction, a batch, one insert) is appended as ONE
//! record; a group commit writes the records gathered since the last one
//! and syncs the file once for all of them. A checkpoint (`kv.rs`) brings
//! sled up to date and then removes the segments it covered; at open, the
//! segments left are replayed into sled.
//!
//! ```text
//! journal/00000000000000000007     one segment per checkpoint period
//! record := body length u32 LE | CRC-32 of body u32 LE | body
//! body   := ops u32 LE | op*
//! op     := tree u8 | 0 (removed) or 1 (set) | key length u32 LE | key
//!           | value length u32 LE | value        (value only when set)
//! ```
//!
//! A record that is cut short or fails its CRC ends its segment: a crash
//! while it was written, before any flush covered it, so nothing that
//! depended on it was shown to anyone. Values are stored as the trees
//! hold them (personal ones sealed), so the journal adds nothing
//! readable to the data folder.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// The journal's folder inside the data folder.
pub(super) const DIR: &str = "journal";

/// One write of a record: a key set to a value, or removed.
pub(super) struct Op<'a> {
    pub tree: u8,
    pub key: &'a [u8],
    pub value: Option<&'a [u8]>,
}

/// Appends one record holding `ops` to `buf`.
pub(super) fn encode<'a>(buf: &mut Vec<u8>, ops: impl IntoIterator<Item = Op<'a>>) {
    let start = buf.len();
    buf.extend_from_slice(&[0; 8]);
    buf.extend_from_slice(&[0; 4]);
    let mut n: u32 = 0;
    for op in ops {
        n += 1;
        buf.push(op.tree);
        buf.push(u8::from(op.value.is_some()));
        buf.extend_from_slice(&(op.key.len() as u32).to_le_bytes());
        buf.extend_from_slice(op.key);
        if let Some(v) = op.value {
            buf.extend_from_slice(&(v.len() as u32).to_le_bytes());
            buf.extend_from_slice(v);
        }
    }
    buf[start + 8..start + 12].copy_from_slice(&n.to_le_bytes());
    let body = &buf[start + 8..];
    let len = body.len() as u32;
    let crc = crc32fast::hash(body);
    buf[start..start + 4].copy_from_slice(&len.to_le_bytes());
    buf[start + 4..start + 8].copy_from_slice(&crc.to_le_bytes());
}

/// Decodes the records of one segment's bytes, calling `each` for every op
/// in order; stops at the first record cut short or damaged. Returns the
/// number of whole records.
pub(super) fn decode(bytes: &[u8], mut each: impl FnMut(Op<'_>)) -> (usize, bool) {
    let mut at = 0;
    let mut records = 0;
    while at < bytes.len() {
        let Some(body) = record_at(bytes, at) else {
            return (records, false);
        };
        let Some(ops) = ops_of(body) else {
            return (records, false);
        };
        for op in ops {
            each(op);
        }
        records += 1;
        at += 8 + body.len();
    }
    (records, true)
}

/// The body of the record at `at`, if it is whole and its CRC matches.
fn record_at(bytes: &[u8], at: usize) -> Option<&[u8]> {
    let len = u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize;
    let crc = u32::from_le_bytes(bytes.get(at + 4..at + 8)?.try_into().ok()?);
    let body = bytes.get(at + 8..(at + 8).checked_add(len)?)?;
    (crc32fast::hash(body) == crc).then_some(body)
}

/// A record body's ops, or `None` if it does not parse whole.
fn ops_of(body: &[u8]) -> Option<Vec<Op<'_>>> {
    let n = u32::from_le_bytes(body.get(..4)?.try_into().ok()?) as usize;
    let mut ops = Vec::with_capacity(n.min(1024));
    let mut at = 4;
    let take = |at: &mut usize, len: usize| -> Option<&[u8]> {
        let s = body.get(*at..at.checked_add(len)?)?;
        *at += len;
        Some(s)
    };
    let len_at = |at: &mut usize| -> Option<usize> {
        let s = body.get(*at..*at + 4)?;
        *at += 4;
        Some(u32::from_le_bytes(s.try_into().ok()?) as usize)
    };
    for _ in 0..n {
        let head = take(&mut at, 2)?;
        let (tree, set) = (head[0], head[1]);
        let klen = len_at(&mut at)?;
        let key = take(&mut at, klen)?;
        let value = if set == 1 {
            let vlen = len_at(&mut at)?;
            Some(take(&mut at, vlen)?)
        } else {
            None
        };
        ops.push(Op { tree, key, value });
    }
    (at == body.len()).then_some(ops)
}

/// The segment files of a journal folder, oldest first.
pub(super) fn segments(dir: &Path) -> io::Result<Vec<(u64, PathBuf)>> {
    let mut found = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(found),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let path = entry?.path();
        let seq = path
            .file_name()
            .and_then(|n| n.to_str())
            .filter(|n| n.len() == 20)
            .and_then(|n| n.parse::<u64>().ok());
        if let Some(seq) = seq {
            found.push((seq, path));
        }
    }
    found.sort();
    Ok(found)
}

/// Whether a data folder's journal holds any record.
pub(super) fn has_records(data: &Path) -> io::Result<bool> {
    for (_, path) in segments(&data.join(DIR))? {
        if std::fs::metadata(&path)?.len() > 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Reads a whole segment.
pub(super) fn read(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    File::open(path)?.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The segment being written, or nothing for a store in memory.
pub(super) struct Segments {
    dir: Option<PathBuf>,
    file: Option<File>,
    seq: u64,
    path: Option<PathBuf>,
    /// A write that failed: the file may end in half a record, so nothing
    /// more is written (the bot stops; the next start reads up to it).
    broken: Option<String>,
}

impl Segments {
    /// A journal that writes nothing (a temporary store).
    pub fn in_memory() -> Segments {
        Segments {
            dir: None,
            file: None,
            seq: 0,
            path: None,
            broken: None,
        }
    }

    /// Starts a new segment after `last` in `dir` (created private).
    pub fn start(dir: &Path, last: u64) -> io::Result<Segments> {
        crate::files::create_dir(dir)?;
        let mut s = Segments {
            dir: Some(dir.to_path_buf()),
            file: None,
            seq: last,
            path: None,
            broken: None,
        };
        s.rotate()?;
        Ok(s)
    }

    /// The error of an earlier failed write, if any.
    pub fn check(&self) -> io::Result<()> {
        match &self.broken {
            Some(e) => Err(io::Error::other(e.clone())),
            None => Ok(()),
        }
    }

    /// Writes `bytes` at the end of the current segment and syncs it.
    pub fn append(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.check()?;
        let Some(file) = self.file.as_mut() else {
            return Ok(());
        };
        if bytes.is_empty() {
            return Ok(());
        }
        let result = file.write_all(bytes).and_then(|()| file.sync_data());
        if let Err(e) = &result {
            self.broken = Some(e.to_string());
        }
        result
    }

    /// Starts the next segment; returns the path of the one it ends.
    pub fn rotate(&mut self) -> io::Result<Option<PathBuf>> {
        self.check()?;
        let Some(dir) = &self.dir else {
            return Ok(None);
        };
        self.seq += 1;
        let path = dir.join(format!("{:020}", self.seq));
        let file = crate::files::create(&path)?;
        // The new name must survive a crash before anything in it counts.
        crate::files::sync_dir(&path);
        self.file = Some(file);
        Ok(self.path.replace(path))
    }
}

/// Removes segments a checkpoint covered, durably (so an older segment can
/// never come back after a newer one is gone).
pub(super) fn remove(paths: &[PathBuf]) -> io::Result<()> {
    for p in paths {
        std::fs::remove_file(p)?;
        // Oldest first, each removal durable before the next.
        if let Some(dir) = p.parent() {
            File::open(dir)?.sync_all()?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_read_back_and_a_torn_tail_ends_the_segment() {
        let mut buf = Vec::new();
        encode(
            &mut buf,
            [
                Op {
                    tree: 3,
                    key: b"k1",
                    value: Some(b"v1"),
                },
                Op {
                    tree: 4,
                    key: b"k2",
                    value: None,
                },
            ],
        );
        encode(
            &mut buf,
            [Op {
                tree: 1,
                key: b"k3",
                value: Some(b""),
            }],
        );
        let whole = buf.len();
        let first = 8 + u32::from_le_bytes(buf[..4].try_into().unwrap()) as usize;
        let mut seen = Vec::new();
        let each = |seen: &mut Vec<_>, op: Op<'_>| {
            seen.push((op.tree, op.key.to_vec(), op.value.map(<[u8]>::to_vec)))
        };
        assert_eq!(decode(&buf, |op| each(&mut seen, op)), (2, true));
        assert_eq!(
            seen,
            vec![
                (3, b"k1".to_vec(), Some(b"v1".to_vec())),
                (4, b"k2".to_vec(), None),
                (1, b"k3".to_vec(), Some(Vec::new())),
            ]
        );
        for cut in 1..whole - 1 {
            let mut n = 0;
            let (records, clean) = decode(&buf[..cut], |_| n += 1);
            assert_eq!(clean, cut == first, "cut at {cut}");
            assert_eq!(records, usize::from(cut >= first));
        }
        buf[whole - 1] ^= 1;
        assert_eq!(decode(&buf, |_| {}), (1, false));
    }
}
