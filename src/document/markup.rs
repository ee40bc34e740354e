//! HTML left in a paste: `<p>`, `<br>`, `</h3>`, `&nbsp;`.
//!
//! Text copied from a page's source keeps its tags. They are the user's text and keep their
//! offsets, but where they stand they mean what the browser made of them: a line break or a space.
//! These helpers let the readers of headings and header fields step over them as they step over
//! white space.

/// The longest tag stepped over, in bytes: enough for `<p style="text-indent:2em">` and a class or
/// two, short enough that a stray `<` in prose never swallows a paragraph.
const MAX_TAG: usize = 160;

/// Bytes of the tag or entity that starts `s`, or 0. A tag is `<` or `</` and an ASCII letter, up
/// to `>` on the same line; an entity is `&name;` or `&#123;`.
pub(crate) fn len_at(s: &str) -> usize {
    let b = s.as_bytes();
    match b.first() {
        Some(b'<') => {
            let name = usize::from(b.get(1) == Some(&b'/')) + 1;
            if !b.get(name).is_some_and(u8::is_ascii_alphabetic) {
                return 0;
            }
            b.iter()
                .take(MAX_TAG)
                .skip(1)
                .position(|&c| c == b'>' || c == b'<' || c == b'\n')
                .filter(|&i| b[i + 1] == b'>')
                .map_or(0, |i| i + 2)
        }
        Some(b'&') => {
            let body = b.iter().skip(1).take(9).position(|&c| c == b';');
            match body {
                Some(n)
                    if n >= 2
                        && b[1..=n]
                            .iter()
                            .all(|c| c.is_ascii_alphanumeric() || *c == b'#') =>
                {
                    n + 2
                }
                _ => 0,
            }
        }
        _ => 0,
    }
}

/// Bytes of the tag or entity that ends `s`, or 0.
pub(crate) fn len_before(s: &str) -> usize {
    let b = s.as_bytes();
    let opener = match b.last() {
        Some(b'>') => b'<',
        Some(b';') => b'&',
        _ => return 0,
    };
    let from = b.len().saturating_sub(MAX_TAG);
    b[from..]
        .iter()
        .rposition(|&c| c == opener)
        .map(|i| from + i)
        .filter(|&i| len_at(&s[i..]) == b.len() - i)
        .map_or(0, |i| b.len() - i)
}

/// `s` without the white space, `filler` characters and markup at its start.
pub(crate) fn trim_start(s: &str, filler: impl Fn(char) -> bool) -> &str {
    let mut s = s;
    loop {
        let t = s.trim_start_matches(&filler);
        let n = len_at(t);
        if n == 0 {
            return t;
        }
        s = &t[n..];
    }
}

/// `s` without the white space, `filler` characters and markup at its end.
pub(crate) fn trim_end(s: &str, filler: impl Fn(char) -> bool) -> &str {
    let mut s = s;
    loop {
        let t = s.trim_end_matches(&filler);
        let n = len_before(t);
        if n == 0 {
            return t;
        }
        s = &t[..t.len() - n];
    }
}

/// Where the last line break, rule or tag in `s` ends (a tag breaks a line as `<br>` and `<p>` do).
pub(crate) fn after_last_break(s: &str) -> Option<usize> {
    let line = s
        .rfind(['\n', '━', '─', '═'])
        .map(|i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let mut tag = None;
    let mut rest = s;
    while let Some(i) = rest.rfind('>') {
        let n = len_before(&rest[..=i]);
        if n > 0 && rest.as_bytes()[i + 1 - n] == b'<' {
            tag = Some(i + 1);
            break;
        }
        rest = &rest[..i];
    }
    line.max(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_over_tags_and_entities_only() {
        assert_eq!(len_at("<br>x"), 4);
        assert_eq!(len_at("</h3>"), 5);
        assert_eq!(len_at("<p style=\"a\">"), 13);
        assert_eq!(len_at("&nbsp;"), 6);
        assert_eq!(len_at("< 3"), 0);
        assert_eq!(len_at("<3>"), 0);
        assert_eq!(len_at("&"), 0);
        assert_eq!(len_before("国务院<br>"), 4);
        assert_eq!(len_before("a>b"), 0);
        assert_eq!(trim_start("&nbsp;<br> 一、", char::is_whitespace), "一、");
        assert_eq!(trim_end("机构：<br>&nbsp;", char::is_whitespace), "机构：");
        assert_eq!(after_last_break("甲<br>乙"), Some(7));
        assert_eq!(after_last_break("甲>乙"), None);
    }
}
