//! Copies of part of a sentence, through the public `analyze_bytes`: the last clauses of a sentence
//! copied to a later place, and a copy that begins inside one sentence and ends inside another. The
//! text is from 国发〔2018〕32号.
//!
//! And what must stay: sentences that merely end with the same clause, a sentence that ends by
//! restating an earlier one, and a short restatement of a goal. (The last cases are from a blind
//! review that wrote clean notices to catch false copies.)

use notice_lens::{analyze_bytes, Options, Report};

fn run(text: &str, drop_near: bool) -> Report {
    let options = Options {
        drop_near_duplicates: drop_near,
        ..Options::default()
    };
    analyze_bytes(text, &options).expect("analysable")
}

fn assert_nothing_removed(text: &str, report: &Report) {
    assert!(
        report.dedup.removed.is_empty(),
        "{:?}",
        removed(text, report)
    );
    assert_eq!(report.dedup.text, text);
}

fn removed<'t>(text: &'t str, report: &Report) -> Vec<&'t str> {
    report.dedup.removed.iter().map(|s| s.of(text)).collect()
}

const OPENING: &str = "为深入实施创新驱动发展战略，进一步激发市场活力和社会创造力，\
                       现就推动创新创业高质量发展、打造“双创”升级版提出以下意见。";
const TASK: &str =
    "加强知识产权保护，实施商标、专利快速审查（国家知识产权局、市场监管总局按职责分工负责）。";
const LATER: &str = "（五）加大财税政策支持力度。落实好研发费用加计扣除政策。";

/// A copy of a sentence's last clause, or last two, standing as a sentence of its own.
#[test]
fn the_last_clauses_of_a_sentence_copied_as_a_sentence_are_a_copy() {
    for tail in [
        "现就推动创新创业高质量发展、打造“双创”升级版提出以下意见。",
        "进一步激发市场活力和社会创造力，现就推动创新创业高质量发展、打造“双创”升级版提出以下意见。",
    ] {
        let clean = format!("{OPENING}\n一、总体要求\n{TASK}\n{LATER}\n");
        let damaged = clean.replace(LATER, &format!("{tail}{LATER}"));
        for drop_near in [false, true] {
            let report = run(&damaged, drop_near);
            assert_eq!(removed(&damaged, &report), vec![tail]);
            assert_eq!(report.dedup.text, clean);
            assert_eq!(report.repeats.len(), 1, "{:?}", report.repeats);
            let repeat = &report.repeats[0];
            assert_eq!(repeat.occurrences.len(), 2);
            // Dropping near-duplicates may take it as an edited copy of the whole sentence first.
            if !drop_near {
                assert_eq!(repeat.text, tail, "the original is the tail of the opening");
                assert_eq!(repeat.similarity, 1.0);
                assert!(repeat.occurrences[0].start > 0, "linked to the tail");
            }
        }
    }
}

/// A copy from the last clauses of one sentence through a heading into the first words of the next
/// sentence, pasted before another heading: its parts are one copy of one passage.
#[test]
fn a_copy_across_sentence_boundaries_is_one_copy() {
    let first = "随着全球新一轮科技革命和产业变革加速演进，对创新创业提出了新的更高要求。";
    let clean = format!("{OPENING}一、总体要求{first}{LATER}");
    let copy = "进一步激发市场活力和社会创造力，现就推动创新创业高质量发展、打造“双创”升级版提出以下意见。\
                一、总体要求随着全球新一轮科技革命";
    let damaged = clean.replace(LATER, &format!("{copy}{LATER}"));
    let report = run(&damaged, false);
    assert_eq!(removed(&damaged, &report), vec![copy]);
    assert_eq!(report.dedup.text, clean);
    assert_eq!(report.repeats.len(), 1, "{:?}", report.repeats);
    assert_eq!(report.repeats[0].text, copy);
}

/// Sentences that end with the same clause are different sentences: none loses its ending. (With
/// near-duplicates dropped, the last is an edited copy of the first, and goes whole.)
#[test]
fn sentences_that_end_alike_are_kept() {
    let text = "确保各项政策措施落到实处，取得实效。\
                各地区要加强组织领导，确保各项政策措施落到实处，取得实效。\
                各部门要密切配合，确保各项政策措施落到实处，取得实效。\
                要坚决确保各项政策措施落到实处，取得实效。";
    let report = run(text, false);
    assert_nothing_removed(text, &report);
    assert_eq!(report.dedup.text, text);
}

/// Seventh review (r9-05): the levels of an emergency plan's response open their first measure
/// alike and end it alike. Where the structure analysis cannot tell a title from the words (a
/// bare `（1）` glued to them), the shared ending is no copy: no title ends before `部署，`, after
/// `并`, or inside `情况`.
#[test]
fn items_that_end_alike_keep_their_endings() {
    let ending = "并将情况报告县委、县人民政府和市防汛抗旱指挥部。";
    let levels = [
        ("Ⅲ级应急响应", "副指挥长主持会商，作出相应工作部署，"),
        ("Ⅱ级应急响应", "常务副指挥长主持会商，作出相应工作部署，"),
        ("Ⅰ级应急响应", "指挥长主持会商，作出防汛抢险总体部署，"),
    ];
    for separator in ["\n", "\u{3000}\u{3000}", ""] {
        let mut text = format!("三、应急响应{separator}");
        for (k, (level, head)) in levels.iter().enumerate() {
            text += &format!(
                "（{}）{level}{separator}（1）县防汛抗旱指挥部{head}{ending}{separator}\
                 （2）相关乡镇实行24小时防汛值班。{separator}",
                ["一", "二", "三"][k]
            );
        }
        let report = run(&text, false);
        assert_nothing_removed(&text, &report);
    }
}

/// A sentence that ends by restating an earlier sentence keeps it: `确保` + the goal is writing, and
/// cannot be told from a goal pasted into the sentence.
#[test]
fn a_sentence_ending_with_an_earlier_sentence_keeps_it() {
    let text = "（一）工作目标。到2025年，全省营商环境达到国内一流水平，市场主体活力和发展动力明显增强。\n\
                （二）加强组织领导。各地要把优化营商环境作为“一把手”工程，确保到2025年，\
                全省营商环境达到国内一流水平，市场主体活力和发展动力明显增强。\n";
    let report = run(text, false);
    assert_nothing_removed(text, &report);
}

/// A goal restated as a sentence of its own, after a run-in heading or opening a paragraph, stays
/// when it is short and nothing after it goes on as after the original.
#[test]
fn a_short_restated_goal_stays() {
    let goal = "坚决防范和遏制重特大生产安全事故发生。";
    let earlier = format!("要严格落实安全生产责任制，坚持党政同责、一岗双责，{goal}\n");
    for later in [
        format!("（二）工作目标。{goal}全年事故总量下降10%。\n"),
        format!("{goal}这是岁末年初安全生产工作的首要任务，各地必须全力以赴。\n"),
    ] {
        let text = format!("一、总体要求\n{earlier}{later}");
        let report = run(&text, false);
        assert_nothing_removed(&text, &report);
    }
}

/// The same short tail is a copy when the text after it goes on as after its original.
#[test]
fn a_short_tail_with_what_followed_its_original_is_a_copy() {
    let tail = "坚决防范和遏制重特大生产安全事故发生。";
    let next = "全年事故总量下降10%以上。";
    let clean =
        format!("要严格落实安全生产责任制，坚持党政同责，{tail}{next}\n二、保障措施\n加强督查。\n");
    let damaged = clean.replace("加强督查。", &format!("{tail}{next}加强督查。"));
    let report = run(&damaged, false);
    assert_eq!(removed(&damaged, &report).concat(), format!("{tail}{next}"));
    assert_eq!(report.dedup.text, clean);
}

/// A formulaic note, and a short sentence pasted into another, stay.
#[test]
fn short_pasted_sentences_and_notes_stay() {
    let short = "加强知识产权保护。";
    let text = format!("{short}{TASK}对科研人员创办企业{short}的给予支持（科技部牵头负责）。");
    let report = run(&text, false);
    assert_nothing_removed(&text, &report);
}

/// A tail copied twice is two copies of one original, and deduplicating again removes nothing.
#[test]
fn a_tail_copied_twice_is_one_repeat_and_deduplication_is_stable() {
    let tail = "现就推动创新创业高质量发展、打造“双创”升级版提出以下意见。";
    let damaged = format!("{OPENING}\n{tail}\n{TASK}\n{tail}\n{LATER}\n");
    let report = run(&damaged, false);
    assert_eq!(removed(&damaged, &report).len(), 2);
    assert_eq!(report.repeats.len(), 1, "{:?}", report.repeats);
    assert_eq!(report.repeats[0].occurrences.len(), 3);
    assert_eq!(report.dedup.text, format!("{OPENING}\n{TASK}\n{LATER}\n"));
    assert!(run(&report.dedup.text, false).dedup.removed.is_empty());
}

/// A copied tail holding a character beyond U+FFFF is found, and its offsets in the public report
/// count UTF-16 units: slicing the UTF-16 text at them gives the tail.
#[test]
fn a_copied_tail_with_astral_characters_has_utf16_offsets() {
    let tail = "推动𠀀𠀀国家级双创示范基地建设😀，进一步激发市场活力和社会创造力。";
    let damaged = format!("为深入实施创新驱动发展战略，{tail}\n{TASK}\n{tail}\n{LATER}\n");
    let report = notice_lens::analyze(&damaged, &Options::default()).expect("analysable");
    let units: Vec<u16> = damaged.encode_utf16().collect();
    let slice =
        |start: usize, end: usize| String::from_utf16(&units[start..end]).expect("boundaries");
    assert_eq!(report.repeats.len(), 1, "{:?}", report.repeats);
    let occurrences = &report.repeats[0].occurrences;
    assert_eq!(occurrences.len(), 2);
    for o in occurrences {
        assert_eq!(slice(o.start, o.end), tail);
    }
    assert_eq!(
        report.dedup.text,
        format!("为深入实施创新驱动发展战略，{tail}\n{TASK}\n{LATER}\n")
    );
}

/// Item headings run into their words in a scrape that lost its line breaks; where the title ends
/// is a guess (`1.加大……政策` + `对新建……`). From a blind review's plan.
const ITEM_ONE: &str = "1.加大财政资金支持力度，落实税收优惠政策";
const AID: &str = "对新建幼儿园给予一次性建设补助，对普惠性民办幼儿园给予运营补贴。";
const ITEM_TWO: &str = "2.强化人才队伍建设";
const TEACHERS: &str = "实施乡村教师支持计划，每年招聘补充农村中小学教师不少于300名。";

/// The words of an item glued to its heading, copied to a later place alone, are a copy.
#[test]
fn the_words_after_a_glued_item_heading_copied_alone_are_a_copy() {
    let clean = format!("{ITEM_ONE}{AID}{ITEM_TWO}{TEACHERS}");
    let damaged = format!("{clean}{AID}");
    let report = run(&damaged, false);
    assert_eq!(removed(&damaged, &report), vec![AID]);
    assert_eq!(report.dedup.text, clean);
    assert_eq!(report.repeats.len(), 1);
    let original = &report.repeats[0].occurrences[0];
    assert_eq!(&damaged[original.start..original.end], AID);
}

/// And a sentence pasted right after a glued item heading's title is a copy; the heading stays.
#[test]
fn a_sentence_pasted_after_a_glued_item_heading_is_a_copy() {
    let item_three = "3.推进智慧教育建设，提升教育信息化水平";
    let platform = "建设全市统一的教育资源公共服务平台。";
    let clean = format!("{ITEM_ONE}{AID}{ITEM_TWO}{TEACHERS}{item_three}{platform}");
    let damaged = format!("{ITEM_ONE}{AID}{ITEM_TWO}{TEACHERS}{item_three}{AID}{platform}");
    let report = run(&damaged, false);
    assert_eq!(removed(&damaged, &report), vec![AID]);
    assert_eq!(report.dedup.text, clean);
}

/// Parallel items under two parts, each glued to its own words, stay: the same heading is no copy
/// of the words after the other's title.
#[test]
fn parallel_glued_items_stay() {
    let text = format!(
        "一、教育\n{ITEM_ONE}{AID}\n{ITEM_TWO}{TEACHERS}\n\
         二、医疗\n{ITEM_ONE}市、区两级财政足额安排基层医疗卫生机构经费。\n{ITEM_TWO}深入实施全科医生特岗计划。\n"
    );
    for drop_near in [false, true] {
        assert_nothing_removed(&text, &run(&text, drop_near));
    }
}

/// Parallel items that differ only in a department's name share their last words
/// (`（二）省住房城乡建设厅分管负责同志，……` and `（三）省生态环境厅分管负责同志，……`, the attendance
/// list of a meeting notice): neither the title cut (`住房城乡建设|厅分管`) nor a place inside a glued
/// title where the words go on may make them one copy. (A blind review's clean notice lost
/// `厅分管负责同志，……` from its `（三）`.)
#[test]
fn parallel_items_that_share_their_last_words_stay() {
    for rest in [
        "有关处室主要负责同志。",
        "有关处室主要负责同志及联络员各1名。",
    ] {
        for separator in ["\n", ""] {
            let text = format!(
                "（二）省住房城乡建设厅分管负责同志，{rest}{separator}\
                 （三）省生态环境厅分管负责同志，{rest}{separator}"
            );
            for drop_near in [false, true] {
                let report = run(&text, drop_near);
                assert_nothing_removed(&text, &report);
            }
        }
    }
}
