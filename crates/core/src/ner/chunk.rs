//! Chunking: runs of capitalised words joined by initials ("J. R. R.
//! Tolkien"), glued hyphens ("Jean-Claude"), "of" after head words
//! ("University of X"), "&" and name particles ("van"); leading function
//! words, sentence-initial common words and titles are stripped (titles are
//! kept apart); headline words must be confirmed by the body or a gazetteer.

use super::{first_char, is_acronym, is_cap, lower, Cand, Headline, Rules};
use crate::hash::{FastSet, FastSet as HashSet};
use crate::model::{ActorKind, MentionForm};
use crate::tokenize::TokenKind;

impl<'d, 'a> Rules<'d, 'a> {
    /// Extends a run of name tokens starting at capitalised word `i`; returns
    /// the end (exclusive), never past `end`.
    pub(super) fn extend(&self, i: usize, end: usize) -> usize {
        let mut j = i + 1;
        while j < end {
            let w = self.w(j);
            let prev = self.w(j - 1);
            let sp = self.space_before(j);
            if self.capword(j) && sp && !self.lx().is_function_word(w) {
                // "NASA Bill Ingalls": an acronym does not run into a person.
                if is_acronym(prev)
                    && self.lx().is_first_name(w)
                    && j + 1 < end
                    && self.capword(j + 1)
                {
                    break;
                }
                j += 1;
                continue;
            }
            if w == "." && !sp && j + 1 < end && self.capword(j + 1) {
                let single = prev.chars().count() == 1 && is_cap(prev);
                let abbrev = matches!(prev, "St" | "Mt" | "Ft" | "Pt");
                if single || abbrev || self.lx().is_title(prev) {
                    j += 2;
                    continue;
                }
            }
            if matches!(w, "-" | "‐") && !sp && j + 1 < end && !self.space_before(j + 1) {
                if self.kind(j + 1) == Some(TokenKind::Word) {
                    let nw = self.w(j + 1);
                    // "Cheuk-yan" joins; "Open-minded" does not.
                    let common_left =
                        !is_cap(nw) && j - 1 == i && self.lx().is_lowercase_word(&lower(prev));
                    // "Moon Jae-in", "Wu Chi-wai": a short syllable after a
                    // hyphen inside a name, unless it makes an adjective
                    // ("Saudi-led").
                    let syllable = j - 1 > i
                        && nw.len() <= 3
                        && nw.bytes().all(|b| b.is_ascii_lowercase())
                        && !self.lx().is_combining_form(nw);
                    if is_cap(nw) || syllable || (!self.lx().is_lowercase_word(nw) && !common_left)
                    {
                        j += 2;
                        continue;
                    }
                }
                // "Facility-1".
                if self.kind(j + 1) == Some(TokenKind::Number)
                    && (j + 2 >= end || self.space_before(j + 2))
                {
                    j += 2;
                    continue;
                }
            }
            // "Marvel Consultants, Inc.": a company's legal form after a
            // comma belongs to its name (not a two-letter one: "Calgary,
            // AB" is a province).
            if w == ","
                && j + 1 < end
                && self.lx().is_legal_form(self.w(j + 1))
                && self.w(j + 1).len() > 2
            {
                j += 2;
                continue;
            }
            // "University of X"; "Institute for Fiscal Studies".
            let joins = (w == "of" && self.lx().joins_of(prev)) || self.joins_for_at(j);
            if joins {
                let k = if self.w(j + 1) == "the" { j + 2 } else { j + 1 };
                // "the Council for Monday's meeting" does not join.
                if k < end && self.capword(k) && (w == "of" || !self.lx().is_never_name(self.w(k)))
                {
                    j = k + 1;
                    continue;
                }
            }
            // "the Mining (Amendment) Act": a bracketed word inside the
            // name of a law, whose head comes after the brackets.
            if w == "(" {
                if let Some(k) = self.bracketed_in_law(j, end) {
                    j = k;
                    continue;
                }
            }
            // "Marks & Spencer"; "Save Our Hospital Matamata", "Friends of
            // Our Parks": a capitalised "Our" inside a campaign's name.
            if (w == "&" || w == "Our" && j > i) && j + 1 < end && self.capword(j + 1) {
                j += 2;
                continue;
            }
            // "National Air and Space Museum": "and" inside a name whose
            // head comes after it (bounded look-ahead).
            if w == "and" && !self.lx().is_org_head(prev) && !self.lx().is_place_head(prev) {
                let mut k = j + 1;
                while k < end && k < j + 6 && self.capword(k) && self.space_before(k) {
                    k += 1;
                }
                if k > j + 1 {
                    let head = self.w(k - 1);
                    if self.lx().is_org_head(head) || self.lx().is_place_head(head) {
                        j = k;
                        continue;
                    }
                    // "the Law and Justice party": a lower-case organisation
                    // noun right after the name.
                    if k < end
                        && k - i <= 6
                        && self.lx().is_party_noun(self.w(k))
                        && !self.is_adjective(k - 1)
                    {
                        j = k;
                        continue;
                    }
                    // "Chamber of Commerce and Industry", "Department of
                    // Health and Human Services": "and" inside the "of"
                    // part of a name, unless what follows is a name of its
                    // own ("the Ministry of Defence and NATO").
                    let of_name = (i + 1..j).any(|g| self.w(g) == "of");
                    if of_name
                        && k - (j + 1) <= 3
                        && !self.is_gazetteer_name(self.slice(j + 1, k))
                        && self.kind(k) != Some(TokenKind::Possessive)
                    {
                        j = k;
                        continue;
                    }
                }
            }
            // "van Gogh", and two particles: "de la Fuente", "von der Leyen".
            // "Bashar al-Assad", "Abu Musab al-Zarqawi": a particle glued
            // to the name by a hyphen.
            if self.lx().is_name_particle(w)
                && sp
                && j + 2 < end
                && matches!(self.w(j + 1), "-" | "‐")
                && !self.space_before(j + 1)
                && !self.space_before(j + 2)
                && self.capword(j + 2)
            {
                j += 3;
                continue;
            }
            if self.lx().is_name_particle(w) && sp && j + 1 < end {
                if self.capword(j + 1) {
                    j += 2;
                    continue;
                }
                if j + 2 < end && self.lx().is_name_particle(self.w(j + 1)) && self.capword(j + 2) {
                    j += 3;
                    continue;
                }
            }
            if self.kind(j) == Some(TokenKind::Possessive) && j + 1 < end && self.capword(j + 1) {
                if self.lx().joins_possessive(prev) {
                    j += 2;
                    continue;
                }
                // A plural possessive ("Farmers'") inside an organisation's
                // name, or an office's ("the Prosecutor's Office", "the
                // Mayor's Office"): the capitalised words after it end in
                // an org head.
                if !w.contains('s') || self.lx().is_title(prev) {
                    let mut k = j + 1;
                    while k < end && k < j + 5 && self.capword(k) && self.space_before(k) {
                        k += 1;
                    }
                    if self.lx().is_org_head(self.w(k - 1)) {
                        j = k;
                        continue;
                    }
                }
            }
            break;
        }
        j
    }

    /// After `(` at `j`: the end of "(Amendment) Act" when capitalised words
    /// in brackets are followed by capitalised words that end in a law's
    /// head word ("Act", "Bill").
    fn bracketed_in_law(&self, j: usize, end: usize) -> Option<usize> {
        let mut k = j + 1;
        while k < end
            && k < j + 5
            && (self.capword(k) || self.kind(k) == Some(TokenKind::Number) || self.w(k) == ".")
        {
            k += 1;
        }
        if k == j + 1 || self.w(k) != ")" {
            return None;
        }
        let mut m = k + 1;
        while m < end && m < k + 4 && self.capword(m) {
            m += 1;
        }
        (m > k + 1 && self.lx().is_document_head(self.w(m - 1))).then_some(m)
    }

    /// Should a capitalised word at the start of a sentence begin a name?
    pub(super) fn accept_initial(&self, g: usize, run_len: usize) -> bool {
        let w = self.w(g);
        if self.lx().is_function_word(w) {
            return false;
        }
        // "Analyst Tomasz Lewicki", "Nurse Ana Ruiz": a noun of people
        // before a name, capitalised only because it opens the sentence
        // (titles such as "President" are kept for the title rules).
        if run_len > 1 && self.is_people_noun_word(w) {
            return false;
        }
        if self.known_mid.contains(w) && (run_len > 1 || self.known_single.contains(w)) {
            return true;
        }
        // "Friends of the Earth", "Council of Europe": a head that "of"
        // continues, and the run went on through "of".
        if run_len > 2 && self.lx().joins_of(w) && self.w(g + 1) == "of" {
            return true;
        }
        // "MPs voted …", "Muslims gathered …"; "Conservative MPs", "Labour
        // MPs": a group, alone or after a qualifier that names a party,
        // people or place.
        if run_len == 1 && (self.lx().is_group_noun(w) || self.lx().is_member_noun(w)) {
            return true;
        }
        if run_len == 2 && self.lx().is_member_noun(self.w(g + 1)) {
            // "Labour MPs", "Conservative MPs", not "Many MPs".
            return !self.is_common(w) || self.lx().is_group_noun(&format!("{w}s"));
        }
        // "West Yorkshire Mayor …", "New Zealand's": the opener starts a
        // known place or name.
        if (2..=run_len.min(3)).any(|k| {
            let prefix = self.slice(g, g + k);
            self.kb().is_place(prefix) || self.kb().lookup(prefix).is_some()
        }) {
            return true;
        }
        if self.is_common(w) {
            // "Will Smith" yes, "Will" no.
            return run_len > 1 && self.is_gazetteer_name(w);
        }
        if self.known_mid.contains(w) || self.is_gazetteer_name(w) || is_acronym(w) || run_len > 1 {
            return true;
        }
        // An unknown single word: a name only with a name-like follower.
        let next = g + 1;
        self.kind(next) == Some(TokenKind::Possessive) || self.lx().is_say_verb(self.w(next))
    }

    pub(super) fn chunk_sentence(&self, s: usize, out: &mut Vec<Cand>) {
        let range = self.doc.sentence_tokens.get(s).cloned().unwrap_or(0..0);
        let mut g = range.start;
        if let Some(e) = self.dateline(g) {
            out.push(Cand {
                a: g,
                b: e,
                title: None,
                form: MentionForm::Name,
                forced: None,
            });
            g = self.abbreviated_region(e).unwrap_or(e);
        }
        while g < range.end {
            if !self.capword(g) || self.after_prefix(g) {
                g += 1;
                continue;
            }
            let b = self.extend(g, range.end);
            self.process_run(g, b, out);
            g = b;
        }
    }

    /// Headlines: only words confirmed by the body or a gazetteer count.
    pub(super) fn chunk_headline(&self, s: usize, out: &mut Vec<Cand>) {
        let range = self.doc.sentence_tokens.get(s).cloned().unwrap_or(0..0);
        let all_caps = self.headline.get(s) == Some(&Headline::AllCaps);
        let upper_known: HashSet<String> = if all_caps {
            self.known_mid.iter().map(|w| w.to_uppercase()).collect()
        } else {
            HashSet::default()
        };
        let confirmed = |g: usize| -> bool {
            if self.kind(g) != Some(TokenKind::Word) {
                return false;
            }
            let w = self.w(g);
            if self.lx().is_function_word(w) || self.lx().is_never_name(w) || !is_cap(w) {
                return false;
            }
            if all_caps {
                return upper_known.contains(w) || self.kb().lookup(w).is_some();
            }
            self.known_mid.contains(w)
                || self.kb().lookup(w).is_some()
                || (self.kb().is_place(w) && !self.is_common(w))
        };
        let mut g = range.start;
        while g < range.end {
            if !confirmed(g) {
                g += 1;
                continue;
            }
            let mut b = g + 1;
            while b < range.end && confirmed(b) && self.space_before(b) {
                b += 1;
            }
            self.emit(g, b, out);
            g = b;
        }
    }

    /// Strips function words, sentence-initial common words and titles from
    /// the run `a..b` and emits what remains.
    pub(super) fn process_run(&self, mut a: usize, b: usize, out: &mut Vec<Cand>) {
        // Leading function words and a sentence-initial common word.
        while a < b {
            let w = self.w(a);
            let initial = self.is_initial(a);
            // "Finance Minister Sri Mulyani": a common word opening the
            // sentence before a title belongs to the title.
            let before_title = a + 1 < b && self.lx().is_title(self.w(a + 1));
            if self.lx().is_function_word(w)
                || (initial && !before_title && !self.accept_initial(a, b - a))
            {
                a += 1;
            } else {
                break;
            }
        }
        if a >= b || !self.capword(a) {
            return;
        }
        // A title inside the run: "U.S. President Donald Trump".
        let mut k = a;
        while k < b && !self.lx().is_title(self.w(k)) {
            k += 1;
        }
        // "Ministry of Foreign Affairs", "Office of the Prime Minister": a
        // title word after "of" is part of an organisation's name.
        let after_of = |j: usize| j > a + 1 && matches!(self.w(j - 1), "of" | "for");
        if k < b && (after_of(k) || self.w(k - 1) == "the" && after_of(k - 1)) {
            self.emit(a, b, out);
            return;
        }
        if k < b {
            let mut t_end = k;
            while t_end < b {
                let w = self.w(t_end);
                if self.lx().is_title(w) || (w == "." && t_end > k) {
                    t_end += 1;
                } else if matches!(w, "-" | "‐")
                    && t_end > k
                    && !self.space_before(t_end)
                    && !self.space_before(t_end + 1)
                    && (self.lx().is_title_suffix(self.w(t_end + 1))
                        || self.lx().is_title(self.w(t_end + 1)))
                {
                    // "President-elect Donald J. Trump", "Secretary-General
                    // Kofi Annan".
                    t_end += 2;
                } else if w == "of" && t_end > k && t_end + 1 < b {
                    t_end += 2;
                } else {
                    break;
                }
            }
            let weak = (k..t_end).all(|g| self.lx().is_weak_title(self.w(g)) || self.w(g) == ".");
            let has_name = t_end < b;
            // "Duke University", "Foreign Affairs": not a title and a name.
            let head = self.w(b - 1);
            if has_name && (self.lx().is_org_head(head) || self.lx().is_place_head(head)) {
                self.emit(a, b, out);
                return;
            }
            // "Major League Baseball": a weak title before words that name
            // a body ("League") is the first word of its name.
            if weak && has_name && (t_end..b).any(|g| self.lx().is_org_head(self.w(g))) {
                self.emit(a, b, out);
                return;
            }
            // "the President Black" is no name, but "Mrs Black" and "Dr.
            // White" are.
            let honorific = (k..t_end).any(|g| self.lx().is_personal_title(self.w(g)));
            if has_name && b - t_end == 1 && self.is_common(head) && !honorific {
                return;
            }
            let general_ok = self.w(k) != "General" || self.lx().is_first_name(self.w(t_end));
            if !weak || (has_name && t_end - k == 1 && general_ok) {
                // "Senate Majority Leader", "House Speaker", "State Department
                // Spokesperson": words before the title that are not a name
                // of their own belong to it; "U.S." or "NASA" do not.
                let mut k = k;
                if k > a {
                    let prefix = self.slice(a, k);
                    let own_name = self.kb().lookup(prefix).is_some()
                        || is_acronym(prefix)
                        || self.kb().is_place(prefix)
                        || (k - a == 1 && self.is_adjective(a))
                        || self.kb().demonym(prefix).is_some()
                        // "Harris County Judge Lina Hidalgo": a place or
                        // body named before the title.
                        || (k - a > 1
                            && (self.lx().is_place_head(self.w(k - 1))
                                || self.lx().is_org_head(self.w(k - 1))));
                    if own_name {
                        self.emit(a, k, out);
                    } else {
                        k = a;
                    }
                }
                let mut t_last = t_end;
                while t_last > k && self.w(t_last - 1) == "." {
                    t_last -= 1;
                }
                if has_name {
                    out.push(Cand {
                        a: t_end,
                        b,
                        title: Some((k, t_end)),
                        form: MentionForm::Name,
                        forced: Some(ActorKind::Person),
                    });
                } else if !self.is_initial(k) || k > a {
                    out.push(Cand {
                        a: k,
                        b: t_last,
                        title: None,
                        form: MentionForm::Role,
                        forced: Some(ActorKind::Person),
                    });
                }
                return;
            }
        }
        self.emit(a, b, out);
    }

    /// Emits `a..b` as a candidate unless it is a lone adjective.
    pub(super) fn emit(&self, a: usize, mut b: usize, out: &mut Vec<Cand>) {
        // "Warhol Polaroids" after "100 Polaroids": the counted thing is not
        // part of the name.
        while b > a && self.counted_thing(self.w(b - 1)) {
            b -= 1;
        }
        if a >= b {
            return;
        }
        if b - a == 1 {
            let w = self.w(a);
            if !w.ends_with('s') && self.is_adjective(a) {
                return;
            }
            // "a Democrat from Fresno", "as a Catholic": one member of a
            // group describes someone; it names no one.
            let indefinite = a > 0 && matches!(self.doc.lw(a - 1), "a" | "an");
            if indefinite && self.lx().is_group_noun(&format!("{w}s")) {
                return;
            }
        }
        let text = self.slice(a, b);
        // "(D-Mass.)", "R-Texas": party and state, not a name.
        if b - a >= 3 && self.w(a).len() == 1 && self.w(a + 1) == "-" {
            return;
        }
        if !text.ends_with('s')
            && self.kb().lookup(text).is_none()
            && !self.kb().is_place(text)
            && self.is_demonym_of_place(text)
        {
            return;
        }
        // "African-American voters": hyphen-joined nationality adjectives.
        let next_lower = self.kind(b) == Some(TokenKind::Word)
            && first_char(self.w(b)).is_some_and(char::is_lowercase);
        if text.contains('-')
            && (next_lower || text.ends_with('n'))
            && text.split('-').all(|part| {
                !part.is_empty()
                    && (self.kb().demonym(part).is_some() || self.is_demonym_of_place(part))
            })
        {
            return;
        }
        out.push(Cand {
            a,
            b,
            title: None,
            form: MentionForm::Name,
            forced: None,
        });
    }

    /// A singular demonym or nationality adjective ("Russian", "Indonesian").
    pub(super) fn is_adjective(&self, g: usize) -> bool {
        let w = self.w(g);
        let next_lower = self.kind(g + 1) == Some(TokenKind::Word)
            && first_char(self.w(g + 1)).is_some_and(char::is_lowercase);
        // "Myanmar" is a country's name and its adjective: a name here.
        let entry = self.kb().lookup(w);
        let own_name = entry.is_some_and(|e| e.name == w);
        let demonym = !own_name && self.kb().demonym(w).is_some();
        if demonym && next_lower {
            // "Saudi officials".
            return true;
        }
        if entry.is_some() || self.kb().is_place(w) {
            return false;
        }
        if demonym || (w.ends_with("ist") && !self.lx().is_surname(w)) {
            return true;
        }
        next_lower
            && self
                .lx()
                .words(crate::lexicon::List::AdjectiveSuffixes)
                .iter()
                .any(|s| w.ends_with(s))
            && !self.lx().is_surname(w)
            && !self.lx().is_first_name(w)
            && w.chars().count() > 4
    }

    /// Splits "Trump-Putin" into two names when both halves are names here.
    pub(super) fn split_hyphenated(&self, cands: Vec<Cand>) -> Vec<Cand> {
        let singles: FastSet<&str> = cands
            .iter()
            .map(|c| self.slice(c.a, c.b))
            .filter(|t| !t.contains('-'))
            .collect();
        let mut out = Vec::with_capacity(cands.len());
        for c in cands {
            let mut start = c.a;
            let mut pieces = Vec::new();
            for g in c.a..c.b {
                if self.w(g) == "-" && g > start && g + 1 < c.b {
                    let left = self.slice(start, g);
                    let right_end = (g + 1..c.b).find(|&h| self.w(h) == "-").unwrap_or(c.b);
                    let right = self.slice(g + 1, right_end);
                    let known = |t: &str| singles.contains(t) || self.kb().lookup(t).is_some();
                    if known(left) && known(right) {
                        pieces.push((start, g));
                        start = g + 1;
                    }
                }
            }
            if pieces.is_empty() {
                out.push(c);
            } else {
                pieces.push((start, c.b));
                for (a, b) in pieces {
                    out.push(Cand {
                        a,
                        b,
                        title: None,
                        form: c.form,
                        forced: None,
                    });
                }
            }
        }
        out
    }

    /// Is `w` a singular nationality adjective made from a place name
    /// ("South Korean", "New Zealander", "Indonesian")?
    pub(super) fn is_demonym_of_place(&self, text: &str) -> bool {
        let known = |t: &str| self.kb().is_place(t) || self.kb().lookup(t).is_some();
        let strip = |suf: &str, add: &str| {
            text.strip_suffix(suf)
                .is_some_and(|stem| !stem.is_empty() && known(&format!("{stem}{add}")))
        };
        strip("n", "")
            || strip("er", "")
            || strip("ian", "y")
            || strip("an", "")
            || strip("an", "a")
            || strip("ese", "")
            || strip("ese", "a")
            || strip("i", "")
            || strip("ish", "")
            || strip("ish", "land")
    }
}
