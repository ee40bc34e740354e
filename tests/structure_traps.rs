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

/// The (level, ordinal) of each heading found in `text`.
fn levels(text: &str) -> Vec<(u8, u32)> {
    heads(text).iter().map(|h| (h.0, h.1)).collect()
}

fn t(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn numbers_in_running_text_are_not_headings() {
    let text = "到2017年，产值增长1.5倍，按照第（一）项的规定，“十三五”时期建成5G网络，推动一、二、三产业融合，坚持两个一、三个二。";
    assert!(heads(text).is_empty(), "{:?}", heads(text));
}

/// Seventh review (r9-03): `（一）项` cites a clause, but `（一）项目编号：` heads a field.
#[test]
fn a_field_beginning_with_xiangmu_is_a_heading() {
    let text =
        "一、项目基本情况\n（一）项目编号：SZCG2024-G-0318\n（二）项目名称：教学设备采购项目\n";
    assert_eq!(
        heads(text),
        [
            (1, 1, t("项目基本情况")),
            (2, 1, t("项目编号")),
            (2, 2, t("项目名称"))
        ]
    );
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

/// A level-1 title glued to the first sentence of its body, as a line-break-free scrape leaves it.
/// The seam is found by word classes (who acts, 本通知, 将, a subject with 是; quotations kept
/// whole), never by knowing the title.
#[test]
fn glued_level_one_titles_are_cut_at_the_body() {
    let cases = [
        (
            "总体要求随着全球创新创业进入新阶段，我国面临新的机遇。",
            "总体要求",
        ),
        (
            "加大财税支持落实社会领域公益性项目税收优惠政策。",
            "加大财税支持",
        ),
        ("经费管理中央财政统筹现有资金，支持实施。", "经费管理"),
        (
            "切实打通政策落实“最后一公里”各地区、各部门要把思想统一起来。",
            "切实打通政策落实“最后一公里”",
        ),
        (
            "实施“三大攻坚战”打好防范化解重大风险攻坚战。",
            "实施“三大攻坚战”",
        ),
        ("深化“放管服”改革进一步减少审批事项。", "深化“放管服”改革"),
        (
            "推进“互联网+政务服务”建设依托国家政务服务平台推进。",
            "推进“互联网+政务服务”建设",
        ),
        (
            "完善财政支持政策中央财政通过现有渠道给予支持。",
            "完善财政支持政策",
        ),
        (
            "充分认识做好新形势下就业创业工作的重要意义就业是最大的民生。",
            "充分认识做好新形势下就业创业工作的重要意义",
        ),
        ("其他本通知自印发之日起施行。", "其他"),
        ("加强督促检查国务院办公厅将适时组织督查。", "加强督促检查"),
        ("强化考核评价将落实情况纳入考核。", "强化考核评价"),
        ("总体要求坚持改革创新。", "总体要求"),
    ];
    let pre = "国务院关于测试的意见国发〔2018〕1号各省、自治区、直辖市人民政府：现提出以下意见。";
    for (body, want) in cases {
        for marker in ["五、", "二十、"] {
            let text = format!("{pre}{marker}{body}");
            let h = heads(&text);
            assert_eq!(h.first().and_then(|x| x.2.as_deref()), Some(want), "{text}");
        }
    }
}

#[test]
fn enumerated_markers_are_not_headings() {
    let text = "一、总体要求坚持改革创新。（一）、（二）项所需资金由中央财政承担。（1）（2）两类除外。具体包括：一、二类疫苗管理。";
    assert_eq!(heads(text), [(1, 1, t("总体要求"))]);
}

#[test]
fn markup_and_symbols_before_a_marker_start_a_line() {
    let text = "<p>一、总体要求</p><p>（一）指导思想。内容。</p>\n<h3>二、</h3>重点任务\n★三、保障措施\n😀四、组织实施";
    let h = heads(text);
    let levels: Vec<(u8, u32)> = h.iter().map(|x| (x.0, x.1)).collect();
    assert_eq!(levels, [(1, 1), (2, 1), (1, 2), (1, 3), (1, 4)]);
    assert_eq!(h[0].2, t("总体要求"));
    assert_eq!(h[3].2, t("保障措施"));
    // Prose symbols and closing tags mid-sentence still refuse a number.
    assert!(heads("推动★一、二产业发展。").is_empty());
}

#[test]
fn an_item_that_opens_with_a_deadline_has_no_title() {
    let text = "1．推行企业登记全程电子化。\n（1）2019年底前实现企业登记全程网上办理。\n（2）推广电子营业执照，与纸质执照具有同等效力。";
    assert_eq!(
        heads(text),
        [
            (3, 1, t("推行企业登记全程电子化")),
            (4, 1, None),
            (4, 2, None)
        ]
    );
}

#[test]
fn a_heading_right_after_a_glued_signature_is_found() {
    let text = "现将有关事项通知如下。国务院办公厅2019年8月12日一、重点任务（一）任务甲。内容。";
    assert_eq!(heads(text), [(1, 1, t("重点任务")), (2, 1, t("任务甲"))]);
}

#[test]
fn addressees_may_end_in_another_name_in_brackets() {
    let text = "教育部关于做好招生工作的通知\n教学〔2018〕3号\n各省、自治区、直辖市教育厅（教委）、财政厅（局），新疆生产建设兵团教育局：\n现将有关事项通知如下。";
    let doc = document::read(text, &sections::find(text).sections);
    assert_eq!(
        doc.addressees,
        [
            "各省、自治区、直辖市教育厅（教委）、财政厅（局）",
            "新疆生产建设兵团教育局"
        ]
    );
}

#[test]
fn page_labels_are_read_as_fields_not_as_title() {
    let text = "标题：国务院办公厅关于测试工作的通知\n发文字号：国办发〔2019〕11号\n发布日期：2019年02月01日\n国务院办公厅关于测试工作的通知\n国办发〔2019〕11号\n各省、自治区、直辖市人民政府：\n现将有关事项通知如下。\n国务院办公厅\n2019年1月24日";
    let doc = document::read(text, &sections::find(text).sections);
    assert_eq!(doc.title.as_deref(), Some("国务院办公厅关于测试工作的通知"));
    assert_eq!(doc.issuer.as_deref(), Some("国务院办公厅"));
    assert_eq!(doc.addressees, ["各省、自治区、直辖市人民政府"]);
    assert_eq!(doc.published.as_deref(), Some("2019-02-01"));
    assert_eq!(doc.date.as_deref(), Some("2019-01-24"));

    let table = "索引号：000014349/2019-00011\n发文机关：国务院办公厅\n成文日期：2019年01月24日\n标题：国务院办公厅关于测试工作的通知\n现将有关事项通知如下。";
    let doc = document::read(table, &sections::find(table).sections);
    assert_eq!(doc.title.as_deref(), Some("国务院办公厅关于测试工作的通知"));
    assert_eq!(doc.date.as_deref(), Some("2019-01-24"));

    for sep in ["", "\u{3000}"] {
        let text = format!("发布日期:2018-03-12{sep}教育部　财政部关于实施培训计划的通知{sep}教师〔2018〕5号{sep}各省教育厅：{sep}现将有关事项通知如下。");
        let doc = document::read(&text, &sections::find(&text).sections);
        assert_eq!(
            doc.title.as_deref(),
            Some("教育部　财政部关于实施培训计划的通知"),
            "{text}"
        );
        assert_eq!(doc.issuer.as_deref(), Some("教育部　财政部"));
        assert_eq!(doc.published.as_deref(), Some("2018-03-12"));
    }

    let text = "\u{FEFF}国务院关于测试的通知\n国发〔2018〕1号\n";
    let doc = document::read(text, &sections::find(text).sections);
    assert_eq!(doc.title.as_deref(), Some("国务院关于测试的通知"));
    assert_eq!(doc.issuer.as_deref(), Some("国务院"));
}

#[test]
fn html_tags_break_lines_for_fields() {
    let text = "国务院办公厅关于印发工作方案的通知<br>国办发〔2019〕11号<br>各省、自治区、直辖市人民政府，国务院各部委：<br>现印发给你们。&nbsp;<br>国务院办公厅<br>2019年1月24日<br>（此件公开发布）<br>";
    let doc = document::read(text, &sections::find(text).sections);
    assert_eq!(
        doc.title.as_deref(),
        Some("国务院办公厅关于印发工作方案的通知")
    );
    assert_eq!(
        doc.addressees,
        ["各省、自治区、直辖市人民政府", "国务院各部委"]
    );
    assert_eq!(doc.date.as_deref(), Some("2019-01-24"));
    assert_eq!(doc.note.as_deref(), Some("（此件公开发布）"));
}

#[test]
fn latin_o_in_a_chinese_year_and_joint_signatures() {
    let text = "国务院关于测试的意见\n各省人民政府：\n现提出以下意见。\n一、组织实施\n各地要加强领导。\n教育部　财政部\n二O一六年三月二十日";
    let outline = sections::find(text);
    let doc = document::read(text, &outline.sections);
    assert_eq!(doc.date.as_deref(), Some("2016-03-20"));
    let body = &text[..outline.sections[0].end];
    assert!(body.ends_with("各地要加强领导。\n"), "{body:?}");
}

#[test]
fn a_wrapped_documents_author_on_its_own_line_is_its_issuer() {
    let text = "浙江省人民政府办公厅转发省发展改革委关于加快推进数字经济发展若干意见的通知\n浙政办发〔2018〕52号\n各市人民政府：\n省发展改革委《关于加快推进数字经济发展的若干意见》已经省政府同意，现转发给你们。\n浙江省人民政府办公厅\n2018年6月20日\n关于加快推进数字经济发展的若干意见\n省发展改革委\n为深入实施数字经济“一号工程”，提出如下意见。";
    for form in [text.to_string(), text.replace('\n', "")] {
        let doc = document::read(&form, &sections::find(&form).sections);
        assert_eq!(doc.forwarded.len(), 1);
        assert_eq!(
            doc.forwarded[0].issuer.as_deref(),
            Some("省发展改革委"),
            "{form}"
        );
    }
}

/// A 转发 of a 转发 cites the inner notice's title with its own 《》 written as 〈〉; the inner notice,
/// standing alone, writes them as 《》, and is found there, with the document it forwards in turn.
#[test]
fn a_forwarded_forwarding_notice_is_found_under_its_cited_title() {
    let text = "长宁县人民政府办公室关于转发市人民政府办公室转发省人民政府办公厅《关于加强耕地保护的通知》的通知\n\
        各乡镇人民政府：\n现将《梅州市人民政府办公室关于转发省人民政府办公厅〈关于加强耕地保护的通知〉的通知》\
        转发给你们，请认真贯彻执行。\n长宁县人民政府办公室\n2025年6月3日\n\
        梅州市人民政府办公室关于转发省人民政府办公厅《关于加强耕地保护的通知》的通知\n梅市府办〔2025〕41号\n\
        各县人民政府：\n现将省人民政府办公厅《关于加强耕地保护的通知》（粤府办〔2025〕12号）转发给你们，\
        请认真贯彻执行。\n梅州市人民政府办公室\n2025年5月20日\n\
        广东省人民政府办公厅关于加强耕地保护的通知\n粤府办〔2025〕12号\n各地级以上市人民政府：\n\
        耕地是粮食生产的命根子。\n广东省人民政府办公厅\n2025年5月8日";
    let doc = document::read(text, &sections::find(text).sections);
    let city = &doc.forwarded[0];
    assert_eq!(city.doc_number.as_deref(), Some("梅市府办〔2025〕41号"));
    assert_eq!(city.forwarded.len(), 1, "{city:?}");
    assert_eq!(city.forwarded[0].date.as_deref(), Some("2025-05-08"));
}

/// Fifteenth review 05: standing alone, the inner notice may write the title it forwards bare
/// (`……关于转发南岭省……的通知的通知`), where the outer notice cites it in 〈〉.
#[test]
fn a_forwarded_forwarding_notice_that_writes_its_inner_title_bare_is_found() {
    let text = "云溪县人民政府办公室转发市政府办公室关于转发省政府办公厅关于做好农村住房安全保障工作的通知的通知\n\
        各乡镇人民政府：\n现将《安平市人民政府办公室关于转发〈南岭省人民政府办公厅关于做好农村住房安全保障工作的通知〉的通知》\
        （安政办发〔2024〕9号）转发给你们，请一并贯彻执行。\n云溪县人民政府办公室\n2024年4月22日\n\
        安平市人民政府办公室关于转发南岭省人民政府办公厅关于做好农村住房安全保障工作的通知的通知\n安政办发〔2024〕9号\n\
        各县（市、区）人民政府：\n现将《南岭省人民政府办公厅关于做好农村住房安全保障工作的通知》（南政办发〔2024〕5号）\
        转发给你们，请结合实际认真贯彻落实。\n安平市人民政府办公室\n2024年3月18日\n\
        南岭省人民政府办公厅关于做好农村住房安全保障工作的通知\n南政办发〔2024〕5号\n各市、县人民政府：\n\
        保障农村低收入群体住房安全是巩固拓展脱贫攻坚成果的重要内容。\n南岭省人民政府办公厅\n2024年2月26日";
    let doc = document::read(text, &sections::find(text).sections);
    let city = &doc.forwarded[0];
    assert_eq!(city.date.as_deref(), Some("2024-03-18"), "{city:?}");
    assert_eq!(city.forwarded.len(), 1, "{city:?}");
    assert_eq!(city.forwarded[0].date.as_deref(), Some("2024-02-26"));
}

/// Sixteenth review 06: a government order (`……政府令`, `第42号`) publishes the rules it names
/// (`《……办法》……现予公布`), which follow it under their own title, signed by the mayor.
#[test]
fn an_order_is_read_with_its_number_issuer_and_the_rules_it_publishes() {
    let text = "青川市人民政府令\n第42号\n\
        《青川市城市绿化管理办法》已经2024年12月20日市人民政府第38次常务会议审议通过，现予公布，\
        自2025年3月1日起施行。\n市长　林振东\n2025年1月8日\n\
        青川市城市绿化管理办法\n第一条　为了促进城市绿化事业发展，制定本办法。\n\
        第二条　本办法自2025年3月1日起施行。\n";
    let doc = document::read(text, &sections::find(text).sections);
    assert_eq!(doc.title.as_deref(), Some("青川市人民政府令"));
    assert_eq!(doc.doc_number.as_deref(), Some("青川市人民政府令第42号"));
    assert_eq!(doc.issuer.as_deref(), Some("青川市人民政府"));
    assert_eq!(doc.date.as_deref(), Some("2025-01-08"));
    assert_eq!(doc.forwarded.len(), 1, "{doc:?}");
    assert_eq!(
        doc.forwarded[0].title.as_deref(),
        Some("青川市城市绿化管理办法")
    );
}

/// A scrape without line breaks runs a short title with no words under it into its next sibling
/// (`（一）整治目标（二）重点举措`): both are headings. After a longer run of words the next marker is
/// prose, or a sub-heading at most.
#[test]
fn a_short_title_runs_into_its_next_sibling() {
    let text = "一、工业园区专项整治（一）整治目标（二）重点举措1.加大财政资金支持力度。";
    assert_eq!(
        levels(text),
        [(1, 1), (2, 1), (2, 2), (3, 1)],
        "{:?}",
        heads(text)
    );
    assert_eq!(heads(text)[1].2, t("整治目标"));
    let long = "一、工业园区专项整治（一）各地要结合实际认真组织开展整治工作（二）重点举措。";
    assert_eq!(levels(long), [(1, 1), (2, 1)], "{:?}", heads(long));
}

/// So does a short last subheading into the next part (`（二）重点举措二、……`): the part heading is
/// one, when it is the next part's number. A first part's number there (`一、`) is a copy of a part
/// heading or prose, and opens no part.
#[test]
fn a_short_last_subheading_runs_into_the_next_part() {
    let text = "一、工业园区专项整治（一）整治目标（二）重点举措二、商贸流通专项整治（一）整治目标";
    assert_eq!(
        levels(text),
        [(1, 1), (2, 1), (2, 2), (1, 2), (2, 1)],
        "{:?}",
        heads(text)
    );
    assert_eq!(heads(text)[2].2, t("重点举措"));
    assert_eq!(heads(text)[3].2, t("商贸流通专项整治"));
    let out_of_order = "一、工业园区专项整治（一）整治目标一、商贸流通专项整治";
    assert_eq!(
        levels(out_of_order),
        [(1, 1), (2, 1)],
        "{:?}",
        heads(out_of_order)
    );
}

/// Seventh review (r9-05), every line break lost: the issued plan's title runs from the signature
/// straight into its first heading. Without that `一、`, every heading after it was out of place.
#[test]
fn a_first_heading_after_the_issued_documents_title() {
    let text = "各乡镇人民政府：《修水县防汛应急预案》已经县人民政府同意，现印发给你们。\
                修水县人民政府办公室2024年3月28日修水县防汛应急预案一、总则（一）编制目的。做好防御工作。\
                二、组织指挥体系县人民政府设立县防汛抗旱指挥部。";
    assert_eq!(levels(text), [(1, 1), (2, 1), (1, 2)], "{:?}", heads(text));
    // Words that are no document's title, or a heading numbered on, still need a stop before.
    for prose in [
        "修水县人民政府办公室2024年3月28日县防汛抗旱指挥部一、总则",
        "修水县人民政府办公室2024年3月28日修水县防汛应急预案二、总则",
    ] {
        assert!(heads(prose).is_empty(), "{prose}: {:?}", heads(prose));
    }
}

/// Fourteenth review (r14-07), every line break lost and no signature between: the issued
/// brochure's title, cited in the sentence before, runs straight into its first heading.
#[test]
fn a_first_heading_after_the_title_the_sentence_before_cites() {
    let text = "现将《2025年云岭区城区公办小学一年级招生简章》印发给你们，请认真做好招生组织工作。\
                2025年云岭区城区公办小学一年级招生简章一、云岭区实验小学招生计划：12个班，540人。\
                二、云岭区桂花路小学招生计划：8个班，360人。";
    assert_eq!(levels(text), [(1, 1), (1, 2)], "{:?}", heads(text));
    // A title the sentence before does not cite, or cites as another document, still needs a
    // stop before its first heading.
    for prose in [
        "请认真做好招生组织工作。2025年云岭区城区公办小学一年级招生简章一、云岭区实验小学招生计划：12个班。",
        "现将《2025年云岭区招生简章》印发给你们。2025年云岭区城区公办小学一年级招生简章一、云岭区实验小学招生计划：12个班。",
    ] {
        assert!(heads(prose).is_empty(), "{prose}: {:?}", heads(prose));
    }
}

/// Seventh review (r9-03), every line break lost: a tender's items are fields, each value run into
/// the next item's marker, and the next part follows the flattened table's last cell.
#[test]
fn glued_fields_and_a_heading_after_a_table_s_last_cell() {
    let text = "一、项目基本情况（一）项目编号：SZCG2024-G-0318（二）项目名称：教学设备采购项目\
                （三）采购需求：|包号|采购内容||包1|实验室设备|二、申请人的资格要求（一）满足政府采购法规定。";
    assert_eq!(
        heads(text),
        [
            (1, 1, t("项目基本情况")),
            (2, 1, t("项目编号")),
            (2, 2, t("项目名称")),
            (2, 3, t("采购需求")),
            (1, 2, t("申请人的资格要求")),
            (2, 1, t("满足政府采购法规定")),
        ],
        "{:?}",
        heads(text)
    );
    // A value with a sentence's punctuation is prose, not a field, and so is a long label, a label
    // with punctuation, or a long value; a number in a table's cell is a cell's.
    let long_value = "理化生实验室设备".repeat(5);
    for prose in [
        "（一）总体要求：到2025年，全面完成改造（二）主要任务",
        "（一）全面推进乡村振兴战略实施工作要求：到2025年（二）主要任务",
        "（一）加快建设，力争：2025年完成（二）主要任务",
        &format!("（一）采购需求：{long_value}（二）项目名称"),
        "|包号|数量|二、三类|",
    ] {
        assert!(
            !heads(prose).iter().any(|h| h.1 == 2),
            "{prose}: {:?}",
            heads(prose)
        );
    }
}

/// A checklist scraped without line breaks glues each item's title to its first field's label
/// (`1．主要负责人履职情况检查要点：……`, tenth review 04). The label, which stands before a colon as
/// often after every item, is the body's; a verb before a colon (`将第六条修改为：`) is the title's.
#[test]
fn a_field_label_glued_to_a_title_is_the_body_s() {
    let checklist = "1．主要负责人履职情况检查要点：企业主要负责人是否组织制定安全生产责任制。检查方法：查阅相关文件。\
        2．全员安全生产责任制建立情况检查要点：企业是否建立覆盖全体从业人员的责任制。检查方法：查阅相关文件。\
        3．包保责任制落实检查要点：企业是否明确重大危险源的包保责任人。检查方法：现场查看公示牌。";
    assert_eq!(
        heads(checklist),
        vec![
            (3, 1, t("主要负责人履职情况")),
            (3, 2, t("全员安全生产责任制建立情况")),
            (3, 3, t("包保责任制落实")),
        ]
    );
    let amendments = "一、将第六条修改为：“申请人应当提交下列材料。”\n\
        二、将第九条第一款修改为：“登记机关应当自受理之日起十日内作出决定。”\n\
        三、将第十四条修改为：“本办法自公布之日起施行。”\n";
    let titles: Vec<_> = heads(amendments).into_iter().map(|h| h.2).collect();
    assert_eq!(
        titles,
        vec![
            t("将第六条修改为"),
            t("将第九条第一款修改为"),
            t("将第十四条修改为")
        ]
    );
}

/// An annexed list scraped without line breaks glues its first item to the annex's title
/// (`附件22024年……任务清单1．统一……`, tenth review 10): the item is a heading, as its siblings after
/// a full stop are. A list of annexes (`附件：1．……`) heads nothing.
#[test]
fn the_first_item_glued_to_an_annex_title_is_a_heading() {
    let text =
        "四、工作要求各区要抓紧细化工作方案。附件：1．市领导小组成员名单2．2024年重点任务清单\
        市人民政府办公室2024年3月28日附件22024年重点任务清单1．统一分类标识和收集容器颜色。\
        责任单位：市城市管理局。2．居民小区集中投放点设置全覆盖。责任单位：各区人民政府。";
    let heads = heads(text);
    assert_eq!(
        heads.iter().map(|h| (h.0, h.1)).collect::<Vec<_>>(),
        vec![(1, 4), (3, 1), (3, 2)],
        "{heads:?}"
    );
}

/// A tender's field names are titles as written, though their last characters end other labels
/// (`名称：`, `地点：`): `（二）项目名称：`, and `3.交货地点：` under every lot. With line breaks lost, a
/// lot's first item follows the lot's short label and title (`（一）包1：理化生实验室设备1.……`).
#[test]
fn a_tender_s_field_names_stay_titles_and_a_lot_s_first_item_is_found() {
    let lot = |n: u32, what: &str| {
        format!(
            "（{}）包{n}：{what}1.主要技术要求：符合国家标准。2.交货期：合同签订之日起30日内完成供货。\
             3.交货地点：采购人指定地点。",
            ["一", "二", "三"][n as usize - 1]
        )
    };
    let text = format!(
        "一、项目基本情况\n（一）项目编号：SZCG2024-G-0318\n（二）项目名称：教学设备采购项目\n\
         二、各包技术与商务要求{}{}{}\n三、联系方式\n（一）名称：苏州市第二中学。\n（二）地点：人民路1185号。\n\
         （三）单位名称：苏州市政府采购中心。",
        lot(1, "理化生实验室设备"),
        lot(2, "录播教室设备"),
        lot(3, "学生计算机")
    );
    let heads = heads(&text);
    let titled = |level: u8, ordinal: u32| -> Vec<Option<String>> {
        heads
            .iter()
            .filter(|h| h.0 == level && h.1 == ordinal)
            .map(|h| h.2.clone())
            .collect()
    };
    assert_eq!(titled(3, 1), vec![t("主要技术要求"); 3], "{heads:?}");
    assert_eq!(titled(3, 3), vec![t("交货地点"); 3], "{heads:?}");
    assert!(titled(2, 2).contains(&t("项目名称")), "{heads:?}");
}
