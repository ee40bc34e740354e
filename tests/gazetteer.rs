//! The gazetteer's data: every row readable and sourced, history links consistent, names resolving.

use std::collections::{BTreeSet, HashMap};

use notice_lens::gazetteer::{gazetteer, provincial, Locality};

#[test]
fn the_data_parses_without_errors() {
    let g = gazetteer();
    assert_eq!(g.errors(), &[] as &[String]);
    assert!(g.bodies().len() >= 80, "{} bodies", g.bodies().len());
}

#[test]
fn every_row_cites_defined_sources() {
    let g = gazetteer();
    for b in g.bodies() {
        assert!(!b.sources.is_empty(), "{} has no source", b.name);
        for s in &b.sources {
            assert!(
                g.sources().contains_key(s),
                "{} cites undefined source {s}",
                b.name
            );
        }
    }
    let used: BTreeSet<&String> = g.bodies().iter().flat_map(|b| &b.sources).collect();
    for key in g.sources().keys() {
        assert!(
            used.contains(key),
            "source {key} is defined but never cited"
        );
    }
}

#[test]
fn categories_are_from_the_known_set() {
    let known = [
        "国务院办公厅",
        "国务院组成部门",
        "国务院直属特设机构",
        "国务院直属机构",
        "国务院办事机构",
        "国务院直属事业单位",
        "部委管理的国家局",
        "国务院议事协调机构的办事机构",
        "加挂牌子",
        "中央直属机构（国务院序列加挂牌子）",
        "中央直属机关下属机构",
        "党中央机构",
        "人民团体",
        "群众性合作经济组织",
        "国家监察机关",
        "国家审判机关",
        "国家检察机关",
        "中央企业",
    ];
    for b in gazetteer().bodies() {
        assert!(
            known.contains(&b.category.as_str()),
            "{}: {}",
            b.name,
            b.category
        );
    }
}

fn is_date(s: &str) -> bool {
    let ok = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    match s.len() {
        0 => true,
        4 => ok(s),
        10 => ok(&s[..4]) && &s[4..5] == "-" && ok(&s[5..7]) && &s[7..8] == "-" && ok(&s[8..]),
        _ => false,
    }
}

#[test]
fn history_links_are_consistent() {
    let g = gazetteer();
    for b in g.bodies() {
        assert!(
            is_date(&b.since) && is_date(&b.until),
            "{}: bad date",
            b.name
        );
        assert_eq!(
            b.change.is_some(),
            !b.until.is_empty(),
            "{}: a change needs a date and a date needs a change",
            b.name
        );
        assert_eq!(
            b.change.is_some(),
            !b.became.is_empty(),
            "{}: change without target",
            b.name
        );
        if !b.since.is_empty() && !b.until.is_empty() {
            assert!(
                b.since[..4] <= b.until[..4],
                "{}: ends before it starts",
                b.name
            );
            assert!(
                b.since.len() < 10 || b.until.len() < 10 || b.since < b.until,
                "{}",
                b.name
            );
        }
        if b.change.is_some() {
            assert!(!b.note.is_empty(), "{}: a change needs a note", b.name);
            assert!(
                b.note.contains(&b.until[..4]),
                "{}: the note should give the year",
                b.name
            );
        }
        for target in &b.became {
            let next = g.get(target).unwrap_or_else(|| {
                panic!("{} became {target}, which is not in the gazetteer", b.name)
            });
            assert_ne!(next.name, b.name, "{} became itself", b.name);
            // A successor cannot have ended before the body that went into it.
            if !next.until.is_empty() {
                assert!(
                    next.until[..4] >= b.until[..4],
                    "{} → {target}: dates out of order",
                    b.name
                );
            }
            // A body newly formed by the change starts when its predecessor ends.
            if !next.since.is_empty() && !b.until.is_empty() {
                assert!(
                    next.since[..4] <= b.until[..4],
                    "{} → {target}: successor starts later",
                    b.name
                );
            }
        }
    }
}

#[test]
fn history_has_no_cycles() {
    let g = gazetteer();
    let index: HashMap<&str, usize> = g
        .bodies()
        .iter()
        .enumerate()
        .map(|(i, b)| (b.name.as_str(), i))
        .collect();
    // 0 unvisited, 1 on the path, 2 done.
    let mut state = vec![0u8; g.bodies().len()];
    fn visit(
        i: usize,
        g: &notice_lens::gazetteer::Gazetteer,
        index: &HashMap<&str, usize>,
        state: &mut [u8],
    ) {
        match state[i] {
            1 => panic!("cycle through {}", g.bodies()[i].name),
            2 => return,
            _ => {}
        }
        state[i] = 1;
        for t in &g.bodies()[i].became {
            if let Some(&j) = index.get(t.as_str()) {
                visit(j, g, index, state);
            }
        }
        state[i] = 2;
    }
    for i in 0..state.len() {
        visit(i, g, &index, &mut state);
    }
}

#[test]
fn a_short_name_means_one_body_at_any_date() {
    let g = gazetteer();
    let mut by_short: HashMap<&str, Vec<&notice_lens::gazetteer::Body>> = HashMap::new();
    for b in g.bodies() {
        for s in b.short.iter().chain(std::iter::once(&b.name)) {
            let v = by_short.entry(s.as_str()).or_default();
            if !v.iter().any(|x| std::ptr::eq(*x, b)) {
                v.push(b);
            }
        }
    }
    for (short, bodies) in by_short {
        for (i, a) in bodies.iter().enumerate() {
            for b in &bodies[i + 1..] {
                // Two bodies may share a short name only in consecutive periods (中央网信办).
                let apart = (!a.until.is_empty() && a.until <= b.since)
                    || (!b.until.is_empty() && b.until <= a.since);
                assert!(apart, "{short} means both {} and {}", a.name, b.name);
            }
        }
    }
}

/// Short names used in tests/fixtures and the sample notice.
const USED: &[(&str, &str)] = &[
    ("国家发展改革委", "国家发展和改革委员会"),
    ("发展改革委", "国家发展和改革委员会"),
    ("科技部", "科学技术部"),
    ("质检总局", "国家质量监督检验检疫总局"),
    ("国务院法制办", "国务院法制办公室"),
    ("人力资源社会保障部", "人力资源和社会保障部"),
    ("人民银行", "中国人民银行"),
    ("新闻出版广电总局", "国家新闻出版广电总局"),
    ("国家网信办", "国家互联网信息办公室"),
    ("银监会", "中国银行业监督管理委员会"),
    ("证监会", "中国证券监督管理委员会"),
    ("保监会", "中国保险监督管理委员会"),
    ("国家卫生计生委", "国家卫生和计划生育委员会"),
    ("工商总局", "国家工商行政管理总局"),
    ("食品药品监管总局", "国家食品药品监督管理总局"),
    ("税务总局", "国家税务总局"),
    ("中央编办", "中央机构编制委员会办公室"),
    ("国务院国资委", "国务院国有资产监督管理委员会"),
    ("中科院", "中国科学院"),
    ("教育部", "教育部"),
    ("商务部", "商务部"),
    ("工业和信息化部", "工业和信息化部"),
    ("交通运输部", "交通运输部"),
    ("国家旅游局", "国家旅游局"),
    ("文化部", "文化部"),
    ("公安部", "公安部"),
    ("财政部", "财政部"),
    ("农业部", "农业部"),
    ("国家统计局", "国家统计局"),
    ("统计局", "国家统计局"),
    ("国家能源局", "国家能源局"),
    ("海关总署", "中华人民共和国海关总署"),
    ("住房城乡建设部", "住房和城乡建设部"),
    ("中国科协", "中国科学技术协会"),
    ("国家知识产权局", "国家知识产权局"),
    ("中央宣传部", "中共中央宣传部"),
    ("共青团中央", "中国共产主义青年团中央委员会"),
    ("全国妇联", "中华全国妇女联合会"),
    ("中央网信办", "中央网络安全和信息化领导小组办公室"),
];

#[test]
fn every_short_name_in_the_fixtures_resolves_as_of_2017() {
    let g = gazetteer();
    for (short, full) in USED {
        assert_eq!(
            g.canonical(short, Some("2017-05-10")).as_deref(),
            Some(*full),
            "{short}"
        );
    }
    // Names written after 2018.
    for (short, full) in [
        ("市场监管总局", "国家市场监督管理总局"),
        ("文化和旅游部", "文化和旅游部"),
        ("国家卫生健康委", "国家卫生健康委员会"),
        ("中央网信办", "中央网络安全和信息化委员会办公室"),
        ("金融监管总局", "国家金融监督管理总局"),
    ] {
        assert_eq!(
            g.canonical(short, Some("2023-06-01")).as_deref(),
            Some(full),
            "{short}"
        );
    }
}

#[test]
fn canonical_names_follow_the_reforms_by_date() {
    let g = gazetteer();
    let at = |name: &str, date: &str| g.canonical(name, Some(date)).unwrap();
    assert_eq!(at("质检总局", "2017-05-10"), "国家质量监督检验检疫总局");
    assert_eq!(at("质检总局", "2019-01-01"), "国家市场监督管理总局");
    assert_eq!(at("银监会", "2017-05-10"), "中国银行业监督管理委员会");
    assert_eq!(at("银监会", "2019-01-01"), "中国银行保险监督管理委员会");
    assert_eq!(at("银监会", "2024-01-01"), "国家金融监督管理总局");
    assert_eq!(at("银保监会", "2019-01-01"), "中国银行保险监督管理委员会");
    assert_eq!(at("银保监会", "2023-06-01"), "国家金融监督管理总局");
    assert_eq!(at("农业部", "2018-03-16"), "农业部");
    assert_eq!(at("农业部", "2018-03-17"), "农业农村部");
    assert_eq!(at("国家卫生计生委", "2020-01-01"), "国家卫生健康委员会");
    assert_eq!(at("国务院法制办", "2019-01-01"), "司法部");
    assert_eq!(at("国家旅游局", "2019-01-01"), "文化和旅游部");
    assert_eq!(at("国务院扶贫办", "2022-01-01"), "国家乡村振兴局");
    assert_eq!(at("国务院扶贫办", "2024-01-01"), "农业农村部");
    // A plaque and a split keep the name as written.
    assert_eq!(at("国家宗教局", "2019-01-01"), "国家宗教事务局");
    assert_eq!(at("新闻出版广电总局", "2019-01-01"), "国家新闻出版广电总局");
    // A change known only by its year applies from the next year.
    assert_eq!(at("国家煤矿安监局", "2020-06-01"), "国家煤矿安全监察局");
    assert_eq!(at("国家煤矿安监局", "2021-06-01"), "国家矿山安全监察局");
    // Without a date, the name as written.
    assert_eq!(
        g.canonical("质检总局", None).as_deref(),
        Some("国家质量监督检验检疫总局")
    );
    assert_eq!(g.canonical("不存在的部门", None), None);
}

#[test]
fn today_names_the_body_that_holds_the_work() {
    let g = gazetteer();
    let today = |name: &str| g.resolve(name, None).unwrap();
    assert_eq!(
        today("银监会").current_name.as_deref(),
        Some("国家金融监督管理总局")
    );
    let current = today("银监会").current.unwrap();
    assert!(
        current.contains("2018年") && current.contains("2023年"),
        "{current}"
    );
    assert_eq!(
        today("质检总局").current_name.as_deref(),
        Some("国家市场监督管理总局")
    );
    assert_eq!(today("新闻出版广电总局").current_name, None);
    assert_eq!(
        today("国家宗教局").current_name.as_deref(),
        Some("中共中央统一战线工作部")
    );
    assert_eq!(today("商务部").current_name.as_deref(), Some("商务部"));
    assert_eq!(today("商务部").current, None);
}

#[test]
fn provincial_names_expand_with_the_province() {
    let gd = Locality::from_name("广东省人民政府办公厅").unwrap();
    assert_eq!(gd.name, "广东省");
    for (short, full) in [
        ("省发展改革委", "广东省发展和改革委员会"),
        ("省科技厅", "广东省科学技术厅"),
        ("省教育厅", "广东省教育厅"),
        ("省工业和信息化厅", "广东省工业和信息化厅"),
        ("省财政厅", "广东省财政厅"),
        ("省人力资源社会保障厅", "广东省人力资源和社会保障厅"),
        ("省商务厅", "广东省商务厅"),
        ("省市场监管局", "广东省市场监督管理局"),
        ("省委宣传部", "中共广东省委宣传部"),
        ("广东省科技厅", "广东省科学技术厅"),
        ("省政务服务数据管理局", "广东省政务服务数据管理局"),
    ] {
        assert_eq!(provincial(short, &gd).as_deref(), Some(full), "{short}");
    }
    assert_eq!(
        provincial(
            "市场监管总局",
            &Locality::from_name("北京市人民政府").unwrap()
        ),
        None
    );
    assert_eq!(provincial("省有关单位", &gd), None);
    let bj = Locality::from_name("北京市人民政府办公厅").unwrap();
    assert_eq!(
        provincial("市发展改革委", &bj).as_deref(),
        Some("北京市发展和改革委员会")
    );
    let gx = Locality::from_doc_number("桂政办发〔2019〕1号").unwrap();
    assert_eq!(
        provincial("区发展改革委", &gx).as_deref(),
        Some("广西壮族自治区发展和改革委员会")
    );
    assert_eq!(Locality::from_doc_number("国办发〔2017〕4号"), None);
    let sc = Locality::from_name("四川省人民政府办公厅").unwrap();
    assert_eq!(
        provincial("省经信厅", &sc).as_deref(),
        Some("四川省经济和信息化厅")
    );
}
