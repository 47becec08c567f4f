//! Every file the bot writes is private to its user: folders 0700, files
//! 0600, whatever the umask (the process also sets its umask to 0077 at
//! start, for the files other libraries write, sled's among them). A file
//! that must be whole is written to a temporary name beside it, synced and
//! renamed.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Owner only: read and write (files) and enter (folders).
pub const FILE_MODE: u32 = 0o600;
pub const DIR_MODE: u32 = 0o700;

/// Makes everything this process creates from now on private to its user.
pub fn private_umask() {
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file mode creation mask.
    unsafe {
        libc::umask(0o077);
    }
}

/// Creates (or truncates) a file only its owner can read.
pub fn create(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, FILE_MODE);
    let file = options.open(path)?;
    // An existing file keeps its old mode on open: set it.
    set_mode(path, FILE_MODE)?;
    Ok(file)
}

/// Creates a folder (and its parents) and makes it private.
pub fn create_dir(path: &Path) -> io::Result<()> {
    std::fs::create_dir_all(path)?;
    set_mode(path, DIR_MODE)
}

fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
    Ok(())
}

/// The temporary name a whole file is written under before it is renamed.
pub fn partial(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    path.with_file_name(name)
}

/// Writes a private file whole: a temporary name, sync, rename, sync of the
/// folder. `write` fills it.
pub fn write_whole(
    path: &Path,
    write: impl FnOnce(&mut io::BufWriter<File>) -> io::Result<()>,
) -> io::Result<()> {
    let tmp = partial(path);
    let result = (|| {
        let mut file = io::BufWriter::new(create(&tmp)?);
        write(&mut file)?;
        file.flush()?;
        file.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&tmp, path)?;
        sync_dir(path);
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Syncs the folder holding `path`, so a rename in it is durable.
pub fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

/// Removes what a crash left half-written in `dir`: temporary files of
/// whole writes (`.partial`), and those of older versions (`.scrub`,
/// `keyring.json.tmp`). Returns how many.
pub fn remove_leftovers(dir: &Path) -> io::Result<usize> {
    let mut removed = 0;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(0);
    };
    for entry in entries {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let leftover =
            name.ends_with(".partial") || name.ends_with(".scrub") || name == "keyring.json.tmp";
        if leftover && path.is_file() {
            std::fs::remove_file(&path)?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Makes a folder and everything in it private (a data folder created by an
/// older version, or copied with a loose umask).
pub fn make_private(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::symlink_metadata(dir)?;
        if meta.file_type().is_symlink() {
            return Ok(());
        }
        if meta.is_dir() {
            if meta.permissions().mode() & 0o077 != 0 {
                set_mode(dir, DIR_MODE)?;
            }
            for entry in std::fs::read_dir(dir)? {
                make_private(&entry?.path())?;
            }
        } else if meta.permissions().mode() & 0o077 != 0 {
            set_mode(dir, FILE_MODE)?;
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The names the store keeps at the top of its data folder.
const STORE_FILES: &[&str] = &[
    "db",
    "conf",
    "blobs",
    "journal",
    "keyring.json",
    "keyring.keys",
    "control.sock",
    "backups",
];

/// Whether `path` is one of the data folder's own files (the store, its
/// keyring, its socket, its backups) or the folder itself, so that an
/// operator command never writes over them.
pub fn is_store_file(path: &Path, data_dir: &Path) -> bool {
    let (path, dir) = (resolve(path), resolve(data_dir));
    let Ok(rest) = path.strip_prefix(&dir) else {
        return false;
    };
    match rest.components().next() {
        None => true,
        Some(first) => {
            let first = first.as_os_str().to_string_lossy();
            STORE_FILES.contains(&first.as_ref()) || first.starts_with("snap.")
        }
    }
}

/// A path made absolute, with its deepest existing ancestor resolved
/// (links, `..`) and the rest appended.
fn resolve(p: &Path) -> PathBuf {
    let absolute = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut existing = absolute.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    resolved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn files_are_private_whatever_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let loose = dir.path().join("loose");
        std::fs::write(&loose, b"x").unwrap();
        std::fs::set_permissions(&loose, std::fs::Permissions::from_mode(0o666)).unwrap();
        let sub = dir.path().join("sub");
        create_dir(&sub).unwrap();
        write_whole(&sub.join("whole"), |f| f.write_all(b"data")).unwrap();
        assert_eq!(mode(&sub), 0o700);
        assert_eq!(mode(&sub.join("whole")), 0o600);
        assert!(!partial(&sub.join("whole")).exists());
        make_private(dir.path()).unwrap();
        assert_eq!(mode(&loose), 0o600);
        std::fs::write(sub.join("opop-2026-11-28.jsonl.partial"), b"half").unwrap();
        std::fs::write(sub.join("opop-2026-11-27.scrub"), b"half").unwrap();
        assert_eq!(remove_leftovers(&sub).unwrap(), 2);
        assert!(sub.join("whole").exists());
        assert!(!is_store_file(Path::new("/etc/passwd"), dir.path()));
        assert!(is_store_file(&dir.path().join("keyring.json"), dir.path()));
        assert!(is_store_file(
            &dir.path().join("backups/x.jsonl"),
            dir.path()
        ));
        assert!(is_store_file(dir.path(), dir.path()));
        assert!(!is_store_file(&dir.path().join("manual.jsonl"), dir.path()));
    }
}
