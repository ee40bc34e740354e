//! 发文字号: agency code, year in 〔 〕, serial number and 号, as in `国办发〔2017〕4号`.

/// One 发文字号 in the text, byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DocNumber {
    /// Start of the agency code.
    pub start: usize,
    /// End of 号.
    pub end: usize,
    /// Normalised: brackets as 〔 〕, no spaces, no 第.
    pub text: String,
}

/// How agency codes begin: the State Council and Party centre, provincial one-character names,
/// and the short names ministries use in their codes. A code is the shortest run of Han characters
/// before the year that starts with one of these, so a title glued in front (`…的通知国办发`) is
/// left out.
const CODE_HEADS: [&str; 64] = [
    "国", "中", "粤", "京", "沪", "津", "渝", "冀", "晋", "蒙", "辽", "吉", "黑", "苏", "浙", "皖",
    "闽", "赣", "鲁", "豫", "鄂", "湘", "桂", "琼", "川", "蜀", "贵", "黔", "云", "滇", "藏", "陕",
    "甘", "陇", "青", "宁", "新", "财", "教", "科", "商", "农", "交", "卫", "民", "公", "司", "文",
    "审", "税", "银", "证", "发改", "工信", "人社", "住建", "自然", "海关", "市监", "厅", "环",
    "水", "体", "统",
];

/// Words a 公文 title ends with; an agency code never contains them.
const TITLE_TAILS: [&str; 10] = [
    "通知", "意见", "决定", "方案", "办法", "规定", "批复", "公告", "通告", "的函",
];

/// Every 发文字号 in `text`, ascending, with the agency code read back from the year bracket.
///
/// A scan back from each 号 rather than a regex, for speed on long pastes (see `date.rs`).
/// Brackets may be 〔〕, 【】, [] or (), full-width or not; spaces and 第 are tolerated.
pub(crate) fn numbers(text: &str) -> Vec<DocNumber> {
    text.match_indices('号')
        .filter_map(|(at, h)| number_ending_at(text, at, at + h.len()))
        .collect()
}

fn number_ending_at(text: &str, at: usize, end: usize) -> Option<DocNumber> {
    let mut back = Back { text, at };
    back.spaces();
    let serial_end = back.at;
    let serial_len = back.digits(5);
    if serial_len == 0 {
        return None;
    }
    let serial = &text[back.at..serial_end];
    back.spaces();
    let ordinal = back.eat(|c| c == '第');
    if ordinal {
        if let Some(order) = order_number(text, back.at, end, serial) {
            return Some(order);
        }
    }
    back.spaces();
    back.eat(|c| "〕】]）)］".contains(c)).then_some(())?;
    back.spaces();
    let year_end = back.at;
    (back.digits(4) == 4).then_some(())?;
    let year = &text[back.at..year_end];
    if !(year.starts_with("19") || year.starts_with("20")) {
        return None;
    }
    back.spaces();
    back.eat(|c| "〔【[（(［".contains(c)).then_some(())?;
    let code_start = agency_code(&text[..back.at])?;
    let code = &text[code_start..back.at];
    Some(DocNumber {
        start: code_start,
        end,
        text: format!("{code}〔{year}〕{serial}号"),
    })
}

/// An order's number (`青川市人民政府令` over `第42号`, or cited as `市政府令第17号`): `第`, at
/// `ordinal`, after the 令 that closes the issuer's words, on the line before or glued. Orders are
/// numbered in one series per issuer, with no year.
fn order_number(text: &str, ordinal: usize, end: usize, serial: &str) -> Option<DocNumber> {
    const ISSUER_CHARS: usize = 12;
    let before = text[..ordinal].trim_end_matches([' ', '\u{3000}', '\t', '\r', '\n']);
    let issuer = before.strip_suffix('令')?;
    let words = issuer
        .char_indices()
        .rev()
        .take(ISSUER_CHARS)
        .take_while(|&(_, c)| super::is_ideograph(c))
        .last()
        .map_or(issuer.len(), |(at, _)| at);
    // A date's last character is no issuer's (`2018年5月8日合肥市人民政府令第185号`).
    let dated = issuer[..words].ends_with(|c: char| c.is_ascii_digit());
    let issuer = match issuer[words..].strip_prefix(['年', '月', '日']) {
        Some(rest) if dated => rest,
        _ => &issuer[words..],
    };
    // The span is the number's own (`第42号`), not the issuer's words, which are a title's.
    (issuer.chars().count() >= 2).then(|| DocNumber {
        start: ordinal,
        end,
        text: format!("{issuer}令第{serial}号"),
    })
}

/// A cursor that reads characters backwards.
struct Back<'t> {
    text: &'t str,
    at: usize,
}

impl Back<'_> {
    fn eat(&mut self, want: impl Fn(char) -> bool) -> bool {
        match self.text[..self.at].chars().next_back() {
            Some(c) if want(c) => {
                self.at -= c.len_utf8();
                true
            }
            _ => false,
        }
    }
    fn spaces(&mut self) {
        self.eat(|c| c == ' ' || c == '\u{3000}');
    }
    /// Up to `max` ASCII digits; returns how many, and refuses a longer run.
    fn digits(&mut self, max: usize) -> usize {
        let start = self.at;
        let mut n = 0;
        while n <= max && self.eat(|c| c.is_ascii_digit()) {
            n += 1;
        }
        if n > max {
            self.at = start;
            return 0;
        }
        n
    }
}

/// Where the agency code ending `before` starts.
fn agency_code(before: &str) -> Option<usize> {
    // The Han run before the bracket, at most ten characters, kept as byte offsets of each start.
    let mut starts = Vec::new();
    for (i, c) in before.char_indices().rev() {
        if !is_han(c) || starts.len() >= 10 {
            break;
        }
        starts.push(i);
    }
    // starts[k] is where the suffix of k+1 characters begins.
    if starts.is_empty() {
        return None;
    }
    for &s in starts.iter().skip(1) {
        let suffix = &before[s..];
        if CODE_HEADS.iter().any(|h| suffix.starts_with(h)) {
            return Some(s);
        }
    }
    let run_start = *starts.last()?;
    let run = &before[run_start..];
    // A code with an unfamiliar head (a city, say): cut after a glued title, else keep a short run.
    if let Some((i, w)) = TITLE_TAILS
        .iter()
        .filter_map(|w| run.rfind(w).map(|i| (i, w)))
        .max_by_key(|&(i, _)| i)
    {
        let s = run_start + i + w.len();
        return (before.len() - s >= 2 * 3).then_some(s);
    }
    (starts.len() <= 5 && starts.len() >= 2).then_some(run_start)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{20000}'..='\u{2FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<String> {
        numbers(t).into_iter().map(|n| n.text).collect()
    }

    #[test]
    fn an_order_is_numbered_under_its_issuer() {
        assert_eq!(
            texts("青川市人民政府令\n第42号\n《……》现予公布。"),
            ["青川市人民政府令第42号"]
        );
        assert_eq!(
            texts("《规定》（市政府令第17号）同时废止。"),
            ["市政府令第17号"]
        );
        // A date before the issuer is none of its words; a city may be named 日照.
        assert_eq!(
            texts("2018年5月8日合肥市人民政府令第185号公布"),
            ["合肥市人民政府令第185号"]
        );
        assert_eq!(texts("日照市人民政府令第3号"), ["日照市人民政府令第3号"]);
        // An ordinal with no 令 before it is no number.
        assert!(texts("这是第42号。").is_empty());
    }

    #[test]
    fn the_code_is_the_shortest_plausible_prefix() {
        assert_eq!(
            texts("关于推进的通知国办发〔2019〕11号"),
            ["国办发〔2019〕11号"]
        );
        assert_eq!(texts("的意见粤府办【2017】32号"), ["粤府办〔2017〕32号"]);
        assert_eq!(texts("的通知皖政办秘[2021]82号"), ["皖政办秘〔2021〕82号"]);
        assert_eq!(texts("的通知深府办(2019)3号"), ["深府办〔2019〕3号"]);
        assert_eq!(texts("到2017年底，增长(2017)"), Vec::<String>::new());
    }
}
