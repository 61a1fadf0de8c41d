//! Phrase-aware slots: what the user typed into a free-text field, classified by its shape (a noun
//! phrase, a clause, a "when/how/that" clause, or whole sentences) and framed so the sentence the
//! writer puts it in reads right whichever it is. People type "the HCI course" as often as "we
//! rebuilt the billing pipeline together", and "from we rebuilt" is what a reader notices first.

use crate::case::capitalise;

/// The grammatical shape of a tidied phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shape {
    /// "the HCI course", "your talk on robotics", "working together at Litware".
    Noun,
    /// Starts with a subject pronoun or a verb: "we rebuilt the pipeline", "led the migration".
    Clause,
    /// "when we met", "how you ran the offsite", "that we shipped it on time".
    Wh,
    /// More than one sentence: "We met at PyData. You gave the keynote."
    Sentences,
}

const SUBJECTS: [&str; 20] = [
    "i", "we", "you", "they", "he", "she", "it", "it's", "i've", "we've", "you've", "they've", "i'd", "we'd", "i'm",
    "we're", "you're", "they're", "he's", "she's",
];

const WH: [&str; 7] = ["when", "how", "that", "where", "while", "what", "why"];

/// Past-tense verbs a phrase may start with ("rebuilt the billing pipeline"). Only words that are
/// hardly ever nouns or adjectives at the start of a phrase; other "-ed" words count as verbs only
/// when an object or a preposition follows (see `starts_with_verb`).
const PAST: [&str; 52] = [
    "built",
    "rebuilt",
    "led",
    "ran",
    "met",
    "cut",
    "wrote",
    "gave",
    "spoke",
    "taught",
    "took",
    "went",
    "did",
    "made",
    "spent",
    "grew",
    "won",
    "got",
    "sat",
    "drove",
    "flew",
    "began",
    "brought",
    "bought",
    "caught",
    "fought",
    "found",
    "held",
    "kept",
    "knew",
    "left",
    "lost",
    "paid",
    "said",
    "sent",
    "showed",
    "sold",
    "stood",
    "told",
    "thought",
    "understood",
    "saw",
    "shipped",
    "helped",
    "worked",
    "launched",
    "organised",
    "organized",
    "studied",
    "hired",
    "mentored",
    "co-founded",
];

/// Words that may follow a past-tense "-ed" verb but not an adjective: "organised the meetup".
const AFTER_VERB: [&str; 30] = [
    "the", "a", "an", "our", "my", "your", "their", "his", "her", "together", "at", "on", "in", "with", "for", "to",
    "from", "up", "out", "as", "it", "us", "them", "me", "you", "each", "both", "side", "over", "through",
];

/// Base-form verbs an offer starts with: "review your deck", "share my notes".
const BASE_VERBS: [&str; 77] = [
    "review",
    "share",
    "help",
    "introduce",
    "send",
    "look",
    "give",
    "take",
    "buy",
    "pass",
    "read",
    "proofread",
    "mentor",
    "connect",
    "put",
    "make",
    "return",
    "do",
    "offer",
    "walk",
    "show",
    "answer",
    "talk",
    "chat",
    "cover",
    "treat",
    "host",
    "lend",
    "write",
    "design",
    "build",
    "test",
    "check",
    "pair",
    "run",
    "teach",
    "recommend",
    "refer",
    "support",
    "brainstorm",
    "sketch",
    "draft",
    "edit",
    "spread",
    "forward",
    "grab",
    "bring",
    "tell",
    "sit",
    "go",
    "be",
    "keep",
    "lead",
    "join",
    "cook",
    "fix",
    "set",
    "answer",
    "get",
    "apply",
    "try",
    "wait",
    "learn",
    "focus",
    "reach",
    "ask",
    "speak",
    "improve",
    "practise",
    "practice",
    "sharpen",
    "gain",
    "consider",
    "stay",
    "follow",
    "network",
    "work",
];

/// Nouns that end like an "-ing" verb.
const NOT_GERUNDS: [&str; 14] = [
    "wedding", "meeting", "building", "morning", "evening", "spring", "ring", "string", "king", "offering", "ceiling",
    "painting", "thing", "briefing",
];

/// Verbs a phrase about the referred person may start with, third person: "prefers short e-mails".
const VERBS_3SG: [&str; 14] = [
    "prefers",
    "likes",
    "loves",
    "values",
    "wants",
    "cares",
    "hates",
    "expects",
    "appreciates",
    "needs",
    "enjoys",
    "respects",
    "favours",
    "favors",
];

/// Words that start a noun phrase and so take no added article.
const DETERMINERS: [&str; 35] = [
    "no", "more", "most", "much", "less", "few", "another", "such", "the", "a", "an", "our", "my", "your", "their",
    "his", "her", "this", "that", "these", "those", "each", "every", "some", "any", "both", "all", "one", "two",
    "three", "last", "next", "several", "many", "its",
];

const PREPOSITIONS: [&str; 14] = [
    "at", "in", "on", "of", "for", "with", "from", "during", "by", "through", "about", "under", "over", "near",
];

/// Short words kept in lower case when an all-caps phrase is calmed down; other short words
/// ("SAP", "HCI", "DHL") are taken for acronyms and kept as they were.
const SHORT_WORDS: [&str; 71] = [
    "a", "an", "the", "and", "or", "at", "in", "on", "of", "for", "to", "by", "we", "you", "me", "my", "our", "us",
    "it", "is", "was", "as", "up", "so", "but", "how", "why", "who", "had", "has", "did", "got", "ran", "led", "new",
    "met", "all", "one", "two", "too", "her", "his", "she", "he", "cut", "won", "set", "put", "run", "old", "big",
    "top", "key", "per", "via", "out", "off", "own", "saw", "six", "ten", "are", "not", "any", "few", "now", "way",
    "can", "use", "day", "no",
];

/// Single nouns that read right without an article ("from work", "from school").
const BARE_NOUNS: [&str; 14] = [
    "work",
    "school",
    "college",
    "university",
    "uni",
    "church",
    "class",
    "home",
    "lunch",
    "training",
    "practice",
    "football",
    "rowing",
    "volunteering",
];

fn lower(word: &str) -> String {
    word.to_lowercase().replace('’', "'")
}

fn is_all_caps(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    // Two capitalised words are more likely acronyms ("MBA, INSEAD") than shouting.
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    words >= 3 && letters.iter().all(|c| c.is_uppercase())
}

/// Lower-case words of an all-caps phrase, except what looks like an acronym, and "I".
fn calm_caps(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            let core: String = word.chars().filter(|c| c.is_alphabetic()).collect();
            let l = lower(&core);
            if core == "I" || (core.chars().count() <= 3 && !SHORT_WORDS.contains(&l.as_str())) {
                word.to_string()
            } else {
                word.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lower-cases the first letter of `text`.
fn decap(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The phrase as it will be inserted: one line, single spaces, no bullet or wrapping quotes, no
/// closing punctuation, all caps calmed, and a capital on a common first word ("The", "We")
/// lowered. A capitalised word that may be a name ("Litware", "PyData") keeps its capital.
pub(super) fn tidy(raw: &str) -> String {
    let text = tidy_keeping_case(raw);
    let first = text.split(' ').next().unwrap_or_default();
    let l = lower(first);
    let w = words(&text);
    // "-ing" and "-ed" words are verbs only before an object or a preposition: "Working together"
    // is lowered, "Boeing project" and "Reed College" are not.
    let verb_like =
        (l.ends_with("ing") || l.ends_with("ed")) && w.get(1).is_some_and(|next| AFTER_VERB.contains(&next.as_str()));
    let common = SUBJECTS.contains(&l.as_str())
        || WH.contains(&l.as_str())
        || DETERMINERS.contains(&l.as_str())
        || PREPOSITIONS.contains(&l.as_str())
        || PAST.contains(&l.as_str())
        || BASE_VERBS.contains(&l.as_str())
        || verb_like;
    // "I" stays "I"; a word with capitals past its first letter ("PyData") is a name.
    let name_like = first.chars().skip(1).any(char::is_uppercase);
    if common && l != "i" && !l.starts_with("i'") && !name_like {
        decap(&text)
    } else {
        text
    }
}

/// `tidy` without lowering the first word: for list items, where a capital reads as well.
fn tidy_keeping_case(raw: &str) -> String {
    let mut text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    text = text
        .trim_start_matches(['-', '•', '*', '–', '—', ' '])
        .trim()
        .to_string();
    loop {
        let pairs = [('"', '"'), ('“', '”'), ('\'', '\''), ('‘', '’'), ('(', ')')];
        let wrapped = pairs
            .iter()
            .find(|(open, close)| text.starts_with(*open) && text.ends_with(*close) && text.chars().count() >= 2);
        let Some((open, close)) = wrapped else { break };
        text = text[open.len_utf8()..text.len() - close.len_utf8()].trim().to_string();
    }
    let text = text.trim_end_matches(['.', ',', ';', ':', '!', '?', '…', ' ', '-', '–', '—']);
    if is_all_caps(text) {
        calm_caps(text)
    } else {
        text.to_string()
    }
}

/// Words that open the writer's own sentences and never start a name.
const OPENERS: [&str; 40] = [
    "would",
    "could",
    "might",
    "may",
    "been",
    "still",
    "wanted",
    "thanks",
    "thank",
    "just",
    "quick",
    "any",
    "got",
    "fancy",
    "know",
    "is",
    "do",
    "if",
    "since",
    "where",
    "here",
    "closing",
    "huge",
    "really",
    "loved",
    "big",
    "often",
    "remember",
    "reaching",
    "looking",
    "keeping",
    "up",
    "circling",
    "following",
    "free",
    "coffee",
    "want",
    "asking",
    "hope",
    "there",
];

/// `sentence` as it reads after "Hi Ana,": a first word the writer or the language owns ("Would",
/// "We", "The") is lowered; "I", and a word that may be a name ("Bram suggested…"), are not.
pub(super) fn lower_after_greeting(sentence: &str) -> String {
    let first = sentence.split(' ').next().unwrap_or_default();
    let l = lower(first.trim_end_matches([',', '!', '?', '.']));
    let common = OPENERS.contains(&l.as_str())
        || (SUBJECTS.contains(&l.as_str()) && l != "i" && !l.starts_with("i'"))
        || WH.contains(&l.as_str())
        || DETERMINERS.contains(&l.as_str())
        || PREPOSITIONS.contains(&l.as_str())
        || PAST.contains(&l.as_str())
        || BASE_VERBS.contains(&l.as_str());
    let name_like = first.chars().skip(1).any(char::is_uppercase);
    if common && !name_like {
        decap(sentence)
    } else {
        sentence.to_string()
    }
}

fn words(text: &str) -> Vec<String> {
    text.split(' ')
        .map(|w| lower(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether the phrase opens with an "-ing" verb ("working together"), not a noun ("billing team").
fn is_gerund(w: &[String]) -> bool {
    w.first()
        .is_some_and(|f| f.ends_with("ing") && !NOT_GERUNDS.contains(&f.as_str()))
        && w.get(1).is_none_or(|next| AFTER_VERB.contains(&next.as_str()))
}

/// Whether the phrase opens with a past-tense verb: a listed one, or an "-ed" word followed by
/// an object or a preposition ("organised the meetup", not "advanced analytics").
fn starts_with_verb(w: &[String]) -> bool {
    let Some(first) = w.first() else { return false };
    if PAST.contains(&first.as_str()) {
        // "led" and "cut" are verbs; "cut" before "costs" is a verb too ("cut costs 12%").
        return true;
    }
    first.chars().count() > 4
        && first.ends_with("ed")
        && w.get(1).is_some_and(|next| AFTER_VERB.contains(&next.as_str()))
}

/// Where a new sentence starts inside the text: ". " or "! " or "? " before a capital, not after
/// a title such as "Dr.".
fn sentence_breaks(text: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut breaks = Vec::new();
    for i in 0..chars.len().saturating_sub(2) {
        let (_, c) = chars[i];
        let (_, space) = chars[i + 1];
        let (at, next) = chars[i + 2];
        if ['.', '!', '?'].contains(&c) && space == ' ' && next.is_uppercase() {
            let before: String = text[..chars[i].0]
                .split(' ')
                .next_back()
                .unwrap_or_default()
                .to_lowercase();
            if !["dr", "mr", "mrs", "ms", "st", "prof", "e.g", "i.e", "vs"].contains(&before.as_str()) {
                breaks.push(at);
            }
        }
    }
    breaks
}

/// The shape of a tidied phrase.
pub(super) fn shape(text: &str) -> Shape {
    if !sentence_breaks(text).is_empty() {
        return Shape::Sentences;
    }
    let w = words(text);
    let Some(first) = w.first() else {
        return Shape::Noun;
    };
    if WH.contains(&first.as_str()) {
        // "that summer at Litware" is a noun phrase; "that we shipped" is a clause.
        let clause = first != "that" || w.get(1).is_some_and(|s| SUBJECTS.contains(&s.as_str()));
        return if clause { Shape::Wh } else { Shape::Noun };
    }
    if SUBJECTS.contains(&first.as_str()) || starts_with_verb(&w) {
        return Shape::Clause;
    }
    // "My team and I built…": a clause behind a noun.
    let head: Vec<&str> = w.iter().take(5).map(String::as_str).collect();
    if head.windows(2).any(|p| p[0] == "and" && ["i", "we"].contains(&p[1])) {
        return Shape::Clause;
    }
    Shape::Noun
}

/// A tidied phrase with its shape; `None` for an empty field.
pub(super) fn read(raw: &str) -> Option<(Shape, String)> {
    let text = tidy(raw);
    if text.is_empty() {
        return None;
    }
    // A full stop belongs to sentences; the rest end bare. Sentence breaks are looked for before
    // capitals are calmed, while "YOU" still shows that a sentence starts there.
    let flat = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let shape = if sentence_breaks(&flat).is_empty() {
        shape(&text)
    } else {
        Shape::Sentences
    };
    let text = if shape == Shape::Sentences {
        sentences(raw)
    } else {
        text
    };
    Some((shape, text))
}

/// Several sentences as typed, one line, each with a capital and ending in punctuation.
fn sentences(raw: &str) -> String {
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = if is_all_caps(&text) { calm_caps(&text) } else { text };
    let text = capitalise(text.trim_start_matches(['-', '•', '*', ' ']));
    // Calmed capitals leave "… 2019. you gave…": each sentence gets its capital back.
    let mut out = String::with_capacity(text.len());
    let mut start = false;
    for c in text.chars() {
        if start && c.is_alphabetic() {
            crate::case::push_upper(&mut out, c);
            start = false;
            continue;
        }
        if ['.', '!', '?'].contains(&c) {
            start = true;
        } else if c != ' ' {
            start = false;
        }
        out.push(c);
    }
    let mut text = out;
    if !text.ends_with(['.', '!', '?']) {
        text = text.trim_end_matches([',', ';', ':', '…']).to_string();
        text.push('.');
    }
    text
}

/// Removes a lead-in the template already says ("I'd be happy to", "we know each other from").
/// Lead-ins may stack ("In return, I can"), so this repeats until none is left.
fn strip_lead(text: &str, leads: &[&str]) -> String {
    let mut text = text.to_string();
    'again: loop {
        let l = lower(&text);
        for lead in leads {
            if let Some(rest) = l.strip_prefix(lead) {
                if rest.is_empty() || rest.starts_with(' ') || rest.starts_with(',') {
                    // Cut by characters, not bytes: "I’d" is longer in bytes than "i'd".
                    let cut = text
                        .char_indices()
                        .nth(lead.chars().count())
                        .map_or(text.len(), |(at, _)| at);
                    text = tidy(text[cut..].trim_start_matches([',', ' ']));
                    continue 'again;
                }
            }
        }
        return text;
    }
}

/// Puts "the" before a noun phrase whose head is a common noun: "the HCI course", "the billing
/// team at Litware"; "Litware", "working together", "our team" and "work" are left alone.
fn with_article(text: &str) -> String {
    let raw: Vec<&str> = text.split(' ').collect();
    let w = words(text);
    let Some(first) = w.first() else {
        return text.to_string();
    };
    let head_len = w
        .iter()
        .position(|x| PREPOSITIONS.contains(&x.as_str()))
        .unwrap_or(w.len());
    if head_len == 0
        || DETERMINERS.contains(&first.as_str())
        || is_gerund(&w)
        || raw.iter().take(head_len).any(|r| r.contains('\'') || r.contains('’'))
    {
        return text.to_string();
    }
    let head_last = raw[head_len - 1];
    let lowercase_head = head_last.chars().next().is_some_and(|c| c.is_lowercase());
    let single = head_len == 1;
    if !lowercase_head || (single && (BARE_NOUNS.contains(&first.as_str()) || raw.len() == 1)) {
        return text.to_string();
    }
    format!("the {text}")
}

/// A phrase as the writer frames it for one slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Framed {
    /// Fits where a noun phrase goes: "from {}", "I admire {}".
    Noun(String),
    /// A moment, "the time we rebuilt…" or "when we met…": needs templates that take one.
    Moment(String),
    /// A whole sentence (or several) that stands on its own.
    Sentence(String),
}

/// What the user shares with the contact (or how they met), for "We know each other from {}".
pub(super) fn shared(raw: &str) -> Option<Framed> {
    let (shape, text) = read(raw)?;
    let text = strip_lead(
        &text,
        &[
            "we know each other from",
            "we know each other through",
            "we met through",
            "we met during",
            "from",
        ],
    );
    if text.is_empty() {
        return None;
    }
    let shape = self::shape(&text).min_of(shape);
    Some(match shape {
        Shape::Noun => {
            let w = words(&text);
            match w.first().map(String::as_str) {
                // "at Litware" → "our time at Litware": a place needs a time to belong to.
                Some("at" | "in" | "on" | "during" | "with") => Framed::Noun(format!("our time {text}")),
                _ => Framed::Noun(with_article(&text)),
            }
        }
        Shape::Clause => {
            let w = words(&text);
            if w.first().is_some_and(|f| f == "it") {
                Framed::Sentence(format!("{}.", capitalise(&text)))
            } else if starts_with_verb(&w) {
                Framed::Moment(format!("the time we {text}"))
            } else {
                Framed::Moment(format!("the time {text}"))
            }
        }
        Shape::Wh => {
            let (first, rest) = text.split_once(' ').unwrap_or((&text, ""));
            match lower(first).as_str() {
                "that" | "while" => Framed::Moment(format!("the time {rest}")),
                _ => Framed::Moment(text.clone()),
            }
        }
        Shape::Sentences => Framed::Sentence(text),
    })
}

impl Shape {
    /// After a lead-in is stripped the rest is re-read, but several sentences stay sentences.
    fn min_of(self, before: Shape) -> Shape {
        if before == Shape::Sentences {
            Shape::Sentences
        } else {
            self
        }
    }
}

/// Work of theirs the user admires, for "I admire {}": a clause becomes "how you …".
pub(super) fn admired(raw: &str) -> Option<Framed> {
    let (shape, text) = read(raw)?;
    let text = strip_lead(
        &text,
        &[
            "i really admire",
            "i admire",
            "i have always admired",
            "i've always admired",
            "i always admired",
            "i loved",
            "i love",
            "i like",
            "i was impressed by",
            "i'm impressed by",
        ],
    );
    if text.is_empty() {
        return None;
    }
    let shape = self::shape(&text).min_of(shape);
    Some(match shape {
        Shape::Noun => Framed::Noun(with_article(&text)),
        Shape::Clause => {
            let first = words(&text).into_iter().next().unwrap_or_default();
            match first.as_str() {
                "you" | "you've" | "you're" | "they" | "he" | "she" | "we" => Framed::Noun(format!("how {text}")),
                "i" | "i've" | "i'd" | "i'm" | "it" => Framed::Sentence(format!("{}.", capitalise(&text))),
                _ => Framed::Noun(format!("how you {text}")),
            }
        }
        Shape::Wh => {
            let (first, rest) = text.split_once(' ').unwrap_or((&text, ""));
            match lower(first).as_str() {
                "that" | "when" | "while" => Framed::Noun(format!("how {rest}")),
                _ => Framed::Noun(text.clone()),
            }
        }
        Shape::Sentences => Framed::Sentence(text),
    })
}

/// What the user offers back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Offer {
    /// After "I'd be glad to": "review your deck", "offer my notes on carrier contracts".
    Verb(String),
    /// Stands after "In return,": "you're welcome to my notes".
    Clause(String),
    /// Several sentences, as typed.
    Sentence(String),
}

pub(super) fn offer(raw: &str) -> Option<Offer> {
    let (shape, text) = read(raw)?;
    if shape == Shape::Sentences {
        return Some(Offer::Sentence(text));
    }
    let text = strip_lead(
        &text,
        &[
            "in return",
            "i'd be happy to",
            "i would be happy to",
            "i'd be glad to",
            "i would be glad to",
            "i'd gladly",
            "i would gladly",
            "i'd love to",
            "i would love to",
            "happy to",
            "glad to",
            "i can",
            "i could",
            "i'll",
            "i will",
            "i'm happy to",
            "i am happy to",
            "to",
        ],
    );
    if text.is_empty() {
        return None;
    }
    let w = words(&text);
    let first = w.first().cloned().unwrap_or_default();
    let second = w.get(1).cloned().unwrap_or_default();
    if BASE_VERBS.contains(&first.as_str()) && !["of", "and"].contains(&second.as_str()) {
        return Some(Offer::Verb(text));
    }
    Some(match self::shape(&text) {
        Shape::Clause if SUBJECTS.contains(&first.as_str()) => Offer::Clause(text),
        Shape::Sentences => Offer::Sentence(text),
        // "reviewing your deck" → "help with reviewing your deck"; "how to hire" likewise.
        _ if is_gerund(&w) || WH.contains(&first.as_str()) => Offer::Verb(format!("help with {text}")),
        _ => Offer::Verb(format!("offer {text}")),
    })
}

/// A fit point as a list item: tidied, as typed otherwise. Whole sentences lose only the last
/// full stop, so they sit in a list like the rest.
pub(super) fn fit_point(raw: &str) -> Option<String> {
    let text = tidy_keeping_case(raw);
    if text.is_empty() {
        return None;
    }
    Some(if shape(&text) == Shape::Sentences {
        sentences(raw).trim_end_matches(['.', '!', '?']).to_string()
    } else {
        text
    })
}

/// Turns "she prefers short e-mails" into "you prefer short e-mails": the referred person is the
/// one reading it.
fn to_you(text: &str) -> Option<String> {
    let (first, rest) = text.split_once(' ')?;
    let (pronoun, possessive) = match lower(first).as_str() {
        "she" => ("she", "her"),
        "he" => ("he", "his"),
        "they" => ("they", ""),
        "she's" | "he's" => return Some(format!("you're {rest}")),
        "they're" => return Some(format!("you're {rest}")),
        _ => return None,
    };
    let (verb, tail) = rest.split_once(' ').unwrap_or((rest, ""));
    let verb = if pronoun == "they" {
        verb.to_string()
    } else {
        match verb {
            "is" => "are".to_string(),
            "has" => "have".to_string(),
            "does" => "do".to_string(),
            "was" => "were".to_string(),
            v if v.ends_with("ies") && v.len() > 4 => format!("{}y", &v[..v.len() - 3]),
            v if ["ches", "shes", "sses", "xes", "oes"].iter().any(|e| v.ends_with(e)) => v[..v.len() - 2].to_string(),
            v if v.ends_with('s') && !v.ends_with("ss") => v[..v.len() - 1].to_string(),
            v => v.to_string(),
        }
    };
    let tail: Vec<String> = tail
        .split(' ')
        .map(|w| {
            if !possessive.is_empty() && lower(w) == possessive {
                "your".to_string()
            } else {
                w.to_string()
            }
        })
        .collect();
    Some(format!("you {verb} {}", tail.join(" ")).trim_end().to_string())
}

/// What the referred person values, as what follows "mentioned that": "you value {noun}", or a
/// clause addressed to them. Several sentences about them cannot be turned to address them
/// safely, so they are left out (`None`) rather than sent in the third person.
pub(super) fn values(raw: &str) -> Option<String> {
    let (shape, text) = read(raw)?;
    let text = strip_lead(
        &text,
        &["values", "value", "they value", "she values", "he values", "you value"],
    );
    if text.is_empty() {
        return None;
    }
    let first = words(&text).into_iter().next().unwrap_or_default();
    if VERBS_3SG.contains(&first.as_str()) {
        return to_you(&format!("she {text}"));
    }
    Some(match self::shape(&text).min_of(shape) {
        Shape::Sentences => return None,
        Shape::Noun => format!("you value {text}"),
        Shape::Wh => match text.split_once(' ') {
            Some((w, rest)) if lower(w) == "when" => format!("you value it when {rest}"),
            _ => format!("you value {text}"),
        },
        Shape::Clause => {
            let first = words(&text).into_iter().next().unwrap_or_default();
            match first.as_str() {
                "you" | "you're" | "you've" | "i" | "i'm" | "i've" | "i'd" | "we" | "we're" | "it" => text,
                _ => match to_you(&text) {
                    Some(addressed) => addressed,
                    // A clause with no subject: "prefers short e-mails".
                    None => to_you(&format!("she {text}")).unwrap_or(text),
                },
            }
        }
    })
}
/// The contact's advice or reason after a can't, as a whole sentence for a later follow-up.
pub(super) fn advice(raw: &str) -> Option<String> {
    let (shape, text) = read(raw)?;
    if shape == Shape::Sentences {
        return Some(format!("I kept in mind what you told me: “{text}”"));
    }
    let text = strip_lead(
        &text,
        &[
            "you said",
            "you told me",
            "you suggested",
            "you advised me",
            "you advised",
            "you recommended",
        ],
    );
    // "that the team wants Python" is what they said, whatever follows "that".
    if let Some(said) = text.strip_prefix("that ") {
        return Some(format!("I kept in mind what you told me: {}.", tidy(said)));
    }
    if text.is_empty() {
        return None;
    }
    let w = words(&text);
    let first = w.first().cloned().unwrap_or_default();
    Some(match self::shape(&text) {
        _ if first == "to" => format!("I took your advice {text} to heart."),
        _ if BASE_VERBS.contains(&first.as_str()) => format!("I took your advice to {text} to heart."),
        _ if is_gerund(&w) => format!("I took your advice about {text} to heart."),
        Shape::Noun | Shape::Sentences => format!("I kept in mind what you said about {text}."),
        Shape::Wh => format!("I kept in mind your advice on {text}."),
        Shape::Clause => format!("I kept in mind what you told me: {text}."),
    })
}
