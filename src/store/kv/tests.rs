//! The trees' core, tested: layers over sled, transactions, the journal
//! across checkpoints and crashes.

use super::*;
use crate::store::codec::TxError;

fn kv() -> (tempfile::TempDir, Arc<Kv>) {
    let dir = tempfile::tempdir().unwrap();
    let db = sled::Config::new().path(dir.path()).open().unwrap();
    let kv = Kv::open(db, Some(dir.path())).unwrap();
    (dir, kv)
}

fn all(t: &Tree) -> Vec<(Vec<u8>, Vec<u8>)> {
    t.iter()
        .map(|r| r.map(|(k, v)| (k.to_vec(), v.to_vec())).unwrap())
        .collect()
}

#[test]
fn reads_merge_the_layers_over_sled_through_checkpoints() {
    let (_dir, kv) = kv();
    let t = kv.tree("meta");
    t.insert(b"a", &b"1"[..]).unwrap();
    t.insert(b"c", &b"3"[..]).unwrap();
    kv.checkpoint().unwrap();
    t.insert(b"b", &b"2"[..]).unwrap();
    t.remove(b"c").unwrap();
    t.insert(b"d", &b"4"[..]).unwrap();
    t.remove(b"d").unwrap();
    assert_eq!(
        all(&t),
        vec![
            (b"a".to_vec(), b"1".to_vec()),
            (b"b".to_vec(), b"2".to_vec())
        ]
    );
    assert_eq!(t.get(b"c").unwrap(), None);
    assert_eq!(t.scan_prefix(b"b").count(), 1);
    // Removed and fresh: no entry left behind.
    assert!(!read(&kv.layers).active.maps[8].contains_key(&b"d"[..]));
    kv.checkpoint().unwrap();
    assert_eq!(all(&t).len(), 2);
    assert_eq!(kv.trees[8].len(), 2);
}

fn fresh(kv: &Kv, tree: usize, key: &[u8]) -> bool {
    read(&kv.layers).active.maps[tree][key].fresh
}

#[test]
fn a_key_above_what_sled_holds_is_new_without_a_lookup_and_one_below_is_looked_up() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (db, path) = (sled::Config::new().path(dir.path()).open(), dir.path());
        let kv = Kv::open(db.unwrap(), Some(path)).unwrap();
        let t = kv.tree("meta");
        assert_eq!(read(&kv.layers).sled_top[8], None);
        t.insert(b"b", &b"1"[..]).unwrap();
        t.insert(b"d", &b"2"[..]).unwrap();
        kv.checkpoint().unwrap();
        t.remove(b"d").unwrap();
        kv.checkpoint().unwrap();
        // Raised to each frozen layer's last key, a removal too: a
        // bound, not always a key sled holds.
        assert_eq!(read(&kv.layers).sled_top[8].as_deref(), Some(&b"d"[..]));
        assert_eq!(kv.trees[8].len(), 1);
    }
    let db = sled::Config::new().path(dir.path()).open().unwrap();
    let kv = Kv::open(db, Some(dir.path())).unwrap();
    let t = kv.tree("meta");
    // At open: sled's greatest key.
    assert_eq!(read(&kv.layers).sled_top[8].as_deref(), Some(&b"b"[..]));
    assert_eq!(t.greatest_key_bound().as_deref(), Some(&b"b"[..]));
    t.insert(b"c", &b"3"[..]).unwrap();
    assert_eq!(t.greatest_key_bound().as_deref(), Some(&b"c"[..]));
    t.insert(b"a", &b"4"[..]).unwrap();
    t.insert(b"b", &b"5"[..]).unwrap();
    assert!(fresh(&kv, 8, b"c"), "above sled's greatest key");
    assert!(fresh(&kv, 8, b"a"), "below it, looked up, not there");
    assert!(!fresh(&kv, 8, b"b"), "in sled");
    // Removing what sled holds leaves a removal that reaches it.
    t.remove(b"b").unwrap();
    t.remove(b"c").unwrap();
    assert!(!read(&kv.layers).active.maps[8].contains_key(&b"c"[..]));
    kv.checkpoint().unwrap();
    assert_eq!(all(&t), vec![(b"a".to_vec(), b"4".to_vec())]);
    assert_eq!(kv.trees[8].len(), 1);
}

#[test]
fn an_aborted_transaction_writes_nothing() {
    let (_dir, kv) = kv();
    let t = kv.tree("counters");
    let r: TxResult<()> = kv.transaction(|txn| {
        txn.on(&t).insert(b"x", &b"1"[..])?;
        assert_eq!(txn.on(&t).get(b"x")?.as_deref(), Some(&b"1"[..]));
        Err(TxError::Storage(sled::Error::Unsupported("no".into())))
    });
    assert!(r.is_err());
    assert_eq!(t.get(b"x").unwrap(), None);
}

#[test]
fn a_damaged_segment_before_the_last_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    {
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        let kv = Kv::open(db, Some(dir.path())).unwrap();
        kv.tree("meta").insert(b"a", &b"1"[..]).unwrap();
        kv.sync().unwrap();
        // A second segment, as a checkpoint would start, and a record in it.
        locked(&kv.io).rotate().unwrap();
        kv.tree("meta").insert(b"b", &b"2"[..]).unwrap();
        kv.sync().unwrap();
    }
    let segments = journal::segments(&dir.path().join(journal::DIR)).unwrap();
    assert_eq!(segments.len(), 2);
    let first = &segments[0].1;
    let mut bytes = std::fs::read(first).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    std::fs::write(first, bytes).unwrap();
    let db = sled::Config::new().path(dir.path()).open().unwrap();
    let refused = Kv::open(db, Some(dir.path())).err().unwrap();
    assert!(refused.to_string().contains("is damaged"), "{refused}");
}

#[test]
fn synced_writes_come_back_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    {
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        let kv = Kv::open(db, Some(dir.path())).unwrap();
        let t = kv.tree("sessions");
        t.insert(b"k", &b"v1"[..]).unwrap();
        kv.checkpoint().unwrap();
        t.insert(b"k", &b"v2"[..]).unwrap();
        t.insert(b"gone", &b"x"[..]).unwrap();
        kv.sync().unwrap();
        // Not synced: as if the process died before the group commit.
        t.insert(b"late", &b"x"[..]).unwrap();
        locked(&kv.writer).buf.clear();
        // No checkpoint: the drop below is a crash for the layers.
    }
    let db = sled::Config::new().path(dir.path()).open().unwrap();
    let kv = Kv::open(db, Some(dir.path())).unwrap();
    let t = kv.tree("sessions");
    assert_eq!(t.get(b"k").unwrap().as_deref(), Some(&b"v2"[..]));
    assert_eq!(t.get(b"gone").unwrap().as_deref(), Some(&b"x"[..]));
    assert_eq!(t.get(b"late").unwrap(), None);
    assert_eq!(
        journal::segments(&dir.path().join(journal::DIR))
            .unwrap()
            .len(),
        1
    );
}
