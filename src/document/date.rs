//! Dates as 公文 write them: `2017年5月10日`, `二〇一六年三月五日`, and the web page's `2017-06-01`.

use std::sync::OnceLock;

use regex::Regex;

/// A 成文日期 written in `text`, byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WrittenDate {
    pub start: usize,
    pub end: usize,
    pub iso: String,
}

/// Every 成文日期 in `text`, in either numeral system: `2017年5月10日`, `二〇一六年三月五日`.
/// Chinese year digits come with 〇, ○ (U+25CB), 零, a full-width Ｏ or a Latin O for zero
/// (`二O一六年`), because scrapes and typists use all five.
///
/// A scan from each 年, not a regex: the crate's regex build has only the PikeVM, which is too
/// slow for a 50 MB paste.
pub(crate) fn written_dates(text: &str) -> Vec<WrittenDate> {
    text.match_indices('年')
        .filter_map(|(at, _)| date_around(text, at))
        .collect()
}

fn date_around(text: &str, at: usize) -> Option<WrittenDate> {
    let before = text[..at].trim_end_matches([' ', '\u{3000}']);
    let year_chars: Vec<(usize, char)> = before.char_indices().rev().take(4).collect();
    if year_chars.len() < 4 {
        return None;
    }
    let start = year_chars.last()?.0;
    let arabic_year = year_chars.iter().all(|&(_, c)| arabic_digit(c).is_some());
    let year = if arabic_year {
        year_chars
            .iter()
            .rev()
            .try_fold(0, |y, &(_, c)| Some(y * 10 + arabic_digit(c)?))?
    } else {
        year_chars
            .iter()
            .rev()
            .try_fold(0, |y, &(_, c)| Some(y * 10 + chinese_digit(c)?))?
    };
    let mut rest = &text[at + '年'.len_utf8()..];
    let mut field = |unit: char, max: usize| -> Option<u32> {
        let r = rest.trim_start_matches([' ', '\u{3000}']);
        let n = r
            .chars()
            .take_while(|&c| number_char(c, arabic_year))
            .count();
        if n == 0 || n > max {
            return None;
        }
        let digits_len: usize = r.chars().take(n).map(char::len_utf8).sum();
        let digits = &r[..digits_len];
        let r2 = r[digits_len..].trim_start_matches([' ', '\u{3000}']);
        let r2 = r2.strip_prefix(unit)?;
        rest = r2;
        if arabic_year {
            arabic(digits)
        } else {
            chinese_number(digits)
        }
    };
    let month = field('月', 2)?;
    let day = field('日', if arabic_year { 2 } else { 3 })?;
    let end = text.len() - rest.len();
    Some(WrittenDate {
        start,
        end,
        iso: iso(year, month, day)?,
    })
}

fn number_char(c: char, arabic_system: bool) -> bool {
    if arabic_system {
        arabic_digit(c).is_some()
    } else {
        "一二三四五六七八九十".contains(c)
    }
}

pub(crate) fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A date in any of the numeric forms a page header uses: `2017-06-01`, `2017/6/1`, `2017.6.1`,
/// `2017年6月1日`.
fn any_numeric_date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\s*([0-9]{4})\s*(?:[-/.]|年)\s*([0-9]{1,2})\s*(?:[-/.]|月)\s*([0-9]{1,2})")
            .expect("the page date pattern is valid")
    })
}

/// `YYYY-MM-DD`, or `None` for an impossible month or day.
pub(crate) fn iso(year: u32, month: u32, day: u32) -> Option<String> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || !(1000..=2999).contains(&year) {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// The date right at the start of `s` in a page-header form, such as after `发布日期:`.
pub(crate) fn page_date(s: &str) -> Option<String> {
    let c = any_numeric_date_re().captures(s)?;
    iso(
        c.get(1)?.as_str().parse().ok()?,
        c.get(2)?.as_str().parse().ok()?,
        c.get(3)?.as_str().parse().ok()?,
    )
}

/// Arabic digits, full-width or not.
pub(crate) fn arabic(s: &str) -> Option<u32> {
    let mut n: u32 = 0;
    for c in s.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        n = n.checked_mul(10)?.checked_add(d)?;
    }
    Some(n)
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'Ｏ' | '０' | 'O' | 'o' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A Chinese numeral from 1 to 99 in the usual forms: 三, 十, 十三, 二十, 二十五. Odd forms such as
/// 一一 or 十十 are refused, so that runs of numerals in prose are not read as numbers.
pub(crate) fn chinese_number(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    let digit = |c: char| chinese_digit(c).filter(|&d| d > 0);
    match chars.as_slice() {
        [d] if *d != '十' => digit(*d),
        ['十'] => Some(10),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t).filter(|&t| t > 1)? * 10),
        [t, '十', u] => Some(digit(*t).filter(|&t| t > 1)? * 10 + digit(*u)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_numeral_systems() {
        let one = |t: &str| written_dates(t).first().map(|d| d.iso.clone());
        assert_eq!(one("二〇一六年三月五日").as_deref(), Some("2016-03-05"));
        assert_eq!(
            one("二○一九年十二月三十一日").as_deref(),
            Some("2019-12-31")
        );
        assert_eq!(one("于2017年5月10日起").as_deref(), Some("2017-05-10"));
        assert_eq!(one("2017 年 5 月 10 日").as_deref(), Some("2017-05-10"));
        assert_eq!(one("2017年底"), None);
        assert_eq!(one("𠀀年"), None);
        assert_eq!(page_date(" 2017-06-01").as_deref(), Some("2017-06-01"));
        assert_eq!(chinese_number("二十五"), Some(25));
        assert_eq!(chinese_number("十十"), None);
        assert_eq!(chinese_number("一十"), None);
    }
}
