//! Restatements: sentences that repeat a document's words while naming it, as a policy's 解读, a
//! draft's 起草说明 or a Q&A does (`《若干措施》第一条明确：“对……给予补助。”`, `答：《措施》明确，对……`,
//! `征求意见稿第五条规定：……`).
//!
//! Why: such a sentence is a near copy of the clause it cites, and the sentences of a quotation it
//! opens are exact copies of the clause's, yet they are the notice's own text. A scrape's copy never
//! adds a citation to what it copies, nor rewords one, so a unit that names its source, where the
//! unit it repeats names none or names it in other words (a Q&A's `问1：《措施》提出“……”` answered by
//! `答：《措施》明确，……`), is a restatement and not a copy. A copy of a restatement names its source
//! as its original does, and stays a copy.

use std::cell::OnceCell;

use super::units::Unit;

/// How far into a unit its citation may stand, in characters: after an answer's `答：` or a topic
/// (`在培养高素质农民队伍方面，《实施意见》要求……`).
const CITATION_WITHIN: usize = 40;
/// Units a quotation opened by a citing unit may run on for: a clause of a few sentences.
const QUOTED_UNITS: usize = 12;

/// Verbs of saying that follow a citation, and the words that may stand between the two.
const VERBS: [&str; 9] = [
    "明确", "规定", "提出", "要求", "指出", "强调", "写明", "载明", "执行",
];
const BETWEEN: [&str; 7] = ["中", "也", "还", "进一步", "则", "均", "对此"];

/// The rest of `words` after an article's number at their start (`第五条`, `第二款`), if any.
fn after_article<'w>(words: &'w str, units: &str) -> Option<&'w str> {
    let rest = words.strip_prefix('第')?;
    let number = rest.trim_start_matches(|c: char| {
        // A `match`, not `str::contains`: see [`ends_a_document`].
        super::units::is_cjk_numeral(c) || c == '两' || c.is_ascii_digit()
    });
    let digits = rest[..rest.len() - number.len()].chars().count();
    let unit = number.chars().next().filter(|&c| units.contains(c))?;
    (1..=6)
        .contains(&digits)
        .then(|| &number[unit.len_utf8()..])
}

/// Where a verb of saying ends in `words`, if they open with one, perhaps after `也` or `进一步`.
fn verb_end(words: &str) -> Option<usize> {
    let after_between = BETWEEN
        .iter()
        .filter_map(|w| words.strip_prefix(w))
        .chain(std::iter::once(words));
    after_between
        .filter_map(|rest| {
            VERBS
                .iter()
                .find(|verb| rest.starts_with(*verb))
                .map(|verb| words.len() - rest.len() + verb.len())
        })
        .next()
}

/// Words that open a correction's or an amendment's new wording (`更正为：“笔试时间定于……”`): the
/// notice's own restatement of what it corrects, which names the corrected text just before.
const AMENDS: [&str; 4] = ["更正为", "修改为", "调整为", "变更为"];

/// The words of `words` (a unit's text) up to a citation's verb within its first characters, if
/// they restate a document they name there: `答：《措施》明确`; or the words that open a correction.
fn citation(words: &str) -> Option<&str> {
    if let Some(amends) = AMENDS.iter().find(|amends| words.starts_with(*amends)) {
        return Some(&words[..amends.len()]);
    }
    // A scan for where a citation ends (`》`, `第五条`) and a verb follows, rather than a regex: a
    // regex with a class of numerals ran in its slowest engine on every unit, which made a 1 MB
    // scrape's analysis cost four times the instructions.
    // An article's own number (`第十二条　`) is no citation and does not count.
    let own_number = after_article(words, "条")
        .filter(|rest| rest.starts_with(char::is_whitespace))
        .map_or(0, |rest| words.len() - rest.trim_start().len());
    words
        .char_indices()
        .skip_while(|&(at, _)| at < own_number)
        .take(CITATION_WITHIN)
        .filter(|&(_, c)| c == '》' || c == '第' || ends_a_document(c))
        .find_map(|(at, c)| {
            if ends_a_document(c) {
                return named_without_brackets(words, at + c.len_utf8());
            }
            let rest = if c == '》' {
                &words[at + c.len_utf8()..]
            } else {
                let rest = after_article(&words[at..], "条款项")?;
                after_article(rest, "款项").unwrap_or(rest)
            };
            let end = words.len() - rest.len() + verb_end(rest)?;
            Some(&words[..end])
        })
}

const DOCUMENTS: [&str; 4] = ["通知", "意见", "方案", "办法"];

/// Whether `c` ends one of [`DOCUMENTS`]. A `match`: `str::contains` with a character of three
/// bytes searches for it as a string, and on every character of every unit asked that cost the
/// twins benchmark 29 % more instructions.
fn ends_a_document(c: char) -> bool {
    matches!(c, '知' | '见' | '案' | '法')
}

/// A document named without `《》` (`省政府办公厅通知明确要求：“……”`), which `words` name up to
/// `end`: one of [`DOCUMENTS`], a verb of saying, perhaps a second one (`明确要求`), and then the
/// quotation or the restated words (`：`, `，` or `“`). Without them, the words are a sentence that
/// refers to a document (`按照通知要求落实`), not one that restates it.
fn named_without_brackets(words: &str, end: usize) -> Option<&str> {
    if !DOCUMENTS
        .iter()
        .any(|document| words[..end].ends_with(document))
    {
        return None;
    }
    let rest = &words[end..];
    let verb = verb_end(rest)?;
    let after = &rest[verb..];
    let after = verb_end(after).map_or(after, |second| &after[second..]);
    after
        .starts_with(['：', '，', '“'])
        .then(|| &words[..end + verb])
}

/// Bytes before a place that a citation right before it may take: `《……》` with a name of up to
/// [`CITED_NAME_CHARS`] characters and a verb.
pub(super) const CITED_BEFORE_BYTES: usize = 3 * (CITED_NAME_CHARS + 10);
const CITED_NAME_CHARS: usize = 40;

/// The name that `before` (the words before a place) cites in `《》` with a verb of saying, right
/// before that place: `实施方案` for `……《实施方案》明确，`. A notice that issues or forwards a
/// document sums it up in such words, before the document states the same.
pub(super) fn cited_right_before(before: &str) -> Option<&str> {
    let rest = before.strip_suffix(['，', '：'])?;
    let verb = VERBS.iter().find(|verb| rest.ends_with(*verb))?;
    let rest = &rest[..rest.len() - verb.len()];
    let rest = BETWEEN
        .iter()
        .find_map(|between| rest.strip_suffix(between))
        .unwrap_or(rest);
    let rest = rest.strip_suffix('》')?;
    let name = &rest[rest.rfind('《')? + '《'.len_utf8()..];
    (!name.is_empty() && name.chars().count() <= CITED_NAME_CHARS && !name.contains(['》', '\n']))
        .then_some(name)
}

/// The change in quotation depth over `words`: `“` opens, `”` closes.
fn quote_depth_change(words: &str, depth: &mut u32) {
    for c in words.chars() {
        match c {
            '“' => *depth += 1,
            '”' => *depth = depth.saturating_sub(1),
            _ => {}
        }
    }
}

/// The units of a text, asked whether they restate a document they name. Asked only of the few
/// units that are candidate copies, so that the scan costs nothing on the rest.
pub(super) struct Restatements<'t, 'u> {
    text: &'t str,
    units: &'u [Unit],
    /// Each unit's own citation, read once: a scrape of edited copies asks of the same units
    /// again and again.
    own: Vec<OnceCell<Option<&'t str>>>,
    /// Each unit's citation, its own or its quotation's ([`Restatements::citation_of`]), read
    /// once.
    quoted: Vec<OnceCell<Option<&'t str>>>,
}

impl<'t, 'u> Restatements<'t, 'u> {
    pub fn new(text: &'t str, units: &'u [Unit]) -> Self {
        Restatements {
            text,
            units,
            own: std::iter::repeat_with(OnceCell::new)
                .take(units.len())
                .collect(),
            quoted: std::iter::repeat_with(OnceCell::new)
                .take(units.len())
                .collect(),
        }
    }

    fn words(&self, unit: usize) -> &'t str {
        let unit = &self.units[unit];
        self.text
            .get(unit.content_start..unit.content_end)
            .unwrap_or("")
    }

    fn own_citation(&self, unit: usize) -> Option<&'t str> {
        *self.own[unit].get_or_init(|| {
            if self.units[unit].heading {
                return None;
            }
            citation(self.words(unit))
        })
    }

    /// The words that name the document `unit` restates: its own, or those of the citing unit that
    /// opened the quotation it lies in, on the same line.
    fn citation_of(&self, unit: usize) -> Option<&'t str> {
        *self
            .quoted
            .get(unit)?
            .get_or_init(|| self.read_citation_of(unit))
    }

    fn read_citation_of(&self, unit: usize) -> Option<&'t str> {
        if let Some(own) = self.own_citation(unit) {
            return Some(own);
        }
        // No quotation opens in the units before it that one could lie in: no `“`, nor a colon
        // right after a verb of saying (`参照本办法第八条执行：合同期限……` and the rest of the
        // article). Any colon would do, but colons are common: looking back from every unit after
        // one cost the twins benchmark 15 % more instructions.
        let reach = self.units[unit.saturating_sub(QUOTED_UNITS)].content_start;
        let opens = |before: &str| {
            before.contains('“')
                || before
                    .match_indices('：')
                    .any(|(at, _)| VERBS.iter().any(|verb| before[..at].ends_with(verb)))
        };
        if !self
            .text
            .get(reach..self.units[unit].content_start)
            .is_some_and(opens)
        {
            return None;
        }
        let mut opener = unit;
        for _ in 0..QUOTED_UNITS {
            let gap = opener.checked_sub(1).and_then(|before| {
                self.text
                    .get(self.units[before].content_end..self.units[opener].content_start)
            })?;
            if self.units[opener].heading || gap.contains('\n') {
                return None;
            }
            opener -= 1;
            if let Some(cited) = self.own_citation(opener) {
                // Unquoted, the restatement runs on to the end of the article's line; another
                // article's opening (`第十三条`) ends it where the line breaks are lost.
                let after = &self.words(opener)[cited.len()..];
                let unquoted = after
                    .strip_prefix('：')
                    .is_some_and(|rest| !rest.starts_with('“'));
                if unquoted {
                    let article_between = (opener + 1..=unit).any(|u| {
                        self.units[u].first == '第'
                            && super::article_number(self.words(u)).is_some()
                    });
                    return (!article_between).then_some(cited);
                }
                let mut depth = 0;
                for between in opener..unit {
                    quote_depth_change(self.words(between), &mut depth);
                    if depth == 0 {
                        return None;
                    }
                }
                return Some(cited);
            }
        }
        None
    }

    /// Whether the units `first..end` and those from `original` on each name their source.
    pub fn both_cite(&self, (first, end): (usize, usize), original: usize) -> bool {
        (first..end).zip(original..).all(|(copy, original)| {
            self.citation_of(copy).is_some() && self.citation_of(original).is_some()
        })
    }

    /// Whether the units `first..end` restate the units from `original` on: each names its
    /// source, and the original's units name none, or name it in other words.
    pub fn restate(&self, (first, end): (usize, usize), original: usize) -> bool {
        let strip = |words: &str| {
            words
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
        };
        (first..end).zip(original..).all(|(copy, original)| {
            match (self.citation_of(copy), self.citation_of(original)) {
                (Some(_), None) => true,
                (Some(copy), Some(original)) => strip(copy) != strip(original),
                (None, _) => false,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_citation_with_a_verb_of_saying_restates() {
        for words in [
            "《若干措施》第一条明确：“对首次认定的，给予一次性奖励50万元。",
            "答：《措施》明确，对吸纳登记失业人员就业的小微企业给予补贴。",
            "征求意见稿第五条规定：新建住宅小区应当配建集中停放充电场所。",
            "第六条规定：既有住宅小区不具备条件的，应当利用小区空地建设。",
            "在培养高素质农民队伍方面，《实施意见》要求深入实施高素质农民培育计划。",
            "省政府办公厅通知明确要求：“对排查发现的农村低收入群体危房，要做到应改尽改。”",
            "省里的实施方案提出，到2025年底全面完成改造任务。",
            "更正为：“笔试时间定于2024年6月22日上午9:00—11:30，笔试地点详见准考证。”",
            // An article's own number does not count towards how far in the citation stands.
            "第十二条　新就业无房职工和外来务工人员承租公共租赁住房的，租赁合同期限参照本办法第八条执行：合同期限最长不超过3年。",
        ] {
            assert!(citation(words).is_some(), "{words}");
        }
    }

    #[test]
    fn the_name_cited_right_before_a_place_is_read_back() {
        for (before, name) in [
            ("是重要举措。《实施方案》明确，", Some("实施方案")),
            (
                "《关于加快发展的意见》进一步提出：",
                Some("关于加快发展的意见"),
            ),
            ("《实施方案》明确，到2025年底，", None),
            ("《实施方案》印发后，", None),
            ("实施方案明确，", None),
        ] {
            assert_eq!(cited_right_before(before), name, "{before}");
        }
    }

    #[test]
    fn a_sentence_that_names_no_source_or_only_late_restates_nothing() {
        for words in [
            "对首次认定为省级专精特新中小企业的，给予一次性奖励20万元。",
            "各地要认真落实。",
            // A document referred to, not restated.
            "各地要按照通知要求落实整改。",
            "本通知自印发之日起施行。",
            // A correction's formula stands at the start, or it is a statement.
            "报名时间更正为6月22日。",
            // The citation stands past the sentence's opening words: a statement that cites.
            "对专精特新中小企业实施数字化、智能化改造，设备和软件投资额在300万元以上的，按照《办法》规定给予补助。",
        ] {
            assert_eq!(citation(words), None, "{words}");
        }
    }
}
