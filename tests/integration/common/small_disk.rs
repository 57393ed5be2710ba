//! A disk that can be filled, for what samla does when one is full.

/// A tmpfs of a few megabytes mounted on a folder of its own, unmounted when
/// dropped: a disk that can be filled.
pub struct SmallDisk {
    folder: std::path::PathBuf,
}

impl SmallDisk {
    /// Mounts one on `folder`; `None` (and why, on stderr) where this
    /// machine does not let a test mount, as outside CI without root.
    pub fn mount(folder: &std::path::Path) -> Option<Self> {
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=4m", "tmpfs"])
            .arg(folder)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        if !mounted {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI runs as root and mounts a tmpfs for the full-disk test"
            );
            eprintln!("skipped: mounting a tmpfs needs root; the full disk is tested in CI");
            return None;
        }
        Some(Self {
            folder: folder.to_owned(),
        })
    }

    /// Fills what is left of it.
    pub fn fill(&self) {
        use std::io::Write;
        let mut filler = std::fs::File::create(self.folder.join("filler")).expect("a filler");
        let block = vec![0u8; 64 * 1024];
        while filler.write_all(&block).is_ok() {}
        let _ = filler.sync_all();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.folder)
            .status();
        let _ = std::fs::remove_dir(&self.folder);
    }
}
