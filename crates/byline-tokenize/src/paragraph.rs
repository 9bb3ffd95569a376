//! Paragraph breaks: blank lines always; single newlines unless the text is hard-wrapped.

/// Decides which newlines end a paragraph. News text either puts each paragraph on one line
/// (every newline is a break) or wraps lines at a fixed width and separates paragraphs by blank
/// lines (a single newline is a break only after a short line: a headline, a dateline, a list
/// item).
pub(crate) struct LineBreaks {
    /// The wrap width in bytes when the text looks hard-wrapped.
    wrap_width: Option<usize>,
    line_start: usize,
    last_line_len: usize,
}

impl LineBreaks {
    pub(crate) fn new(text: &str) -> LineBreaks {
        LineBreaks {
            wrap_width: wrap_width(text),
            line_start: 0,
            last_line_len: 0,
        }
    }

    /// Notes a line end at byte `i` (the last byte of the line break); returns 1.
    #[inline]
    pub(crate) fn newline(&mut self, i: usize) -> u32 {
        self.last_line_len = i.saturating_sub(self.line_start);
        self.line_start = i + 1;
        1
    }

    /// Whether white space holding `newlines` line breaks ends the paragraph.
    #[inline]
    pub(crate) fn is_paragraph_break(&self, newlines: u32) -> bool {
        if newlines >= 2 {
            return true;
        }
        match self.wrap_width {
            None => true,
            Some(width) => self.last_line_len * 10 < width * 6,
        }
    }
}

/// The wrap width when most lines followed by another non-blank line are long and end mid-sentence
/// (a letter, digit, comma or hyphen), as in hard-wrapped text; `None` otherwise. Only the
/// first 64 KiB are read.
fn wrap_width(text: &str) -> Option<usize> {
    // The layout of a document shows in its first lines; looking no further keeps this cheap.
    let b = &text.as_bytes()[..text.len().min(64 * 1024)];
    let mut followed = 0usize;
    let mut mid_sentence = 0usize;
    let mut width = 0usize;
    let mut prev: Option<(usize, u8)> = None;
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', b).chain(std::iter::once(b.len()));
    for end in ends {
        let line = trim(&b[start..end]);
        if line.is_empty() {
            prev = None;
        } else {
            if let Some((len, last)) = prev {
                followed += 1;
                if (30..=160).contains(&len)
                    && (last.is_ascii_alphanumeric() || last == b',' || last == b'-')
                {
                    mid_sentence += 1;
                    width = width.max(len);
                }
            }
            prev = Some((line.len(), line[line.len() - 1]));
        }
        start = end + 1;
        if start > b.len() {
            break;
        }
    }
    (mid_sentence >= 3 && mid_sentence * 10 >= followed * 6).then_some(width)
}

fn trim(line: &[u8]) -> &[u8] {
    let mut s = 0;
    let mut e = line.len();
    while s < e && line[s].is_ascii_whitespace() {
        s += 1;
    }
    while e > s && line[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    &line[s..e]
}
