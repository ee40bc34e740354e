//! Table-driven attribution fixtures: one row per form of 分工 note, with the traps.
//!
//! The notes from 国办发〔2017〕4号 (the sample) and the forms listed in `docs/domain.md` are quoted as
//! published. The other rows are written in the wording of 国务院 and 广东 notices but are not
//! verbatim quotations; the 下同 row is constructed, in the style of 国发〔2016〕27号, to run one
//! convention across several notes in a short text.

use notice_lens::attributions::find;
use notice_lens::{analyze, DepartmentKind, Document, Options, Role};

use Role::{Lead, Participant as Part, Shared};

struct Case {
    name: &'static str,
    text: &'static str,
    issuer: Option<&'static str>,
    date: Option<&'static str>,
    /// One list per note found, in text order: (name, role, canonical; "" for the name itself).
    want: &'static [&'static [(&'static str, Role, &'static str)]],
}

const CASES: &[Case] = &[
    Case {
        name: "牵头负责: one lead",
        text: "及时向全社会公开相关标准制定和修订情况。（质检总局牵头负责）",
        issuer: None,
        date: Some("2017-01-20"),
        want: &[&[("质检总局", Lead, "国家质量监督检验检疫总局")]],
    },
    Case {
        name: "牵头负责: joint leads",
        text: "增强信用管理威慑力。（国家发展改革委、人民银行牵头负责）",
        issuer: None,
        date: Some("2017-01-20"),
        want: &[&[
            ("国家发展改革委", Lead, "国家发展和改革委员会"),
            ("人民银行", Lead, "中国人民银行"),
        ]],
    },
    Case {
        name: "按职责分工负责 with 等部门 stripped and 和 kept inside names",
        text: "拓展农业新价值链。（国家发展改革委、工业和信息化部、住房城乡建设部、文化和旅游部等部门按职责分工负责）",
        issuer: None,
        date: Some("2019-02-01"),
        want: &[&[
            ("国家发展改革委", Shared, "国家发展和改革委员会"),
            ("工业和信息化部", Shared, "工业和信息化部"),
            ("住房城乡建设部", Shared, "住房和城乡建设部"),
            ("文化和旅游部", Shared, "文化和旅游部"),
        ]],
    },
    Case {
        name: "lead then shared, 及 between collectives",
        text: "扩大出口信用保险覆盖面。（商务部牵头，国务院相关部门及各地区按职责分工负责）",
        issuer: None,
        date: Some("2016-05-05"),
        want: &[&[
            ("商务部", Lead, "商务部"),
            ("国务院相关部门", Shared, ""),
            ("各地区", Shared, ""),
        ]],
    },
    Case {
        name: "会同有关方面: the unnamed others are dropped",
        text: "营造健康发展环境。（国家发展改革委会同有关方面牵头负责）",
        issuer: None,
        date: Some("2017-01-20"),
        want: &[&[("国家发展改革委", Lead, "国家发展和改革委员会")]],
    },
    Case {
        name: "会同 named partners take part",
        text: "完善风险补偿机制。（人民银行会同银监会、证监会、保监会负责）",
        issuer: None,
        date: Some("2017-01-20"),
        want: &[&[
            ("人民银行", Lead, "中国人民银行"),
            ("银监会", Part, "中国银行业监督管理委员会"),
            ("证监会", Part, "中国证券监督管理委员会"),
            ("保监会", Part, "中国保险监督管理委员会"),
        ]],
    },
    Case {
        name: "bare 牵头",
        text: "提供趋势性数据和预警分析支撑。（国家统计局牵头）",
        issuer: None,
        date: Some("2017-01-20"),
        want: &[&[("国家统计局", Lead, "国家统计局")]],
    },
    Case {
        name: "bare 负责 without 下同 is shared",
        text: "提高通关效率。（海关总署、商务部负责）",
        issuer: None,
        date: Some("2016-05-05"),
        want: &[&[
            ("海关总署", Shared, "中华人民共和国海关总署"),
            ("商务部", Shared, "商务部"),
        ]],
    },
    Case {
        name: "下同 makes the first listed lead here and in every later note (constructed from 国发〔2016〕27号)",
        text: "（一）加大出口信用保险支持。扩大出口信用保险规模。（商务部、财政部、保监会负责，排在第一位的部门为牵头部门，下同）（二）进一步提高贸易便利化水平。推进国际贸易“单一窗口”建设。（海关总署、质检总局、商务部负责）（三）减免进出口环节收费。（国家发展改革委、财政部负责）（四）做好出口退税工作。（税务总局牵头，财政部配合）",
        issuer: None,
        date: Some("2016-05-05"),
        want: &[
            &[
                ("商务部", Lead, "商务部"),
                ("财政部", Shared, "财政部"),
                ("保监会", Shared, "中国保险监督管理委员会"),
            ],
            &[
                ("海关总署", Lead, "中华人民共和国海关总署"),
                ("质检总局", Shared, "国家质量监督检验检疫总局"),
                ("商务部", Shared, "商务部"),
            ],
            &[
                ("国家发展改革委", Lead, "国家发展和改革委员会"),
                ("财政部", Shared, "财政部"),
            ],
            &[("税务总局", Lead, "国家税务总局"), ("财政部", Part, "财政部")],
        ],
    },
    Case {
        name: "参与 and 配合",
        text: "推动工业互联网发展。（工业和信息化部牵头，科技部、财政部参与）加强网络安全监管。（公安部牵头，各省级人民政府配合）",
        issuer: None,
        date: Some("2018-05-01"),
        want: &[
            &[
                ("工业和信息化部", Lead, "工业和信息化部"),
                ("科技部", Part, "科学技术部"),
                ("财政部", Part, "财政部"),
            ],
            &[("公安部", Lead, "公安部"), ("各省级人民政府", Part, "")],
        ],
    },
    Case {
        name: "collective actors only",
        text: "切实把各项任务措施落到实处。（各地区、各有关部门按职责分工负责）",
        issuer: None,
        date: None,
        want: &[&[("各地区", Shared, ""), ("各有关部门", Shared, "")]],
    },
    Case {
        name: "等单位 and 等有关部门",
        text: "加强人才培养。（教育部、中国科协等单位按职责分工负责）强化知识产权保护。（国家知识产权局等有关部门按职责分工负责）",
        issuer: None,
        date: Some("2019-06-01"),
        want: &[
            &[
                ("教育部", Shared, "教育部"),
                ("中国科协", Shared, "中国科学技术协会"),
            ],
            &[
                ("国家知识产权局", Shared, "国家知识产权局"),
                ("有关部门", Shared, ""),
            ],
        ],
    },
    Case {
        name: "provincial 责任单位, shared",
        text: "建设一批高水平新型研发机构。（责任单位：省科技厅、省教育厅）",
        issuer: Some("广东省人民政府办公厅"),
        date: Some("2017-05-10"),
        want: &[&[
            ("省科技厅", Shared, "广东省科学技术厅"),
            ("省教育厅", Shared, "广东省教育厅"),
        ]],
    },
    Case {
        name: "provincial 责任单位 with a lead and a collective after a comma",
        text: "推进“数字政府”改革建设。（责任单位：省发展改革委牵头，省人力资源社会保障厅、省市场监管局，各地级以上市人民政府）",
        issuer: Some("广东省人民政府"),
        date: Some("2019-03-01"),
        want: &[&[
            ("省发展改革委", Lead, "广东省发展和改革委员会"),
            ("省人力资源社会保障厅", Shared, "广东省人力资源和社会保障厅"),
            ("省市场监管局", Shared, "广东省市场监督管理局"),
            ("各地级以上市人民政府", Shared, ""),
        ]],
    },
    Case {
        name: "provincial （牵头） mark inside the list and a name with its own parentheses",
        text: "完善工作机制。（责任单位：省工业和信息化厅（牵头）、省财政厅、各县（市、区）人民政府）",
        issuer: Some("广东省人民政府办公厅"),
        date: Some("2019-03-01"),
        want: &[&[
            ("省工业和信息化厅", Lead, "广东省工业和信息化厅"),
            ("省财政厅", Shared, "广东省财政厅"),
            ("各县（市、区）人民政府", Shared, ""),
        ]],
    },
    Case {
        name: "provincial 牵头单位 / 配合单位 labels",
        text: "加强督查考核。（牵头单位：省商务厅；配合单位：省财政厅、省统计局）",
        issuer: Some("广东省人民政府"),
        date: Some("2018-08-01"),
        want: &[&[
            ("省商务厅", Lead, "广东省商务厅"),
            ("省财政厅", Part, "广东省财政厅"),
            ("省统计局", Part, "广东省统计局"),
        ]],
    },
    Case {
        name: "provincial without a known province keeps the name",
        text: "加强督查考核。（责任单位：省科技厅）",
        issuer: None,
        date: None,
        want: &[&[("省科技厅", Shared, "省科技厅")]],
    },
    Case {
        name: "ASCII parentheses from a scrape",
        text: "完善统计制度。(国家统计局牵头负责)",
        issuer: None,
        date: Some("2017-01-20"),
        want: &[&[("国家统计局", Lead, "国家统计局")]],
    },
    Case {
        name: "trap: an inline clarification inside a sentence",
        text: "落实学校安全管理责任（其中中小学由教育行政部门负责），加强校园周边治理。",
        issuer: None,
        date: None,
        want: &[],
    },
    Case {
        name: "trap: an author and date line",
        text: "（国家发展改革委　二〇一六年三月五日）",
        issuer: None,
        date: None,
        want: &[],
    },
    Case {
        name: "trap: a citation and parenthesised words that are no note",
        text: "现将《意见》（国办发〔2017〕4号）转发给你们。开展“中国制造2025”城市（群）试点示范。解决海外回国（来华）人才的实际困难。",
        issuer: None,
        date: None,
        want: &[],
    },
    Case {
        name: "after 2018 the same short names mean the merged bodies",
        text: "加强质量监管。（市场监管总局牵头负责）强化标准引领。（质检总局、银保监会按职责分工负责）",
        issuer: None,
        date: Some("2019-01-15"),
        want: &[
            &[("市场监管总局", Lead, "国家市场监督管理总局")],
            &[
                ("质检总局", Shared, "国家市场监督管理总局"),
                ("银保监会", Shared, "中国银行保险监督管理委员会"),
            ],
        ],
    },
    Case {
        name: "party bodies and people's organisations",
        text: "加强网络内容建设。（中央网信办、中央宣传部、共青团中央、全国妇联按职责分工负责）",
        issuer: None,
        date: Some("2019-05-01"),
        want: &[&[
            ("中央网信办", Shared, "中央网络安全和信息化委员会办公室"),
            ("中央宣传部", Shared, "中共中央宣传部"),
            ("共青团中央", Shared, "中国共产主义青年团中央委员会"),
            ("全国妇联", Shared, "中华全国妇女联合会"),
        ]],
    },
];

fn run(case: &Case) -> Vec<Vec<(String, Role, String)>> {
    let document = Document {
        issuer: case.issuer.map(String::from),
        date: case.date.map(String::from),
        ..Document::default()
    };
    find(case.text, &[], &document)
        .into_iter()
        .map(|a| {
            a.departments
                .into_iter()
                .map(|d| (d.name, d.role, d.canonical))
                .collect()
        })
        .collect()
}

#[test]
fn every_fixture_reads_as_expected() {
    let mut failures = Vec::new();
    for case in CASES {
        let want: Vec<Vec<(String, Role, String)>> = case
            .want
            .iter()
            .map(|note| {
                note.iter()
                    .map(|(n, r, c)| {
                        let c = if c.is_empty() { n } else { c };
                        (n.to_string(), *r, c.to_string())
                    })
                    .collect()
            })
            .collect();
        let got = run(case);
        if got != want {
            failures.push(format!("{}\n  want {want:?}\n  got  {got:?}", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn collectives_are_marked_and_departments_carry_history() {
    let text = "（商务部牵头，国务院相关部门及各地区按职责分工负责）（质检总局、促进大数据发展部际联席会议成员单位按职责分工负责）";
    let document = Document {
        date: Some("2017-01-20".into()),
        ..Document::default()
    };
    let found = find(text, &[], &document);
    let kinds: Vec<(&str, DepartmentKind)> = found
        .iter()
        .flat_map(|a| &a.departments)
        .map(|d| (d.name.as_str(), d.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("商务部", DepartmentKind::Department),
            ("国务院相关部门", DepartmentKind::Collective),
            ("各地区", DepartmentKind::Collective),
            ("质检总局", DepartmentKind::Department),
            (
                "促进大数据发展部际联席会议成员单位",
                DepartmentKind::Collective
            ),
        ]
    );
    let zhijian = &found[1].departments[0];
    assert_eq!(
        zhijian.current_name.as_deref(),
        Some("国家市场监督管理总局")
    );
    assert!(zhijian.current.as_deref().unwrap().starts_with("2018年"));
    assert_eq!(zhijian.category.as_deref(), Some("国务院直属机构"));
}

#[test]
fn scope_runs_from_the_previous_note() {
    let text = "加快发展。（质检总局牵头负责）放宽限制。优化流程。（国家统计局牵头）";
    let found = find(text, &[], &Document::default());
    assert_eq!(&text[found[0].scope_start..found[0].start], "加快发展。");
    assert_eq!(
        &text[found[1].scope_start..found[1].start],
        "放宽限制。优化流程。"
    );
}

#[test]
fn utf16_offsets_after_astral_characters_slice_the_note() {
    let text = "𠀀😀加快发展。（质检总局牵头负责）";
    let report = analyze(text, &Options::default()).unwrap();
    let a = &report.attributions[0];
    let units: Vec<u16> = text.encode_utf16().collect();
    let slice = |s: usize, e: usize| String::from_utf16(&units[s..e]).unwrap();
    assert_eq!(slice(a.start, a.end), "（质检总局牵头负责）");
    assert!(slice(a.scope_start, a.start).ends_with("加快发展。"));
}

#[test]
fn hostile_inputs_do_not_panic_and_stay_linear() {
    let big_open = "（".repeat(200_000);
    let html = "<p>（<b>国家发展改革委</b>牵头负责）</p>".repeat(2_000);
    let many = "推进改革。（国家发展改革委、教育部等部门按职责分工负责）".repeat(5_000);
    let unbalanced = "（商务部负责".repeat(50_000) + &"）".repeat(50_000);
    for text in [
        "",
        "（",
        "）",
        "（）",
        "𠀀（𠀀）😀",
        big_open.as_str(),
        html.as_str(),
        many.as_str(),
        unbalanced.as_str(),
    ] {
        let started = std::time::Instant::now();
        let _ = find(text, &[], &Document::default());
        assert!(
            started.elapsed().as_secs() < 10,
            "too slow on {} bytes",
            text.len()
        );
    }
    assert_eq!(find(&many, &[], &Document::default()).len(), 5_000);
}

#[test]
fn a_note_right_after_a_heading_assigns_the_heading() {
    let text = "一、总体要求\n（六）完善政府采购政策措施（财政部牵头，国家发展改革委配合）。\n（七）加快发展。（商务部牵头，各地区各部门按职责分工负责）";
    let outline = notice_lens::sections::find(text);
    let found = find(text, &outline.sections, &Document::default());
    assert_eq!(found.len(), 2);
    assert_eq!(
        &text[found[0].scope_start..found[0].start],
        "完善政府采购政策措施"
    );
    assert_eq!(&text[found[1].scope_start..found[1].start], "加快发展。");
    let names: Vec<(&str, DepartmentKind)> = found[1]
        .departments
        .iter()
        .map(|d| (d.name.as_str(), d.kind))
        .collect();
    assert_eq!(
        names,
        [
            ("商务部", DepartmentKind::Department),
            ("各地区", DepartmentKind::Collective),
            ("各部门", DepartmentKind::Collective)
        ]
    );
}
