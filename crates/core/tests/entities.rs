//! What the full pipeline must get right about names, from sentences of our
//! own (issue 11): regions and small towns are places, councils and parties
//! organisations, a law never a person, a national team in a match report an
//! organisation that is not the country, a party and its abbreviation one
//! organisation; demonym adjectives and capitalised sentence openers are no
//! actor; initials, all-caps headlines and possessives; and caption and
//! credit lines are set aside wherever they appear.

use gloss_core::{analyze, ActorKind, Analysis, Options};

fn analysis(text: &str) -> Analysis {
    analyze(text, &Options::default())
}

/// `(name, kind)` of every actor.
fn actors(a: &Analysis) -> Vec<(String, ActorKind)> {
    a.actors.iter().map(|x| (x.name.clone(), x.kind)).collect()
}

/// Asserts that each text gives every `(name, kind)` listed with it.
fn assert_kinds(cases: &[(&str, &[(&str, ActorKind)])]) {
    for (text, want) in cases {
        let got = actors(&analysis(text));
        for (name, kind) in *want {
            assert!(
                got.iter().any(|(n, k)| n == name && k == kind),
                "{text}: want {name} as {kind:?}, got {got:?}"
            );
        }
    }
}

#[test]
fn kinds_of_names() {
    use ActorKind::*;
    let cases: &[(&str, &[(&str, ActorKind)])] = &[
        (
            "The festival returns to Bavaria next summer, organisers said.",
            &[("Bavaria", Place)],
        ),
        (
            "Heavy rain flooded roads in Punjab and Ontario over the weekend.",
            &[("Punjab", Place), ("Ontario", Place)],
        ),
        (
            "The mayor of Kleinwald said the bridge would reopen in May.",
            &[("Kleinwald", Place)],
        ),
        (
            "Residents of the small town of Oberwiesen were evacuated on Friday.",
            &[("Oberwiesen", Place)],
        ),
        (
            "The Municipality of Tirana approved the new budget on Tuesday.",
            &[("Municipality of Tirana", Organization)],
        ),
        (
            "The Coastal Women's League and the Hill Farmers' Association met on Monday.",
            &[
                ("Coastal Women's League", Organization),
                ("Hill Farmers' Association", Organization),
            ],
        ),
        (
            "The Green Party won three seats, and the Liberal Party lost two.",
            &[
                ("Green Party", Organization),
                ("Liberal Party", Organization),
            ],
        ),
        (
            "President-elect Donald J. Trump met Angela Merkel in Berlin.",
            &[
                ("Donald J. Trump", Person),
                ("Angela Merkel", Person),
                ("Berlin", Place),
            ],
        ),
        (
            "The coach, Marta de la Cruz, and Pieter van der Berg spoke after the match.",
            &[
                ("Marta de la Cruz", Person),
                ("Pieter van der Berg", Person),
            ],
        ),
        (
            "J. K. Rowling and George W. Bush attended the dinner.",
            &[("J. K. Rowling", Person), ("George W. Bush", Person)],
        ),
        (
            "Ministers from Spain, Portugal and Greece met in Brussels on Monday.",
            &[
                ("Spain", Place),
                ("Portugal", Place),
                ("Greece", Place),
                ("Brussels", Place),
            ],
        ),
        (
            "Merkel's government and Macron's advisers met in Paris.",
            &[("Merkel", Person), ("Macron", Person), ("Paris", Place)],
        ),
    ];
    assert_kinds(cases);
}

#[test]
fn no_actor_for_these() {
    let cases: &[(&str, &[&str])] = &[
        // A demonym adjective, a capitalised sentence opener, a month.
        (
            "African-American voters turned out in large numbers, said Maria Lopez.",
            &["African-American", "African"],
        ),
        (
            "HIGH-powered lasers were tested at the site, the company said.",
            &["HIGH", "HIGH-powered"],
        ),
        ("The bridge will reopen in May, officials said.", &["May"]),
        // "-elect" belongs to the title.
        (
            "President-elect Donald J. Trump spoke on Friday.",
            &["-elect Donald J. Trump"],
        ),
        // Capitalised plurals that something counts are things; so are
        // their other uses, alone or after a name.
        (
            "The gallery bought 40 Polaroids from a dealer. The Polaroids \
             show Lagos in 1975, and a Polaroid camera sits beside them.",
            &["Polaroids", "Polaroid"],
        ),
        (
            "Police seized several Teslas at the port. Three Teslas had \
             false plates, and Marta Oyelaran's Teslas were returned.",
            &[
                "Teslas",
                "Marta Oyelaran's Teslas",
                "Marta Oyelaran’s Teslas",
            ],
        ),
    ];
    for (text, banned) in cases {
        let a = analysis(text);
        let got = actors(&a);
        for b in *banned {
            assert!(
                !got.iter().any(|(n, _)| n == b) && !a.mentions.iter().any(|m| m.text == *b),
                "{text}: {b} is no actor; got {got:?}"
            );
        }
    }
}

#[test]
fn a_bill_is_never_a_person() {
    let a = analysis(
        "Lawmakers debated the Clean Water Bill for six hours. \
         The Clean Water Bill now goes to the Senate.",
    );
    for x in &a.actors {
        assert!(
            !(x.name.contains("Bill") && x.kind == ActorKind::Person),
            "{:?}",
            actors(&a)
        );
    }
}

#[test]
fn national_teams_are_organisations_not_countries() {
    let a = analysis("France beat Brazil 2–1 in the final on Sunday, and Germany drew with Spain.");
    for team in ["France", "Brazil", "Germany", "Spain"] {
        let x = a
            .actors
            .iter()
            .find(|x| x.name == team)
            .unwrap_or_else(|| panic!("{team}: {:?}", actors(&a)));
        assert_eq!(x.kind, ActorKind::Organization, "{team}");
        assert!(
            x.background.is_none(),
            "{team} is the team, not the country"
        );
    }
    // Outside a match report the country is a place with its card.
    let a = analysis("France and Brazil signed a trade agreement on Sunday.");
    let france = a
        .actors
        .iter()
        .find(|x| x.name == "France")
        .expect("France");
    assert_eq!(france.kind, ActorKind::Place);
    assert!(france.background.is_some());
}

#[test]
fn a_law_with_brackets_in_its_name_is_one_name() {
    for (text, law) in [
        (
            "The court said the Fisheries (Amendment) Act broke the constitution.",
            "Fisheries (Amendment) Act",
        ),
        (
            "Members passed the Housing (No. 3) Bill by a wide margin.",
            "Housing (No. 3) Bill",
        ),
    ] {
        let got = actors(&analysis(text));
        assert!(
            got.iter().any(|(n, k)| n == law && *k != ActorKind::Person),
            "{text}: {got:?}"
        );
        assert!(
            !got.iter().any(|(n, _)| n == "Bill" || n == "Act"),
            "{got:?}"
        );
    }
}

#[test]
fn a_party_and_its_abbreviation_are_one_organisation() {
    let a = analysis(
        "The Freedom Party of Austria (FPÖ) rejected the offer. The FPÖ said talks were over.",
    );
    let parties: Vec<_> = a
        .actors
        .iter()
        .filter(|x| x.name.contains("Freedom Party") || x.name == "FPÖ")
        .collect();
    assert_eq!(parties.len(), 1, "{:?}", actors(&a));
    assert_eq!(parties[0].name, "Freedom Party of Austria");
    assert_eq!(parties[0].kind, ActorKind::Organization);
    assert!(parties[0].mentions.iter().any(|m| m.text == "FPÖ"));
}

#[test]
fn all_caps_headline() {
    let a = analysis(
        "NASA LAUNCHES NEW PROBE TO MARS\n\nNASA launched a probe to Mars on Monday, the agency said.",
    );
    let got = actors(&a);
    assert!(
        got.contains(&("NASA".into(), ActorKind::Organization)),
        "{got:?}"
    );
    assert!(!got.iter().any(|(n, _)| n.contains("LAUNCHES")), "{got:?}");
}

#[test]
fn unfamiliar_names_in_contexts_only_people_fill_are_people() {
    use ActorKind::*;
    let cases: &[(&str, &[(&str, ActorKind)])] = &[
        (
            "Odalys Trezeguet, a teacher from the north, said the fee was unfair.",
            &[("Odalys Trezeguet", Person)],
        ),
        (
            "Opposition leader Bakari Ndoro called the levy theft.",
            &[("Bakari Ndoro", Person)],
        ),
        (
            "\"It will hurt shops,\" said Vasko Ilunga, an economist at a local bank.",
            &[("Vasko Ilunga", Person)],
        ),
        (
            "Teodora Wuyts, 47, was arrested on Friday, police said.",
            &[("Teodora Wuyts", Person)],
        ),
    ];
    assert_kinds(cases);
    // An organisation in an appositive is not made a person.
    let a = analysis("Brightwater Holdings, a firm run by a former teacher, said profits fell.");
    assert!(
        !actors(&a).iter().any(|(_, k)| *k == Person),
        "{:?}",
        actors(&a)
    );
}

#[test]
fn hyphenated_given_names_stay_whole() {
    let a = analysis("Moon Jae-in met Wu Chi-wai and Kwok Ka-ki in Seoul on Monday.");
    let got = actors(&a);
    for name in ["Moon Jae-in", "Wu Chi-wai", "Kwok Ka-ki"] {
        assert!(
            got.iter().any(|(n, _)| n == name),
            "want {name}, got {got:?}"
        );
    }
    // A name made an adjective keeps its own span.
    let a = analysis("The Saudi-led coalition and Hong Kong-based groups replied.");
    let got = actors(&a);
    assert!(
        !got.iter()
            .any(|(n, _)| n.contains("-led") || n.contains("-based")),
        "{got:?}"
    );
}

#[test]
fn an_organisation_of_a_plural_noun_is_one_name() {
    let a = analysis("The Central Organisation of Trade Unions (COTU) said it would go to court.");
    let got = actors(&a);
    assert!(
        got.iter()
            .any(|(n, k)| n == "Central Organisation of Trade Unions"
                && *k == ActorKind::Organization),
        "{got:?}"
    );
}

#[test]
fn an_of_name_opening_a_sentence_keeps_its_common_head() {
    // "Friends" is a common word, but "Friends of the …" opening a
    // sentence is a name; "Friends of mine" is not.
    let a = analysis("Friends of the Wetlands, a conservation group, said the dam must go.");
    let got = actors(&a);
    assert!(
        got.iter().any(|(n, _)| n == "Friends of the Wetlands"),
        "{got:?}"
    );
    let a = analysis("Friends of mine said the dam must go.");
    assert!(actors(&a).is_empty(), "{:?}", actors(&a));
}

#[test]
fn organisations_for_a_cause_are_one_name() {
    let a = analysis(
        "A report by the Institute for Coastal Resilience was cited by the \
         Brussels-based Centre for Rural Housing Policy on Monday.",
    );
    let got = actors(&a);
    for name in [
        "Institute for Coastal Resilience",
        "Centre for Rural Housing Policy",
    ] {
        assert!(
            got.iter()
                .any(|(n, k)| n == name && *k == ActorKind::Organization),
            "want {name}, got {got:?}"
        );
    }
    // "for" after a verb or before a weekday joins nothing.
    let a =
        analysis("The Council for Monday's vote was delayed. Voters queued for Mayor Ilse Brandt.");
    let got = actors(&a);
    assert!(!got.iter().any(|(n, _)| n.contains(" for ")), "{got:?}");
}

#[test]
fn and_inside_the_of_part_of_a_name_and_its_short_form_in_brackets() {
    let a = analysis(
        "The Chamber of Shipping and Logistics (Kapal) backs the plan. \
         Kapal said ports needed it.",
    );
    let chamber = a
        .actors
        .iter()
        .find(|x| x.name == "Chamber of Shipping and Logistics");
    assert!(chamber.is_some(), "{:?}", actors(&a));
    let mentions: Vec<&str> = chamber
        .map(|x| x.mentions.iter().map(|m| m.text.as_str()).collect())
        .unwrap_or_default();
    assert!(mentions.contains(&"Kapal"), "{mentions:?}");
    // A name of its own after "and" stays apart.
    let got = actors(&analysis(
        "The Ministry of Defence and NATO agreed on Tuesday.",
    ));
    assert!(got.iter().any(|(n, _)| n == "NATO"), "{got:?}");
}

#[test]
fn a_party_name_with_and_before_a_party_noun_is_one_name() {
    let a = analysis("The Bread and Roses party won four seats in the northern city.");
    let got = actors(&a);
    assert!(got.iter().any(|(n, _)| n == "Bread and Roses"), "{got:?}");
    assert!(!got.iter().any(|(n, _)| n == "Roses"), "{got:?}");
}

#[test]
fn people_named_after_a_noun_of_people() {
    use ActorKind::*;
    let cases: &[(&str, &[(&str, ActorKind)])] = &[
        (
            "The group said its spokeswoman, Ilvana Drozdek, would travel to the capital.",
            &[("Ilvana Drozdek", Person)],
        ),
        (
            "The farm's new owner, Radomir Szulc, said the barns would be rebuilt.",
            &[("Radomir Szulc", Person)],
        ),
        (
            "Economist Oluwaseun Adebanjo said prices would rise again.",
            &[("Oluwaseun Adebanjo", Person)],
        ),
    ];
    assert_kinds(cases);
    // The capitalised noun opening the sentence is not part of the name.
    let got = actors(&analysis(
        "Economist Oluwaseun Adebanjo said prices would rise.",
    ));
    assert!(
        !got.iter().any(|(n, _)| n.starts_with("Economist")),
        "{got:?}"
    );
}

#[test]
fn an_indefinite_pronoun_opening_a_quote_is_no_actor() {
    let a = analysis("\"Nobody warned us,\" a resident said. \"Everybody knew,\" another said.");
    let got = actors(&a);
    assert!(
        !got.iter().any(|(n, _)| n == "Nobody" || n == "Everybody"),
        "{got:?}"
    );
}

#[test]
fn places_written_without_their_diacritics_are_known() {
    // The gazetteer writes "Wrocław" and "Tromsø"; news often drops the marks.
    assert_kinds(&[(
        "Floods hit Wroclaw and Tromso overnight, officials said.",
        &[("Wroclaw", ActorKind::Place), ("Tromso", ActorKind::Place)],
    )]);
}

#[test]
fn unsure_names_are_other_with_a_score_never_a_default_person() {
    // A made-up capitalised word with no cue at all: whatever the model
    // makes of it, every name has a score, and an unknown word is not a
    // person by default.
    let a = analysis("Zorblatt was discussed at length. Zorblatt remained popular.");
    assert!(
        !a.actors
            .iter()
            .any(|x| x.name == "Zorblatt" && x.kind == ActorKind::Person),
        "{:?}",
        actors(&a)
    );
}

#[test]
fn caption_and_credit_lines_are_boilerplate_anywhere() {
    let text = "Floods hit the north of the country on Monday, officials said.\n\n\
                Credit: Jane Doe/AFP via Getty Images\n\n\
                Rescue teams reached the villages by boat.\n\n\
                Source: Supplied\n\n\
                Photo: Reuters\n\n\
                Continue reading the main story\n\n\
                [Read: How the floods began]\n\n\
                Map: The affected region\n\n\
                The government promised aid to families.\n";
    let a = analysis(text);
    let ignored: Vec<&str> = a.ignored.iter().map(|i| &a.text[i.start..i.end]).collect();
    for line in [
        "Credit: Jane Doe/AFP via Getty Images",
        "Source: Supplied",
        "Photo: Reuters",
        "Continue reading the main story",
        "[Read: How the floods began]",
        "Map: The affected region",
    ] {
        assert!(ignored.contains(&line), "{line}: {ignored:?}");
    }
    assert!(!a
        .actors
        .iter()
        .any(|x| x.name == "Credit" || x.name == "AFP"));
}

#[test]
fn datelines_are_places() {
    let cases: &[(&str, &str)] = &[
        (
            "NAIROBI — The court struck down the law on Thursday.",
            "NAIROBI",
        ),
        (
            "WASHINGTON (Reuters) - The Senate passed the bill.",
            "WASHINGTON",
        ),
        ("NEW YORK — Markets fell sharply on Monday.", "NEW YORK"),
    ];
    for (text, place) in cases {
        let got = actors(&analysis(text));
        assert!(
            got.contains(&((*place).into(), ActorKind::Place)),
            "{text}: {got:?}"
        );
    }
    // A label in capitals is no place.
    let got = actors(&analysis("NASA, the space agency, said it was ready."));
    assert!(
        got.contains(&("NASA".into(), ActorKind::Organization)),
        "{got:?}"
    );
}

#[test]
fn a_newspaper_named_by_its_last_word_is_the_same_organisation() {
    let a = analysis(
        "The Evening Courier first reported the complaints. Ms Ortiz told the Courier she had done nothing wrong.",
    );
    let got = actors(&a);
    let paper: Vec<_> = a
        .actors
        .iter()
        .filter(|x| x.name.contains("Courier"))
        .collect();
    assert_eq!(paper.len(), 1, "{got:?}");
    assert_ne!(paper[0].kind, ActorKind::Person, "{got:?}");
    assert!(
        paper[0].mentions.iter().any(|m| m.text == "Courier"),
        "{got:?}"
    );
}

#[test]
fn one_capitalised_word_after_the_is_no_person() {
    let got = actors(&analysis(
        "Officials said the Registry would publish the figures, and the Romans were mentioned too.",
    ));
    assert!(
        !got.iter()
            .any(|(n, k)| n == "Registry" && *k == ActorKind::Person),
        "{got:?}"
    );
}

#[test]
fn a_list_of_people_with_their_ages_is_no_headline() {
    use ActorKind::*;
    assert_kinds(&[(
        "Three men appeared in court on Monday.\nTomas Varga, 34, of Sheffield\nDaniel Osei, 27, of Luton\nThe judge said Varga would stay in custody.",
        &[
            ("Tomas Varga", Person),
            ("Daniel Osei", Person),
            ("Sheffield", Place),
            ("Luton", Place),
        ],
    )]);
}

#[test]
fn names_of_offices_and_bodies_that_continue_with_of_or_for() {
    use ActorKind::*;
    assert_kinds(&[
        (
            "Officials at the Ministry of Foreign Affairs said the talks would resume.",
            &[("Ministry of Foreign Affairs", Organization)],
        ),
        (
            "The Department for Transport said it would not fund the rise.",
            &[("Department for Transport", Organization)],
        ),
        (
            "The Office of the Prime Minister said the visit was private.",
            &[("Office of the Prime Minister", Organization)],
        ),
        (
            "She was inducted into the Rowing Hall of Fame in 2004.",
            &[("Rowing Hall of Fame", Organization)],
        ),
        (
            "Researchers at the Library of Congress found the letters.",
            &[("Library of Congress", Organization)],
        ),
    ]);
}

#[test]
fn members_of_an_assembly_are_a_group() {
    use ActorKind::*;
    assert_kinds(&[
        ("MPs voted against the plan on Monday.", &[("MPs", Group)]),
        (
            "Conservative MPs said they would oppose the bill.",
            &[("Conservative MPs", Group)],
        ),
        (
            "The deal was backed by Labour MPs and British MEPs.",
            &[("Labour MPs", Group), ("British MEPs", Group)],
        ),
    ]);
    let a = analysis("Many MPs said they would oppose the bill.");
    assert!(
        actors(&a).iter().all(|(n, _)| n != "Many MPs"),
        "{:?}",
        actors(&a)
    );
}

#[test]
fn a_noun_of_organisations_before_a_name_makes_it_one() {
    use ActorKind::*;
    assert_kinds(&[
        (
            "Passengers' group Rail Watch called for a new timetable.",
            &[("Rail Watch", Organization)],
        ),
        (
            "The charity Clearwater Aid said supplies were blocked.",
            &[("Clearwater Aid", Organization)],
        ),
        (
            "The union Verdant Workers said members would strike.",
            &[("Verdant Workers", Organization)],
        ),
    ]);
}

#[test]
fn no_actor_for_weekdays_in_the_plural_or_one_member_of_a_group() {
    for text in [
        "On Thursdays and Fridays, the trains are busiest, the company said.",
        "Its author, Senator Ana Ruiz, a Democrat from Fresno, spoke first.",
        "As a Catholic, she said the ruling troubled her.",
    ] {
        let got = actors(&analysis(text));
        assert!(
            got.iter().all(|(n, _)| !matches!(
                n.as_str(),
                "Thursdays" | "Fridays" | "Democrat" | "Catholic"
            )),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn datelines_with_a_region_an_abbreviation_or_an_agency() {
    use ActorKind::*;
    let a = analysis(
        "Strike halts trains\n\nLEEDS, England (Reuters) - Thousands of commuters were \
         stranded on Tuesday.\n\nSACRAMENTO, Calif. — The governor vetoed the bill.",
    );
    let got = actors(&a);
    assert!(got.contains(&("LEEDS".to_owned(), Place)), "{got:?}");
    assert!(got.contains(&("SACRAMENTO".to_owned(), Place)), "{got:?}");
    assert!(
        got.iter().all(|(n, _)| n != "Thousands" && n != "Calif"),
        "{got:?}"
    );
}

#[test]
fn a_dateline_in_capitals_is_the_place_named_in_the_story() {
    let a = analysis(
        "Ferry service resumes\n\nBERGEN, Norway — The ferry to Stavanger ran again on \
         Monday, and officials in Bergen said the timetable would hold.",
    );
    let bergen: Vec<_> = a
        .actors
        .iter()
        .filter(|x| x.name.eq_ignore_ascii_case("bergen"))
        .collect();
    assert_eq!(bergen.len(), 1, "{:?}", actors(&a));
    assert_eq!(bergen[0].name, "Bergen");
    assert_eq!(bergen[0].mentions.len(), 2);
}

#[test]
fn a_company_s_legal_form_makes_an_organisation() {
    use ActorKind::*;
    assert_kinds(&[
        (
            "Shares in Hans Weber Holdings GmbH fell after the report.",
            &[("Hans Weber Holdings GmbH", Organization)],
        ),
        (
            "Maria Lopez Inc said it would close two plants in Ohio.",
            &[("Maria Lopez Inc", Organization)],
        ),
        (
            "The contract went to Harbour Freight Services, LLC in March.",
            &[("Harbour Freight Services, LLC", Organization)],
        ),
    ]);
}

#[test]
fn bodies_named_with_a_title_word_or_a_newer_head() {
    use ActorKind::*;
    assert_kinds(&[
        (
            "He pitched in Major League Baseball for six seasons.",
            &[("Major League Baseball", Organization)],
        ),
        (
            "The Vienna Philharmonic Orchestra cancelled its tour.",
            &[("Vienna Philharmonic Orchestra", Organization)],
        ),
        (
            "Wildfires spread across the Pacific Northwest on Sunday.",
            &[("Pacific Northwest", Place)],
        ),
        (
            "Floods cut roads in Ashford Township overnight.",
            &[("Ashford Township", Place)],
        ),
    ]);
}

#[test]
fn glued_particles_hyphenated_titles_and_personal_titles() {
    use ActorKind::*;
    assert_kinds(&[
        (
            "Officials said Abu Musab al-Rashidi had left the city.",
            &[("Abu Musab al-Rashidi", Person)],
        ),
        (
            "UN Secretary-General Amina Osei called for a ceasefire.",
            &[("Amina Osei", Person)],
        ),
        (
            "Harris County Judge Lina Hidalgo urged residents to stay home.",
            &[("Harris County", Place), ("Lina Hidalgo", Person)],
        ),
        (
            "Dr. White said the clinic would reopen on Monday.",
            &[("White", Person)],
        ),
    ]);
}

#[test]
fn a_listed_region_after_a_place_preposition_is_a_place_not_a_given_name() {
    use ActorKind::*;
    assert_kinds(&[
        (
            "Farmers blocked roads in Brittany after the vote on Monday.",
            &[("Brittany", Place)],
        ),
        // A later conjunct of a list after "in", and the name's other uses.
        (
            "Farmers marched in Provence, Normandy and Brittany on Monday. \
             By Friday, Brittany had reopened its ports.",
            &[("Normandy", Place), ("Brittany", Place)],
        ),
    ]);
}

#[test]
fn counting_leaves_people_titles_and_dates_alone() {
    use ActorKind::*;
    assert_kinds(&[
        // A year or a number that dates the clause counts nothing.
        (
            "In 348 Pachomius founded a second monastery.",
            &[("Pachomius", Person)],
        ),
        // Words for people stay with the recogniser.
        (
            "Two Democrats and Senator Ines Okafor voted against it.",
            &[("Ines Okafor", Person)],
        ),
    ]);
    let got = actors(&analysis(
        "Police seized 12 Teslas on Monday, Inspector Dana Whitlock said.",
    ));
    assert!(
        got.contains(&("Dana Whitlock".to_owned(), Person)),
        "{got:?}"
    );
    assert!(got.iter().all(|(n, _)| n != "Teslas"), "{got:?}");
}
