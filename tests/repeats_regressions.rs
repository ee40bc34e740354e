//! Repeat failures a blind review found on unseen notices, each reduced to the shape that broke.
//! They go through the public `analyze_bytes`, so that the headings the structure analysis finds
//! are the ones the repeat finder cuts at.

use notice_lens::{analyze_bytes, Options, Report};

fn run(text: &str, drop_near: bool) -> Report {
    let options = Options {
        drop_near_duplicates: drop_near,
        ..Options::default()
    };
    analyze_bytes(text, &options).expect("analysable")
}

fn removed<'t>(text: &'t str, report: &Report) -> Vec<&'t str> {
    report.dedup.removed.iter().map(|s| s.of(text)).collect()
}

/// Nothing is removed from `text`, with near-duplicates kept or dropped.
fn assert_nothing_removed(text: &str) {
    for drop_near in [false, true] {
        let report = run(text, drop_near);
        assert!(
            report.dedup.removed.is_empty(),
            "{:?}",
            removed(text, &report)
        );
    }
}

/// Nothing is removed from `layout(separator)`, for each way a scrape leaves paragraphs apart: a
/// line break, the indentation alone, or nothing at all.
fn assert_nothing_removed_in_any_layout(layout: impl Fn(&str) -> String) {
    for separator in ["\n", "\u{3000}\u{3000}", ""] {
        assert_nothing_removed(&layout(separator));
    }
}

/// [`assert_nothing_removed_in_any_layout`], with near-duplicates kept.
fn assert_nothing_removed_by_default_in_any_layout(layout: impl Fn(&str) -> String) {
    for separator in ["\n", "\u{3000}\u{3000}", ""] {
        let text = layout(separator);
        let report = run(&text, false);
        assert!(
            report.dedup.removed.is_empty(),
            "{:?}",
            removed(&text, &report)
        );
    }
}

/// Exactly `copy` is removed from `damaged` (near-duplicates kept), which gives back `clean`.
fn assert_copy_goes_alone(damaged: &str, copy: &str, clean: &str) {
    let report = run(damaged, false);
    assert_eq!(removed(damaged, &report), vec![copy]);
    assert_eq!(report.dedup.text, clean);
}

const S: &str = "随着全球新一轮科技革命和产业变革加速演进，对创新创业提出了新的更高要求。";

/// A level-1 heading run together with the sentence after it is a unit of its own: dropping an
/// edited copy of that sentence must not take the heading with it.
#[test]
fn dropping_a_near_copy_keeps_the_glued_heading_before_it() {
    let edited = "随着全球新一轮科技革命和产业变革加速演进，对大众创业提出了新的更高要求。";
    let text = format!("一、总体要求\n{S}\n二、主要任务{edited}推进改革创新。\n");
    let report = run(&text, true);
    assert_eq!(removed(&text, &report), vec![edited]);
    assert_eq!(
        report.dedup.text,
        format!("一、总体要求\n{S}\n二、主要任务推进改革创新。\n")
    );
}

/// The copy of a sentence whose original runs on from a glued heading is an exact copy.
#[test]
fn an_exact_copy_of_a_sentence_glued_to_its_heading_is_exact() {
    let text = format!("一、总体要求{S}\n二、主要任务\n推进改革创新。{S}\n");
    for drop_near in [false, true] {
        let report = run(&text, drop_near);
        assert_eq!(report.repeats.len(), 1, "{:?}", report.repeats);
        assert_eq!(report.repeats[0].similarity, 1.0);
        assert_eq!(report.repeats[0].text, S);
        assert_eq!(
            report.dedup.text,
            format!("一、总体要求{S}\n二、主要任务\n推进改革创新。\n")
        );
    }
}

/// And the other way round: a copy glued to the heading before it is cut from the heading.
#[test]
fn an_exact_copy_glued_to_a_heading_is_removed_and_the_heading_stays() {
    let task =
        "加强知识产权保护，实施商标、专利快速审查（国家知识产权局、市场监管总局按职责分工负责）。";
    let text = format!(
        "三、加快推动创新创业发展动力升级（五）加大财税政策支持力度。{task}\
         四、持续推进创业带动就业能力升级{task}（七）鼓励和支持科研人员积极投身科技创业。"
    );
    for drop_near in [false, true] {
        let report = run(&text, drop_near);
        assert_eq!(removed(&text, &report), vec![task]);
        assert!(report
            .dedup
            .text
            .contains("四、持续推进创业带动就业能力升级（七）"));
    }
}

/// Removing a copy never joins what white space separated, and never doubles a separator.
#[test]
fn removing_a_copy_keeps_the_line_break_after_it() {
    let a = "各地各部门要把优化营商环境作为重要工作来抓。";
    let text = format!("{a}{a}\n二、加强保障\n");
    assert_eq!(run(&text, false).dedup.text, format!("{a}\n二、加强保障\n"));
    // In the U+3000 form of a scrape, the indentation of the next paragraph stays, once.
    let text = format!("一、总体要求\u{3000}\u{3000}{a}{a}\u{3000}\u{3000}二、加强保障");
    assert_eq!(
        run(&text, false).dedup.text,
        format!("一、总体要求\u{3000}\u{3000}{a}\u{3000}\u{3000}二、加强保障")
    );
    // After white space, the copy goes with its own: the separator is not doubled.
    let text = format!("{a}\n{a}\n二、加强保障\n");
    assert_eq!(run(&text, false).dedup.text, format!("{a}\n二、加强保障\n"));
}

/// A copied passage whose first clause is exact and whose second is edited is one edited copy:
/// kept whole by default, removed whole when near-duplicates are dropped; never half of it.
#[test]
fn a_partly_edited_copy_is_one_near_duplicate() {
    let first = "到2019年底，整体通关时间比2017年压缩一半；";
    let second = "推进“十三五”口岸发展规划确定的重点任务。";
    let edited = "推动“十三五”口岸发展规划确定的重点任务。";
    let text = format!(
        "（一）压缩通关时间。{first}{second}\n（二）降低合规成本。清理规范口岸收费。{first}{edited}\n"
    );
    let report = run(&text, false);
    assert!(
        report.dedup.removed.is_empty(),
        "{:?}",
        removed(&text, &report)
    );
    assert_eq!(report.repeats.len(), 1, "{:?}", report.repeats);
    let r = &report.repeats[0];
    assert_eq!(r.text, format!("{first}{second}"));
    assert!(
        r.similarity < 1.0 && r.similarity >= 0.8,
        "{}",
        r.similarity
    );
    let copy = r.occurrences[1];
    assert_eq!(&text[copy.start..copy.end], format!("{first}{edited}"));

    let report = run(&text, true);
    assert_eq!(
        removed(&text, &report),
        vec![format!("{first}{edited}").as_str()]
    );

    // Also when another copy elsewhere makes the finder look again at what it kept.
    let other = "清理规范口岸收费，推进5G、物联网等新技术在口岸的应用。";
    let text = format!("{other}{text}{other}");
    let report = run(&text, false);
    assert_eq!(removed(&text, &report), vec![other]);
}

/// Width (digits and signs too) and any white space, ASCII spaces included, are no difference, also
/// where the copy was glued to a heading (as every copy in a line-less scrape is).
#[test]
fn full_width_digits_and_ascii_spaces_make_no_difference() {
    let task = "将企业研发费用加计扣除比例提高到75%的政策由科技型中小企业扩大至所有企业，实施商标、专利快速审查。";
    for copy in [
        "将企业研发费用加计扣除比例提高到７５％的政策由科技型中小企业扩大至所有企业，实施商标、专利快速审查。",
        "将企业研发费用加计扣除比例提高到75%的政策由科技型中小企业扩大至所有企业， 实施商标、专利快速审查。",
    ] {
        for before in ["其他内容在此。", "二、持续推进创业带动就业能力升级"] {
            let text = format!("一、总体要求\n{task}{before}{copy}");
            let report = run(&text, false);
            assert_eq!(removed(&text, &report), vec![copy], "after {before}");
            assert_eq!(report.repeats[0].similarity, 1.0);
        }
    }
}

/// A copy with a clause dropped, glued to a heading, is an edited copy.
#[test]
fn a_copy_with_a_clause_dropped_is_near() {
    let task = "将企业研发费用加计扣除比例提高到75%的政策由科技型中小企业扩大至所有企业（财政部、税务总局、科技部牵头负责）。";
    let copy = "将企业研发费用加计扣除比例提高到75%的政策扩大至所有企业（财政部、税务总局、科技部牵头负责）。";
    let text = format!(
        "三、加快推动创新创业发展动力升级（五）加大财税政策支持力度。{task}\
         四、持续推进创业带动就业能力升级{copy}（七）鼓励和支持科研人员积极投身科技创业。"
    );
    let report = run(&text, true);
    assert_eq!(removed(&text, &report), vec![copy]);
}

/// Markup between paragraphs is not text: it never counts towards a repeat, so it is never removed.
#[test]
fn repeated_markup_is_not_a_repeat() {
    let p = "</p><p style=\"text-indent:2em\">";
    let text = format!(
        "<p>二、持续深化商事制度改革{p}（一）压缩企业开办时间。{p}1．推行企业登记全程电子化。\
         {p}（二）推进“证照分离”改革全覆盖。{p}对所有涉企经营许可事项实行清单管理。\
         {p}三、优化工程建设项目审批{p}（一）精简审批环节。{p}全面开展工程建设项目审批制度改革。\
         {p}四、提升跨境贸易便利化水平{p}（一）压缩通关时间。{p}到2019年底，整体通关时间压缩一半。</p>"
    );
    for drop_near in [false, true] {
        let report = run(&text, drop_near);
        assert!(report.repeats.is_empty(), "{:?}", report.repeats);
        assert!(report.dedup.removed.is_empty());
    }
}

/// A plan repeats its subheadings under each part (`（一）工作目标`, `（二）重点举措`, `1.……`), each in
/// its place in the numbering: that is structure, not a copy, even where two together are long
/// enough to count. (A blind review's clean plan lost `（二）重点举措` and its first item.)
#[test]
fn parallel_subheadings_of_a_plan_stay() {
    let part = |n: &str, name: &str, goal: &str, aid: &str| {
        format!(
            "{n}、{name}\n（一）工作目标\n{goal}\n（二）重点举措\n\
             1.加大财政资金支持力度，落实税收优惠政策\n{aid}\n"
        )
    };
    let text = format!(
        "{}{}",
        part(
            "一",
            "消费品以旧换新行动",
            "到2024年底，全省汽车报废更新数量达到5万辆。",
            "对报废旧车并购买新能源汽车的个人消费者给予补贴。"
        ),
        part(
            "二",
            "设备更新行动",
            "到2024年底，全省工业领域设备投资规模增长25%以上。",
            "对符合条件的设备更新项目给予贴息支持。"
        ),
    );
    assert_nothing_removed(&text);
}

/// The same subheadings copied out of their place (a second `（二）` right after the part's own) are
/// a copy.
#[test]
fn subheadings_copied_out_of_their_place_are_a_copy() {
    let block = "（二）重点举措\n1.加大财政资金支持力度，落实税收优惠政策\n";
    let clean = format!(
        "一、消费品以旧换新行动\n（一）工作目标\n到2024年底，全省汽车报废更新数量达到5万辆。\n{block}\
         对报废旧车并购买新能源汽车的个人消费者给予补贴。\n"
    );
    let damaged = format!("{clean}{block}");
    let report = run(&damaged, false);
    assert_eq!(report.dedup.text, clean, "{:?}", removed(&damaged, &report));
}

const GOAL_ONE: &str = "到2025年，全市学前教育毛入园率达到95%以上，城乡教育资源配置更加均衡。";
const GOAL_TWO: &str = "到2025年，县域内就诊率达到90%，基层医疗卫生机构服务能力显著增强。";
const ITEM: &str = "1.加大财政资金支持力度，落实税收优惠政策";

/// Two parts of a plan with the same subheadings, `goal_two` standing for part 二's goal paragraph
/// (and whatever a scrape pasted next to it).
fn plan(goal_two: &str) -> String {
    format!(
        "一、教育服务提升行动\n（一）工作目标\n{GOAL_ONE}\n（二）重点任务\n{ITEM}\n对新建幼儿园给予建设补助。\n\
         二、医疗卫生服务提升行动\n（一）工作目标\n{goal_two}（二）重点任务\n{ITEM}\n\
         对基层医疗机构足额安排经费。\n"
    )
}

/// A copy pasted just before (or just after) a part's own subheadings, which also follow (precede)
/// its original, goes alone: the subheadings stand in their place, and so do the ones after them.
/// (A blind review's plans lost part 二's `（二）重点任务` and `1.……` with the copy.)
#[test]
fn a_copy_next_to_a_part_s_own_subheadings_leaves_them() {
    let clean = plan(&format!("{GOAL_TWO}\n"));
    for damaged in [
        plan(&format!("{GOAL_TWO}\n{GOAL_ONE}\n")),
        plan(&format!("{GOAL_ONE}\n{GOAL_TWO}\n")),
    ] {
        assert_copy_goes_alone(&damaged, &format!("{GOAL_ONE}\n"), &clean);
    }
}

/// The items of each part of a campaign plan, and the subheadings before them.
const ITEMS: &str =
    "1.加大财政资金支持力度，落实税收优惠政策\n2.优化审批服务流程，压缩办理时限\n3.建立健全长效监管机制\n";
const HEAD: &str = "（一）整治目标\n（二）重点举措\n";
const BODY_ONE: &str = "园区管委会要会同有关部门开展全面摸底，建立台账，逐项销号。";

/// A campaign plan of two parts, each of its subheadings, its items and its words.
fn campaign(head: &str, items: &str, head_two: &str, items_two: &str) -> String {
    format!(
        "一、工业园区专项整治\n{head}{items}{BODY_ONE}\n二、商贸流通专项整治\n{head_two}{items_two}\
         商务部门要牵头开展检查。\n"
    )
}

/// A duplicated first item (`1.` `1.` `2.` `3.`) goes alone: `2.` and `3.` are in their place once it
/// is out, though they also follow the first part's `1.`.
#[test]
fn a_duplicated_item_leaves_the_items_after_it() {
    let head = "（一）重点举措\n";
    let clean = campaign(head, ITEMS, head, ITEMS);
    let damaged = campaign(head, ITEMS, head, &format!("{ITEM}\n{ITEMS}"));
    assert_copy_goes_alone(&damaged, &format!("{ITEM}\n"), &clean);
}

/// A copied part heading pasted into a later part opens no part: the later part's own subheadings,
/// which follow the copy, stay under it, in their place. (The sweep of a blind review: a copy of the
/// opening sentence and `一、……` pasted into part 二 took part 二's `（二）重点任务` and `1.……` too.)
#[test]
fn a_copied_part_heading_leaves_the_subheadings_after_it() {
    let opening = "为深入贯彻落实党中央、国务院关于推进基本公共服务均等化的决策部署，现就有关工作提出以下意见。\n";
    let clean = format!("{opening}{}", plan(&format!("{GOAL_TWO}\n")));
    let copy = format!("{opening}一、教育服务提升行动\n");
    let damaged = format!("{opening}{}", plan(&format!("{GOAL_TWO}\n{copy}")));
    assert_copy_goes_alone(&damaged, &copy, &clean);
}

/// A copy that ends with a subheading, pasted before a part's own goal, goes whole: once its
/// `（二）` is out, the part's own `（二）` and `1.……` after the goal are in their place. (The sweep of a
/// blind review: the part's own `（二）重点任务` and `1.……` went with the copy.)
#[test]
fn a_copy_ending_with_a_subheading_leaves_the_part_s_own() {
    let copy = format!("{GOAL_ONE}\n（二）重点任务\n");
    let clean = plan(&format!("{GOAL_TWO}\n"));
    let damaged = plan(&format!("{copy}{GOAL_TWO}\n"));
    assert_copy_goes_alone(&damaged, &copy, &clean);
}

/// Copied headings alone pasted under a later part's heading (`四、` then a copied `一、` and
/// `（一）`, then the part's own `（一）`) go alone: once they are out, the part's own subheadings and
/// items are in their place. (The sweep of a blind review: they all went.)
#[test]
fn copied_headings_alone_leave_the_part_s_own_after_them() {
    let copy = "一、工业园区专项整治\n（一）整治目标\n";
    let clean = campaign(HEAD, ITEMS, HEAD, ITEMS);
    let damaged = campaign(HEAD, ITEMS, &format!("{copy}{HEAD}"), ITEMS);
    assert_copy_goes_alone(&damaged, copy, &clean);
}

/// The same without line breaks: the copy's `（一）整治目标` runs into part 二's heading, which is a
/// heading all the same, so the copy goes alone. (The one-line sweep of a blind review: the copy
/// stayed, part 二's heading taken for words of the copy's `（一）`.)
#[test]
fn copied_headings_glued_to_the_next_part_s_heading_go_alone() {
    let copy = "一、工业园区专项整治（一）整治目标";
    let clean = campaign(HEAD, ITEMS, HEAD, ITEMS).replace('\n', "");
    let damaged = clean.replacen("二、", &format!("{copy}二、"), 1);
    assert_copy_goes_alone(&damaged, copy, &clean);
}

/// A copied last item with the words after it, pasted between a part's `2.` and its own `3.`, goes
/// alone: the part's `（一）` `（二）` `1.` `2.` before it, headings with no words of their own, stay.
/// (The sweep of a blind review: the part lost them all.)
#[test]
fn a_copied_item_with_its_words_leaves_the_headings_before_it() {
    let (first_two, third) = ITEMS.split_at(ITEMS.find("3.").unwrap_or(0));
    let copy = format!("{third}{BODY_ONE}\n");
    let clean = campaign(HEAD, ITEMS, HEAD, ITEMS);
    let damaged = campaign(HEAD, ITEMS, HEAD, &format!("{first_two}{copy}{third}"));
    assert_copy_goes_alone(&damaged, &copy, &clean);
}

/// A copied item and its words, pasted where the item's number fits (the first under part 二's
/// `（一）`), go together: the heading does not stay behind without its words.
#[test]
fn a_copied_item_that_fits_its_place_goes_with_its_words() {
    let words = "对新建、改扩建公办幼儿园给予一次性建设补助。\n";
    let part = |n: &str, name: &str, goal: &str, copy: &str, body: &str| {
        format!("{n}、{name}\n（一）工作目标\n{goal}\n{copy}（二）重点任务\n{ITEM}\n{body}")
    };
    let first = part("一", "教育服务提升行动", GOAL_ONE, "", words);
    let body_two = "对基层医疗机构足额安排经费。\n";
    let copy = format!("{ITEM}\n{words}");
    let clean = first.clone() + &part("二", "医疗卫生服务提升行动", GOAL_TWO, "", body_two);
    let damaged = first + &part("二", "医疗卫生服务提升行动", GOAL_TWO, &copy, body_two);
    assert_copy_goes_alone(&damaged, &copy, &clean);
}

/// A copied item pasted before a part's first item (`2.` `1.` `2.` `3.`) goes alone: `1.` `2.` `3.`
/// are numbered in order under the part, though the copy came first. (The sweep of a blind review:
/// the copy stayed and the part's own three items went.)
#[test]
fn a_copied_item_before_a_part_s_first_item_goes_alone() {
    let second = "2.优化审批服务流程，压缩办理时限\n";
    let clean = campaign(HEAD, ITEMS, HEAD, ITEMS);
    let damaged = campaign(HEAD, ITEMS, HEAD, &format!("{second}{ITEMS}"));
    assert_copy_goes_alone(&damaged, second, &clean);
}

/// An item of a plan written as a sentence (`1.加大……政策。`), the same under two parts, each followed
/// by its own `2.`, is the plan's structure: the sentence is its own item in both. (Two blind
/// reviews' clean plans lost the second part's first item.) Copied out of its numbering, it is a
/// copy.
#[test]
fn parallel_items_written_as_sentences_stay() {
    let item = "1.加大财政资金支持力度，落实税收优惠政策。";
    let part = |n: &str, name: &str, aid: &str, second: &str| {
        format!("{n}、{name}\n{item}{aid}\n2.{second}\n")
    };
    let clean = part(
        "一",
        "教育",
        "对新建幼儿园给予建设补助。",
        "强化教师队伍建设。实施乡村教师支持计划。",
    ) + &part(
        "二",
        "医疗",
        "对基层医疗机构足额安排经费。",
        "强化全科医生培养。实施全科医生特岗计划。",
    );
    for text in [clean.clone(), clean.replace('\n', "")] {
        assert_nothing_removed(&text);
    }
    let damaged = format!("{clean}{item}\n");
    let report = run(&damaged, false);
    assert_eq!(report.dedup.text, clean, "{:?}", removed(&damaged, &report));
}

/// Lines of a form or a list repeat by design: a responsibility list's `完成时限：……` under each
/// task, a reply form's blank rows. Neither is a copy. (A fourth blind review's clean notices lost
/// them.)
#[test]
fn repeated_lines_of_a_form_or_list_stay() {
    assert_nothing_removed(
        "1.推进企业开办一件事。\n完成时限：2024年12月底\n牵头单位：市市场监管局\n\
         2.推行惠企政策免申即享。\n完成时限：2024年12月底\n牵头单位：市市场监管局\n",
    );
    assert_nothing_removed(
        "参会回执\n单位：\n姓名 | 职务 | 性别 | 民族 | 联系电话\n\
         单位：\n姓名 | 职务 | 性别 | 民族 | 联系电话\n",
    );
}

/// A document's title after the notice that names it (`关于印发《……》的通知`, or `附件：` with `2.……`
/// in its list) is that document's own title, not an edited copy of the line naming it, also when
/// edited copies are dropped. (A fourth blind review's clean notices lost them with
/// `drop_near_duplicates`.)
#[test]
fn a_title_after_the_line_that_names_it_stays() {
    assert_nothing_removed(
        "关于印发《2024年全市优化营商环境重点任务责任清单》的通知\n各区人民政府：\n\
         现将《2024年全市优化营商环境重点任务责任清单》印发给你们，请认真贯彻落实。\n\
         2024年全市优化营商环境重点任务责任清单\n一、推进企业开办一件事。\n",
    );
    assert_nothing_removed(
        "附件：1.2024年度全市优秀科技创新团队申报书\n2.2024年度全市优秀科技创新团队推荐汇总表\n\
         市科学技术局\n2024年6月1日\n附件1\n2024年度全市优秀科技创新团队申报书\n\
         附件2\n2024年度全市优秀科技创新团队推荐汇总表\n",
    );
}

/// Indicators of an assessment scored by the same sentence, each on its heading's line up to the
/// next heading: each item's own words, not a copy. (A fourth blind review: the later items lost
/// them, in every layout.) A copied item, heading and words, still goes.
#[test]
fn items_scored_by_the_same_sentence_keep_their_words() {
    let rule = "完成省下达任务的得满分，每低于任务1个百分点扣1分，扣完为止。（数据来源：市统计局）";
    let plan = |separator: &str, extra: &str| {
        format!(
            "（一）粮食生产（20分）{separator}1.粮食播种面积。{rule}{separator}2.粮食总产量。{rule}\
             {separator}3.高标准农田建设。{rule}{separator}{extra}（二）乡村治理（15分）{separator}\
             4.村级组织建设。培训覆盖率达到100%的得满分。"
        )
    };
    assert_nothing_removed_in_any_layout(|separator| plan(separator, ""));
    let copy = format!("2.粮食总产量。{rule}\n");
    assert_copy_goes_alone(&plan("\n", &copy), &copy, &plan("\n", ""));
    // Nor is an indicator scored by nearly the same sentence an edited copy to drop.
    let edited = rule.replace("省下达任务", "年度目标任务");
    assert_nothing_removed(&format!(
        "（一）粮食生产（20分）\n1.粮食播种面积。{rule}\n2.高标准农田建设。{edited}\n\
         （二）乡村治理（15分）\n3.村级组织建设。培训覆盖率达到100%的得满分。"
    ));
}

/// A short sentence a notice uses four times or more, each time between other sentences, is a set
/// phrase: a legal proviso closing several articles stays. (A fifth blind review: the later
/// articles lost it.)
#[test]
fn a_set_phrase_used_between_other_sentences_stays() {
    let proviso = "法律、法规另有规定的，从其规定。";
    let articles = [
        "第二条 本办法适用于本市户外广告设施的设置。",
        "第五条 设置户外广告设施应当符合规划。",
        "第八条 临时户外广告设施的设置期限不超过三十日。",
        "第十一条 主管部门应当自受理申请之日起二十日内作出决定。",
    ];
    let clean: String = articles.iter().map(|a| format!("{a}{proviso}\n")).collect();
    assert_nothing_removed(&clean);
    // Three uses are the rules' formula when each is in an article of its own (a seventh review,
    // r9-01); in sentences that are no articles, too few to tell from a sentence pasted twice.
    let three: String = articles[..3]
        .iter()
        .map(|a| format!("{a}{proviso}\n"))
        .collect();
    assert_nothing_removed(&three);
    let unnumbered = three
        .replace("第二条 ", "")
        .replace("第五条 ", "")
        .replace("第八条 ", "");
    assert_eq!(run(&unnumbered, false).dedup.removed.len(), 2);
    // An article copied whole after a later one brings its formula along: articles ascend.
    let recopied = format!("{three}{}{proviso}\n", articles[0]);
    assert_eq!(
        removed(&recopied, &run(&recopied, false)),
        vec![format!("{}{proviso}\n", articles[0])]
    );
}

/// The same duty, heading and words, as the third item of two parts is the notice's own text; a
/// copy of it pasted where its number does not fit, or with the next item along, is a copy.
#[test]
fn the_same_item_in_its_place_under_two_parts_stays() {
    let duty = "3.严格落实值班制度。各学校要严格执行领导带班和24小时值班制度，确保信息畅通。";
    let notice = |separator: &str, pasted: &str| {
        format!(
            "一、扎实做好校园安全工作{separator}1.开展安全隐患排查。各学校要对校舍进行全面排查。\
             {separator}2.加强校园安保工作。严格落实门卫登记制度。{separator}{duty}{separator}\
             4.加强防溺水安全教育。开学第一周要集中开展专题教育。{separator}\
             二、切实加强卫生防疫{separator}1.严格食堂食品安全管理。落实留样制度。{separator}\
             {pasted}2.做好传染病防控工作。做好通风消毒工作。{separator}{duty}{separator}\
             4.做好新生入学健康体检工作，对未按规定接种的学生督促补种。"
        )
    };
    assert_nothing_removed_in_any_layout(|separator| notice(separator, ""));
    // Pasted after the part's `1.`, the copy is out of its numbering.
    let copy = format!("{duty}\n");
    assert_copy_goes_alone(&notice("\n", &copy), &copy, &notice("\n", ""));
}

/// Indicators, or periods of a training, with the same fields, some filled in alike, are a form:
/// a field at its place in the same sequence of labels under two headings is no copy. A copy of
/// it pasted into another part gives that part the label twice.
#[test]
fn the_same_field_of_parallel_parts_stays() {
    let rule = "评分标准：达到全省先进水平的得满分；每低于平均水平1个百分点扣0.5分，扣完为止。";
    let form = |separator: &str, pasted: &str, pasted_later: &str| {
        format!(
            "三、考核指标{separator}（一）开办企业（8分）{separator}考核内容：企业开办时间、环节和成本。\
             {separator}{rule}{separator}（二）办理建筑许可（10分）{separator}\
             考核内容：工程建设项目审批时间。{separator}{rule}{separator}（三）获得电力（6分）{separator}\
             {pasted}考核内容：用电报装时间和接电成本。{separator}{pasted_later}{rule}{separator}\
             四、结果运用{separator}考核结果在全市范围内通报。"
        )
    };
    assert_nothing_removed_in_any_layout(|separator| form(separator, "", ""));
    let copy = format!("{rule}\n");
    let clean = form("\n", "", "");
    assert_copy_goes_alone(&form("\n", &copy, ""), &copy, &clean);
    assert_copy_goes_alone(&form("\n", "", &copy), &copy, &clean);
}

/// A 转发 notice adapts a sentence of the notice it forwards (`请径向市自然资源局反映` for
/// `请径向省自然资源厅反映`): no edited copy, not even to drop. Within one notice it is one.
#[test]
fn a_forwarding_notice_adapting_the_forwarded_one_keeps_both() {
    let closing = |body: &str| format!("执行中遇到的问题，请径向{body}反映。");
    let forwarding = format!(
        "梅州市人民政府办公室关于转发省人民政府办公厅《关于加强耕地保护的通知》的通知\n\
         各县人民政府：\n现将省人民政府办公厅《关于加强耕地保护的通知》转发给你们，请认真贯彻执行。\
         各县要严格落实耕地保护党政同责。{}\n梅州市人民政府办公室\n2025年5月20日\n\
         广东省人民政府办公厅关于加强耕地保护的通知\n各地级以上市人民政府：\n\
         耕地是粮食生产的命根子，是中华民族永续发展的根基。\n{}\n广东省人民政府办公厅\n2025年5月8日\n",
        closing("市自然资源局"),
        closing("省自然资源厅")
    );
    assert_nothing_removed(&forwarding);
    let one_notice = format!(
        "关于加强耕地保护的通知\n各地级以上市人民政府：\n{}\n耕地是粮食生产的命根子，是中华民族永续发展的根基。\n{}\n",
        closing("市自然资源局"),
        closing("省自然资源厅")
    );
    assert_eq!(
        removed(&one_notice, &run(&one_notice, true)),
        vec![closing("省自然资源厅") + "\n"]
    );
}

/// Parallel parts are written alike: the same fields of two tasks, filled in a little differently,
/// and two batches of one list, are no edited copies to drop, in any layout. An edited field
/// within one part is one.
#[test]
fn parallel_parts_written_alike_are_no_edited_copies() {
    let duty = "工作要求：各地区要建立重大事故隐患整改台账，实行清单化管理，整改一项、销号一项。";
    let place = "受理地点：长沙市民之家东楼三楼人社综合窗口（岳麓区岳麓大道218号），咨询电话：0731-88665162。";
    let task = |separator: &str, name: &str, aim: &str, lead: &str, partners: &str| {
        format!(
            "{name}{separator}重点整治{aim}等突出问题。{separator}牵头单位：{lead}{separator}\
             配合单位：{partners}{separator}完成时限：2025年11月30日前{separator}{duty}{separator}"
        )
    };
    let tasks = |separator: &str| {
        let chemicals = "涉及硝化、氯化、氟化等危险工艺的化工装置自动化控制系统不完善、安全仪表系统未按要求投用";
        let mines = "煤矿超能力、超强度、超定员组织生产，非煤矿山违规外包、以采代建、越界开采";
        task(
            separator,
            "（一）危险化学品领域。",
            chemicals,
            "应急管理部",
            "工业和信息化部、生态环境部",
        ) + &task(
            separator,
            "（二）矿山领域。",
            mines,
            "国家矿山安全监察局",
            "应急管理部、自然资源部",
        )
    };
    let batches = |separator: &str| {
        format!(
            "（一）第一批次受理时间：2025年3月3日至3月21日，受理系列：工程系列、经济系列{place}\
             {separator}（二）第二批次受理时间：2025年5月12日至5月30日，受理系列：会计系列{place}\
             {separator}（三）第三批次受理时间：2025年8月4日至8月22日，受理系列：农业系列{place}{separator}"
        )
    };
    assert_nothing_removed_in_any_layout(|separator| tasks(separator));
    assert_nothing_removed_in_any_layout(|separator| batches(separator));
    let edited_within_a_part = "（一）矿山安全专项整治\n\
        工作要求：各地区要建立重大事故隐患整改台账，实行清单化管理，整改一项、销号一项。\n\
        完成时限：2025年11月30日前\n\
        工作要求：各地区要建立重大隐患整改台账，实行清单化管理，整改一项、销号一项。\n";
    assert_eq!(
        removed(edited_within_a_part, &run(edited_within_a_part, true)),
        vec!["工作要求：各地区要建立重大隐患整改台账，实行清单化管理，整改一项、销号一项。\n"]
    );
}

/// A plan's parts may open an item alike: the same heading, each in its place, and the same first
/// sentence on its line, before what each part adds. The same sentence after a heading of another
/// title is a copy pasted there.
#[test]
fn items_that_open_alike_under_the_same_heading_stay() {
    let duty = "市、县人民政府是本辖区住房安全保障工作的责任主体，主要负责同志是第一责任人。";
    let plan = |separator: &str, pasted: &str| {
        format!(
            "一、城镇老旧小区改造{separator}（一）压实工作责任。{duty}各市要将改造任务分解到县。\
             {separator}（二）加强资金监管。专项资金实行专账核算、专款专用。{separator}\
             二、农村危房改造{separator}（一）压实工作责任。{duty}各县要逐户建立改造台账。{separator}\
             （二）保障工程质量。{pasted}加强对农村建筑工匠的技术培训。{separator}"
        )
    };
    assert_nothing_removed_in_any_layout(|separator| plan(separator, ""));
    assert_copy_goes_alone(&plan("\n", duty), duty, &plan("\n", ""));
}

/// A pledge restates the conditions of a call in its own voice (`二、本单位近三年……` for
/// `（五）近三年……`), word for word or with a word added: neither a copy after a glued title nor an
/// edited copy, in any layout.
#[test]
fn a_pledge_restating_the_conditions_stays() {
    let record = "近三年无不良信用记录，未发生重大安全、质量和环境污染事故。";
    let notice = |separator: &str| {
        format!(
            "一、申报条件{separator}（一）在本省境内依法设立，具有独立法人资格，运营时间满2年。\
             {separator}（二）{record}{separator}（三）已被认定为国家示范平台的，不再重复申报。\
             {separator}二、申报程序{separator}申报单位向所在地主管部门提出申请。{separator}\
             附件{separator}申报材料真实性承诺书{separator}本单位郑重承诺：{separator}\
             一、本单位在本省境内依法设立，具有独立法人资格，运营时间满2年。{separator}\
             二、本单位{record}{separator}三、如有违反上述承诺的行为，本单位自愿承担一切法律责任。\
             {separator}"
        )
    };
    assert_nothing_removed_in_any_layout(|separator| notice(separator));
}

/// An agenda gives each day its times of day, and two days may share a session: the line at the
/// same time of two days is no copy. A copy of it pasted into a day that has its afternoon is.
#[test]
fn the_same_session_on_two_days_of_an_agenda_stays() {
    let session =
        "下午 14:30—17:30 分组讨论，各组围绕《2025年全省统计工作要点》交流意见、研究问题。";
    let agenda = |separator: &str, pasted: &str| {
        format!(
            "五、会议日程{separator}（一）3月18日（星期二）{separator}\
             上午 9:00—11:30 全体会议。省统计局主要负责同志作工作报告。{separator}{session}{separator}\
             （二）3月19日（星期三）{separator}上午 9:00—11:30 统计数据质量专题培训。{separator}\
             {session}{separator}（三）3月20日（星期四）{separator}\
             上午 9:00—11:00 全体会议。各组召集人汇报讨论情况。{separator}{pasted}\
             下午 返程。{separator}六、有关要求{separator}请各单位按时报送参会回执。{separator}"
        )
    };
    assert_nothing_removed_in_any_layout(|separator| agenda(separator, ""));
    let copy = format!("{session}\n");
    assert_copy_goes_alone(&agenda("\n", &copy), &copy, &agenda("\n", ""));
}

/// A longer sentence that closes each part it is used in (the same hotline after each answer of
/// a Q&A) is the notice's own; the same sentence standing anywhere else is a copy.
#[test]
fn a_sentence_closing_every_answer_of_a_q_and_a_stays() {
    let hotline = "具体办理流程可咨询当地人力资源社会保障部门，咨询电话12333。";
    let answers = [
        "企业应在为吸纳人员连续足额缴纳社会保险费满3个月后提出申请。",
        "社会保险补贴实行先缴后补，按季度申领。",
        "补贴资金直接拨付至本人社会保障卡银行账户。",
        "同一人员只能享受一次补贴，不得重复申领。",
    ];
    let q_and_a = |separator: &str, pasted: &str| {
        let mut text = format!("三、热点问答{separator}");
        for (k, answer) in answers.iter().enumerate() {
            text += &format!(
                "问{}：补贴如何申领？{separator}答：{answer}{pasted}{separator}{hotline}{separator}",
                k + 1
            );
        }
        text + &format!("四、其他事项{separator}本解读由市人力资源社会保障局负责解释。{separator}")
    };
    assert_nothing_removed_in_any_layout(|separator| q_and_a(separator, ""));
    // Pasted after an answer, the sentence no longer closes every part: it is a copy.
    let clean = q_and_a("\n", "");
    let answer = format!("答：{}\n", answers[1]);
    let damaged = clean.replacen(&answer, &format!("{answer}{hotline}\n"), 1);
    assert!(!removed(&damaged, &run(&damaged, false)).is_empty());
}

/// Seventh review (r9-10): a `牵头单位；责任单位` note after several measures. Its `；` separates the
/// note's parts and ends no sentence, so the note is one unit that begins no copy, and no removal
/// ends inside it.
#[test]
fn the_same_lead_unit_note_after_two_measures_stays() {
    let note = "（牵头单位：县政务服务中心；责任单位：各乡镇人民政府、县直有关部门）";
    let measures = [
        "3.推进政务服务事项“就近办”。将高频事项下沉至乡镇便民服务中心。",
        "4.建立“办不成事”反映窗口。兜底解决企业群众办事遇到的疑难问题。",
        "5.加强涉企信用修复。主动告知并协助企业办理信用修复。",
    ];
    for separator in ["\n", "\u{3000}\u{3000}", ""] {
        let text = format!(
            "一、提升政务服务效能{separator}{m3}{separator}{note}{separator}{m4}{separator}{note}\
             {separator}{m5}{separator}（牵头单位：县发展和改革委员会；责任单位：县直各行政执法部门）\
             {separator}二、强化要素保障{separator}6.降低企业用电成本。供电企业实行“零上门”服务。\
             {separator}（牵头单位：县发展和改革委员会；责任单位：国网岳西县\
             供电公司）{separator}",
            m3 = measures[0],
            m4 = measures[1],
            m5 = measures[2],
        );
        assert_nothing_removed(&text);
    }
}

/// Seventh review (r9-05): each level of an emergency plan's response lists the same measures
/// `（2）` and `（3）` after its own `（1）`, with its own measures after them. A run of items, each in
/// its place, within a longer list, is the list's own; a whole list pasted where its numbers fit is
/// still a copy.
#[test]
fn measures_shared_by_the_levels_of_a_response_stay() {
    let shared = [
        "（2）县防汛抗旱指挥部各成员单位按照职责分工做好防汛工作，并将工作情况及时报县防汛抗旱指挥部办公室。",
        "（3）相关乡镇实行24小时防汛值班，主要负责同志在岗带班，组织做好巡堤查险工作。",
    ];
    let levels = [
        (
            "Ⅳ级应急响应",
            "办公室主任主持会商，作出相应工作部署。",
            None,
        ),
        (
            "Ⅲ级应急响应",
            "副指挥长主持会商，作出相应工作部署。",
            Some("县水利局派出工作组赶赴一线。"),
        ),
        (
            "Ⅱ级应急响应",
            "常务副指挥长主持会商，作出总体部署。",
            Some("县领导带队赶赴一线指导抢险。"),
        ),
    ];
    let plan = |separator: &str| {
        let mut text = format!("三、应急响应{separator}");
        for (k, (level, first, own)) in levels.iter().enumerate() {
            text += &format!(
                "（{}）{level}{separator}1.响应措施：{separator}（1）县防汛抗旱指挥部{first}\
                 {separator}{}{separator}{}{separator}",
                ["一", "二", "三"][k],
                shared[0],
                shared[1]
            );
            if let Some(own) = own {
                text += &format!("（4）{own}{separator}");
            }
        }
        text + &format!("四、保障措施{separator}各有关部门要加强防汛抢险队伍建设。{separator}")
    };
    assert_nothing_removed_by_default_in_any_layout(|separator| plan(separator));
}

/// The other side of the rule above: a part's whole list of items, pasted under another part's goal
/// where `（1）` and `（2）` fit, is a copy.
#[test]
fn a_whole_list_of_items_pasted_where_its_numbers_fit_goes() {
    let list = "（1）整合各部门现有机房和服务器资源，推动非涉密业务系统全部迁移上云。\n\
                （2）建立政务云资源统一申请、分配和回收机制，提高资源使用效率。\n";
    let clean = format!(
        "一、统筹建设政务云\n（一）工作目标\n到2025年底，全区政务云资源利用率达到80%。\n\
         （二）主要任务\n1.统筹建设政务云平台\n{list}2.完善政务网络体系\n\
         （1）推进电子政务外网向社区延伸。\n二、提升政务服务效能\n（一）工作目标\n\
         到2025年底，政务服务事项网上可办率达到98%。\n（二）主要任务\n1.推进一网通办\n\
         （1）依托政务云平台部署一体化政务服务平台。\n"
    );
    let goal = "网上可办率达到98%。\n";
    let damaged = clean.replacen(goal, &format!("{goal}{list}"), 1);
    assert_copy_goes_alone(&damaged, list, &clean);
}

/// Seventh review (r9-01): rules whose articles on penalties each end with the same formula. A
/// sentence used three times, each in an article of its own, is the rules' wording; pasted twice
/// into one article, it is a copy.
#[test]
fn a_formula_closing_three_articles_stays() {
    let formula =
        "逾期不改正的，依照《湖南省食品生产加工小作坊小餐饮和食品摊贩管理条例》有关规定处理。";
    let articles = [
        ("十七", "未悬挂登记证或者从业人员健康证明的"),
        ("十八", "登记事项发生变化未申请变更登记的"),
        ("十九", "迁移生产加工场所未重新申请登记的"),
    ];
    let rules = |separator: &str, uses: usize| {
        let mut text = format!("第六章　法律责任{separator}");
        for (k, (number, breach)) in articles.iter().enumerate() {
            text += &format!(
                "第{number}条　违反本细则规定，{breach}，由县级市场监督管理部门责令限期改正。"
            );
            if k < uses {
                text += formula;
            }
            text += separator;
        }
        text + &format!("第二十条　本细则自2023年10月1日起施行。{separator}")
    };
    // (With near-duplicates dropped, the articles written alike are edited copies, and the formula
    // goes with them: the README's "Not yet".)
    for separator in ["\n", "\u{3000}\u{3000}", ""] {
        let text = rules(separator, 3);
        assert_eq!(removed(&text, &run(&text, false)), Vec::<&str>::new());
    }
    // Pasted again into an article that has it, it is a copy.
    let clean = rules("\n", 3);
    let second = clean.match_indices(formula).nth(1).map_or(0, |(at, _)| at);
    let damaged = format!("{}{formula}{}", &clean[..second], &clean[second..]);
    let report = run(&damaged, false);
    assert_eq!(removed(&damaged, &report), vec![formula]);
    assert_eq!(report.dedup.text, clean);
}

/// Tenth review (05): a fund allocation whose projects each close with the same two sentences,
/// the conditions and then the deadline (the last project with the conditions alone). A block of
/// sentences that closes every part, four times or more, is the notice's own; pasted into the
/// middle of a part, it is a copy.
#[test]
fn a_block_closing_every_project_stays() {
    let conditions = "该项目须严格按照批复的建设内容和标准实施，不得擅自变更建设内容、扩大建设规模或降低建设标准。";
    let deadline =
        "请于收到资金后30日内将资金拨付至项目实施单位，并在预算管理一体化系统中完成指标分解。";
    let projects = [
        (
            "一",
            "东湖区",
            "下达补助资金1280万元，用于湖滨至莲塘三级公路改造工程。",
        ),
        (
            "二",
            "青山县",
            "下达补助资金2150万元，用于乡道提质改造工程。",
        ),
        (
            "三",
            "新丰县",
            "下达补助资金1870万元，用于旅游资源路建设工程。",
        ),
        (
            "四",
            "河口区",
            "下达补助资金960万元，用于产业园区连接线工程。",
        ),
        (
            "五",
            "松林县",
            "下达补助资金2240万元，用于自然村通硬化路工程。",
        ),
    ];
    let notice = |separator: &str| {
        let mut text = format!("一、资金安排情况{separator}");
        for (number, place, grant) in projects {
            text += &format!("（{number}）{place}{separator}{grant}{separator}{conditions}{separator}{deadline}{separator}");
        }
        text + &format!(
            "（六）安全生命防护工程{separator}下达补助资金1040万元，用于完善公路交通安全设施。\
             {separator}{conditions}{separator}二、资金管理要求{separator}补助资金实行专款专用。{separator}"
        )
    };
    assert_nothing_removed_in_any_layout(|separator| notice(separator));
    let clean = notice("\n");
    let grant = projects[2].2;
    let damaged = clean.replacen(grant, &format!("{conditions}\n{deadline}\n{grant}"), 1);
    let report = run(&damaged, false);
    assert_eq!(
        removed(&damaged, &report),
        vec![format!("{conditions}\n{deadline}\n")]
    );
    assert_eq!(report.dedup.text, clean);
}

/// Found by the property tests: with no parts at all, no use of a longer sentence closes one, so a
/// sentence pasted three times between others is three copies, not a set phrase.
#[test]
fn a_longer_sentence_repeated_in_a_text_without_parts_is_copied() {
    let goal = "加快培育壮大新动能，改造提升传统动能是促进经济结构转型和高质量发展的重要途径。";
    let others = [
        "各地区、各部门要立足改革创新，坚持需求导向，共同推进大众创业、万众创新蓬勃发展。",
        "推进供给侧结构性改革，着力振兴实体经济😀😀。",
        "完善知识产权快速维权机制，实施更加严格的知识产权保护制度。",
    ];
    let text: String = std::iter::once(goal)
        .chain(others.iter().flat_map(|other| [*other, goal]))
        .collect();
    assert_eq!(removed(&text, &run(&text, false)), vec![goal; 3]);
}

/// Tenth review 08: a policy's reading (解读) quotes each clause it explains, naming it
/// (`《若干措施》第一条明确：“……”`), and restates the date of effect under a heading of its own. Neither
/// is a copy, in any layout and with near-duplicates dropped; the reading's title names the policy's.
#[test]
fn a_reading_that_quotes_the_policy_it_explains_keeps_its_quotations() {
    let clause = "对首次认定为国家级专精特新“小巨人”企业的，给予一次性奖励50万元；对首次认定为省级专精特新中小企业的，给予一次性奖励20万元。同一企业按照就高不重复原则享受奖励。";
    let effect = "本措施自2024年6月1日起施行，有效期至2026年12月31日。";
    let notice = |separator: &str| {
        [
            "市促进专精特新中小企业高质量发展若干措施",
            &format!("一、加大梯度培育奖励力度。{clause}"),
            "二、支持企业加大研发投入。对专精特新中小企业研发费用增长部分，按照10%的比例给予补助。",
            &format!("{effect}此前出台的相关政策与本措施不一致的，以本措施为准。"),
            "《市促进专精特新中小企业高质量发展若干措施》政策解读",
            "一、主要内容",
            "（一）关于梯度培育奖励",
            &format!("《若干措施》第一条明确：“{clause}”"),
            "解读：同一企业先后获得两级认定的，可再获得差额奖励30万元。",
            "二、施行时间",
            effect,
            "三、咨询方式",
            "市工业和信息化局中小企业发展科。",
        ]
        .join(separator)
    };
    assert_nothing_removed_in_any_layout(|separator| notice(separator));
}

/// A copy that a scrape made of a reading's own sentence, within the reading, is still a copy;
/// so is a copy of the quotation, which names the clause just as its original does.
#[test]
fn a_copy_within_a_reading_is_still_a_copy() {
    let policy =
        "一、支持企业加大研发投入。对专精特新中小企业研发费用增长部分，按照10%的比例给予补助。\n";
    let quotation =
        "《若干措施》第一条明确：“对专精特新中小企业研发费用增长部分，按照10%的比例给予补助。”\n";
    let own = "解读：研发费用以税务部门确认的研发费用加计扣除金额为准。\n";
    let clean = format!(
        "{policy}《若干措施》政策解读\n一、关于研发投入补助\n{quotation}{own}二、申报方式\n企业可在线申报，相关部门审核后拨付资金。\n"
    );
    for copy in [own, quotation] {
        let damaged = clean.replacen("企业可在线申报", &format!("{copy}企业可在线申报"), 1);
        let report = run(&damaged, false);
        assert_eq!(removed(&damaged, &report), vec![copy], "{copy}");
        assert_eq!(report.dedup.text, clean);
    }
}

/// A policy Q&A (eighth review 03): the answer restates what the question quotes, each naming the
/// policy in its own words (`《措施》提出“……”` asked, `答：《措施》明确，……` answered).
#[test]
fn an_answer_restating_the_quoted_question_is_no_copy() {
    let text = "问1：《措施》提出“对吸纳登记失业人员就业并签订1年以上劳动合同的小微企业，按每人1000元标准给予一次性吸纳就业补贴”，登记失业人员如何认定？\n\
        答：《措施》明确，对吸纳登记失业人员就业并签订1年以上劳动合同的小微企业，按每人1000元标准给予一次性吸纳就业补贴。这里的登记失业人员，是指在户籍地或常住地进行失业登记的人员。\n";
    assert_nothing_removed(text);
}

/// A sentence that mentions a reading, and an entry of a list of attachments that names one, start
/// none: the text after them is the notice's own, and a copy of an earlier sentence there is a copy.
#[test]
fn a_sentence_or_an_attachment_entry_that_names_a_reading_starts_none() {
    let goal = "加快培育壮大新动能，改造提升传统动能是促进经济结构转型的重要途径。";
    for mention in [
        "各地要做好《若干措施》政策解读工作。",
        "附件：1.若干措施\n2.《若干措施》政策解读",
    ] {
        let text = format!("一、总体要求\n{goal}\n二、工作要求\n{mention}\n{goal}\n");
        let report = run(&text, false);
        assert_eq!(
            removed(&text, &report),
            vec![format!("{goal}\n")],
            "{mention}"
        );
    }
}

/// A notice and its annexes (tenth review 09): an annex details the notice, and restates its
/// theme and its dates by design, under the annex's own headings. Nothing is lost in any layout.
fn notice_with_annexes(separator: &str) -> String {
    [
        "县安全生产委员会关于开展2024年“安全生产月”活动的通知",
        "各乡镇人民政府，县安委会各成员单位：",
        "一、活动主题",
        "人人讲安全、个个会应急——畅通生命通道。",
        "二、主要活动",
        "（一）开展安全宣传咨询日活动。6月16日，全县统一开展安全宣传咨询日活动，县主会场设在县城人民广场。",
        "（二）及时报送信息。请各乡镇于6月10日前将活动方案报县安委会办公室，7月5日前报送活动总结。",
        "附件：1．2024年“安全生产月”安全宣传咨询日活动方案",
        "2．2024年“安全生产月”活动信息报送要求",
        "县安全生产委员会",
        "2024年5月22日",
        "附件1",
        "2024年“安全生产月”安全宣传咨询日活动方案",
        "一、活动主题",
        "人人讲安全、个个会应急——畅通生命通道。",
        "二、活动时间和地点",
        "6月16日，全县统一开展安全宣传咨询日活动，县主会场设在县城人民广场。",
        "县主会场活动时间为当日上午9:00至11:30。",
        "附件2",
        "2024年“安全生产月”活动信息报送要求",
        "一、报送时间",
        "请各乡镇于6月10日前将活动方案报县安委会办公室，7月5日前报送活动总结。",
        "二、报送方式",
        "电子版发送至指定邮箱。",
    ]
    .join(separator)
        + separator
}

#[test]
fn annexes_that_restate_the_notice_keep_their_sentences() {
    assert_nothing_removed_in_any_layout(notice_with_annexes);
}

/// What an annex repeats of itself, and an annex pasted whole a second time, label and all, are
/// copies: only the text before an annex's first label is what it restates.
#[test]
fn a_copy_within_an_annex_or_of_a_whole_annex_is_a_copy() {
    let clean = notice_with_annexes("\n");
    let own = "县主会场活动时间为当日上午9:00至11:30。\n";
    let damaged = clean.replacen("附件2\n", &format!("{own}附件2\n"), 1);
    let report = run(&damaged, false);
    assert_eq!(removed(&damaged, &report), vec![own]);
    assert_eq!(report.dedup.text, clean);

    let annex = &clean[clean.find("附件2\n").expect("annex 2")..];
    let damaged = format!("{clean}{annex}");
    let report = run(&damaged, false);
    assert_eq!(report.dedup.text, clean, "{:?}", removed(&damaged, &report));
}

/// A 公示 of several projects (tenth review 06): each gives the same fields, and ends with the same
/// decision, notice period and objection lines; the last is followed by the notice's own closing
/// fields.
fn public_notice(separator: &str, block_after_part_three: &str) -> String {
    let projects = [
        (
            "一、年产3万吨新型环保涂料技改项目",
            "江华新材料科技有限公司",
            "书",
        ),
        (
            "二、城北污水处理厂三期扩建工程",
            "市水务环境投资集团有限公司",
            "书",
        ),
        ("三、南山片区220千伏输变电工程", "国网某市供电公司", "表"),
        (
            "四、市第二人民医院门诊综合楼建设项目",
            "市第二人民医院",
            "表",
        ),
        (
            "五、年产500万件汽车零部件项目",
            "宏达汽车配件制造有限公司",
            "表",
        ),
    ];
    let mut lines = vec![
        "市生态环境局关于建设项目环境影响评价文件拟审批意见的公示".to_string(),
        "经审查，我局拟对以下5个建设项目环境影响评价文件作出审批意见，现予以公示。".to_string(),
    ];
    for (k, (title, builder, kind)) in projects.iter().enumerate() {
        lines.push(title.to_string());
        lines.push(format!("建设单位：{builder}。"));
        lines.push(format!(
            "项目概况：{builder}新建生产线{}条，配套建设环保设施。",
            k + 1
        ));
        lines.push(format!(
            "拟审批意见：原则同意该项目环境影响报告{kind}结论。"
        ));
        lines.push("公示期：2024年7月8日至2024年7月12日（5个工作日）。".to_string());
        lines.push(
            "公众如对上述项目拟审批意见有异议，可在公示期内以书面形式向我局反映，并署真实姓名和联系方式。"
                .to_string(),
        );
        if k == 2 && !block_after_part_three.is_empty() {
            lines.push(block_after_part_three.to_string());
        }
    }
    lines.push("联系部门：市生态环境局行政审批科。".to_string());
    lines.push("联系电话：0791-83876521。".to_string());
    lines.join(separator) + separator
}

#[test]
fn the_projects_of_a_public_notice_keep_their_shared_closing_lines() {
    assert_nothing_removed_in_any_layout(|separator| public_notice(separator, ""));
}

/// The closing lines of a project pasted after the same project's own are a copy: the part then
/// has each label twice.
#[test]
fn closing_lines_pasted_after_a_project_s_own_are_a_copy() {
    let block = "拟审批意见：原则同意该项目环境影响报告表结论。\n公示期：2024年7月8日至2024年7月12日（5个工作日）。";
    let damaged = public_notice("\n", block);
    let report = run(&damaged, false);
    assert_eq!(removed(&damaged, &report), vec![format!("{block}\n")]);
    assert_eq!(report.dedup.text, public_notice("\n", ""));
}

/// Eleventh review 09: a holiday notice restates the standing duty requirement at the opening of
/// each holiday's part, so that each reads on its own; what follows it is the holiday's own.
fn holiday_duties(separator: &str, openings: &[bool; 5]) -> String {
    let duty = "各乡镇、各部门要严格落实领导干部带班和工作人员24小时值班制度，值班人员要坚守岗位。遇有重大突发事件，要按规定及时报告并妥善处置。";
    let holidays = [
        ("（一）元旦期间。", "要加强烟花爆竹燃放和道路交通安全工作。"),
        ("（二）春节期间。", "要做好困难群众走访慰问工作。"),
        (
            "（三）清明节期间。",
            "要加强森林防火和文明祭扫宣传引导工作。",
        ),
        ("（四）劳动节期间。", "要加强旅游景区和大型活动安全工作。"),
        ("（五）端午节期间。", "要加强防汛和水上交通安全工作。"),
    ];
    let mut text = format!("二、值班值守要求{separator}");
    for ((heading, own), opens) in holidays.iter().zip(openings) {
        let duty = if *opens { duty } else { "" };
        text += &format!("{heading}{duty}{own}{separator}");
    }
    text + &format!("三、其他事项{separator}县政府总值班室电话：0758-8812110。{separator}")
}

#[test]
fn a_requirement_opening_every_part_stays() {
    assert_nothing_removed_in_any_layout(|separator| holiday_duties(separator, &[true; 5]));
}

/// The same words opening two parts only are one part's and a copy pasted after the other's
/// heading.
#[test]
fn words_opening_two_parts_only_are_a_copy() {
    let damaged = holiday_duties("\n", &[true, false, true, false, false]);
    let report = run(&damaged, false);
    assert_eq!(
        report.dedup.text,
        holiday_duties("\n", &[true, false, false, false, false])
    );
}

/// Eleventh review 10: villages given the same tasks from one pattern, their names and figures
/// changed, so that a town's closing sentence is the same for its two villages and a count the
/// same for villages of different towns. `paste` puts a copied sentence into the given village,
/// before its own count of collection points: at the place the copy's original has in its village.
fn village_tasks(separator: &str, paste: Option<(usize, &str)>) -> String {
    let villages = [
        ("（一）城关镇东湖村。", "城关镇", "3.2", 120, 6),
        ("（二）城关镇西湖村。", "城关镇", "2.8", 95, 5),
        ("（三）青山镇青山村。", "青山镇", "4.1", 146, 8),
        ("（四）青山镇石门村。", "青山镇", "2.5", 88, 5),
        ("（五）白沙镇沙洲村。", "白沙镇", "3.6", 132, 7),
        ("（六）白沙镇沙湾村。", "白沙镇", "3.0", 104, 6),
    ];
    let mut text = format!("一、重点村建设任务{separator}");
    for (k, (heading, town, pipes, toilets, points)) in villages.iter().enumerate() {
        let pasted = paste
            .filter(|&(at, _)| at == k)
            .map_or("", |(_, copy)| copy);
        text += &format!(
            "{heading}实施农村生活污水治理，新建污水收集管网{pipes}公里，建设一体化污水处理设施1座；\
             实施农村户厕改造提升{toilets}户；{pasted}新建村级垃圾分类收集点{points}个。\
             项目由{town}人民政府组织实施，县农业农村局负责业务指导，2025年10月底前完成建设任务。{separator}"
        );
    }
    text + &format!(
        "二、资金安排{separator}县财政按照每个重点村不低于150万元的标准安排配套资金。{separator}"
    )
}

#[test]
fn the_same_sentence_at_the_same_place_of_parts_written_alike_stays() {
    assert_nothing_removed_in_any_layout(|separator| village_tasks(separator, None));
}

/// A sentence pasted into a village's part, even at the place its original has in its own, gives
/// the part one more than that village has: a copy.
#[test]
fn a_sentence_pasted_into_a_part_written_alike_is_a_copy() {
    let copy = "新建村级垃圾分类收集点5个。";
    for separator in ["\n", ""] {
        let damaged = village_tasks(separator, Some((4, copy)));
        let report = run(&damaged, false);
        assert_eq!(removed(&damaged, &report), vec![copy]);
        assert_eq!(report.dedup.text, village_tasks(separator, None));
    }
}

/// Eleventh review 07: subsidy tiers as items numbered on from one part to the next (`（八）` under
/// `三、`), worded alike but for their thresholds, rates and caps. Numbered on, they are not in
/// place under their part, and are still each an item under its own number: no edited copies.
/// (With every line break lost, the structure analysis does not find an item numbered on that is
/// glued to its part's heading, `三、鼓励企业加大研发投入（八）对……`, so that layout is left out.)
fn subsidy_tiers(separator: &str, third_tier: &str) -> String {
    let tier = |number: &str, floor: u32, rate: u32, cap: u32| {
        format!(
            "（{number}）对上一年度研发费用在{floor}万元以上（含）、且研发费用增长10%以上的专精特新中小企业，\
             按研发费用增量部分的{rate}%给予奖励，最高不超过{cap}万元。{separator}"
        )
    };
    format!(
        "二、支持企业技术改造{separator}（七）对专精特新“小巨人”企业实施技术改造项目的，补助比例在上述标准基础上提高2个百分点。{separator}\
         三、鼓励企业加大研发投入{separator}{}{}{third_tier}四、附则{separator}（十一）本措施自印发之日起施行。{separator}",
        tier("八", 500, 10, 50),
        tier("九", 1000, 12, 80),
    )
}

#[test]
fn items_numbered_on_and_worded_alike_are_no_edited_copies() {
    for separator in ["\n", "\u{3000}\u{3000}"] {
        let third = format!(
            "（十）对上一年度研发费用在2000万元以上（含）、且研发费用增长10%以上的专精特新中小企业，\
             按研发费用增量部分的15%给予奖励，最高不超过100万元。{separator}"
        );
        assert_nothing_removed(&subsidy_tiers(separator, &third));
    }
}

/// An item pasted again with a word edited keeps its number: the same number twice is an edited
/// copy.
#[test]
fn an_item_pasted_again_with_a_word_edited_is_an_edited_copy() {
    let edited =
        "（九）对上一年度研发费用在1000万元以上（含）、且研发费用增长10%以上的专精特新中小企业，\
                  按研发费用增量部分的12%给予支持，最高不超过80万元。\n";
    let damaged = subsidy_tiers("\n", edited);
    let report = run(&damaged, true);
    assert_eq!(removed(&damaged, &report), vec![edited]);
    assert_eq!(report.dedup.text, subsidy_tiers("\n", ""));
}

/// Tenth review 01: pilot counties, each given its own tasks, the same paragraph of support, and a
/// closing request naming the county. The support paragraph repeats at the same place of each
/// county's part, and so does the request, with another name: no copies, in either mode.
fn pilot_counties(separator: &str) -> String {
    let support = "支持措施：省级财政按照每县不超过2000万元的标准给予补助，资金分两年拨付。\
                   示范县可统筹使用补助资金，用于县乡村三级物流设施建设。\
                   省商务厅会同省财政厅对示范县建设项目实行清单管理，按季度调度建设进展。";
    let counties = [
        (
            "（一）安宁县",
            "新建县级物流配送中心1个，改造村级便民商店60个。",
        ),
        (
            "（二）清河县",
            "改造提升县级商贸综合体1个，新建乡镇快递物流共配站点8个。",
        ),
        (
            "（三）石门市",
            "新建冷链集配中心1个，发展农村电商直播基地2个。",
        ),
    ];
    let mut text = format!("一、示范县名单及建设任务{separator}");
    for (heading, tasks) in counties {
        let county = &heading["（一）".len()..];
        text += &format!(
            "{heading}{separator}建设任务：{tasks}{separator}{support}{separator}\
             请{county}人民政府于2024年4月30日前将实施方案报省商务厅备案。{separator}"
        );
    }
    text + &format!("二、工作要求{separator}示范县人民政府是示范建设的责任主体。{separator}")
}

#[test]
fn a_paragraph_at_the_same_place_of_each_county_stays() {
    for separator in ["\n", "\u{3000}\u{3000}"] {
        assert_nothing_removed(&pilot_counties(separator));
    }
}

/// Eleventh review 02: a lot award whose lots share their service and expert lines and differ in
/// their fee. A fee line that differs in its figures alone states another fact, no edit: kept, and
/// with it the lines it follows, in either mode.
fn lot_award(separator: &str, lots: &[(&str, &str)]) -> String {
    let mut text = format!("三、中标（成交）信息{separator}");
    for (k, (name, fee)) in lots.iter().enumerate() {
        text += &format!(
            "包{}：{name}{separator}\
             服务要求：交货期为合同签订后30日内；质保期为验收合格之日起3年，质保期内提供免费上门维修服务。{separator}\
             评审专家名单：李明华、王建国、陈晓燕、赵立新、刘芳（采购人代表）{separator}\
             代理服务收费标准及金额：参照货物类收费标准下浮20%收取，由中标供应商一次性支付，本包代理服务费为人民币{fee}。{separator}",
            k + 1
        );
    }
    text + &format!("四、其他补充事宜{separator}无。{separator}")
}

#[test]
fn lines_that_differ_in_their_figures_alone_stay_with_what_they_follow() {
    let lots = [
        ("理化生实验室设备", "贰万玖仟叁佰捌拾元整（¥29,380.00）"),
        ("音乐美术器材", "壹万玖仟陆佰柒拾元整（¥19,670.00）"),
        ("体育器材", "贰万零捌佰元整（¥20,800.00）"),
    ];
    assert_nothing_removed_in_any_layout(|separator| lot_award(separator, &lots));
}

/// The same lines with a word edited are an edited copy, dropped with the exact lines before it.
#[test]
fn lines_with_a_word_edited_are_an_edited_copy_still() {
    let fee = "贰万玖仟叁佰捌拾元整（¥29,380.00）";
    let clean = lot_award("\n", &[("理化生实验室设备", fee)]);
    let edited = format!("服务要求：交货期为合同签订后30日内；质保期为验收合格之日起3年，质保期内提供免费上门维修服务。\n\
                          评审专家名单：李明华、王建国、陈晓燕、赵立新、刘芳（采购人代表）\n\
                          代理服务收费标准及金额：参照货物类收费标准下浮20%收取，由中标供应商统一支付，本包代理服务费为人民币{fee}。\n");
    let damaged = clean.replace("四、", &format!("{edited}四、"));
    let report = run(&damaged, true);
    assert_eq!(removed(&damaged, &report), vec![edited.as_str()]);
    assert_eq!(report.dedup.text, clean);
}

/// Twelfth review 06: an award decision closes each awardee's deeds with the same long citation.
/// `pasted` goes into the third awardee's deeds, before their end.
fn award_citations(separator: &str, pasted: &str) -> String {
    let citation = "该同志危难时刻挺身而出，以实际行动诠释了见义勇为的精神，弘扬了社会正气，\
                    经县见义勇为基金会评审委员会评审，决定授予其“石峡县见义勇为先进个人”称号，\
                    颁发荣誉证书，并给予一次性奖金二万元。";
    let awardees = [
        ("一、李国华，男，1979年出生，石峡县青山镇农民。", "2023年3月12日下午，青山镇柳塘村一户村民家中突发火灾，李国华冲入浓烟弥漫的房屋，将儿童安全救出。"),
        ("二、王建平，男，1991年出生，石峡县公交公司驾驶员。", "2023年5月6日上午，王建平与两名乘客合力将持刀抢夺的歹徒制服并扭送公安机关。"),
        ("三、陈小燕，女，1996年出生，石峡县人民医院护士。", "2023年7月2日晚，陈小燕跳入河中将失足落水的老人托举至岸边，并对其实施心肺复苏。"),
        ("四、赵德明，男，1968年出生，石峡县白沙乡退休教师。", "2023年8月19日，赵德明驾驶自家渔船往返三趟，将被困河心洲的村民全部转移至安全地带。"),
        ("五、刘志强，男，1985年出生，石峡县城关镇个体工商户。", "2023年10月3日晚，刘志强组织疏散燃气泄漏的居民楼内20余名居民，并扑灭初期火情。"),
    ];
    let mut text = format!("现将先进个人事迹摘要公布如下：{separator}");
    for (k, (heading, deeds)) in awardees.iter().enumerate() {
        let pasted = if k == 2 { pasted } else { "" };
        text += &format!("{heading}{separator}{pasted}{deeds}{separator}{citation}{separator}");
    }
    text + &format!("希望受到表彰的同志珍惜荣誉、再接再厉。{separator}")
}

#[test]
fn a_long_citation_closing_every_awardee_stays() {
    assert_nothing_removed_in_any_layout(|separator| award_citations(separator, ""));
}

/// The citation pasted before an awardee's deeds closes no part: a copy.
#[test]
fn a_long_citation_pasted_inside_a_part_is_a_copy() {
    let citation = "该同志危难时刻挺身而出，以实际行动诠释了见义勇为的精神，弘扬了社会正气，\
                    经县见义勇为基金会评审委员会评审，决定授予其“石峡县见义勇为先进个人”称号，\
                    颁发荣誉证书，并给予一次性奖金二万元。";
    let pasted = format!("{citation}\n");
    let damaged = award_citations("\n", &pasted);
    let report = run(&damaged, false);
    assert_eq!(removed(&damaged, &report), vec![pasted.as_str()]);
    assert_eq!(report.dedup.text, award_citations("\n", ""));
}

/// Twelfth review 05: a correction notice quotes the sentence it corrects and then the corrected
/// sentence, one date apart: the correction is the notice's own words, in either mode.
fn correction(separator: &str, pasted: &str) -> String {
    format!(
        "关于2024年事业单位公开招聘工作人员公告的更正公告{separator}\
         二、原公告第四部分第（一）项：“笔试时间定于2024年6月15日上午9:00—11:30，笔试地点详见准考证。”{separator}\
         更正为：“笔试时间定于2024年6月22日上午9:00—11:30，笔试地点详见准考证。”{separator}{pasted}\
         三、原公告其他内容不变。{separator}特此公告。{separator}"
    )
}

#[test]
fn a_corrected_sentence_after_the_one_it_corrects_stays() {
    for separator in ["\n", "\u{3000}\u{3000}"] {
        assert_nothing_removed(&correction(separator, ""));
    }
}

/// The correction's line pasted again is a copy: a copy names the correction as its original does.
#[test]
fn a_correction_pasted_again_is_a_copy() {
    let pasted = "更正为：“笔试时间定于2024年6月22日上午9:00—11:30，笔试地点详见准考证。”\n";
    let damaged = correction("\n", pasted);
    let report = run(&damaged, false);
    assert_eq!(removed(&damaged, &report), vec![pasted]);
    assert_eq!(report.dedup.text, correction("\n", ""));
}

/// Twelfth review 03: licence decisions of one series published together, each under its own
/// 发文字号 and addressee, written from one model. `early` goes after the second decision's
/// addressee, `late` after its right of appeal, and `appended` after the last decision.
fn decisions(separator: &str, early: &str, late: &str, appended: &str) -> String {
    let decision = |number: u32, addressee: &str, project: &str, term: &str, date: &str| {
        format!(
            "青林许准〔2024〕{number}号{separator}{addressee}：{separator}\
             你单位报送的《使用林地申请表》及可行性报告等材料收悉。经审查，你单位申请符合\
             《中华人民共和国森林法》第三十七条的规定，决定准予行政许可。{separator}\
             一、项目名称：{project}。{separator}二、使用林地期限：{term}。{separator}\
             三、森林植被恢复费：你单位已足额缴纳森林植被恢复费。{separator}\
             你单位应当严格按照批准的地点、面积和用途使用林地，不得擅自改变林地用途。{separator}\
             {APPEAL}{separator}青岚省林业局{separator}{date}{separator}"
        )
    };
    let second = decision(
        22,
        "国网青岚省电力有限公司",
        "220千伏凤鸣输变电工程",
        "永久使用",
        "2024年7月8日",
    )
    .replacen(
        &format!("有限公司：{separator}"),
        &format!("有限公司：{separator}{early}"),
        1,
    )
    .replacen(
        &format!("{APPEAL}{separator}"),
        &format!("{APPEAL}{separator}{late}"),
        1,
    );
    format!(
        "青岚省林业局准予使用林地行政许可决定书（2024年第3批）{separator}{PREAMBLE}{separator}\
         {}{second}{}{appended}",
        decision(
            21,
            "青岚省交通投资集团有限公司",
            "S216线云溪至石门段公路改建工程",
            "永久使用",
            "2024年7月8日"
        ),
        decision(
            23,
            "云溪县水利局",
            "云溪县黄坑水库除险加固工程",
            "临时使用两年",
            "2024年7月10日"
        ),
    )
}

const PREAMBLE: &str =
    "根据《中华人民共和国政府信息公开条例》，现将2024年第3批准予使用林地行政许可决定书予以公开。";

const APPEAL: &str = "如不服本决定，可以在收到本决定书之日起六十日内向青岚省人民政府申请行政复议。";

#[test]
fn decisions_issued_together_keep_the_sentences_of_their_model() {
    assert_nothing_removed_in_any_layout(|separator| decisions(separator, "", "", ""));
}

/// A sentence of the model pasted before the grounds of a later decision stands out of the model's
/// order: a copy, and the decision's own sentence at its place stays.
#[test]
fn a_model_sentence_pasted_out_of_its_order_is_a_copy() {
    let pasted = format!("{APPEAL}\n");
    let damaged = decisions("\n", &pasted, "", "");
    assert_copy_goes_alone(&damaged, &pasted, &decisions("\n", "", "", ""));
}

/// The grounds pasted again after a decision's right of appeal: a copy, and the decision's own
/// grounds, which the copy puts out of order once more, stay with the rest of its model.
#[test]
fn a_model_sentence_pasted_again_later_in_a_decision_is_a_copy() {
    let pasted = "你单位报送的《使用林地申请表》及可行性报告等材料收悉。经审查，你单位申请符合\
                  《中华人民共和国森林法》第三十七条的规定，决定准予行政许可。\n";
    let damaged = decisions("\n", "", pasted, "");
    assert_copy_goes_alone(&damaged, pasted, &decisions("\n", "", "", ""));
}

/// The page's preamble, pasted into a decision with a word edited, is an edited copy: only the
/// decisions are written from one model.
#[test]
fn an_edited_copy_of_the_preamble_in_a_decision_is_found() {
    let edited = PREAMBLE.replace("予以公开", "予以公布") + "\n";
    let damaged = decisions("\n", &edited, "", "");
    let report = run(&damaged, true);
    assert_eq!(removed(&damaged, &report), vec![edited.as_str()]);
    assert_eq!(report.dedup.text, decisions("\n", "", "", ""));
}

/// A decision pasted again repeats its 发文字号: a copy of that decision, not another one, also
/// when a word of it was edited.
#[test]
fn a_decision_pasted_again_is_a_copy() {
    let clean = decisions("\n", "", "", "");
    let second_start = clean.find("青林许准〔2024〕22号").expect("second decision");
    let third_start = clean.find("青林许准〔2024〕23号").expect("third decision");
    let second = &clean[second_start..third_start];
    let damaged = decisions("\n", "", "", second);
    assert_copy_goes_alone(&damaged, second, &clean);

    let edited = second.replace("不得擅自改变", "不得随意改变");
    let damaged = decisions("\n", "", "", &edited);
    let report = run(&damaged, true);
    assert_eq!(removed(&damaged, &report).concat(), edited);
    assert_eq!(report.dedup.text, clean);

    // Edited in two places, the copy's exact runs between the edits are still copies, though
    // the first decision has them too, in the same order.
    let twice_edited = edited.replace("青岚省林业局", "青岚省林业厅");
    let damaged = decisions("\n", "", "", &twice_edited);
    let report = run(&damaged, false);
    assert_eq!(report.dedup.text.matches(APPEAL).count(), 3);
}

/// Twelfth review 10: districts given the same enrolment rules from one pattern, their figures,
/// dates and hotlines changed, and two of them with a sentence of their own after the same
/// allocation rule. `pasted` goes into the third district's part, after its overview.
fn district_enrolment(separator: &str, pasted: &str) -> String {
    let districts = [
        ("（一）江北区", "江北区", 28, "7月1日至7月7日", ""),
        ("（二）江南区", "江南区", 35, "7月1日至7月7日", ""),
        (
            "（三）东湖区",
            "东湖区",
            19,
            "7月3日至7月9日",
            "东湖新城片区试行九年一贯制对口直升。",
        ),
        ("（四）西山区", "西山区", 16, "7月3日至7月9日", ""),
        (
            "（五）开发区",
            "开发区",
            11,
            "7月5日至7月11日",
            "园区企业员工随迁子女按照开发区相关政策统筹安排。",
        ),
    ];
    let mut text = format!("三、各区招生安排{separator}");
    for (k, (heading, name, schools, dates, own)) in districts.iter().enumerate() {
        let pasted = if k == 2 { pasted } else { "" };
        text += &format!(
            "{heading}{separator}{name}共有公办小学{schools}所，计划招收小学一年级新生{}人。{separator}{pasted}\
             网上报名时间：2024年{dates}。符合条件的适龄儿童，其法定监护人须在规定时间内登录\
             “江城市义务教育招生服务平台”进行网上报名，逾期未报名的，由所在区教育局统筹安排学位。{separator}\
             学位分配：按照“房户一致”“户籍”“居住证”的顺序依次安排学位，同类别超过学校招生计划的，\
             以电脑随机派位方式确定录取对象。{own}{separator}\
             {name}教育局招生咨询电话：027-8561230{k}。{separator}",
            schools * 270
        );
    }
    text + &format!("四、民办学校招生{separator}民办学校与公办学校同步报名、同步录取。{separator}")
}

#[test]
fn parts_written_alike_keep_their_common_sentences_when_one_adds_its_own() {
    assert_nothing_removed_in_any_layout(|separator| district_enrolment(separator, ""));
}

/// Two sentences pasted into a district's part, at the place their original has in its own,
/// make it longer by two: a copy.
#[test]
fn a_passage_pasted_into_a_part_written_alike_is_a_copy() {
    let pasted = "网上报名时间：2024年7月1日至7月7日。符合条件的适龄儿童，其法定监护人须在规定时间内登录\
                  “江城市义务教育招生服务平台”进行网上报名，逾期未报名的，由所在区教育局统筹安排学位。\n";
    let damaged = district_enrolment("\n", pasted);
    assert_copy_goes_alone(&damaged, pasted, &district_enrolment("\n", ""));
}

/// Twelfth review 07: flood warnings by county, each county's forecast, then the same list of
/// measures under the same label for the counties warned at one level. `pasted` goes at the end
/// of the second county's part.
fn county_warnings(separator: &str, pasted: &str) -> String {
    let orange = [
        "1.政府及相关部门按照职责做好防暴雨应急和抢险工作；",
        "2.切断有危险的室外电源，暂停户外作业；",
        "3.处于危险地带的单位应当停课、停业，采取专门措施保护已到校学生和其他上班人员的安全；",
        "4.做好城市、农田的排涝，注意防范可能引发的山洪、滑坡、泥石流等灾害。",
    ];
    let counties = [
        ("（一）云阳县：暴雨橙色预警", "预计累计雨量150—220毫米，青溪云阳段将于20日夜间超警戒水位0.5—1.0米。"),
        ("（二）青溪区：暴雨橙色预警", "预计累计雨量140—200毫米，城区低洼地带易出现积涝，青溪城区段将接近警戒水位。"),
        ("（三）白龙县：暴雨橙色预警", "预计累计雨量160—250毫米，白龙江支流桃花河可能发生超警洪水，山区乡镇山洪地质灾害风险高。"),
    ];
    let mut text = format!("一、分区预警{separator}");
    for (k, (heading, forecast)) in counties.iter().enumerate() {
        text += &format!("{heading}{separator}{forecast}{separator}防御指南：{separator}");
        for measure in orange {
            text += &format!("{measure}{separator}");
        }
        if k == 1 {
            text += pasted;
        }
    }
    text + &format!(
        "二、工作要求{separator}各地要严格落实以行政首长负责制为核心的防汛责任制。{separator}"
    )
}

#[test]
fn the_same_list_under_each_county_warned_alike_stays() {
    assert_nothing_removed_by_default_in_any_layout(|separator| county_warnings(separator, ""));
}

/// The list pasted again after a county's own gives its part more units than the other counties'
/// have: a copy.
#[test]
fn a_list_pasted_after_a_county_s_own_is_a_copy() {
    let pasted =
        "3.处于危险地带的单位应当停课、停业，采取专门措施保护已到校学生和其他上班人员的安全；\n\
                  4.做好城市、农田的排涝，注意防范可能引发的山洪、滑坡、泥石流等灾害。\n";
    let damaged = county_warnings("\n", pasted);
    assert_copy_goes_alone(&damaged, pasted, &county_warnings("\n", ""));
}

/// Thirteenth review 01: the findings of an inspection by enterprise, most followed by the same
/// order to the enterprise, `请该企业……`, which closes the first, second and fourth. `pasted` goes
/// right after the third enterprise's heading.
fn inspection_findings(separator: &str, pasted: &str, order: &str) -> String {
    let enterprises = [
        (
            "（一）宏达化工有限公司。",
            "检查发现该公司液氯储罐区紧急切断阀未与液位报警联锁，共计隐患9项。",
        ),
        (
            "（二）新源精细化工有限公司。",
            "检查发现该公司甲类仓库内物料超量储存，共计隐患7项。",
        ),
        (
            "（三）鑫泰气体有限公司。",
            "检查发现该公司充装台未设置防错装接头，共计隐患4项，现场已全部整改完毕。",
        ),
        (
            "（四）安瑞化学品仓储有限公司。",
            "检查发现该公司库区消防通道被占用，共计隐患11项。",
        ),
    ];
    let mut text = format!("二、重点企业检查情况{separator}");
    for (k, (heading, findings)) in enterprises.iter().enumerate() {
        if k == 2 {
            text += &format!(
                "{heading}{pasted}{findings}检查组对该企业整改情况予以确认，请该企业持续巩固整改成效。{separator}"
            );
        } else {
            text += &format!("{heading}{findings}{order}{separator}");
        }
    }
    text + &format!(
        "三、下一步工作要求{separator}各区县应急管理局要对辖区内被通报企业逐一跟踪督导。{separator}"
    )
}

const ORDER_TO_THE_ENTERPRISE: &str =
    "请该企业于2024年10月31日前完成全部隐患整改，并将整改报告报送属地应急管理部门。";

#[test]
fn an_order_to_each_enterprise_in_its_place_stays() {
    assert_nothing_removed_in_any_layout(|separator| {
        inspection_findings(separator, "", ORDER_TO_THE_ENTERPRISE)
    });
}

/// At another place in its part than in the others, counted from either end, the order is pasted.
#[test]
fn an_order_to_an_enterprise_pasted_elsewhere_in_its_part_is_a_copy() {
    let damaged = inspection_findings("\n", ORDER_TO_THE_ENTERPRISE, ORDER_TO_THE_ENTERPRISE);
    assert_copy_goes_alone(
        &damaged,
        ORDER_TO_THE_ENTERPRISE,
        &inspection_findings("\n", "", ORDER_TO_THE_ENTERPRISE),
    );
}

/// With `--drop-near-duplicates`, the order worded a little apart for the last enterprise is still
/// its own, no edited copy.
#[test]
fn an_order_to_an_enterprise_worded_apart_stays_in_near_mode() {
    let text = inspection_findings("\n", "", ORDER_TO_THE_ENTERPRISE);
    let last = text.rfind(ORDER_TO_THE_ENTERPRISE).expect("an order");
    let edited = ORDER_TO_THE_ENTERPRISE.replace("整改报告报送", "整改情况书面报送");
    let text = format!(
        "{}{edited}{}",
        &text[..last],
        &text[last + ORDER_TO_THE_ENTERPRISE.len()..]
    );
    let report = run(&text, true);
    assert!(report.repeats.iter().all(|r| r.similarity == 1.0));
    assert!(
        report.dedup.removed.is_empty(),
        "{:?}",
        removed(&text, &report)
    );
}

/// The same sentence at the same place, but pointing at no enterprise (`应该` is no `该企业`), is
/// no order written for each: the later ones go.
#[test]
fn a_sentence_that_points_at_no_item_is_a_copy_at_the_same_place() {
    let general = "企业应该于2024年10月31日前完成全部隐患整改，并将整改报告报送属地应急管理部门。";
    let text = inspection_findings("\n", "", general);
    let report = run(&text, false);
    assert_eq!(removed(&text, &report), vec![general; 2]);
}

/// In a part of another list, the next heading's, the order is pasted, though it stands at the
/// same place as in the enterprises' parts.
#[test]
fn an_order_to_an_enterprise_pasted_into_another_list_is_a_copy() {
    let findings_and_tasks = |pasted: &str| {
        format!(
            "二、重点企业检查情况\n\
             （一）宏达化工有限公司。检查发现该公司液氯储罐区紧急切断阀未与液位报警联锁。{ORDER_TO_THE_ENTERPRISE}\n\
             （二）新源精细化工有限公司。检查发现该公司甲类仓库内物料超量储存。{ORDER_TO_THE_ENTERPRISE}\n\
             三、下一步工作要求\n\
             （一）压实企业主体责任。各企业要对照本次检查发现的问题，全面开展自查自纠。\n\
             （二）强化属地监管责任。各区县应急管理局要对辖区内被通报企业逐一跟踪督导。{pasted}确保隐患整改到位。\n"
        )
    };
    assert_copy_goes_alone(
        &findings_and_tasks(ORDER_TO_THE_ENTERPRISE),
        ORDER_TO_THE_ENTERPRISE,
        &findings_and_tasks(""),
    );
}

/// Thirteenth review 10: a week's part each, with the same fields, its theme and the daily routine,
/// the last week's routine changed at its end. The field's first clauses, the same as the first week's, are
/// its own; pasted into a week's part that has no routine, they are a copy.
#[test]
fn a_field_of_parallel_parts_changed_at_its_end_stays() {
    let routine = "每日作息：8:00—8:30入校签到、晨检；8:30—10:00自主阅读、作业辅导；10:00—10:20课间活动；\
                   10:20—11:30主题活动；11:30—14:00午餐、午休；14:00—15:30兴趣课程；15:30—16:00体育锻炼；";
    let weeks = |separator: &str, pasted: &str| {
        format!(
            "三、周安排{separator}\
             （一）第一周（7月14日—7月18日）主题：安全教育周。本周重点开展防溺水、交通安全等安全教育活动。{separator}\
             {routine}16:00—17:30看护自习、家长接送。{separator}\
             （二）第二周（7月21日—7月25日）主题：阅读分享周。本周重点开展经典诵读、读书分享等活动。{separator}\
             {routine}16:00—17:30看护自习、家长接送。{separator}\
             （三）第三周（7月28日—8月1日）主题：科技实践周。本周重点开展科普讲座、科学小实验等活动。{separator}\
             {routine}16:00—17:30看护自习、家长接送。{separator}\
             （四）第四周（8月4日—8月8日）主题：艺术体育周。本周重点开展书法、绘画、合唱等活动。{separator}\
             {routine}16:00—16:30成果展示会彩排，16:30—17:30看护自习、家长接送。{separator}\
             四、收费标准{separator}每生每周收费100元（不含午餐）。{separator}\
             五、工作要求{separator}（一）加强组织领导。各服务学校要成立暑期托管工作领导小组。{separator}\
             {pasted}（二）严格安全管理。各服务学校要落实学生接送交接制度。{separator}"
        )
    };
    assert_nothing_removed_in_any_layout(|separator| weeks(separator, ""));
    let copy = format!("{routine}\n");
    assert_copy_goes_alone(&weeks("\n", &copy), &copy, &weeks("\n", ""));
}

/// Thirteenth review 03: a 公示 listing projects numbered on across its categories (`4.` opens
/// `二、`), each with the same fields, most with the same review remark. What the first project of
/// a category, and one whose remark differs, repeat of an earlier project at the same place is
/// their own; `pasted` goes before the second category's first project.
fn projects_for_comment(separator: &str, pasted: &str) -> String {
    let agreed = "审核意见：项目前期手续齐全，资金来源已落实，同意纳入。";
    format!(
        "一、基础设施类（3个）{separator}\
         1.滨江路快速化改造工程。建设单位：城市建设投资集团有限公司；总投资18.6亿元；建设年限2025—2027年。{agreed}{separator}\
         2.城区供水管网提质改造工程。建设单位：芷阳县水务投资有限公司；总投资3.2亿元；建设年限2025—2026年。{agreed}{separator}\
         3.梧川县至芷阳县公路改扩建工程。建设单位：梧川县交通建设投资有限公司；总投资9.8亿元；建设年限2025—2028年。\
         审核意见：项目用地预审手续正在办理，同意纳入，请建设单位抓紧完善前期手续。{separator}\
         二、产业发展类（2个）{separator}{pasted}\
         4.华芯半导体封装测试基地项目。建设单位：临泽华芯微电子有限公司；总投资25亿元；建设年限2025—2027年。{agreed}{separator}\
         5.锂电池正极材料项目。建设单位：沅北恒锂新材料有限公司；总投资16亿元；建设年限2025—2028年。{agreed}{separator}\
         公示期为2025年6月9日至2025年6月13日（5个工作日）。{separator}"
    )
}

#[test]
fn projects_numbered_on_across_categories_keep_their_fields() {
    assert_nothing_removed_in_any_layout(|separator| projects_for_comment(separator, ""));
}

/// A project pasted again before the next category's first is out of its numbering: a copy.
#[test]
fn a_project_pasted_before_the_next_category_s_first_is_a_copy() {
    let clean = projects_for_comment("\n", "");
    let third = clean
        .lines()
        .find(|line| line.starts_with("3."))
        .expect("a third project");
    let pasted = format!("{third}\n");
    assert_copy_goes_alone(&projects_for_comment("\n", &pasted), &pasted, &clean);
}

/// Fourteenth review 02: penalty decisions served by public notice, each party's entry closing
/// with the same service and appeal paragraph, the last entry followed by the notice's own closing.
/// `pasted` goes after `特此公告。`.
fn penalties_served_by_notice(separator: &str, pasted: &str) -> String {
    let service =
        "自本公告发布之日起满30日，即视为送达。当事人如对本处罚决定不服，可在视为送达之日起60日内\
                   向鹤泽县人民政府申请行政复议，也可在6个月内向鹤泽县人民法院提起行政诉讼。";
    let parties = [
        (
            "一、鹤泽县禾丰镇兴旺副食品店",
            "违法事实：销售超过保质期的预包装食品。",
            "处罚内容：没收违法所得326元，罚款5000元。",
        ),
        (
            "二、鹤泽县城关镇佳美美容工作室",
            "违法事实：未取得医疗器械经营备案凭证经营第二类医疗器械。",
            "处罚内容：罚款3000元。",
        ),
        (
            "三、鹤泽县城关镇鑫源加油站",
            "违法事实：使用未经检定的燃油加油机。",
            "处罚内容：责令改正，罚款20000元。",
        ),
    ];
    let mut text = format!(
        "鹤泽县市场监督管理局行政处罚决定书公告送达公告{separator}\
         我局已作出行政处罚决定，因无法直接送达，现依法向下列当事人公告送达行政处罚决定书。{separator}"
    );
    for (party, facts, penalty) in parties {
        text += &format!("{party}{separator}{facts}{penalty}{separator}{service}{separator}");
    }
    text + &format!(
        "当事人可在工作日到鹤泽县市场监督管理局法规股领取行政处罚决定书。{separator}特此公告。{separator}{pasted}"
    )
}

#[test]
fn the_last_entry_s_closing_paragraph_stays_before_the_notice_s_own_closing() {
    assert_nothing_removed_in_any_layout(|separator| penalties_served_by_notice(separator, ""));
}

/// After the notice's closing, the paragraph is no entry's: a copy.
#[test]
fn the_closing_paragraph_pasted_after_the_notice_s_closing_is_a_copy() {
    let service = "自本公告发布之日起满30日，即视为送达。";
    let damaged = penalties_served_by_notice("\n", &format!("{service}\n"));
    let report = run(&damaged, false);
    assert_eq!(removed(&damaged, &report), vec![format!("{service}\n")]);
    assert_eq!(report.dedup.text, penalties_served_by_notice("\n", ""));
}

/// Thirteenth review 09: a 【重要提示】 box before the body, whose points the body gives in full;
/// the points `numbered` (`2.` glued to its words) or not. `pasted` goes at the end of the body's
/// last part.
fn notice_with_summary_box(separator: &str, numbered: bool, pasted: &str) -> String {
    let [first, second, third] = if numbered {
        ["1.", "2.", "3."]
    } else {
        [""; 3]
    };
    format!(
        "关于做好2026年度城乡居民基本医疗保险集中参保缴费工作的通告{separator}【重要提示】{separator}\
         {first}2026年度城乡居民医保个人缴费标准为每人每年400元。{separator}{second}{WAITING_PERIOD}{separator}\
         {third}{NO_TRANSFERS}{separator}\
         为保障城乡居民基本医疗需求，现就我市2026年度城乡居民基本医疗保险参保缴费有关事项通告如下：{separator}\
         一、缴费时间和标准{separator}2026年度城乡居民医保个人缴费标准为每人每年400元。\
         待遇享受期为2026年1月1日至2026年12月31日。{separator}\
         二、待遇等待期{separator}{WAITING_PERIOD}连续参保满4年的参保人员，可适当减少等待期。{separator}\
         三、其他事项{separator}（一）已参加职工医保的人员，不得同时参加城乡居民医保。{separator}\
         （二）{NO_TRANSFERS}如遇可疑情况，请及时拨打110报警。{pasted}{separator}"
    )
}

const WAITING_PERIOD: &str = "集中缴费期结束后参保缴费的，自缴费之日起设置3个月待遇等待期，等待期内发生的医疗费用医保基金不予支付。";
const NO_TRANSFERS: &str =
    "医保部门和税务部门不会通过电话、短信要求参保人员向个人账户转账，请广大群众谨防诈骗。";

#[test]
fn a_body_giving_the_points_of_its_summary_box_in_full_keeps_them() {
    for numbered in [true, false] {
        assert_nothing_removed_in_any_layout(|separator| {
            notice_with_summary_box(separator, numbered, "")
        });
    }
}

/// Once the body has given a point of the box, the same point a second time is a copy.
#[test]
fn a_point_of_the_summary_box_pasted_twice_in_the_body_is_a_copy() {
    for numbered in [true, false] {
        let damaged = notice_with_summary_box("\n", numbered, WAITING_PERIOD);
        assert_copy_goes_alone(
            &damaged,
            WAITING_PERIOD,
            &notice_with_summary_box("\n", numbered, ""),
        );
    }
}

/// Fourteenth review 08: three issues of a county's minutes bound together, each under its own
/// header (`县政府第7期专题会议纪要`) and closing with the same requirement. `pasted` goes after the
/// second issue's `一、`, and `again` after its own `三、`.
fn bound_minutes(separator: &str, pasted: &str, again: &str) -> String {
    let issue = |number: u32, [date, topic, who, heard, agreed]: [&str; 5], extra: &str| {
        format!(
            "县政府第{number}期专题会议纪要{separator}{date}，县委常委、常务副县长林建国在县政府三楼会议室\
             主持召开专题会议，研究{topic}。{who}负责同志参加会议。纪要如下：\
             {separator}一、{heard}{separator}{extra}二、{agreed}{separator}{MINUTES_REQUIREMENT}{separator}"
        )
    };
    format!(
        "枫源县人民政府专题会议纪要{separator}（第7—9期合订）{separator}{}{}{}{separator}\
         出席：林建国{separator}枫源县人民政府办公室{separator}2025年4月30日印发{separator}",
        issue(
            7,
            [
                "2025年4月8日",
                "枫源工业园区污水处理厂提标改造项目推进工作",
                "县发展改革局、县财政局、县生态环境局、枫源工业园区管委会",
                "会议听取了园区管委会关于项目前期工作进展的汇报，要求于2025年10月底前完成。",
                "会议议定，项目资本金由县财政统筹解决，县财政局要在5月15日前落实首期资金800万元。",
            ],
            "",
        ),
        issue(
            8,
            [
                "2025年4月16日",
                "城区停车场建设项目用地问题",
                "县财政局、县自然资源局、县住房城乡建设局、城关镇人民政府",
                "会议听取了县住房城乡建设局关于城区停车场规划选址情况的汇报。",
                "会议议定，由县自然资源局负责于5月底前完成地块规划条件调整。",
            ],
            pasted,
        ) + again,
        issue(
            9,
            [
                "2025年4月25日",
                "2025年春季农村公路安全隐患整治工作",
                "县交通运输局、县财政局、县公安局、县应急管理局",
                "会议听取了县交通运输局关于农村公路安全隐患排查情况的汇报。",
                "会议议定，隐患整治所需资金按照“县级补助、乡镇自筹”的原则筹措。",
            ],
            "",
        ),
    )
}

const MINUTES_REQUIREMENT: &str = "三、会议要求，各相关单位要按照职责分工，各司其职、密切配合，\
                                   确保会议议定事项按时落实到位，落实情况及时报县政府督查室。";

#[test]
fn the_issues_of_bound_minutes_keep_each_closing_requirement() {
    assert_nothing_removed_in_any_layout(|separator| bound_minutes(separator, "", ""));
}

/// The requirement pasted into the next issue before its `二、`, or again after its own, stands
/// under a `三、` out of its numbering: a copy, whatever the issues' model.
#[test]
fn a_requirement_pasted_out_of_its_numbering_in_another_issue_is_a_copy() {
    let pasted = format!("{MINUTES_REQUIREMENT}\n");
    let clean = bound_minutes("\n", "", "");
    assert_copy_goes_alone(&bound_minutes("\n", &pasted, ""), &pasted, &clean);
    assert_copy_goes_alone(&bound_minutes("\n", "", &pasted), &pasted, &clean);
}

/// Twelfth review 08: a budget's explanation by item, the same reason closing the first, third
/// and fourth. `pasted` goes right after the second item's heading.
fn budget_explanation(separator: &str, pasted: &str) -> String {
    let items = [
        (
            "（一）行政运行",
            "1025.36万元，比2023年执行数增加42.18万元，增长3.9%。",
            REASON,
        ),
        (
            "（二）一般行政管理事务",
            "186.50万元，与2023年执行数持平。",
            "",
        ),
        (
            "（三）事业运行",
            "812.74万元，比2023年执行数增加18.06万元，增长2.3%。",
            REASON,
        ),
        (
            "（四）机关事业单位基本养老保险缴费支出",
            "318.65万元，比2023年执行数增加6.54万元，增长2.1%。",
            REASON,
        ),
    ];
    let mut text = format!(
        "二、一般公共预算拨款支出情况{separator}2024年一般公共预算拨款支出4786.15万元。主要支出功能科目情况如下：{separator}"
    );
    for (k, (heading, figures, reason)) in items.iter().enumerate() {
        let pasted = if k == 1 { pasted } else { "" };
        text += &format!("{heading}{separator}{pasted}{figures}{reason}{separator}");
    }
    text + &format!(
        "三、政府采购情况{separator}2024年本部门政府采购预算总额362.00万元。{separator}"
    )
}

const REASON: &str = "主要原因是人员正常晋档晋级及社会保障缴费基数调整。";

#[test]
fn a_reason_given_for_each_item_stays() {
    assert_nothing_removed_in_any_layout(|separator| budget_explanation(separator, ""));
}

/// At another place in its item than in the others, before the figures it would explain, the
/// reason is pasted.
#[test]
fn a_reason_pasted_before_an_item_s_figures_is_a_copy() {
    let damaged = budget_explanation("\n", REASON);
    assert_copy_goes_alone(&damaged, REASON, &budget_explanation("\n", ""));
}

/// Thirteenth review 08: rules whose article on workers' leases applies an earlier article
/// (`参照本办法第八条执行：`) and restates it after the colon, to the end of the article. `pasted`
/// goes before the citation, `in_next` into the next article.
fn rules_with_a_reference(separator: &str, pasted: &str, in_next: &str) -> String {
    format!(
        "第八条　承租人应当与公共租赁住房产权单位签订租赁合同，合同期限最长不超过3年。\
         租金标准按照同地段市场租金的70%确定。{RENEWAL}{separator}\
         第九条　承租人应当按时缴纳租金。{separator}\
         第十条　新就业无房职工和外来务工人员可以申请公共租赁住房。{pasted}\
         其承租公共租赁住房的，租赁合同期限参照本办法第八条执行：\
         合同期限最长不超过3年。{RENEWAL}{separator}\
         第十一条　住房保障部门应当每年对承租人的收入、住房等情况进行复核。{in_next}{separator}\
         第十二条　本办法自2025年5月1日起施行。{separator}"
    )
}

const RENEWAL: &str = "租赁合同期满需要续租的，承租人应当在合同期满3个月前提出申请，经审核符合条件的，可以续签租赁合同。";

#[test]
fn an_article_restating_the_one_it_applies_after_a_colon_keeps_it() {
    assert_nothing_removed_by_default_in_any_layout(|separator| {
        rules_with_a_reference(separator, "", "")
    });
}

/// Before the citation, the sentence is pasted.
#[test]
fn the_restated_sentence_pasted_before_the_citation_is_a_copy() {
    let damaged = rules_with_a_reference("\n", RENEWAL, "");
    assert_copy_goes_alone(&damaged, RENEWAL, &rules_with_a_reference("\n", "", ""));
}

/// The next article's opening ends the restatement, also where a scrape lost the line breaks: a
/// sentence of the applied article pasted there is a copy.
#[test]
fn a_sentence_pasted_into_the_article_after_a_restatement_is_a_copy() {
    let pasted = "租金标准按照同地段市场租金的70%确定。";
    let damaged = rules_with_a_reference("", "", pasted);
    assert_copy_goes_alone(&damaged, pasted, &rules_with_a_reference("", "", ""));
}

/// Where the citation quotes (`明确：“……”`), the restatement ends with the quotation: a sentence
/// pasted after it is a copy.
#[test]
fn a_sentence_pasted_after_a_quoted_restatement_is_a_copy() {
    let answer = |pasted: &str| {
        format!(
            "一、加强人才支撑。对引进的高层次人才给予安家补贴，最高不超过100万元。\n\
             二、答疑\n问：首次认定的企业能获得多少奖励？\n\
             答：《若干措施》第一条明确：“对首次认定为省级专精特新中小企业的，给予一次性奖励20万元。”\
             {pasted}企业可向所在区县工业和信息化部门咨询。\n"
        )
    };
    let pasted = "对引进的高层次人才给予安家补贴，最高不超过100万元。";
    assert_copy_goes_alone(&answer(pasted), pasted, &answer(""));
}

/// Fifteenth review 10: an accident 通报 whose incidents each close with the same lesson.
/// `lessons` says, for each of the first `lessons.len()` incidents (up to four), where the lesson
/// stands in it; `after_list` goes at the end of the requirements after the list.
fn accident_report(separator: &str, lessons: &[Lesson], after_list: &str) -> String {
    let incidents = [
        (
            "临港区“8·06”有限空间中毒窒息事故",
            "2024年8月6日9时许，临港区某食品有限公司一名作业人员进入污水处理池清理淤泥，发生中毒晕倒，事故共造成2人死亡。",
        ),
        (
            "西塘县“8·19”高处坠落事故",
            "2024年8月19日15时许，西塘县某商住楼建设项目一名外墙施工人员在吊篮内作业时坠落，经抢救无效死亡。",
        ),
        (
            "东江区“9·02”机械伤害事故",
            "2024年9月2日22时许，东江区某建材有限公司两名员工进入石料破碎机进料口清理卡料，造成2人死亡。",
        ),
        (
            "北湖区“9·05”火灾事故",
            "2024年9月5日3时许，北湖区某服装加工作坊发生火灾，作坊内堆放大量布料，消防通道被占用，造成1人死亡。",
        ),
    ];
    let mut text = format!(
        "江陵市安全生产委员会办公室关于近期生产安全事故的通报{separator}\
         近期，我市接连发生多起生产安全事故，现将有关情况通报如下：{separator}一、事故基本情况{separator}"
    );
    for (((title, facts), lesson), number) in
        incidents.iter().zip(lessons).zip(["一", "二", "三", "四"])
    {
        let (inside, after) = match lesson {
            Lesson::None => ("", ""),
            Lesson::Closes => ("", LESSON),
            Lesson::Inside => (LESSON, "事故原因正在进一步调查中。"),
        };
        text += &format!("（{number}）{title}{separator}{facts}{inside}{after}{separator}");
    }
    text + &format!(
        "二、有关工作要求{separator}各地各有关部门要将本通报转发至辖区内所有生产经营单位，开展警示教育。{after_list}{separator}\
         江陵市安全生产委员会办公室{separator}2024年9月10日{separator}"
    )
}

const LESSON: &str =
    "事故暴露出企业安全生产主体责任不落实、安全风险辨识管控不到位、隐患排查治理流于形式等突出问题。";

#[derive(Clone, Copy)]
enum Lesson {
    None,
    Closes,
    /// Followed by a sentence of the incident's own.
    Inside,
}

#[test]
fn a_lesson_closing_each_incident_of_a_whole_list_is_kept() {
    assert_nothing_removed_in_any_layout(|separator| {
        accident_report(separator, &[Lesson::Closes; 3], "")
    });
}

/// Two of the lessons of the report are taken out, in every layout.
fn assert_two_lessons_removed(lessons: &[Lesson], after_list: &str) {
    for separator in ["\n", "\u{3000}\u{3000}", ""] {
        let damaged = accident_report(separator, lessons, after_list);
        let report = run(&damaged, false);
        let removed = removed(&damaged, &report);
        assert_eq!(
            removed.iter().map(|r| r.trim_end()).collect::<Vec<_>>(),
            vec![LESSON; 2],
            "{separator:?}"
        );
    }
}

/// Three uses that do not all close an incident: the one after the list, or the one inside an
/// incident, is a copy.
#[test]
fn the_lesson_pasted_after_the_list_or_into_an_incident_is_a_copy() {
    use Lesson::*;
    assert_two_lessons_removed(&[Closes, Closes, None], LESSON);
    assert_two_lessons_removed(&[Closes, Closes, Inside], "");
}

/// Three uses closing incidents, but not a whole list: the first incident has none, or the last.
/// The original closes one incident and a scrape pasted it at the ends of the next two.
#[test]
fn the_lesson_closing_three_incidents_of_four_is_copied() {
    use Lesson::*;
    assert_two_lessons_removed(&[None, Closes, Closes, Closes], "");
    assert_two_lessons_removed(&[Closes, Closes, Closes, None], "");
}

/// Fifteenth review 03: car park tariffs by kind, the same sentence on what `上述` tariffs are
/// closing the second, third and fourth kinds. `pasted` goes right after the third kind's heading.
fn car_park_tariffs(separator: &str, pasted: &str) -> String {
    let kinds = [
        (
            "（一）道路临时停车泊位",
            "小型车首1小时内5元，超过1小时后每30分钟2元。道路临时停车泊位实行政府定价。",
            "",
        ),
        (
            "（二）政府投资建设的公共停车场",
            "小型车首1小时内4元，超过1小时后每小时2元，24小时内最高收费不超过30元。",
            GUIDE_PRICE,
        ),
        (
            "（三）医院配套停车场",
            "小型车首2小时内3元，超过2小时后每小时2元，24小时内最高收费不超过25元。",
            GUIDE_PRICE,
        ),
        (
            "（四）交通枢纽配套停车场",
            "小型车30分钟以内免费，超过30分钟至2小时5元，24小时内最高收费不超过35元。",
            GUIDE_PRICE,
        ),
        (
            "（五）住宅小区停车场（库）",
            "收费标准由业主大会或业主委员会与物业服务企业协商确定。",
            "",
        ),
    ];
    let mut text = format!("二、收费标准{separator}");
    for (k, (heading, tariffs, closing)) in kinds.iter().enumerate() {
        let pasted = if k == 2 { pasted } else { "" };
        text += &format!("{heading}{separator}{pasted}{tariffs}{closing}{separator}");
    }
    text + &format!("三、执行时间{separator}本通知自2024年10月1日起执行，有效期5年。{separator}")
}

const GUIDE_PRICE: &str = "上述收费标准为政府指导价最高限额，经营者可在不超过最高限额的范围内自主确定具体收费标准，并报所在区发展改革局备案。";

#[test]
fn what_the_tariffs_above_are_said_after_each_kind_stays() {
    assert_nothing_removed_in_any_layout(|separator| car_park_tariffs(separator, ""));
}

/// Before the tariffs it speaks of, the sentence is pasted.
#[test]
fn what_the_tariffs_above_are_pasted_before_the_tariffs_is_a_copy() {
    let damaged = car_park_tariffs("\n", GUIDE_PRICE);
    assert_copy_goes_alone(&damaged, GUIDE_PRICE, &car_park_tariffs("\n", ""));
}

/// Fifteenth review 04: a notice issuing an 实施方案 sums up its target (`cited` names it, with
/// `verb`), which the 方案 then states; `pasted` goes at the end of the 方案's first part.
fn notice_issuing_a_plan(separator: &str, cited: &str, verb: &str, pasted: &str) -> String {
    format!(
        "宁川市人民政府办公室关于印发宁川市生活垃圾分类三年攻坚行动实施方案的通知{separator}\
         各县（市、区）人民政府，市政府各部门：{separator}\
         《宁川市生活垃圾分类三年攻坚行动实施方案》已经市政府常务会议研究同意，现印发给你们，请认真贯彻落实。{separator}\
         生活垃圾分类是提升城市精细化管理水平的重要举措。{cited}{verb}{TARGET}各地各部门要紧紧围绕这一目标，细化工作措施。{separator}\
         宁川市人民政府办公室{separator}2023年6月28日{separator}\
         宁川市生活垃圾分类三年攻坚行动实施方案{separator}\
         为加快建立生活垃圾分类处理系统，结合我市实际，制定本方案。{separator}\
         一、总体要求{separator}坚持政府推动、全民参与、城乡统筹、因地制宜的原则，全面推进生活垃圾减量化、资源化、无害化处理。{pasted}{separator}\
         二、工作目标{separator}{TARGET}其中，2023年底前，中心城区生活垃圾分类覆盖率达到80%以上。{separator}\
         三、保障措施{separator}市、县两级财政要将生活垃圾分类工作经费纳入年度预算。{separator}"
    )
}

const TARGET: &str =
    "到2025年底，全市城市生活垃圾回收利用率达到35%以上，生活垃圾分类覆盖率达到100%，原生生活垃圾实现零填埋。";

#[test]
fn what_a_notice_cites_of_the_plan_it_issues_the_plan_states_as_its_own() {
    for verb in ["明确，", "提出：", "进一步明确，"] {
        assert_nothing_removed_in_any_layout(|separator| {
            notice_issuing_a_plan(separator, "《实施方案》", verb, "")
        });
    }
}

/// Uncited, or citing another document, the notice's sentence is the original and the plan's
/// a copy; and once the plan has stated it, the same words again in the plan are a copy (the
/// first time in the plan is taken for the plan's own, here the pasted one).
#[test]
fn what_the_notice_does_not_cite_of_the_plan_or_the_plan_repeats_is_a_copy() {
    for (cited, verb) in [("", ""), ("《十四五规划》", "明确，")] {
        let damaged = notice_issuing_a_plan("\n", cited, verb, "");
        let report = run(&damaged, false);
        assert_eq!(removed(&damaged, &report), vec![TARGET], "{cited}");
    }
    let damaged = notice_issuing_a_plan("\n", "《实施方案》", "明确，", TARGET);
    let report = run(&damaged, false);
    assert_eq!(removed(&damaged, &report), vec![TARGET]);
    assert_eq!(report.dedup.text.matches(TARGET).count(), 2);
}

/// Fifteenth review 05: three levels of forwarding, the county's and the city's notices each
/// quoting the province's requirement, which the province's notice states. `pasted` goes at the
/// end of the city's notice, before its signature.
fn three_levels_of_forwarding(separator: &str, pasted: &str) -> String {
    format!(
        "云溪县人民政府办公室转发市政府办公室关于转发省政府办公厅关于做好农村住房安全保障工作的通知的通知{separator}\
         云政办发〔2024〕18号{separator}各乡镇人民政府，县直有关单位：{separator}\
         现将《安平市人民政府办公室关于转发〈南岭省人民政府办公厅关于做好农村住房安全保障工作的通知〉的通知》\
         （安政办发〔2024〕9号）转发给你们，并结合我县实际提出以下要求，请一并贯彻执行。{separator}\
         一、全面开展动态监测。{PROVINCE_QUOTED}各乡镇要于2024年5月31日前完成新一轮住房安全排查。{separator}\
         二、强化资金监管。改造补助资金实行专账管理、专款专用。{separator}\
         云溪县人民政府办公室{separator}2024年4月22日{separator}\
         安平市人民政府办公室关于转发南岭省人民政府办公厅关于做好农村住房安全保障工作的通知的通知{separator}\
         安政办发〔2024〕9号{separator}各县（市、区）人民政府，市政府各部门：{separator}\
         现将《南岭省人民政府办公厅关于做好农村住房安全保障工作的通知》（南政办发〔2024〕5号）转发给你们，请结合实际认真贯彻落实。{separator}\
         {PROVINCE_QUOTED}各县（市、区）人民政府要切实履行主体责任。{pasted}{separator}\
         安平市人民政府办公室{separator}2024年3月18日{separator}\
         南岭省人民政府办公厅关于做好农村住房安全保障工作的通知{separator}南政办发〔2024〕5号{separator}\
         各市、县人民政府，省政府各部门：{separator}\
         保障农村低收入群体住房安全是巩固拓展脱贫攻坚成果的重要内容。现就有关事项通知如下：{separator}\
         一、明确保障对象。保障对象为农村低保户、农村分散供养特困人员和低保边缘家庭。{separator}\
         二、落实保障措施。对排查发现的农村低收入群体危房，要做到应改尽改、应保尽保，确保住房安全有保障。\
         对自身确无能力改造的特困家庭，可采取统建农村集体公租房等方式兜底解决。{separator}\
         南岭省人民政府办公厅{separator}2024年2月26日{separator}"
    )
}

const PROVINCE_QUOTED: &str = "省政府办公厅通知明确要求：“对排查发现的农村低收入群体危房，要做到应改尽改、应保尽保，确保住房安全有保障。”";

#[test]
fn each_level_of_a_forwarding_nest_quoting_the_province_keeps_its_quotation() {
    assert_nothing_removed_in_any_layout(|separator| three_levels_of_forwarding(separator, ""));
}

/// Within one notice, the quotation a second time is a copy.
#[test]
fn a_quotation_pasted_again_within_one_notice_of_the_nest_is_a_copy() {
    assert_copy_goes_alone(
        &three_levels_of_forwarding("\n", PROVINCE_QUOTED),
        PROVINCE_QUOTED,
        &three_levels_of_forwarding("\n", ""),
    );
}

/// Fifteenth review 03: a kind of car park's tariffs by zone in one paragraph, each zone's tariff
/// running on after a `；` into the same rate for large cars (but the third's, when `third_closes`
/// is false). `pasted` goes after the paragraph.
fn tariffs_by_zone(separator: &str, third_closes: bool, pasted: &str) -> String {
    let [first, second, third] = ["一类区域", "二类区域", "三类区域"];
    let third_rate = if third_closes { LARGE_CARS } else { "" };
    format!(
        "（一）道路临时停车泊位{separator}\
         {first}：小型车首1小时内5元，超过1小时后每30分钟2元；{LARGE_CARS}\
         {second}：小型车首1小时内3元，超过1小时后每30分钟1.5元；{LARGE_CARS}\
         {third}：小型车首1小时内2元，超过1小时后每小时1元；{third_rate}\
         道路临时停车泊位实行政府定价，经营者应严格按照上述标准收费。{pasted}{separator}\
         （二）医院配套停车场{separator}小型车首2小时内3元，超过2小时后每小时2元。{separator}"
    )
}

const LARGE_CARS: &str = "大型车按小型车标准的2倍执行。";

#[test]
fn the_same_clause_closing_each_zone_s_tariff_stays() {
    assert_nothing_removed_in_any_layout(|separator| tariffs_by_zone(separator, true, ""));
}

/// After a sentence of its own, the clause is a copy.
#[test]
fn the_clause_closing_each_zone_s_tariff_pasted_elsewhere_is_a_copy() {
    assert_copy_goes_alone(
        &tariffs_by_zone("\n", false, LARGE_CARS),
        LARGE_CARS,
        &tariffs_by_zone("\n", false, ""),
    );
}

/// Sixteenth review 04: two committees' member lists of different lengths, each closing with
/// where its office sits and the same clause on later changes. `in_list` goes after the second
/// committee's first member, `then` after its clause; `at_end` at the end of the third of four parts, after a sentence of
/// its own (at the end of the last of three, it would close every part of the list).
fn committee_members(separator: &str, in_list: &str, then: &str, at_end: &str) -> String {
    format!(
        "青川市人民政府办公室关于调整市安全生产委员会和市食品安全委员会组成人员的通知{separator}\
         各区县人民政府，市政府各部门：{separator}现将调整后的组成人员名单通知如下：{separator}\
         一、市安全生产委员会{separator}主　任：林振东　市长{separator}副主任：高建平　常务副市长{separator}\
         成　员：赵立刚　市政府副秘书长{separator}{PAD}刘　斌　市应急管理局局长{separator}\
         {PAD}孙红梅　市发展和改革委员会副主任{separator}\
         市安全生产委员会办公室设在市应急管理局，刘斌同志兼任办公室主任。{LATER_CHANGES}{separator}\
         二、市食品安全委员会{separator}主　任：高建平　常务副市长{separator}{in_list}\
         成　员：吴建华　市市场监督管理局局长{separator}\
         市食品安全委员会办公室设在市市场监督管理局，吴建华同志兼任办公室主任。{LATER_CHANGES}{then}{separator}\
         三、其他事项{separator}各成员单位要明确1名处级干部为联络员，于2024年12月10日前报送委员会办公室。{at_end}{separator}\
         四、联系方式{separator}联系人：王明，电话：0771-1234567。{separator}\
         青川市人民政府办公室{separator}2024年12月2日{separator}"
    )
}

/// The indent of a member's line under the first, after `成　员：`.
const PAD: &str = "\u{3000}\u{3000}\u{3000}\u{3000}";
const LATER_CHANGES: &str = "今后，委员会成员因工作变动需要调整的，由所在单位向委员会办公室提出，报委员会主任审定，不再另行发文。";

#[test]
fn the_same_clause_closing_parts_that_end_alike_stays() {
    assert_nothing_removed_in_any_layout(|separator| committee_members(separator, "", "", ""));
}

/// Within a list, at the end of a part that ends otherwise, or followed by a sentence of the
/// part, the clause is a copy.
#[test]
fn the_clause_closing_parts_that_end_alike_pasted_elsewhere_is_a_copy() {
    let clean = committee_members("\n", "", "", "");
    let in_list = format!("{LATER_CHANGES}\n");
    assert_copy_goes_alone(&committee_members("\n", &in_list, "", ""), &in_list, &clean);
    assert_copy_goes_alone(
        &committee_members("\n", "", "", LATER_CHANGES),
        LATER_CHANGES,
        &clean,
    );
    let closing_nothing = committee_members("\n", "", "委员会办公室负责日常工作。", "");
    let report = run(&closing_nothing, false);
    assert_eq!(removed(&closing_nothing, &report), vec![LATER_CHANGES]);
}

/// Sixteenth review 10: a model contract whose two parties' breach clauses, each an item whose
/// words are its heading's line, close with the same right to terminate, before the next article
/// (whose items are numbered from `（一）` again, as the article before's are).
fn breach_clauses(separator: &str) -> String {
    format!(
        "第五条　双方的权利义务{separator}\
         （一）甲方应当保证房屋及其附属设施安全，负责房屋主体结构的维修。{separator}\
         （二）乙方应当合理使用房屋，未经甲方书面同意，不得转租或者改变房屋用途。{separator}\
         第六条　违约责任{separator}\
         （一）甲方未按约定时间交付房屋的，每逾期一日，应按月租金的万分之五向乙方支付违约金。{TERMINATION}{separator}\
         （二）乙方未按约定时间支付租金的，每逾期一日，应按月租金的万分之五向甲方支付违约金。{TERMINATION}{separator}\
         第七条　合同解除{separator}\
         （一）甲方有下列情形之一的，乙方有权单方解除合同：交付的房屋危及乙方安全或者健康的。{separator}"
    )
}

const TERMINATION: &str =
    "逾期超过三十日的，守约方有权解除本合同，并要求违约方赔偿因此造成的损失。";

/// With line breaks, or paragraphs marked by their indent; on one line the structure analysis
/// cuts the items' headings elsewhere, and the second clause still goes (see the README). In the
/// reviewer's whole contract too, where each item's sentence is its heading's words.
#[test]
fn the_same_remedy_closing_two_parties_breach_clauses_stays() {
    for separator in ["\n", "\u{3000}\u{3000}"] {
        assert_nothing_removed(&breach_clauses(separator));
    }
    for layout in ["orig", "indent"] {
        let path = format!(
            "{}/tests/fixtures/reviewed-clean-open/r16-10_{layout}.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        assert_nothing_removed(&std::fs::read_to_string(path).expect("the fixture"));
    }
}

/// Sixteenth review 06: a government order announcing when its rules take effect and what they
/// repeal, which the rules' last article states again. `pasted` goes after the rules' first
/// article.
fn order_and_its_rules(separator: &str, pasted: &str) -> String {
    format!(
        "青川市人民政府令{separator}第42号{separator}\
         《青川市城市绿化管理办法》已经2024年12月20日市人民政府第38次常务会议审议通过，现予公布，\
         自2025年3月1日起施行。{REPEAL}{separator}市长　林振东{separator}2025年1月8日{separator}\
         青川市城市绿化管理办法{separator}\
         第一条　为了促进城市绿化事业发展，改善生态环境和人居环境，结合本市实际，制定本办法。{pasted}{separator}\
         第二条　本办法适用于本市城市规划区内的城市绿化规划、建设、保护和管理活动。{separator}\
         第三条　本办法自2025年3月1日起施行。{REPEAL}{separator}"
    )
}

const REPEAL: &str = "2010年5月1日起施行的《青川市城市绿化管理规定》（市政府令第17号）同时废止。";

#[test]
fn the_repeal_an_order_announces_its_rules_state_again() {
    assert_nothing_removed_in_any_layout(|separator| order_and_its_rules(separator, ""));
}

/// Within the rules, the second time is a copy (the first is taken for the rules' own).
#[test]
fn the_repeal_pasted_twice_into_the_rules_is_a_copy() {
    let damaged = order_and_its_rules("\n", REPEAL);
    let report = run(&damaged, false);
    assert_eq!(removed(&damaged, &report), vec![REPEAL]);
    assert_eq!(report.dedup.text.matches(REPEAL).count(), 2);
}
