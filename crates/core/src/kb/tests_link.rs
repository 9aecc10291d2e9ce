//! Golden cases for linking actors to the knowledge base ([`super::link`]).

use crate::doc::Doc;
use crate::drafts::{ActorDraft as Actor, MentionDraft};
use crate::kb::Kb;

fn kb() -> &'static Kb {
    crate::Analyzer::shared().kb()
}
use crate::model::{ActorKind, MentionForm, Span};

/// An actor with one name mention at every occurrence of `name` in `text`.
fn actor(text: &str, name: &str, kind: ActorKind) -> Actor {
    let mentions = text
        .match_indices(name)
        .map(|(i, m)| MentionDraft {
            span: Span::new(i, i + m.len()),
            form: MentionForm::Name,
        })
        .collect();
    Actor {
        mentions,
        ..Actor::bare(name, kind)
    }
}

/// Links the given actors in `text`; returns each one's background id.
fn link(text: &str, actors: &[(&str, ActorKind)]) -> Vec<Option<String>> {
    let doc = Doc::segmented(text);
    let mut a: Vec<Actor> = actors.iter().map(|(n, k)| actor(text, n, *k)).collect();
    crate::kb::link::link(&doc, &mut a);
    a.into_iter().map(|a| a.background.map(|b| b.id)).collect()
}

fn id(s: &str) -> Option<String> {
    Some(s.to_owned())
}

#[test]
fn georgia_next_to_atlanta_is_the_us_state() {
    let text = "Voters in Georgia lined up for hours. Officials in Atlanta said turnout was high.";
    let got = link(
        text,
        &[("Georgia", ActorKind::Place), ("Atlanta", ActorKind::Place)],
    );
    assert_eq!(got, vec![id("georgia-state"), id("atlanta")]);
}

#[test]
fn georgia_next_to_tbilisi_is_the_country() {
    let text = "Protesters filled the streets of Tbilisi. Georgia has applied to join the EU.";
    let got = link(text, &[("Georgia", ActorKind::Place)]);
    assert_eq!(got, vec![id("georgia")]);
}

#[test]
fn georgia_alone_stays_unlinked() {
    let text = "The weather in Georgia was mild this week.";
    assert_eq!(link(text, &[("Georgia", ActorKind::Place)]), vec![None]);
}

#[test]
fn washington_with_the_white_house_is_the_capital() {
    let text = "Washington rejected the offer. The White House said talks would continue.";
    let got = link(text, &[("Washington", ActorKind::Place)]);
    assert_eq!(got, vec![id("washington-d-c")]);
}

#[test]
fn zelensky_spellings_link_to_one_entry() {
    for name in [
        "Volodymyr Zelenskyy",
        "Volodymyr Zelensky",
        "Volodymyr Zelenskiy",
    ] {
        let text = format!("{name} spoke in Kyiv on Monday.");
        assert_eq!(
            link(&text, &[(name, ActorKind::Person)]),
            vec![id("volodymyr-zelenskyy")]
        );
    }
    for name in ["Zelenskyy", "Zelensky", "Zelenskiy"] {
        let text = format!("President {name} spoke on Monday.");
        assert_eq!(
            link(&text, &[(name, ActorKind::Person)]),
            vec![id("volodymyr-zelenskyy")]
        );
    }
}

#[test]
fn kremlin_is_the_seat_of_the_russian_presidency() {
    let text = "The Kremlin said the talks were useful.";
    let doc = Doc::segmented(text);
    let mut a = vec![actor(text, "Kremlin", ActorKind::Organization)];
    crate::kb::link::link(&doc, &mut a);
    let b = a[0].background.as_ref().expect("Kremlin linked");
    assert_eq!(b.id, "kremlin");
    assert!(b.description.contains("seat") && b.description.contains("Russian presidency"));
    assert_eq!(b.wiki.as_deref(), Some("Moscow Kremlin"));
    assert!(!b.as_of.is_empty() && !b.source.is_empty());
}

#[test]
fn demonym_groups_get_their_country_without_a_wiki_title() {
    let text = "Ukrainians queued for bread while Russians watched the news.";
    let doc = Doc::segmented(text);
    let mut a = vec![
        actor(text, "Ukrainians", ActorKind::Group),
        actor(text, "Russians", ActorKind::Group),
    ];
    crate::kb::link::link(&doc, &mut a);
    let b: Vec<_> = a.iter().map(|a| a.background.as_ref()).collect();
    assert_eq!(b[0].map(|b| b.id.as_str()), Some("ukraine"));
    assert_eq!(b[1].map(|b| b.id.as_str()), Some("russia"));
    assert!(b.iter().all(|b| b.is_some_and(|b| b.wiki.is_none())));
}

#[test]
fn unknown_people_stay_unlinked() {
    let text = "John Smith met Smith's lawyer in Moscow. Smith declined to comment.";
    let got = link(
        text,
        &[
            ("John Smith", ActorKind::Person),
            ("Smith", ActorKind::Person),
        ],
    );
    assert_eq!(got, vec![None, None]);
}

#[test]
fn a_surname_needs_support() {
    // A different Harris with no title or context is not Kamala Harris.
    let text = "Harris, a local baker, opened a new shop.";
    assert_eq!(link(text, &[("Harris", ActorKind::Person)]), vec![None]);
    // A full name elsewhere in the text supports the surname.
    let text = "Vladimir Putin spoke. Later Putin left.";
    assert_eq!(
        link(text, &[("Putin", ActorKind::Person)]),
        vec![id("vladimir-putin")]
    );
    // Another person with a famous surname is not linked through it.
    let text = "Ivanka Trump visited the factory.";
    assert_eq!(
        link(text, &[("Ivanka Trump", ActorKind::Person)]),
        vec![None]
    );
}

#[test]
fn kinds_must_be_compatible() {
    // A person called Jordan is not the country.
    let text = "Jordan scored twice for the home side.";
    assert_eq!(link(text, &[("Jordan", ActorKind::Person)]), vec![None]);
    let text = "Russia said the plan was unacceptable.";
    assert_eq!(link(text, &[("Russia", ActorKind::Person)]), vec![None]);
    assert_eq!(
        link(text, &[("Russia", ActorKind::Organization)]),
        vec![id("russia")]
    );
}

#[test]
fn odd_inputs_do_not_panic() {
    for text in [
        "",
        " ",
        "’",
        "The",
        "Georgia’s",
        "\u{a0}U.S.\u{a0}",
        "Ünïcödé Ğeorgia",
    ] {
        let doc = Doc::segmented(text);
        let mut a = vec![actor(text, text, ActorKind::Place)];
        crate::kb::link::link(&doc, &mut a);
    }
}

#[test]
fn reference_article_actors_get_backgrounds() {
    let text = include_str!("../../../../www/samples/moscow-talks.txt");
    let analysis = crate::analyze(text, &crate::Options::default());
    let linked: Vec<&str> = analysis
        .actors
        .iter()
        .filter_map(|a| a.background.as_ref().map(|b| b.id.as_str()))
        .collect();
    for want in [
        "vladimir-putin",
        "russia",
        "ukraine",
        "united-states",
        "kremlin",
        "moscow",
        "europe",
    ] {
        assert!(
            linked.contains(&want),
            "{want} not linked; linked: {linked:?}"
        );
    }
    // Nothing links to an entry of another kind.
    for a in &analysis.actors {
        if let Some(b) = &a.background {
            let e = kb().by_id(&b.id).expect("linked id exists");
            assert_eq!(
                a.kind == ActorKind::Person,
                e.kind == ActorKind::Person,
                "{}",
                a.name
            );
        }
    }
}

#[test]
fn new_york_defaults_to_the_city_unless_context_says_state() {
    let text = "She moved to New York last year.";
    assert_eq!(
        link(text, &[("New York", ActorKind::Place)]),
        vec![id("new-york-city")]
    );
    let text = "Lawmakers in Albany passed the budget. New York will raise taxes.";
    assert_eq!(
        link(text, &[("New York", ActorKind::Place)]),
        vec![id("new-york-state")]
    );
}

#[test]
fn a_full_name_elsewhere_settles_an_ambiguous_short_name() {
    let text = "Tourists love New York City. Hotels in New York are full.";
    assert_eq!(
        link(text, &[("New York", ActorKind::Place)]),
        vec![id("new-york-city")]
    );
}

#[test]
fn a_surname_of_an_unknown_person_is_not_a_place() {
    let text = "Valeska Paris said she was held on the ship. Paris later left the church.";
    let got = link(
        text,
        &[
            ("Valeska Paris", ActorKind::Place),
            ("Paris", ActorKind::Place),
        ],
    );
    assert_eq!(got, vec![None, None]);
    let text = "Diplomats met in Paris on Monday.";
    assert_eq!(
        link(text, &[("Paris", ActorKind::Place)]),
        vec![id("paris")]
    );
}

#[test]
fn city_comma_state_links_the_city_and_keeps_the_state() {
    let text = "The shuttle goes to Houston, Texas. Texas officials were pleased.";
    let got = link(
        text,
        &[
            ("Houston, Texas", ActorKind::Place),
            ("Texas", ActorKind::Place),
        ],
    );
    assert_eq!(got, vec![id("houston"), id("texas-state")]);
}

#[test]
fn congo_and_korea_follow_their_capitals() {
    let text = "Fighting spread near Brazzaville. Congo closed its border.";
    assert_eq!(
        link(text, &[("Congo", ActorKind::Place)]),
        vec![id("republic-of-the-congo")]
    );
    let text = "Rebels advanced on Kinshasa. Congo asked for help.";
    assert_eq!(
        link(text, &[("Congo", ActorKind::Place)]),
        vec![id("democratic-republic-of-the-congo")]
    );
    let text = "Officials in Pyongyang said Korea would respond.";
    assert_eq!(
        link(text, &[("Korea", ActorKind::Place)]),
        vec![id("north-korea")]
    );
    // No context: Korea stays unlinked.
    let text = "Korea is famous for its food.";
    assert_eq!(link(text, &[("Korea", ActorKind::Place)]), vec![None]);
}

#[test]
fn a_lone_candidate_city_needs_more_than_its_country() {
    // Charleston, West Virginia is the only Charleston in the KB; the
    // United States alone does not show this is it.
    let text = "The ship sailed from Charleston to the United States capital.";
    assert_eq!(link(text, &[("Charleston", ActorKind::Place)]), vec![None]);
    let text = "Lawmakers in West Virginia met in Charleston.";
    assert_eq!(
        link(text, &[("Charleston", ActorKind::Place)]),
        vec![id("charleston")]
    );
}

#[test]
fn random_actors_and_texts_never_panic() {
    // A small deterministic generator: texts mixing KB names, punctuation and
    // multi-byte characters; actors with arbitrary (even out-of-range) spans.
    let pieces = [
        "Georgia",
        "Atlanta",
        ", ",
        "Washington",
        "’s ",
        "President ",
        "Putin",
        "\u{a0}",
        "Ü",
        "New York",
        "the ",
        "Kremlin",
        ". ",
        "\n\n",
        "Congo",
        "Smith",
        "ß",
        "—",
        "U.S.",
        "Paris",
    ];
    let kinds = [
        ActorKind::Person,
        ActorKind::Place,
        ActorKind::Organization,
        ActorKind::Group,
        ActorKind::Other,
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for _ in 0..200 {
        let text: String = (0..next(30)).map(|_| pieces[next(pieces.len())]).collect();
        let doc = Doc::segmented(&text);
        let mut actors: Vec<Actor> = (0..next(6))
            .map(|_| {
                let name = pieces[next(pieces.len())];
                let mut a = actor(&text, name, kinds[next(kinds.len())]);
                let (start, end) = (next(text.len() + 10), next(text.len() + 10));
                a.mentions.push(MentionDraft {
                    span: Span::new(start, end),
                    form: MentionForm::Role,
                });
                a
            })
            .collect();
        crate::kb::link::link(&doc, &mut actors);
        for a in &actors {
            if let Some(b) = &a.background {
                assert!(kb().by_id(&b.id).is_some());
            }
        }
    }
}
