//! The keys on disk, `keyring.keys`: one fixed-size slot per owner (a
//! person, or an epoch of the transit rows), found by hashing the owner
//! id (open addressing, linear probing). The bot reads only the slots it
//! needs and keeps the keys it used last in memory, a bounded number, so
//! memory does not grow with the people who are not chatting.
//!
//! ```text
//! header := "OPOPKEYS" | version u32 LE | slots u32 LE (a power of two)
//!           | 48 zero bytes                                   (64 bytes)
//! slot   := owner i64 LE | generation u32 LE | state u32 LE | key
//!           | 12 zero bytes | CRC-32 of the 60 bytes before  (64 bytes)
//! state  := 0 empty | 1 a key | 2 destroyed (generation: the owner's next,
//!           key: zeros)
//! ```
//!
//! A new key is written into its slot and synced before anything sealed
//! with it can reach the store. Destroying a key overwrites its slot in
//! place and syncs, so the file does not keep it. A slot is 64 bytes at a
//! multiple of 64, inside one disk sector, so it is written whole or not
//! at all; its checksum says so if not. When half the slots are
//! used the table is written whole at twice the size (temporary name,
//! sync, rename), which is also how a keyring of an older version
//! (`keyring.json` holding every key) is converted.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

/// The file's name in the data folder.
pub const FILE: &str = "keyring.keys";
const MAGIC: &[u8; 8] = b"OPOPKEYS";
const VERSION: u32 = 1;
const HEADER: usize = 64;
const SLOT: usize = 64;
/// A new table's slots.
const FIRST_SLOTS: u32 = 1024;
/// Keys kept in memory: the ones used last, at most twice this many.
const CACHED: usize = 4096;

/// What an owner's slot holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Entry {
    Key {
        generation: u32,
        key: [u8; 32],
    },
    /// The key was destroyed; `next` is the generation of the owner's
    /// next key.
    Destroyed {
        next: u32,
    },
}

impl Entry {
    fn encode(self, owner: i64) -> [u8; SLOT] {
        let mut slot = [0u8; SLOT];
        slot[..8].copy_from_slice(&owner.to_le_bytes());
        let (generation, state, key) = match self {
            Entry::Key { generation, key } => (generation, 1u32, key),
            Entry::Destroyed { next } => (next, 2, [0; 32]),
        };
        slot[8..12].copy_from_slice(&generation.to_le_bytes());
        slot[12..16].copy_from_slice(&state.to_le_bytes());
        slot[16..48].copy_from_slice(&key);
        let crc = crc32fast::hash(&slot[..60]);
        slot[60..].copy_from_slice(&crc.to_le_bytes());
        slot
    }

    /// The owner and entry of a slot; `None` for an empty one.
    fn decode(slot: &[u8]) -> io::Result<Option<(i64, Entry)>> {
        if slot.iter().all(|b| *b == 0) {
            return Ok(None);
        }
        if crc32fast::hash(&slot[..60]).to_le_bytes() != slot[60..64] {
            return Err(damaged());
        }
        let owner = i64::from_le_bytes(slot[..8].try_into().expect("8 bytes"));
        let generation = u32::from_le_bytes(slot[8..12].try_into().expect("4 bytes"));
        let entry = match u32::from_le_bytes(slot[12..16].try_into().expect("4 bytes")) {
            0 => return Ok(None),
            1 => Entry::Key {
                generation,
                key: slot[16..48].try_into().expect("32 bytes"),
            },
            2 => Entry::Destroyed { next: generation },
            _ => return Err(damaged()),
        };
        Ok(Some((owner, entry)))
    }
}

fn damaged() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        "a slot of keyring.keys is damaged",
    )
}

/// Where the slots live: the file, or memory (temporary stores).
enum Backing {
    File(File),
    Memory(Vec<u8>),
}

impl Backing {
    fn read_slot(&self, index: u32) -> io::Result<[u8; SLOT]> {
        let at = HEADER + index as usize * SLOT;
        let mut slot = [0u8; SLOT];
        match self {
            Backing::File(f) => f.read_exact_at(&mut slot, at as u64)?,
            Backing::Memory(m) => slot.copy_from_slice(&m[at..at + SLOT]),
        }
        Ok(slot)
    }

    fn write_slot(&mut self, index: u32, slot: &[u8; SLOT]) -> io::Result<()> {
        let at = HEADER + index as usize * SLOT;
        match self {
            Backing::File(f) => f.write_all_at(slot, at as u64),
            Backing::Memory(m) => {
                m[at..at + SLOT].copy_from_slice(slot);
                Ok(())
            }
        }
    }

    /// Writes `entries` into an empty table of `slots`.
    fn fill(
        &mut self,
        slots: u32,
        entries: impl Iterator<Item = io::Result<(i64, Entry)>>,
    ) -> io::Result<()> {
        for e in entries {
            let (owner, entry) = e?;
            let (index, _) = self.probe(slots, owner)?;
            self.write_slot(index, &entry.encode(owner))?;
        }
        Ok(())
    }

    /// The slot of `owner` in a table of `slots`: its own, or the empty
    /// one where it would go.
    fn probe(&self, slots: u32, owner: i64) -> io::Result<(u32, Option<Entry>)> {
        let mask = slots - 1;
        let mut index = hash(owner) as u32 & mask;
        for _ in 0..slots {
            let slot = self.read_slot(index)?;
            match Entry::decode(&slot)? {
                None => return Ok((index, None)),
                Some((o, entry)) if o == owner => return Ok((index, Some(entry))),
                Some(_) => index = (index + 1) & mask,
            }
        }
        Err(damaged())
    }
}

/// A fixed mix of the owner id (the same in every process: it places
/// slots in the file).
fn hash(owner: i64) -> u64 {
    let mut x = owner as u64;
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn header(slots: u32) -> [u8; HEADER] {
    let mut h = [0u8; HEADER];
    h[..8].copy_from_slice(MAGIC);
    h[8..12].copy_from_slice(&VERSION.to_le_bytes());
    h[12..16].copy_from_slice(&slots.to_le_bytes());
    h
}

/// Every slot not empty, read in chunks of [`CHUNK`] slots.
struct Slots<'b> {
    backing: &'b Backing,
    slots: u32,
    next: u32,
    chunk: Vec<u8>,
    at: usize,
}

/// Slots read at once when scanning the table.
const CHUNK: u32 = 1024;

impl<'b> Slots<'b> {
    fn new(backing: &'b Backing, slots: u32) -> Slots<'b> {
        Slots {
            backing,
            slots,
            next: 0,
            chunk: Vec::new(),
            at: 0,
        }
    }

    fn next_slot(&mut self) -> io::Result<Option<[u8; SLOT]>> {
        if self.at == self.chunk.len() {
            if self.next == self.slots {
                return Ok(None);
            }
            let n = CHUNK.min(self.slots - self.next) as usize;
            let from = HEADER + self.next as usize * SLOT;
            self.chunk.resize(n * SLOT, 0);
            match self.backing {
                Backing::File(f) => f.read_exact_at(&mut self.chunk, from as u64)?,
                Backing::Memory(m) => self.chunk.copy_from_slice(&m[from..from + n * SLOT]),
            }
            self.next += n as u32;
            self.at = 0;
        }
        let slot = self.chunk[self.at..self.at + SLOT]
            .try_into()
            .expect("a slot");
        self.at += SLOT;
        Ok(Some(slot))
    }
}

impl Iterator for Slots<'_> {
    type Item = io::Result<(i64, Entry)>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.next_slot() {
                Ok(Some(slot)) => match Entry::decode(&slot) {
                    Ok(Some(e)) => return Some(Ok(e)),
                    Ok(None) => continue,
                    Err(e) => return Some(Err(e)),
                },
                Ok(None) => return None,
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

/// The table, and the entries used last.
pub struct KeyFile {
    path: Option<PathBuf>,
    backing: Backing,
    slots: u32,
    /// Slots not empty.
    used: u32,
    hot: HashMap<i64, Entry>,
    cold: HashMap<i64, Entry>,
    /// Slots written without a sync since the last one.
    unsynced: bool,
}

fn empty_table(slots: u32) -> Vec<u8> {
    let mut m = header(slots).to_vec();
    m.resize(HEADER + slots as usize * SLOT, 0);
    m
}

impl KeyFile {
    /// A table in memory only.
    pub fn memory() -> KeyFile {
        KeyFile::new(
            None,
            Backing::Memory(empty_table(FIRST_SLOTS)),
            FIRST_SLOTS,
            0,
        )
    }

    fn new(path: Option<PathBuf>, backing: Backing, slots: u32, used: u32) -> KeyFile {
        KeyFile {
            path,
            backing,
            slots,
            used,
            hot: HashMap::new(),
            cold: HashMap::new(),
            unsynced: false,
        }
    }

    /// Opens the table in a data folder; `None` when there is none.
    pub fn open(dir: &Path) -> io::Result<Option<KeyFile>> {
        let path = dir.join(FILE);
        let file = match OpenOptions::new().read(true).write(true).open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let mut h = [0u8; HEADER];
        file.read_exact_at(&mut h, 0)?;
        let slots = u32::from_le_bytes(h[12..16].try_into().expect("4 bytes"));
        if &h[..8] != MAGIC
            || u32::from_le_bytes(h[8..12].try_into().expect("4 bytes")) != VERSION
            || !slots.is_power_of_two()
            || file.metadata()?.len() != (HEADER + slots as usize * SLOT) as u64
        {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "keyring.keys is not a key table of this version",
            ));
        }
        let backing = Backing::File(file);
        // Counted, not kept: the file has the slots. Every slot is read
        // once, so a damaged one is found now, not when it is needed.
        let mut used = 0;
        for e in Slots::new(&backing, slots) {
            e?;
            used += 1;
        }
        Ok(Some(KeyFile::new(Some(path), backing, slots, used)))
    }

    /// Writes a new table in a data folder holding `entries` (whole:
    /// temporary name, sync, rename) and opens it.
    pub fn create(dir: &Path, entries: &[(i64, Entry)]) -> io::Result<KeyFile> {
        let slots = slots_for(entries.len());
        let path = dir.join(FILE);
        let file = write_table(&path, slots, entries.iter().copied().map(Ok))?;
        let used = entries.len() as u32;
        Ok(KeyFile::new(Some(path), Backing::File(file), slots, used))
    }

    /// The entry of `owner`, if it has a slot.
    pub fn get(&mut self, owner: i64) -> io::Result<Option<Entry>> {
        if let Some(e) = self.hot.get(&owner) {
            return Ok(Some(*e));
        }
        let entry = match self.cold.remove(&owner) {
            Some(e) => Some(e),
            None => self.backing.probe(self.slots, owner)?.1,
        };
        if let Some(e) = entry {
            self.remember(owner, e);
        }
        Ok(entry)
    }

    fn remember(&mut self, owner: i64, entry: Entry) {
        if self.hot.len() >= CACHED && !self.hot.contains_key(&owner) {
            self.cold = std::mem::take(&mut self.hot);
        }
        self.hot.insert(owner, entry);
    }

    /// Sets `owner`'s slot; synced before it returns unless `sync` is
    /// false (then [`KeyFile::sync`] does it). If it fails, a key being
    /// destroyed is gone from memory all the same, and any other entry
    /// is read from the file again when next needed.
    pub fn set(&mut self, owner: i64, entry: Entry, sync: bool) -> io::Result<()> {
        self.hot.remove(&owner);
        self.cold.remove(&owner);
        if let Entry::Destroyed { .. } = entry {
            self.remember(owner, entry);
        }
        self.write(owner, entry, sync)?;
        self.remember(owner, entry);
        Ok(())
    }

    fn write(&mut self, owner: i64, entry: Entry, sync: bool) -> io::Result<()> {
        let (index, old) = self.backing.probe(self.slots, owner)?;
        if old.is_none() && (self.used + 1) * 2 > self.slots {
            return self.grow(owner, entry);
        }
        self.unsynced = true;
        self.backing.write_slot(index, &entry.encode(owner))?;
        if old.is_none() {
            self.used += 1;
        }
        if sync {
            self.sync()?;
        }
        Ok(())
    }

    /// Syncs what [`KeyFile::set`] wrote without.
    pub fn sync(&mut self) -> io::Result<()> {
        if self.unsynced {
            if let Backing::File(f) = &self.backing {
                f.sync_data()?;
            }
            self.unsynced = false;
        }
        Ok(())
    }

    /// The owners below zero (epochs) that have a key.
    pub fn epochs(&self) -> io::Result<Vec<i64>> {
        let mut epochs = Vec::new();
        for e in Slots::new(&self.backing, self.slots) {
            if let (owner, Entry::Key { .. }) = e?
                && owner < 0
            {
                epochs.push(owner);
            }
        }
        Ok(epochs)
    }

    /// Writes the table whole at twice the size, with `owner`'s new entry.
    fn grow(&mut self, owner: i64, entry: Entry) -> io::Result<()> {
        self.sync()?;
        let slots = self.slots * 2;
        let all = Slots::new(&self.backing, self.slots).chain(std::iter::once(Ok((owner, entry))));
        let backing = match &self.path {
            // The file written, renamed into place: its handle is the
            // table's from now on.
            Some(path) => Backing::File(write_table(path, slots, all)?),
            None => {
                let mut table = Backing::Memory(empty_table(slots));
                table.fill(slots, all)?;
                table
            }
        };
        self.backing = backing;
        self.slots = slots;
        self.used += 1;
        Ok(())
    }
}

/// The slots of a new table for `n` entries: at most half used.
fn slots_for(n: usize) -> u32 {
    let mut slots = FIRST_SLOTS;
    while (n as u64 + 1) * 2 > u64::from(slots) {
        slots *= 2;
    }
    slots
}

/// Writes a table of `slots` holding `entries`, whole, at `path`, and
/// returns it open (to read and write).
fn write_table(
    path: &Path,
    slots: u32,
    entries: impl Iterator<Item = io::Result<(i64, Entry)>>,
) -> io::Result<File> {
    let tmp = crate::files::partial(path);
    let result = (|| {
        // Created private, then opened to read as well (probing reads).
        drop(crate::files::create(&tmp)?);
        let file = OpenOptions::new().read(true).write(true).open(&tmp)?;
        file.write_all_at(&header(slots), 0)?;
        file.set_len((HEADER + slots as usize * SLOT) as u64)?;
        let mut backing = Backing::File(file);
        backing.fill(slots, entries)?;
        let Backing::File(file) = backing else {
            unreachable!("a file")
        };
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        crate::files::sync_dir(path);
        Ok(file)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> Entry {
        Entry::Key {
            generation: u32::from(n) + 7,
            key: [n; 32],
        }
    }

    #[test]
    fn entries_come_back_from_the_file_and_grow_past_the_first_size() {
        let dir = tempfile::tempdir().unwrap();
        let mut table = KeyFile::create(dir.path(), &[]).unwrap();
        assert_eq!(table.get(5).unwrap(), None);
        // More than half of the first size, so the table grows twice.
        for owner in 0..1500i64 {
            table
                .set(owner * 7919 - 3, key(owner as u8), owner % 100 == 0)
                .unwrap();
        }
        table.set(-1, key(9), true).unwrap();
        table.set(14, Entry::Destroyed { next: 3 }, true).unwrap();
        drop(table);
        let mut again = KeyFile::open(dir.path()).unwrap().unwrap();
        assert_eq!(again.slots, 4096);
        assert_eq!(again.used, 1502);
        for owner in 0..1500i64 {
            assert_eq!(again.get(owner * 7919 - 3).unwrap(), Some(key(owner as u8)));
        }
        assert_eq!(again.get(-1).unwrap(), Some(key(9)));
        assert_eq!(again.get(14).unwrap(), Some(Entry::Destroyed { next: 3 }));
        assert_eq!(again.get(15).unwrap(), None);
        // Owner 0 of the loop is -3: below zero, as epochs are.
        let mut epochs = again.epochs().unwrap();
        epochs.sort();
        assert_eq!(epochs, vec![-3, -1]);
    }

    #[test]
    fn a_destroyed_key_is_gone_from_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut table = KeyFile::create(dir.path(), &[(1001, key(0xAB))]).unwrap();
        let bytes = std::fs::read(dir.path().join(FILE)).unwrap();
        assert!(bytes.windows(32).any(|w| w == [0xAB; 32]));
        table.set(1001, Entry::Destroyed { next: 9 }, true).unwrap();
        let bytes = std::fs::read(dir.path().join(FILE)).unwrap();
        assert!(!bytes.windows(32).any(|w| w == [0xAB; 32]));
        assert_eq!(table.get(1001).unwrap(), Some(Entry::Destroyed { next: 9 }));
    }

    #[test]
    fn memory_holds_a_bounded_number_of_entries() {
        let mut table = KeyFile::memory();
        for owner in 0..20_000i64 {
            table.set(owner, key(owner as u8), false).unwrap();
        }
        assert!(table.hot.len() + table.cold.len() <= 2 * CACHED);
        for owner in (0..20_000i64).step_by(37) {
            assert_eq!(table.get(owner).unwrap(), Some(key(owner as u8)));
        }
        assert!(table.hot.len() + table.cold.len() <= 2 * CACHED);
    }

    #[test]
    fn a_slot_written_in_part_is_found_at_open() {
        let dir = tempfile::tempdir().unwrap();
        drop(KeyFile::create(dir.path(), &[(1001, key(0xAB))]).unwrap());
        let path = dir.path().join(FILE);
        let mut bytes = std::fs::read(&path).unwrap();
        let at = bytes.windows(32).position(|w| w == [0xAB; 32]).unwrap();
        // The key's second half never reached the disk.
        bytes[at + 16..at + 32].fill(0);
        std::fs::write(&path, &bytes).unwrap();
        let err = KeyFile::open(dir.path()).err().expect("refused");
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        assert!(err.to_string().contains("damaged"), "{err}");
    }

    #[test]
    fn a_file_of_another_kind_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE), b"{\"not\":\"a table\"}").unwrap();
        assert!(KeyFile::open(dir.path()).is_err());
    }
}
