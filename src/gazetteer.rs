//! The gazetteer: central bodies, their official short names (简称) and what the 2018 and 2023
//! reforms made of them, plus the patterns that expand provincial names such as 省科技厅.
//!
//! The data lives in `data/gazetteer.tsv`, compiled into the binary and parsed once, on first use.
//! Every row cites the documents its facts come from; see the header of that file for the columns.
//!
//! ```
//! use notice_lens::gazetteer::gazetteer;
//!
//! let g = gazetteer();
//! assert_eq!(g.canonical("质检总局", Some("2017-05-10")).as_deref(), Some("国家质量监督检验检疫总局"));
//! assert_eq!(g.canonical("质检总局", Some("2019-01-01")).as_deref(), Some("国家市场监督管理总局"));
//! assert_eq!(g.resolve("银监会", None).unwrap().current_name.as_deref(), Some("国家金融监督管理总局"));
//! ```

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

const DATA: &str = include_str!("../data/gazetteer.tsv");

/// Successor chains are a handful of links long; the bound only guards against bad data.
const MAX_CHAIN: usize = 16;

/// What happened to a body when it stopped existing under its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// 更名: the same body under a new name.
    Renamed,
    /// 组建: merged with others into a newly formed body.
    Formed,
    /// 并入: absorbed by an existing body.
    MergedInto,
    /// 改制: a company restructured under a new name.
    Restructured,
    /// 保留牌子: absorbed, but the old name lives on as a second nameplate of the host.
    KeptAsPlaque,
    /// 拆分: split between several bodies, none of which is its successor.
    Split,
}

impl Change {
    fn parse(s: &str) -> Option<Option<Change>> {
        Some(Some(match s {
            "" => return Some(None),
            "更名" => Change::Renamed,
            "组建" => Change::Formed,
            "并入" => Change::MergedInto,
            "改制" => Change::Restructured,
            "保留牌子" => Change::KeptAsPlaque,
            "拆分" => Change::Split,
            _ => return None,
        }))
    }

    /// Whether the old name, used after the change, means the first `became` body. A plaque is still
    /// a valid name after the change, and a split body has no one successor.
    pub fn renames(self) -> bool {
        matches!(
            self,
            Change::Renamed | Change::Formed | Change::MergedInto | Change::Restructured
        )
    }
}

/// One body (or one name period of a body) in the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// Full official name.
    pub name: String,
    /// Official short names as listed in the data (without the generated variants).
    pub short: Vec<String>,
    /// Category, such as `国务院组成部门`.
    pub category: String,
    /// When the body got this name: `YYYY` or `YYYY-MM-DD`; empty when before the period covered.
    pub since: String,
    /// When the name ended; empty while current.
    pub until: String,
    /// What happened at `until`.
    pub change: Option<Change>,
    /// Full names of the bodies that took over, the successor first.
    pub became: Vec<String>,
    /// The history in words, such as `2018年撤销，职责并入新组建的国家市场监督管理总局`.
    pub note: String,
    /// Keys of `@source` lines.
    pub sources: Vec<String>,
}

/// What a name resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    /// The full name as of the date asked about.
    pub canonical: String,
    /// The gazetteer category of the body as written.
    pub category: String,
    /// The history from the body as written to today, `None` when nothing is recorded.
    pub current: Option<String>,
    /// The body that holds the work today; `None` when the chain ends in a split.
    pub current_name: Option<String>,
}

/// The parsed gazetteer.
#[derive(Debug, Default)]
pub struct Gazetteer {
    bodies: Vec<Body>,
    by_full: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
    sources: BTreeMap<String, String>,
    errors: Vec<String>,
}

/// The gazetteer compiled into the crate, parsed on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static CELL: OnceLock<Gazetteer> = OnceLock::new();
    CELL.get_or_init(|| Gazetteer::parse(DATA))
}

impl Gazetteer {
    /// Parses the TSV format of `data/gazetteer.tsv`. Bad lines are skipped and listed in
    /// [`Gazetteer::errors`], so a data mistake degrades one name, never the analysis.
    pub fn parse(data: &str) -> Gazetteer {
        let mut g = Gazetteer::default();
        for (n, line) in data.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if cols[0] == "@source" {
                match cols.as_slice() {
                    [_, key, title] if !key.is_empty() && !title.is_empty() => {
                        g.sources.insert(key.to_string(), title.to_string());
                    }
                    _ => g.errors.push(format!("line {}: bad @source line", n + 1)),
                }
                continue;
            }
            let [name, short, category, since, until, change, became, note, sources] =
                cols.as_slice()
            else {
                g.errors
                    .push(format!("line {}: {} columns, not 9", n + 1, cols.len()));
                continue;
            };
            let Some(change) = Change::parse(change) else {
                g.errors
                    .push(format!("line {}: unknown change {change:?}", n + 1));
                continue;
            };
            let list = |s: &str| -> Vec<String> {
                s.split('|')
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .map(String::from)
                    .collect()
            };
            if g.by_full.contains_key(*name) || name.is_empty() {
                g.errors
                    .push(format!("line {}: duplicate or empty name {name:?}", n + 1));
                continue;
            }
            g.by_full.insert(name.to_string(), g.bodies.len());
            g.bodies.push(Body {
                name: name.to_string(),
                short: list(short),
                category: category.to_string(),
                since: since.to_string(),
                until: until.to_string(),
                change,
                became: list(became),
                note: note.to_string(),
                sources: list(sources),
            });
        }
        g.index();
        g
    }

    /// Explicit names first, generated variants only where no explicit name claims them.
    fn index(&mut self) {
        let mut explicit: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, b) in self.bodies.iter().enumerate() {
            for key in std::iter::once(&b.name).chain(&b.short) {
                let v = explicit.entry(key.clone()).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
        }
        let mut generated: Vec<(String, usize)> = Vec::new();
        for (i, b) in self.bodies.iter().enumerate() {
            for key in std::iter::once(&b.name).chain(&b.short) {
                generated.extend(variants(key).into_iter().map(|v| (v, i)));
            }
        }
        for (key, i) in generated {
            if explicit.contains_key(&key) {
                continue;
            }
            let v = self.by_name.entry(key).or_default();
            if !v.contains(&i) {
                v.push(i);
            }
        }
        self.by_name.extend(explicit);
    }

    /// Every body, in file order.
    pub fn bodies(&self) -> &[Body] {
        &self.bodies
    }

    /// The `@source` table: key to document title.
    pub fn sources(&self) -> &BTreeMap<String, String> {
        &self.sources
    }

    /// Lines of the data that could not be read (empty for the shipped data; a test checks).
    pub fn errors(&self) -> &[String] {
        &self.errors
    }

    /// The body with this exact full name.
    pub fn get(&self, full_name: &str) -> Option<&Body> {
        self.by_full.get(full_name).map(|&i| &self.bodies[i])
    }

    /// The body a name (full or short) means at `date` (ISO, or `None` for today).
    ///
    /// A short name used in two periods, such as 中央网信办, picks the body whose name was in use at
    /// the date; with no date, or none in use, the latest.
    pub fn lookup(&self, name: &str, date: Option<&str>) -> Option<&Body> {
        let ids = self.by_name.get(name.trim())?;
        let in_use = |b: &Body| match date {
            Some(d) => {
                since_key(&b.since).as_str() <= d
                    && (b.until.is_empty() || d < until_key(&b.until).as_str())
            }
            None => b.until.is_empty(),
        };
        ids.iter()
            .map(|&i| &self.bodies[i])
            .find(|b| in_use(b))
            .or_else(|| {
                ids.iter()
                    .map(|&i| &self.bodies[i])
                    .max_by(|a, b| since_key(&a.since).cmp(&since_key(&b.since)))
            })
    }

    /// The full name `name` stands for at `date`: the body as written, followed through renames and
    /// mergers that took effect on or before `date`. With no date, the body as written.
    pub fn canonical(&self, name: &str, date: Option<&str>) -> Option<String> {
        let mut body = self.lookup(name, date)?;
        if let Some(date) = date {
            for _ in 0..MAX_CHAIN {
                match self.successor(body) {
                    Some(next) if until_key(&body.until).as_str() <= date => body = next,
                    _ => break,
                }
            }
        }
        Some(body.name.clone())
    }

    /// Canonical name, category and what the body is today.
    pub fn resolve(&self, name: &str, date: Option<&str>) -> Option<Resolution> {
        let written = self.lookup(name, date)?;
        let canonical = self.canonical(name, date)?;
        let mut notes: Vec<&str> = Vec::new();
        let mut body = written;
        let mut current_name = Some(body.name.clone());
        for _ in 0..MAX_CHAIN {
            if !body.note.is_empty() {
                notes.push(&body.note);
            }
            match body.change {
                Some(Change::Split) => {
                    current_name = None;
                    break;
                }
                Some(_) => match body.became.first().and_then(|n| self.get(n)) {
                    Some(next) => {
                        body = next;
                        current_name = Some(next.name.clone());
                    }
                    None => break,
                },
                None => break,
            }
        }
        Some(Resolution {
            canonical,
            category: written.category.clone(),
            current: if notes.is_empty() {
                None
            } else {
                Some(notes.join("；"))
            },
            current_name,
        })
    }

    /// The body a name change leads to, when the old name then means the new body.
    pub fn successor(&self, body: &Body) -> Option<&Body> {
        if !body.change?.renames() {
            return None;
        }
        self.get(body.became.first()?)
    }
}

/// Names written without the leading 国家 or 中华人民共和国 of the official form, as documents
/// before 2018 often did (发展改革委, 统计局); and 中共中央X also as 中央X.
fn variants(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(rest) = name.strip_prefix("中华人民共和国") {
        out.push(rest.to_string());
    }
    if let Some(rest) = name.strip_prefix("中共中央") {
        out.push(format!("中央{rest}"));
    }
    if let Some(rest) = name.strip_prefix("国家") {
        // Two characters (民委, 监委) are too ambiguous to stand alone.
        if rest.chars().count() >= 3 {
            out.push(rest.to_string());
        }
    }
    out
}

/// A `since` date as a comparable ISO string: a bare year counts from its first day.
fn since_key(s: &str) -> String {
    match s.len() {
        0 => String::new(),
        4 => format!("{s}-01-01"),
        _ => s.to_string(),
    }
}

/// An `until` date as a comparable ISO string: a bare year counts from its last day, so a change
/// known only by its year applies to documents of the following year.
fn until_key(s: &str) -> String {
    match s.len() {
        0 => "9999-12-31".to_string(),
        4 => format!("{s}-12-31"),
        _ => s.to_string(),
    }
}

/// Provincial department names: the short form after 省/市/自治区 and the full form.
const PROVINCIAL: &[(&str, &str)] = &[
    ("发展改革委", "发展和改革委员会"),
    ("发改委", "发展和改革委员会"),
    ("经济和信息化委", "经济和信息化委员会"),
    ("经信委", "经济和信息化委员会"),
    // Provinces that kept 经济和信息化 after 2018 named it a 厅 (四川, 浙江, 湖北 …).
    ("经济和信息化厅", "经济和信息化厅"),
    ("经信厅", "经济和信息化厅"),
    ("工业和信息化厅", "工业和信息化厅"),
    ("工信厅", "工业和信息化厅"),
    ("教育厅", "教育厅"),
    ("科技厅", "科学技术厅"),
    ("民族宗教委", "民族宗教事务委员会"),
    ("公安厅", "公安厅"),
    ("民政厅", "民政厅"),
    ("司法厅", "司法厅"),
    ("财政厅", "财政厅"),
    ("人力资源社会保障厅", "人力资源和社会保障厅"),
    ("人社厅", "人力资源和社会保障厅"),
    ("国土资源厅", "国土资源厅"),
    ("自然资源厅", "自然资源厅"),
    ("环境保护厅", "环境保护厅"),
    ("环保厅", "环境保护厅"),
    ("生态环境厅", "生态环境厅"),
    ("住房城乡建设厅", "住房和城乡建设厅"),
    ("住房和城乡建设厅", "住房和城乡建设厅"),
    ("交通运输厅", "交通运输厅"),
    ("水利厅", "水利厅"),
    ("农业厅", "农业厅"),
    ("农业农村厅", "农业农村厅"),
    ("商务厅", "商务厅"),
    ("文化厅", "文化厅"),
    ("文化和旅游厅", "文化和旅游厅"),
    ("卫生计生委", "卫生和计划生育委员会"),
    ("卫生健康委", "卫生健康委员会"),
    ("退役军人事务厅", "退役军人事务厅"),
    ("应急管理厅", "应急管理厅"),
    ("审计厅", "审计厅"),
    ("外办", "人民政府外事办公室"),
    ("国资委", "人民政府国有资产监督管理委员会"),
    ("法制办", "人民政府法制办公室"),
    ("金融办", "人民政府金融工作办公室"),
    ("地方金融监管局", "地方金融监督管理局"),
    ("工商局", "工商行政管理局"),
    ("质监局", "质量技术监督局"),
    ("食品药品监管局", "食品药品监督管理局"),
    ("安全监管局", "安全生产监督管理局"),
    ("市场监管局", "市场监督管理局"),
    ("药监局", "药品监督管理局"),
    ("统计局", "统计局"),
    ("知识产权局", "知识产权局"),
    ("林业局", "林业局"),
    ("林业厅", "林业厅"),
    ("旅游局", "旅游局"),
    ("新闻出版广电局", "新闻出版广电局"),
    ("广电局", "广播电视局"),
    ("体育局", "体育局"),
    ("粮食局", "粮食局"),
    ("医保局", "医疗保障局"),
    ("海洋与渔业厅", "海洋与渔业厅"),
    ("政府办公厅", "人民政府办公厅"),
    ("府办公厅", "人民政府办公厅"),
    ("委宣传部", "委宣传部"),
    ("委组织部", "委组织部"),
];

/// The locality of an issuer, such as 广东省 from 广东省人民政府办公厅, and the prefix its own
/// departments use (省, 市 or 自治区).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locality {
    /// The full locality name, such as 广东省.
    pub name: String,
    /// The prefix that stands for it in a name such as 省科技厅.
    pub prefix: &'static str,
}

/// Provinces and province-level cities and regions with the first character of their 发文字号
/// codes (粤府办, 京政发).
const PROVINCES: &[(&str, &str)] = &[
    ("北京市", "京"),
    ("天津市", "津"),
    ("上海市", "沪"),
    ("重庆市", "渝"),
    ("河北省", "冀"),
    ("山西省", "晋"),
    ("辽宁省", "辽"),
    ("吉林省", "吉"),
    ("黑龙江省", "黑"),
    ("江苏省", "苏"),
    ("浙江省", "浙"),
    ("安徽省", "皖"),
    ("福建省", "闽"),
    ("江西省", "赣"),
    ("山东省", "鲁"),
    ("河南省", "豫"),
    ("湖北省", "鄂"),
    ("湖南省", "湘"),
    ("广东省", "粤"),
    ("海南省", "琼"),
    ("四川省", "川"),
    ("贵州省", "黔"),
    ("云南省", "云"),
    ("陕西省", "陕"),
    ("甘肃省", "甘"),
    ("青海省", "青"),
    ("内蒙古自治区", "内"),
    ("广西壮族自治区", "桂"),
    ("西藏自治区", "藏"),
    ("宁夏回族自治区", "宁"),
    ("新疆维吾尔自治区", "新"),
];

impl Locality {
    /// The province (or municipality, or region) a name such as an issuer begins with.
    pub fn from_name(name: &str) -> Option<Locality> {
        let name = name.trim();
        for (full, _) in PROVINCES {
            let short = full
                .trim_end_matches(['省', '市'])
                .trim_end_matches("自治区");
            let short = short
                .trim_end_matches("壮族")
                .trim_end_matches("回族")
                .trim_end_matches("维吾尔");
            if name.starts_with(full) || (name.starts_with(short) && short.chars().count() >= 2) {
                return Some(Locality::of(full));
            }
        }
        // A prefecture-level city issuer (广州市人民政府): its own 市 departments.
        let end = name.find("人民政府")?;
        let place = &name[..end];
        if place.ends_with('市') && place.chars().count() >= 2 && !place.contains(['省', '区']) {
            return Some(Locality {
                name: place.to_string(),
                prefix: "市",
            });
        }
        None
    }

    /// The province of a 发文字号 such as 粤府办〔2017〕32号.
    pub fn from_doc_number(number: &str) -> Option<Locality> {
        let first = number.chars().next()?;
        let second = number.chars().nth(1)?;
        if !matches!(second, '府' | '政' | '办') {
            return None;
        }
        PROVINCES
            .iter()
            .find(|(_, code)| code.starts_with(first))
            .map(|(full, _)| Locality::of(full))
    }

    fn of(full: &str) -> Locality {
        let prefix = if full.ends_with("自治区") {
            "自治区"
        } else if full.ends_with('市') {
            "市"
        } else {
            "省"
        };
        Locality {
            name: full.to_string(),
            prefix,
        }
    }
}

/// The full name of a provincial department such as 省科技厅 (广东省科学技术厅), or `None` when
/// the name does not start with the locality's prefix or name or matches no pattern.
pub fn provincial(name: &str, locality: &Locality) -> Option<String> {
    let name = name.trim();
    let rest = name
        .strip_prefix(locality.name.as_str())
        .or_else(|| name.strip_prefix(locality.prefix))
        .or_else(|| {
            // Regions also write 区发展改革委.
            (locality.prefix == "自治区")
                .then(|| name.strip_prefix('区'))
                .flatten()
        })?;
    if rest.is_empty() || rest.starts_with("场") {
        // 市场监管总局 is central, not 市 + 场监管总局.
        return None;
    }
    let best = PROVINCIAL.iter().find(|p| p.0 == rest);
    if let Some((_, full)) = best {
        if full.starts_with("委") {
            // Party committee departments: 中共广东省委宣传部.
            return Some(format!("中共{}{}", locality.name, full));
        }
        return Some(format!("{}{}", locality.name, full));
    }
    // An unlisted department still gets its locality: 省政务服务数据管理局 → 广东省….
    let department_like = ["厅", "委", "局", "办", "室", "院", "中心"]
        .iter()
        .any(|s| rest.ends_with(s));
    let group = ["有关", "相关", "各", "直属", "政府", "委"]
        .iter()
        .any(|p| rest.starts_with(p));
    if department_like && !group {
        return Some(format!("{}{}", locality.name, rest));
    }
    None
}
