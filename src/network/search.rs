//! Finding contacts as the user types: accent- and case-insensitive, every word must match, with
//! filters for tag, company, industry, location, going cold and backers. Built for 30,000
//! contacts: each contact's searchable text is folded once, and a query that extends the previous
//! one only re-checks the previous hits.

use super::activity::Activity;
use super::backers::is_ranked;
use super::cadence::cold_clock;
use super::paths::company_key;
use crate::model::{Contact, Data, Id};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Mutex;

// Folding is a hand-written table rather than a crate, on purpose. `deunicode` embeds about
// 470 KB of tables for all of Unicode, and `unicode-normalization` about 600 KB of source tables
// yet still leaves ß, æ, ø, ł and đ alone because they do not decompose. Names in a job seeker's
// network are overwhelmingly Latin-script, so the ranges below (Latin-1, Latin Extended-A, the
// Romanian, pinyin and Vietnamese letters) plus dropping combining marks cover them in a few
// hundred bytes of wasm. Other scripts are lower-cased and otherwise matched as typed.
const FOLDS: &[(char, char, &str)] = &[
    ('À', 'Å', "a"),
    ('Æ', 'Æ', "ae"),
    ('Ç', 'Ç', "c"),
    ('È', 'Ë', "e"),
    ('Ì', 'Ï', "i"),
    ('Ð', 'Ð', "d"),
    ('Ñ', 'Ñ', "n"),
    ('Ò', 'Ö', "o"),
    ('Ø', 'Ø', "o"),
    ('Ù', 'Ü', "u"),
    ('Ý', 'Ý', "y"),
    ('Þ', 'Þ', "th"),
    ('ß', 'ß', "ss"),
    ('à', 'å', "a"),
    ('æ', 'æ', "ae"),
    ('ç', 'ç', "c"),
    ('è', 'ë', "e"),
    ('ì', 'ï', "i"),
    ('ð', 'ð', "d"),
    ('ñ', 'ñ', "n"),
    ('ò', 'ö', "o"),
    ('ø', 'ø', "o"),
    ('ù', 'ü', "u"),
    ('ý', 'ý', "y"),
    ('þ', 'þ', "th"),
    ('ÿ', 'ÿ', "y"),
    // Latin Extended-A, U+0100..U+017F, in code point order.
    ('Ā', 'ą', "a"),
    ('Ć', 'č', "c"),
    ('Ď', 'đ', "d"),
    ('Ē', 'ě', "e"),
    ('Ĝ', 'ģ', "g"),
    ('Ĥ', 'ħ', "h"),
    ('Ĩ', 'ı', "i"),
    ('Ĳ', 'ĳ', "ij"),
    ('Ĵ', 'ĵ', "j"),
    ('Ķ', 'ĸ', "k"),
    ('Ĺ', 'ł', "l"),
    ('Ń', 'ŋ', "n"),
    ('Ō', 'ő', "o"),
    ('Œ', 'œ', "oe"),
    ('Ŕ', 'ř', "r"),
    ('Ś', 'š', "s"),
    ('Ţ', 'ŧ', "t"),
    ('Ũ', 'ų', "u"),
    ('Ŵ', 'ŵ', "w"),
    ('Ŷ', 'Ÿ', "y"),
    ('Ź', 'ž', "z"),
    ('ſ', 'ſ', "s"),
    // Latin Extended-B: the letters of Vietnamese, pinyin and Romanian.
    ('ƒ', 'ƒ', "f"),
    ('Ơ', 'ơ', "o"),
    ('Ư', 'ư', "u"),
    ('Ǎ', 'ǎ', "a"),
    ('Ǐ', 'ǐ', "i"),
    ('Ǒ', 'ǒ', "o"),
    ('Ǔ', 'ǜ', "u"),
    ('Ș', 'ș', "s"),
    ('Ț', 'ț', "t"),
    // Latin Extended Additional: Vietnamese letters with two marks.
    ('Ạ', 'ặ', "a"),
    ('Ẹ', 'ệ', "e"),
    ('Ỉ', 'ị', "i"),
    ('Ọ', 'ợ', "o"),
    ('Ụ', 'ự', "u"),
    ('Ỳ', 'ỹ', "y"),
    // Typographic apostrophes, so "O’Brien" is found by "o'brien".
    ('\u{2018}', '\u{2019}', "'"),
];

/// Lower-cases `text` and strips the accents of Latin letters: `fold("Zoë Ólafsson")` is
/// `"zoe olafsson"`. Text typed in decomposed form (a letter then a combining accent) folds the
/// same way, because combining marks are dropped.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else if ('\u{0300}'..='\u{036F}').contains(&c) {
            // A combining mark: the accent of the letter before it.
        } else if let Some(plain) = fold_char(c) {
            folded.push_str(plain);
        } else {
            folded.extend(c.to_lowercase());
        }
    }
    folded
}

fn fold_char(c: char) -> Option<&'static str> {
    // The table is sorted by code point, so this is a binary search, not a scan.
    let at = FOLDS.partition_point(|(_, last, _)| *last < c);
    FOLDS
        .get(at)
        .filter(|(first, _, _)| *first <= c)
        .map(|(_, _, plain)| *plain)
}

/// What narrows a search besides the typed words. Every filter set must hold (they combine with
/// AND); text filters compare folded and trimmed, so "maersk" selects "Maersk".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub tag: Option<String>,
    pub company: Option<String>,
    pub industry: Option<String>,
    pub location: Option<String>,
    /// Only contacts past their next keep-in-touch date.
    pub going_cold: bool,
    /// Only contacts the user has judged, the ones `backers` ranks.
    pub backers_only: bool,
}

/// Filters folded once per query rather than once per contact.
#[derive(PartialEq)]
struct FoldedFilters {
    tag: Option<String>,
    company: Option<String>,
    industry: Option<String>,
    location: Option<String>,
    going_cold: bool,
    backers_only: bool,
}

impl FoldedFilters {
    fn new(filters: &Filters) -> Self {
        let key = |f: &Option<String>| f.as_deref().map(company_key).filter(|k| !k.is_empty());
        FoldedFilters {
            tag: key(&filters.tag),
            company: key(&filters.company),
            industry: key(&filters.industry),
            location: key(&filters.location),
            going_cold: filters.going_cold,
            backers_only: filters.backers_only,
        }
    }

    fn admit(&self, entry: &Entry) -> bool {
        let equal = |want: &Option<String>, have: &str| want.as_deref().is_none_or(|w| w == have);
        equal(&self.company, &entry.company)
            && equal(&self.industry, &entry.industry)
            && equal(&self.location, &entry.location)
            && self
                .tag
                .as_deref()
                .is_none_or(|t| entry.tags.iter().any(|have| have == t))
            && (!self.going_cold || entry.going_cold)
            && (!self.backers_only || entry.backer)
    }
}

/// One contact as the index sees it: everything a query needs, already folded.
struct Entry {
    id: Id,
    /// The folded name, which orders the entries.
    name: String,
    /// Where this contact's haystack lies in `SearchIndex::text`.
    span: Range<usize>,
    company: String,
    industry: String,
    location: String,
    tags: Vec<String>,
    going_cold: bool,
    backer: bool,
}

impl Entry {
    /// Folds `contact` and appends its haystack to `text`: name, company, role, industry,
    /// location, notes and tags, each on a line of its own so a word never matches across two.
    fn new(contact: &Contact, activity: Option<&Activity>, today: NaiveDate, text: &mut String) -> Entry {
        let name = fold(&contact.name);
        let start = text.len();
        text.push_str(&name);
        for field in [
            &contact.company,
            &contact.role,
            &contact.industry,
            &contact.location,
            &contact.notes,
        ]
        .into_iter()
        .chain(&contact.tags)
        {
            text.push('\n');
            text.push_str(&fold(field));
        }
        text.push('\n');
        Entry {
            id: contact.id,
            name,
            span: start..text.len(),
            company: company_key(&contact.company),
            industry: company_key(&contact.industry),
            location: company_key(&contact.location),
            tags: contact.tags.iter().map(|t| company_key(t)).collect(),
            going_cold: cold_clock(contact, activity, today).is_some(),
            backer: is_ranked(contact),
        }
    }

    fn order(&self, name: &str, id: Id) -> std::cmp::Ordering {
        self.name.as_str().cmp(name).then_with(|| self.id.cmp(&id))
    }
}

/// The previous query and its hits, kept so that typing one more letter only re-checks them.
struct LastQuery {
    words: Vec<String>,
    filters: FoldedFilters,
    /// Positions in `SearchIndex::entries`.
    hits: Vec<usize>,
}

/// Every contact's searchable text, folded once. Build it once, `refresh` it with the contacts a
/// change touched (or when the day moves, since "going cold" depends on the date), and query it
/// on every keystroke.
pub struct SearchIndex {
    /// Contacts in name order, so results come out sorted without sorting.
    entries: Vec<Entry>,
    /// The folded haystacks of all contacts end to end. One allocation scanned front to back is
    /// much kinder to the cache than 30,000 small strings.
    text: String,
    /// Bytes of `text` no entry points at any more (an edited contact's old haystack), reclaimed
    /// once they are half of it.
    dead: usize,
    /// Who works at each (folded) company: whether a search names a company, and who is the way
    /// in, asked on every keystroke.
    companies: HashMap<String, Vec<Id>>,
    today: NaiveDate,
    last: Mutex<Option<LastQuery>>,
}

impl SearchIndex {
    pub fn build(data: &Data, today: NaiveDate) -> SearchIndex {
        let activities = Activity::all(data);
        let mut text = String::new();
        let mut entries: Vec<Entry> = data
            .contacts
            .values()
            .map(|c| Entry::new(c, activities.get(&c.id), today, &mut text))
            .collect();
        crate::sort::sort_by(&mut entries, |a, b| a.order(&b.name, b.id));
        let mut companies: HashMap<String, Vec<Id>> = HashMap::new();
        for e in entries.iter().filter(|e| !e.company.is_empty()) {
            companies.entry(e.company.clone()).or_default().push(e.id);
        }
        SearchIndex {
            entries,
            text,
            dead: 0,
            companies,
            today,
            last: Mutex::new(None),
        }
    }

    /// The day "going cold" was judged on.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// Brings the index up to date after a change to these contacts (their record, touches or
    /// asks): each is dropped and, if it still exists, indexed afresh in its place by name. As
    /// fast as the handful of contacts one edit touches, not the 30,000 stored; a change to many
    /// contacts rebuilds instead.
    pub fn refresh(&mut self, data: &Data, contacts: &[Id]) {
        let mut ids = contacts.to_vec();
        ids.sort_unstable();
        ids.dedup();
        if ids.len() > 256 {
            *self = SearchIndex::build(data, self.today);
            return;
        }
        // One contact's activity scans every touch and ask; for more than a few, one pass for all.
        let all = (ids.len() > 4).then(|| Activity::all(data));
        for id in ids {
            if let Some(at) = self.entries.iter().position(|e| e.id == id) {
                let gone = self.entries.remove(at);
                self.dead += gone.span.len();
                if let Some(ids) = self.companies.get_mut(&gone.company) {
                    ids.retain(|i| *i != id);
                    if ids.is_empty() {
                        self.companies.remove(&gone.company);
                    }
                }
            }
            if let Some(contact) = data.contacts.get(&id) {
                let one;
                let activity = match &all {
                    Some(all) => all.get(&id),
                    None => {
                        one = Activity::of(id, data);
                        Some(&one)
                    }
                };
                let entry = Entry::new(contact, activity, self.today, &mut self.text);
                if !entry.company.is_empty() {
                    self.companies.entry(entry.company.clone()).or_default().push(id);
                }
                let at = self.entries.partition_point(|e| e.order(&entry.name, id).is_lt());
                self.entries.insert(at, entry);
            }
        }
        if self.dead > self.text.len() / 2 {
            self.compact();
        }
        // Positions moved, so the previous hits no longer point at the same contacts.
        if let Ok(mut last) = self.last.lock() {
            *last = None;
        }
    }

    /// Copies the live haystacks into a fresh text, dropping the dead ones.
    fn compact(&mut self) {
        let mut text = String::with_capacity(self.text.len() - self.dead);
        for entry in &mut self.entries {
            let start = text.len();
            text.push_str(&self.text[entry.span.clone()]);
            entry.span = start..text.len();
        }
        self.text = text;
        self.dead = 0;
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The contacts who work at the company `key` (as `company_key` folds it), in no set order.
    pub fn at_company(&self, key: &str) -> &[Id] {
        self.companies.get(key).map_or(&[], Vec::as_slice)
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Contacts whose text contains every word of `text` (in any field, in any order, accents and
    /// case ignored) and that pass every filter, in name order.
    pub fn query(&self, text: &str, filters: &Filters) -> Vec<Id> {
        let words: Vec<String> = fold(text).split_whitespace().map(str::to_string).collect();
        let filters = FoldedFilters::new(filters);
        // A poisoned or busy lock only costs the shortcut: search everything.
        let mut last = self.last.try_lock().ok();
        let previous = last
            .as_deref()
            .and_then(Option::as_ref)
            .filter(|prev| prev.filters == filters && narrows(&words, &prev.words))
            .map(|prev| prev.hits.as_slice());
        let hits: Vec<usize> = match previous {
            Some(candidates) => candidates
                .iter()
                .copied()
                .filter(|i| self.matches(*i, &words))
                .collect(),
            None => (0..self.entries.len())
                .filter(|i| filters.admit(&self.entries[*i]) && self.matches(*i, &words))
                .collect(),
        };
        let ids = hits.iter().map(|i| self.entries[*i].id).collect();
        if let Some(last) = last.as_deref_mut() {
            *last = Some(LastQuery { words, filters, hits });
        }
        ids
    }

    fn matches(&self, entry: usize, words: &[String]) -> bool {
        let haystack = self.text[self.entries[entry].span.clone()].as_bytes();
        words.iter().all(|w| contains(haystack, w.as_bytes()))
    }
}

/// Whether `word` occurs in `haystack`: each place its first byte occurs (found with `memchr`, a
/// word at a time) is checked for the rest. Much faster than `str::contains` on wasm, which has no
/// vectorised path and sets up a two-way searcher per call, and far smaller than a general
/// substring searcher; names and companies are short, so the simple check is enough.
fn contains(haystack: &[u8], word: &[u8]) -> bool {
    let Some((&first, rest)) = word.split_first() else {
        return true;
    };
    let mut from = 0;
    while let Some(at) = memchr::memchr(first, &haystack[from..]) {
        let start = from + at + 1;
        if haystack[start..].starts_with(rest) {
            return true;
        }
        from = start;
    }
    false
}

/// Whether every contact matching `new` also matched `old`: true when each old word is contained
/// in some new word ("ol" → "ola", "olafsson" → "olafsson maersk"), since a haystack holding the
/// new word then holds the old one too.
fn narrows(new: &[String], old: &[String]) -> bool {
    old.iter().all(|o| new.iter().any(|n| n.contains(o.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TouchKind;
    use crate::network::fixtures::{day, World};
    use crate::network::paths::{paths_into, paths_into_among};

    const TODAY: &str = "2025-06-01";

    fn names(w: &World, ids: &[Id]) -> Vec<String> {
        ids.iter().map(|id| w.contact_ref(*id).name.clone()).collect()
    }

    fn search(w: &World, text: &str, filters: &Filters) -> Vec<String> {
        let index = SearchIndex::build(&w.data, day(TODAY));
        names(w, &index.query(text, filters))
    }

    fn network() -> World {
        let mut w = World::new();
        let zoe = w.contact("Zoë Ólafsson");
        w.edit(zoe, |c| {
            c.company = "Maersk".into();
            c.role = "Supply Chain Planner".into();
            c.location = "Rotterdam".into();
            c.industry = "Logistics".into();
            c.tags = vec!["shipping".into()];
        });
        let bjorn = w.judged("Björn Müller", 4, 4, 4, true);
        w.edit(bjorn, |c| {
            c.company = "MAERSK ".into();
            c.role = "Data Analyst".into();
            c.location = "Hamburg".into();
            c.tags = vec!["Data".into(), "Shipping".into()];
            c.notes = "Met at the ProMat meetup".into();
        });
        let lucia = w.judged("Lucía García", 3, 3, 3, false);
        w.edit(lucia, |c| {
            c.company = "Adyen".into();
            c.location = "Amsterdam".into();
            c.tags = vec!["data".into()];
        });
        w.touch(lucia, "2025-05-20", TouchKind::Call);
        w
    }

    #[test]
    fn fold_strips_accents_and_case() {
        assert_eq!(fold("Zoë Ólafsson"), "zoe olafsson");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Ærø Søren Łukasz Đorđe"), "aero soren lukasz dorde");
        assert_eq!(fold("Yılmaz İlkay"), "yilmaz ilkay");
        assert_eq!(fold("Ștefan Țurcanu"), "stefan turcanu");
        assert_eq!(fold("Nguyễn Thị Ánh"), "nguyen thi anh");
        assert_eq!(fold("Œuvre Ĳssel"), "oeuvre ijssel");
        assert_eq!(fold("O’Brien"), "o'brien");
    }

    #[test]
    fn fold_drops_combining_accents_typed_separately() {
        assert_eq!(fold("Zoe\u{0308}"), "zoe");
    }

    #[test]
    fn fold_lowercases_other_scripts_and_keeps_them() {
        assert_eq!(fold("Δημήτρης ИВАН"), "δημήτρης иван");
    }

    #[test]
    fn every_latin_letter_in_the_table_folds_to_plain_ascii() {
        for c in ('\u{00C0}'..='\u{017F}').filter(|c| c.is_alphabetic()) {
            let folded = fold(&c.to_string());
            assert!(
                folded.bytes().all(|b| b.is_ascii_lowercase()),
                "{c} (U+{:04X}) folded to {folded:?}",
                c as u32
            );
        }
    }

    #[test]
    fn the_fold_table_is_sorted_for_binary_search() {
        for pair in FOLDS.windows(2) {
            assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0, "{pair:?}");
        }
    }

    #[test]
    fn zoe_is_found_by_typing_without_accents() {
        let w = network();
        assert_eq!(search(&w, "zoe", &Filters::default()), vec!["Zoë Ólafsson"]);
        assert_eq!(search(&w, "olafsson", &Filters::default()), vec!["Zoë Ólafsson"]);
        assert_eq!(search(&w, "ÓLAFS", &Filters::default()), vec!["Zoë Ólafsson"]);
    }

    #[test]
    fn every_word_must_match_somewhere() {
        let w = network();
        assert_eq!(search(&w, "maersk analyst", &Filters::default()), vec!["Björn Müller"]);
        assert_eq!(search(&w, "analyst maersk", &Filters::default()), vec!["Björn Müller"]);
        assert!(search(&w, "maersk adyen", &Filters::default()).is_empty());
    }

    #[test]
    fn notes_and_tags_are_searched() {
        let w = network();
        assert_eq!(search(&w, "promat", &Filters::default()), vec!["Björn Müller"]);
        assert_eq!(
            search(&w, "shipping", &Filters::default()),
            vec!["Björn Müller", "Zoë Ólafsson"]
        );
    }

    #[test]
    fn an_empty_query_lists_everyone_in_name_order() {
        let w = network();
        assert_eq!(
            search(&w, "  ", &Filters::default()),
            vec!["Björn Müller", "Lucía García", "Zoë Ólafsson"]
        );
    }

    #[test]
    fn filters_combine_with_the_typed_words() {
        let w = network();
        let maersk = Filters {
            company: Some("maersk".into()),
            ..Filters::default()
        };
        assert_eq!(search(&w, "", &maersk), vec!["Björn Müller", "Zoë Ólafsson"]);
        let data_at_maersk = Filters {
            tag: Some("DATA".into()),
            ..maersk.clone()
        };
        assert_eq!(search(&w, "", &data_at_maersk), vec!["Björn Müller"]);
        assert!(search(&w, "zoe", &data_at_maersk).is_empty());
        let in_rotterdam = Filters {
            location: Some("rotterdam".into()),
            industry: Some("logistics".into()),
            ..Filters::default()
        };
        assert_eq!(search(&w, "", &in_rotterdam), vec!["Zoë Ólafsson"]);
    }

    #[test]
    fn backers_only_keeps_judged_contacts() {
        let w = network();
        let backers = Filters {
            backers_only: true,
            ..Filters::default()
        };
        assert_eq!(search(&w, "", &backers), vec!["Björn Müller", "Lucía García"]);
    }

    #[test]
    fn going_cold_keeps_contacts_past_their_next_touch() {
        let w = network();
        let cold = Filters {
            going_cold: true,
            ..Filters::default()
        };
        // Björn has not been touched since January; Lucía was called last month; Zoë is an
        // untouched import, which "going cold" leaves out.
        assert_eq!(search(&w, "", &cold), vec!["Björn Müller"]);
    }

    /// The contact whose name starts with `prefix`.
    fn id_of(w: &World, prefix: &str) -> Id {
        w.data
            .contacts
            .values()
            .find(|c| c.name.starts_with(prefix))
            .map(|c| c.id)
            .unwrap()
    }

    /// Every query a test asks of an index refreshed in place, next to a fresh build's answer.
    fn same_as_fresh(w: &World, refreshed: &SearchIndex) {
        let fresh = SearchIndex::build(&w.data, refreshed.today());
        let cold = Filters {
            going_cold: true,
            ..Filters::default()
        };
        let judged = Filters {
            backers_only: true,
            ..Filters::default()
        };
        for (text, filters) in [
            ("", &Filters::default()),
            ("a", &cold),
            ("", &judged),
            ("maersk", &Filters::default()),
        ] {
            assert_eq!(
                refreshed.query(text, filters),
                fresh.query(text, filters),
                "{text:?} {filters:?}"
            );
        }
    }

    #[test]
    fn a_refreshed_index_answers_as_a_fresh_build() {
        let mut w = network();
        let mut index = SearchIndex::build(&w.data, day(TODAY));
        // Warm the narrowing shortcut, so a stale one would show.
        index.query("m", &Filters::default());

        let zoe = id_of(&w, "Zo");
        w.edit(zoe, |c| {
            c.name = "Aaron Zed".into();
            c.company = "Adyen".into();
        });
        index.refresh(&w.data, &[zoe]);
        same_as_fresh(&w, &index);
        assert_eq!(
            names(&w, &index.query("aaron adyen", &Filters::default())),
            ["Aaron Zed"]
        );
        assert!(index.query("olafsson", &Filters::default()).is_empty());

        let new = w.judged("Maja Maersk", 2, 2, 2, false);
        index.refresh(&w.data, &[new]);
        same_as_fresh(&w, &index);

        // A touch warms a contact that was going cold; the index hears of it through its contact.
        let lucia = id_of(&w, "Luc");
        w.touch(lucia, TODAY, TouchKind::Call);
        index.refresh(&w.data, &[lucia]);
        same_as_fresh(&w, &index);

        // Several at once take their activity from one pass over every touch.
        let many: Vec<Id> = (0..6)
            .map(|n| w.judged(&format!("Batch {n}"), 3, 3, 3, false))
            .collect();
        w.touch(many[0], TODAY, TouchKind::Call);
        index.refresh(&w.data, &many);
        same_as_fresh(&w, &index);

        w.data.contacts.remove(&new);
        index.refresh(&w.data, &[new, new]);
        same_as_fresh(&w, &index);
        assert_eq!(index.len(), w.data.contacts.len());
        let fresh = SearchIndex::build(&w.data, day(TODAY));
        for key in ["adyen", "maersk", "olafsson"] {
            let (mut refreshed, mut built) = (index.at_company(key).to_vec(), fresh.at_company(key).to_vec());
            refreshed.sort_unstable();
            built.sort_unstable();
            assert_eq!(refreshed, built, "{key}");
            assert_eq!(
                paths_into_among(&w.data, key, index.at_company(key)),
                paths_into(&w.data, key)
            );
        }
        assert_eq!(index.at_company("adyen").len(), 2);
        assert!(index.at_company("olafsson").is_empty());
    }

    #[test]
    fn many_edits_in_place_reclaim_the_old_text() {
        let mut w = network();
        let zoe = w.data.contacts.keys().next().copied().unwrap();
        let mut index = SearchIndex::build(&w.data, day(TODAY));
        for n in 0..200 {
            w.edit(zoe, |c| {
                c.notes = format!("edit number {n} with some words to take up room")
            });
            index.refresh(&w.data, &[zoe]);
        }
        same_as_fresh(&w, &index);
        assert!(index.text.len() < 4 * SearchIndex::build(&w.data, day(TODAY)).text.len());
        assert_eq!(index.query("number 199", &Filters::default()), vec![zoe]);
    }

    #[test]
    fn typing_on_narrows_the_previous_results_and_stays_correct() {
        let w = network();
        let index = SearchIndex::build(&w.data, day(TODAY));
        let all = Filters::default();
        assert_eq!(names(&w, &index.query("m", &all)).len(), 3);
        assert_eq!(
            names(&w, &index.query("ma", &all)),
            vec!["Björn Müller", "Zoë Ólafsson"]
        );
        assert_eq!(
            names(&w, &index.query("mae", &all)),
            vec!["Björn Müller", "Zoë Ólafsson"]
        );
        assert_eq!(names(&w, &index.query("mae data", &all)), vec!["Björn Müller"]);
        // Deleting back widens again: the previous hits must not limit a broader query.
        assert_eq!(names(&w, &index.query("m", &all)).len(), 3);
        // A changed filter must not reuse hits found under another.
        let adyen = Filters {
            company: Some("Adyen".into()),
            ..Filters::default()
        };
        assert_eq!(names(&w, &index.query("m", &adyen)), vec!["Lucía García"]);
        assert_eq!(
            names(&w, &index.query("ma", &all)),
            vec!["Björn Müller", "Zoë Ólafsson"]
        );
    }

    #[test]
    fn contains_finds_a_word_anywhere_and_only_whole() {
        assert!(contains(b"zoe olafsson", b"olaf"));
        assert!(contains(b"aab", b"ab"));
        assert!(contains(b"abc", b"c"));
        assert!(contains(b"abc", b""));
        assert!(!contains(b"abc", b"abcd"));
        assert!(!contains(b"ab", b"ba"));
        assert!(!contains(b"", b"a"));
    }

    #[test]
    fn a_word_does_not_match_across_two_fields() {
        let mut w = World::new();
        let ana = w.contact("Ana");
        w.edit(ana, |c| c.company = "Booking".into());
        assert!(search(&w, "anabooking", &Filters::default()).is_empty());
        assert_eq!(search(&w, "ana booking", &Filters::default()), vec!["Ana"]);
    }

    #[test]
    fn narrowing_is_recognised_only_when_it_cannot_lose_a_hit() {
        let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        assert!(narrows(&words("ola"), &words("ol")));
        assert!(narrows(&words("olafsson maersk"), &words("olafsson")));
        assert!(narrows(&words("maersk ola"), &words("ol")));
        assert!(!narrows(&words("o"), &words("ol")));
        assert!(!narrows(&words("zoe"), &words("ol")));
    }
}
