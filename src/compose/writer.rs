//! The writer: lays a composed message out for its channel and makes it fit. Long channels get
//! paragraphs, a fit-point list and a sign-off; short ones a single paragraph. When a message is
//! over the channel's limit, whole parts are dropped, least important first, before anything is cut.

use super::brief::{Brief, Draft, Gap, MessageKind, Part, Tone};
use super::kinds::{compose, is_short, Message, Piece, Slot};
use super::phrase;
use crate::model::Channel;

/// The longest subject line written; longer ones are cut at a word and end in "…".
pub const SUBJECT_LIMIT: usize = 78;

/// The most characters a body may have on a channel. LinkedIn refuses a connection note over 300;
/// a text should fit about two SMS screens; e-mail and LinkedIn messages have no real limit, but a
/// request longer than this is no longer concise (DOMAIN.md rule 7).
pub fn char_limit(channel: Channel) -> usize {
    match channel {
        Channel::LinkedInConnectionNote => 300,
        Channel::TextMessage => 320,
        Channel::LinkedInMessage | Channel::Email => 2000,
    }
}

/// Writes `kind` for `channel` in `tone` from the brief. Same brief, same draft, every time.
pub fn write(brief: &Brief, kind: MessageKind, channel: Channel, tone: Tone) -> Draft {
    let mut message = compose(brief, kind, channel, tone);
    let limit = char_limit(channel);
    let mut dropped = Vec::new();
    let mut body = render(&message, channel);
    while chars(&body) > limit {
        match drop_next(&mut message) {
            Some(part) => dropped.push(part),
            None => break,
        }
        body = render(&message, channel);
    }
    let trimmed = chars(&body) > limit;
    if trimmed {
        body = cut_at_word(&body, limit);
    }
    let subject = (channel == Channel::Email).then(|| cut_at_word(&message.subject, SUBJECT_LIMIT));
    let gaps = gaps_in(subject.as_deref().unwrap_or(""), &body);
    Draft {
        subject,
        body,
        gaps,
        dropped,
        trimmed,
    }
}

/// The body with nothing dropped or cut, for tests that compare a shortened draft with it.
#[cfg(test)]
pub(super) fn render_in_full(brief: &Brief, kind: MessageKind, channel: Channel, tone: Tone) -> String {
    render(&compose(brief, kind, channel, tone), channel)
}

/// Removes the least important part still present and says which it was. The order follows what a
/// reader misses least: the sign-off (LinkedIn shows who wrote), attachments and links, the offer
/// back, supporting detail, all but one fit point, admired work when a shared experience remains,
/// then the last fit point, the personal opening, and the easy "no" last of all. The greeting with
/// their name, the request with its role and company, and the thanks are never dropped.
fn drop_next(message: &mut Message) -> Option<Part> {
    if message.sign_off.take().is_some() {
        return Some(Part::SignOff);
    }
    for part in [Part::Resume, Part::Posting, Part::OfferBack, Part::Detail] {
        if remove_last(&mut message.pieces, part) {
            return Some(part);
        }
    }
    if count(&message.pieces, Part::FitPoint) > 1 && remove_last(&mut message.pieces, Part::FitPoint) {
        return Some(Part::FitPoint);
    }
    if count(&message.pieces, Part::SharedExperience) > 0 && remove_last(&mut message.pieces, Part::AdmiredWork) {
        return Some(Part::AdmiredWork);
    }
    [Part::FitPoint, Part::AdmiredWork, Part::SharedExperience, Part::EasyNo]
        .into_iter()
        .find(|&part| remove_last(&mut message.pieces, part))
}

fn count(pieces: &[Piece], part: Part) -> usize {
    pieces.iter().filter(|p| p.slot == Slot::Drop(part)).count()
}

fn remove_last(pieces: &mut Vec<Piece>, part: Part) -> bool {
    match pieces.iter().rposition(|p| p.slot == Slot::Drop(part)) {
        Some(i) => {
            pieces.remove(i);
            true
        }
        None => false,
    }
}

fn render(message: &Message, channel: Channel) -> String {
    if is_short(channel) {
        render_short(message)
    } else {
        render_long(message)
    }
}

/// Greeting on its own line, paragraphs, fit points as a list, closing and signature.
fn render_long(message: &Message) -> String {
    let mut blocks: Vec<String> = Vec::new();
    if let Some(greeting) = &message.greeting {
        blocks.push(greeting.clone());
    }
    for group in paragraphs(&message.pieces) {
        if group.iter().all(|p| p.slot == Slot::Drop(Part::FitPoint)) {
            let mut block = message.fit_intro.clone();
            for piece in group {
                block.push_str("\n- ");
                block.push_str(&piece.text);
            }
            blocks.push(block);
        } else {
            blocks.push(group.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" "));
        }
    }
    if let Some((closing, signature)) = &message.sign_off {
        blocks.push(format!("{closing}\n{signature}"));
    }
    blocks.join("\n\n")
}

/// One paragraph: what a connection note or a text message looks like on a phone.
fn render_short(message: &Message) -> String {
    let mut sentences: Vec<String> = Vec::new();
    if let Some(greeting) = &message.greeting {
        sentences.push(greeting.clone());
    }
    for group in paragraphs(&message.pieces) {
        if group.iter().all(|p| p.slot == Slot::Drop(Part::FitPoint)) {
            let points: Vec<&str> = group.iter().map(|p| p.text.as_str()).collect();
            sentences.push(format!("{} {}.", message.fit_intro, points.join("; ")));
        } else {
            sentences.extend(group.iter().map(|p| p.text.clone()));
        }
    }
    // On one line, "Hi Ana, would you…" reads as one sentence: the word after a greeting that
    // ends in a comma loses its capital, unless it is "I" or may be a name.
    if message.greeting.as_ref().is_some_and(|g| g.ends_with(',')) {
        if let Some(first) = sentences.get_mut(1) {
            *first = phrase::lower_after_greeting(first);
        }
    }
    if let Some((_, signature)) = &message.sign_off {
        // The first line of a signature is the name; titles and links have no room here.
        let name = signature.lines().next().unwrap_or_default().trim();
        sentences.push(format!("– {name}"));
    }
    // User fields may hold line breaks; a short message stays one paragraph.
    sentences.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Consecutive pieces of the same paragraph, in order.
fn paragraphs(pieces: &[Piece]) -> Vec<Vec<&Piece>> {
    let mut groups: Vec<Vec<&Piece>> = Vec::new();
    for piece in pieces {
        let is_fit = piece.slot == Slot::Drop(Part::FitPoint);
        match groups.last_mut() {
            Some(last) if last[0].para == piece.para && (last[0].slot == Slot::Drop(Part::FitPoint)) == is_fit => {
                last.push(piece)
            }
            _ => groups.push(vec![piece]),
        }
    }
    groups
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// The longest start of `text` that ends between words and, with a closing "…", fits in `max`
/// characters. A gap marker is never split: if the cut falls inside one, the whole marker goes.
pub(super) fn cut_at_word(text: &str, max: usize) -> String {
    if chars(text) <= max {
        return text.to_string();
    }
    let room = max.saturating_sub(1);
    let chars: Vec<char> = text.chars().collect();
    // A cut at i keeps chars[..i]; it is between words when chars[i] is whitespace.
    let cut = (1..=room.min(chars.len() - 1))
        .rev()
        .find(|&i| chars[i].is_whitespace())
        .unwrap_or(0);
    let mut kept: String = chars[..cut].iter().collect();
    if let Some(open) = kept.rfind('[') {
        if !kept[open..].contains(']') {
            kept.truncate(open);
        }
    }
    let kept = kept
        .trim_end()
        .trim_end_matches([',', ';', ':', '—', '–', '-'])
        .trim_end();
    format!("{kept}…")
}

/// The gaps whose markers are in the text, in the order they appear.
fn gaps_in(subject: &str, body: &str) -> Vec<Gap> {
    let text = format!("{subject}\n{body}");
    let mut found: Vec<(usize, Gap)> = Gap::ALL
        .iter()
        .filter_map(|&gap| text.find(gap.marker()).map(|at| (at, gap)))
        .collect();
    crate::sort::sort_by_key(&mut found, |&(at, _)| at);
    found.into_iter().map(|(_, gap)| gap).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_ends_between_words_with_an_ellipsis() {
        let cut = cut_at_word("alpha beta gamma delta", 13);
        assert_eq!(cut, "alpha beta…");
        assert!(chars(&cut) <= 13);
    }

    #[test]
    fn a_cut_never_splits_a_gap_marker() {
        let cut = cut_at_word("Hi Ana, about [what they did for you] and more", 25);
        assert_eq!(cut, "Hi Ana, about…");
    }

    #[test]
    fn a_cut_drops_a_dangling_comma() {
        assert_eq!(cut_at_word("one, two three", 8), "one…");
    }

    #[test]
    fn text_that_fits_is_left_alone() {
        assert_eq!(cut_at_word("short", 5), "short");
    }

    #[test]
    fn a_single_overlong_word_is_left_out_rather_than_split() {
        assert_eq!(cut_at_word("supercalifragilistic", 10), "…");
    }
}
