//! What the benchmarks share: the public-domain example texts they build corpora from.

use std::path::PathBuf;

/// The folder of example texts.
pub fn examples_dir() -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// The example texts, in file-name order.
pub fn example_texts() -> Vec<String> {
    let mut names: Vec<_> = std::fs::read_dir(examples_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}
