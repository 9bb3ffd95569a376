//! What the tokenizer's examples share.

/// The documents of a file: each line's `text` field of a `.jsonl` file, else the whole file as
/// one document. Errors name the file and line.
pub fn load(path: &str) -> Result<Vec<String>, String> {
    let data = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    if !path.ends_with(".jsonl") {
        return Ok(vec![data]);
    }
    let mut docs = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        match v.get("text").and_then(|t| t.as_str()) {
            Some(t) => docs.push(t.to_owned()),
            None => return Err(format!("{path}:{}: no text field", n + 1)),
        }
    }
    Ok(docs)
}
