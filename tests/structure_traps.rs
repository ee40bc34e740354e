//! Every trap of issue 4: numbers in prose, glued headings and numbers, dates, and the warnings a
//! shuffled scrape must raise. Byte offsets, through the modules' own entry points.

use notice_lens::{document, sections, WarningKind};

fn heads(text: &str) -> Vec<(u8, u32, Option<String>)> {
    sections::find(text)
        .sections
        .into_iter()
        .map(|s| (s.level, s.ordinal, s.title))
        .collect()
}

fn t(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn numbers_in_running_text_are_not_headings() {
    let text = "到2017年，产值增长1.5倍，按照第（一）项的规定，“十三五”时期建成5G网络，推动一、二、三产业融合，坚持两个一、三个二。";
    assert!(heads(text).is_empty(), "{:?}", heads(text));
}

#[test]
fn a_level_one_marker_mid_sentence_is_not_a_heading() {
    let text = "一、总体要求（一）指导思想。统筹推进第一、第二批试点和一、二类地区建设。";
    assert_eq!(heads(text), [(1, 1, t("总体要求")), (2, 1, t("指导思想"))]);
}

#[test]
fn glued_level_two_after_a_level_one_title() {
    let text = "一、持续深化改革全面优化营商环境（一）深化审批制度改革。全面清理审批事项。";
    assert_eq!(
        heads(text),
        [
            (1, 1, t("持续深化改革全面优化营商环境")),
            (2, 1, t("深化审批制度改革"))
        ]
    );
}

#[test]
fn level_one_titles_are_cut_before_the_body() {
    let text = "现提出以下意见。一、总体要求随着全球创新创业进入高度密集活跃期，人才流动加快。二、提高政府服务的能力和水平主动适应新动能加速成长的需要，加快转变政府职能。三、激发新生产要素流动的活力培育新动能需要新的要素支撑。";
    assert_eq!(
        heads(text),
        [
            (1, 1, t("总体要求")),
            (1, 2, t("提高政府服务的能力和水平")),
            (1, 3, t("激发新生产要素流动的活力"))
        ]
    );
}

#[test]
fn all_marker_forms_and_numbers_past_twenty() {
    let text = "（二十九）甲项工作。内容。（三十）加强督促检查。内容。\n1．完善机制。内容。2﹒加强考核。内容。3.强化问责。内容。\n(1)细化任务。(2)压实责任。\n(三十一)严肃纪律。";
    let h = heads(text);
    let levels: Vec<(u8, u32)> = h.iter().map(|x| (x.0, x.1)).collect();
    assert_eq!(
        levels,
        [
            (2, 29),
            (2, 30),
            (3, 1),
            (3, 2),
            (3, 3),
            (4, 1),
            (4, 2),
            (2, 31)
        ]
    );
    assert_eq!(h[1].2, t("加强督促检查"));
}

#[test]
fn whole_sentence_items_have_no_title() {
    let text = "（1）各级党委和政府要坚持党政同责、一岗双责。（2）加快推进审批制度改革，进一步减少审批事项。";
    assert_eq!(heads(text), [(4, 1, None), (4, 2, None)]);
}

#[test]
fn gap_out_of_order_and_repeat_are_warned() {
    let text = "（七）甲。文。（八）乙。文。（十）丙。文。（三）丁。文。（八）乙。文。";
    let outline = sections::find(text);
    let kinds: Vec<WarningKind> = outline.warnings.iter().map(|w| w.kind).collect();
    assert!(
        kinds.contains(&WarningKind::RepeatedHeading),
        "{:?}",
        outline.warnings
    );
    assert!(
        kinds.contains(&WarningKind::OutOfOrder),
        "{:?}",
        outline.warnings
    );
    let gap = outline
        .warnings
        .iter()
        .find(|w| w.message == "（九） is missing between （八） and （十）")
        .expect("the （九） gap");
    assert_eq!(&text[gap.start..gap.start + "（十）".len()], "（十）");
    assert_eq!(outline.sections[4].repeat_of, Some(1));
}

#[test]
fn parents_and_ends_nest() {
    let text = "一、甲要求\n（一）子项。正文。\n1.细目。正文。\n（二）次项。正文。\n二、乙要求\n正文。\n国务院\n2019年1月1日";
    let s = sections::find(text).sections;
    assert_eq!(
        s.iter().map(|x| x.parent).collect::<Vec<_>>(),
        [None, Some(0), Some(1), Some(0), None]
    );
    assert_eq!(s[0].end, s[4].start);
    assert_eq!(s[1].end, s[3].start);
    assert_eq!(&text[s[4].end..], "国务院\n2019年1月1日");
}

#[test]
fn glued_doc_number_and_bracket_forms() {
    for (text, want) in [
        ("国务院办公厅关于推进的通知国办发〔2019〕11号各省、自治区、直辖市人民政府：现就有关事项通知如下。", "国办发〔2019〕11号"),
        ("某某省人民政府关于加强管理的通知粤府办【2017】32号各地级以上市人民政府：为了加强管理。", "粤府办〔2017〕32号"),
        ("安徽省人民政府办公厅关于做好工作的通知皖政办秘[2021]82号各市人民政府：为了做好。", "皖政办秘〔2021〕82号"),
        ("国务院关于印发方案的通知国发(2019)4号各省人民政府：现将方案印发给你们。", "国发〔2019〕4号"),
    ] {
        let doc = document::read(text, &sections::find(text).sections);
        assert_eq!(doc.doc_number.as_deref(), Some(want), "{text}");
        assert!(doc.title.as_deref().is_some_and(|t| t.ends_with("的通知")), "{text}: {:?}", doc.title);
    }
}

#[test]
fn cited_numbers_are_not_the_documents_own() {
    let text = "关于加强管理的通知\n各市人民政府：\n按照国办发〔2017〕4号文的部署，现通知如下。\n某某市人民政府\n2017年5月10日";
    let doc = document::read(text, &sections::find(text).sections);
    assert_eq!(doc.doc_number, None);
    assert_eq!(doc.doc_numbers, ["国办发〔2017〕4号"]);
    assert_eq!(doc.issuer.as_deref(), Some("某某市人民政府"));
}

#[test]
fn chinese_numeral_dates() {
    let text = "国务院关于加快发展服务业的若干意见\n国发〔2007〕7号\n各省人民政府：\n现提出以下意见。\n国务院\n二〇〇七年三月十九日";
    let doc = document::read(text, &sections::find(text).sections);
    assert_eq!(doc.date.as_deref(), Some("2007-03-19"));
    let text = "（国家发展改革委　二〇一六年三月五日）";
    assert_eq!(
        document::read(text, &[]).date.as_deref(),
        Some("2016-03-05")
    );
}

#[test]
fn never_panics_on_odd_input() {
    let big_heading_soup = "一、".repeat(20_000) + &"（一）1.（1）".repeat(20_000);
    for text in [
        "",
        "Hello, world. 1. Introduction 2. Methods",
        "😀𠀀一、𠀀（一）😀1.𠀀（1）",
        "<html><body><p>一、总体要求</p><p>（一）指导思想。</p></body></html>",
        "〔2017〕号（）《》：：：",
        "国办发〔2017〕",
        big_heading_soup.as_str(),
    ] {
        let outline = sections::find(text);
        let doc = document::read(text, &outline.sections);
        for s in &outline.sections {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.heading_end));
            assert!(s.heading_end <= s.end && s.end <= text.len());
        }
        let _ = doc;
    }
}

#[test]
fn a_large_scrape_is_read_in_near_linear_time() {
    let sample = include_str!("fixtures/guangdong-2017-32.txt");
    let big = sample.repeat(50 * 1024 * 1024 / sample.len() / 8);
    let started = std::time::Instant::now();
    let outline = sections::find(&big);
    let _ = document::read(&big, &outline.sections);
    // About 6 MB; a per-heading rescan of the text would take minutes, not seconds.
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}
