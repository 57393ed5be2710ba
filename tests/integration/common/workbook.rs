//! A workbook's parts, as its zip holds them.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

/// Every part of the workbook `bytes` by its name ("xl/worksheets/sheet1.xml").
pub fn parts(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    (0..archive.len())
        .map(|index| {
            let mut part = archive.by_index(index).expect("a part");
            let mut content = Vec::new();
            part.read_to_end(&mut content).expect("read");
            (part.name().expect("a name").into_owned(), content)
        })
        .collect()
}
