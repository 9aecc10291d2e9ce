//! Small hand-written word lists that cue names and their kinds: titles,
//! organisation and place head words, words that join names ("of", "&"),
//! and capitalised words that are never names (weekdays, months).
//!
//! All lookups are `match`es or short sorted slices (binary search): O(log n).

/// Is `w` in the sorted slice `list`?
fn has(list: &[&str], w: &str) -> bool {
    list.binary_search(&w).is_ok()
}

/// Person titles that precede a name ("President Zelenskyy", "Mr. Smith").
/// Sorted.
const TITLES: &[&str] = &[
    "Adm",
    "Administrator",
    "Admiral",
    "Ambassador",
    "Archbishop",
    "Assemblyman",
    "Assemblywoman",
    "Baron",
    "Bishop",
    "Brig",
    "Brigadier",
    "Capt",
    "Captain",
    "Cardinal",
    "Chairman",
    "Chairwoman",
    "Chancellor",
    "Chief",
    "Col",
    "Colonel",
    "Commander",
    "Commissioner",
    "Congressman",
    "Congresswoman",
    "Councillor",
    "Councilman",
    "Councilwoman",
    "Cpl",
    "Dame",
    "Deputy",
    "Detective",
    "Director",
    "Dr",
    "Duchess",
    "Duke",
    "Emeritus",
    "Emir",
    "Emperor",
    "Empress",
    "Envoy",
    "Father",
    "Foreign",
    "Gen",
    "General",
    "Gov",
    "Governor",
    "Imam",
    "Judge",
    "Justice",
    "King",
    "Lady",
    "Leader",
    "Lieutenant",
    "Lord",
    "Lt",
    "Madam",
    "Maj",
    "Major",
    "Marshal",
    "Mayor",
    "Minister",
    "Miss",
    "Mr",
    "Mrs",
    "Ms",
    "Mx",
    "Officer",
    "Pastor",
    "Pope",
    "Premier",
    "President",
    "Presidents",
    "Prime",
    "Prince",
    "Princess",
    "Prof",
    "Professor",
    "Queen",
    "Rabbi",
    "Rep",
    "Representative",
    "Rev",
    "Reverend",
    "Secretary",
    "Sen",
    "Senator",
    "Sergeant",
    "Sgt",
    "Sheikh",
    "Sir",
    "Sister",
    "Speaker",
    "Special",
    "Spokesman",
    "Spokesperson",
    "Spokeswoman",
    "Sultan",
    "Superintendent",
    "Vice",
];

/// Is `w` a title word ("President", "Mr")?
pub fn is_title(w: &str) -> bool {
    has(TITLES, w)
}

/// Title words that may also be the head of an organisation or place name
/// and so only count as titles when a name follows ("General Motors" is not).
pub fn is_weak_title(w: &str) -> bool {
    matches!(
        w,
        "General"
            | "Major"
            | "Chief"
            | "Deputy"
            | "Foreign"
            | "Special"
            | "Vice"
            | "Prime"
            | "Leader"
            | "Director"
            | "Father"
            | "Sister"
            | "Lady"
            | "Lord"
            | "King"
            | "Queen"
    )
}

/// Last words that make a name an organisation. Sorted.
const ORG_HEADS: &[&str] = &[
    "Administration",
    "Agency",
    "Airlines",
    "Airways",
    "Alliance",
    "Army",
    "Assembly",
    "Association",
    "Authority",
    "Bank",
    "Board",
    "Brigade",
    "Bureau",
    "Cabinet",
    "Caucus",
    "Chamber",
    "Chronicle",
    "Church",
    "Club",
    "Coalition",
    "College",
    "Commission",
    "Committee",
    "Company",
    "Conference",
    "Congress",
    "Corp",
    "Corporation",
    "Council",
    "Court",
    "Crown",
    "Department",
    "Directorate",
    "Division",
    "FC",
    "Federation",
    "Force",
    "Forces",
    "Foundation",
    "Front",
    "Fund",
    "Gazette",
    "Group",
    "Guard",
    "Herald",
    "Holdings",
    "Inc",
    "Industries",
    "Institute",
    "Institution",
    "Journal",
    "LLC",
    "League",
    "Ltd",
    "Magazine",
    "Mail",
    "Media",
    "Ministry",
    "Movement",
    "Nations",
    "Navy",
    "Network",
    "News",
    "Office",
    "Organisation",
    "Organization",
    "Parliament",
    "Partners",
    "Party",
    "Police",
    "Post",
    "Press",
    "Program",
    "Programme",
    "Railway",
    "Railways",
    "Reuters",
    "School",
    "Senate",
    "Service",
    "Services",
    "Society",
    "Star",
    "Sun",
    "Systems",
    "Team",
    "Technologies",
    "Telegraph",
    "Times",
    "Tribunal",
    "Tribune",
    "Trust",
    "Union",
    "United",
    "University",
    "Wire",
];

/// Is `w` a word that ends organisation names ("Party", "Ministry")?
pub fn is_org_head(w: &str) -> bool {
    has(ORG_HEADS, w)
}

/// Last words that make a name a place. Sorted.
const PLACE_HEADS: &[&str] = &[
    "Airport",
    "Avenue",
    "Base",
    "Basin",
    "Bay",
    "Beach",
    "Bridge",
    "Canal",
    "Canyon",
    "Cape",
    "Castle",
    "Cathedral",
    "Center",
    "Centre",
    "City",
    "Coast",
    "Complex",
    "Continent",
    "County",
    "Creek",
    "Desert",
    "District",
    "Facility",
    "Falls",
    "Forest",
    "Gallery",
    "Gulf",
    "Harbor",
    "Harbour",
    "Heights",
    "Highway",
    "Hill",
    "Hills",
    "Hospital",
    "Hotel",
    "Island",
    "Islands",
    "Lake",
    "Lane",
    "Mosque",
    "Mount",
    "Mountain",
    "Mountains",
    "Museum",
    "Ocean",
    "Palace",
    "Park",
    "Peninsula",
    "Plains",
    "Planetarium",
    "Plaza",
    "Province",
    "Region",
    "Republic",
    "River",
    "Road",
    "Sea",
    "Square",
    "Stadium",
    "State",
    "Station",
    "Strait",
    "Street",
    "Temple",
    "Territory",
    "Tower",
    "Valley",
    "Village",
];

/// Is `w` a word that ends place names ("River", "Airport")?
pub fn is_place_head(w: &str) -> bool {
    has(PLACE_HEADS, w)
}

/// Words after which "of" continues a name ("University of X", "Bank of
/// England", "Secretary of State"). Sorted.
const OF_HEADS: &[&str] = &[
    "Academy",
    "Archbishop",
    "Assembly",
    "Association",
    "Bank",
    "Battle",
    "Bay",
    "Bishop",
    "Board",
    "Bureau",
    "Cape",
    "Chamber",
    "Chancellor",
    "Church",
    "City",
    "College",
    "Commonwealth",
    "Council",
    "County",
    "Court",
    "Department",
    "Duchess",
    "Duke",
    "Federation",
    "Friends",
    "Governor",
    "Gulf",
    "House",
    "Institute",
    "Isle",
    "Kingdom",
    "Lake",
    "League",
    "Mayor",
    "Minister",
    "Ministry",
    "Mount",
    "Museum",
    "Office",
    "Order",
    "Plains",
    "Port",
    "Prince",
    "Princess",
    "Province",
    "Queen",
    "Republic",
    "School",
    "Sea",
    "Secretary",
    "Society",
    "State",
    "Statue",
    "Strait",
    "Union",
    "United",
    "University",
];

/// Is `w` a word after which "of" continues a name?
pub fn joins_of(w: &str) -> bool {
    has(OF_HEADS, w)
}

/// Lower-case particles inside personal names ("Ludwig van Beethoven").
pub fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "da"
            | "di"
            | "du"
            | "del"
            | "della"
            | "der"
            | "den"
            | "van"
            | "von"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "le"
            | "dos"
            | "das"
            | "ter"
    )
}

/// Capitalised words that are never names on their own: weekdays, months,
/// pronouns and sentence adverbs that the lower-case lexicon may miss.
pub fn is_never_name(w: &str) -> bool {
    matches!(
        w,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "I"
            | "OK"
            | "AM"
            | "PM"
            | "TV"
            | "CEO"
            | "Internet"
    )
}

/// Function words that start a capitalised run but are not part of a name
/// ("The Kremlin", "His Majesty").
pub fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "Your"
            | "Some"
            | "Any"
            | "Every"
            | "Each"
            | "No"
            | "All"
            | "Both"
            | "And"
            | "But"
            | "Or"
            | "If"
            | "In"
            | "On"
            | "At"
            | "As"
            | "By"
            | "For"
            | "From"
            | "To"
            | "With"
            | "Of"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "You"
            | "Dear"
            | "Former"
            | "Then"
            | "Now"
            | "Also"
            | "Yet"
            | "So"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "Under"
            | "Over"
            | "Despite"
            | "Meanwhile"
            | "However"
    )
}

/// Plural nouns for religious, political and ethnic groups that are written
/// capitalised ("Muslims", "Democrats").
pub fn is_group_noun(w: &str) -> bool {
    matches!(
        w,
        "Muslims"
            | "Christians"
            | "Jews"
            | "Hindus"
            | "Sikhs"
            | "Buddhists"
            | "Catholics"
            | "Protestants"
            | "Democrats"
            | "Republicans"
            | "Conservatives"
            | "Liberals"
            | "Socialists"
            | "Communists"
            | "Arabs"
            | "Kurds"
            | "Jihadists"
            | "Islamists"
            | "Greens"
    )
}

/// Verbs of saying that follow a person ("Smith said").
pub fn is_say_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "added"
            | "explained"
            | "stated"
            | "noted"
            | "wrote"
            | "argued"
            | "claimed"
            | "insisted"
            | "warned"
            | "asked"
            | "replied"
            | "recalled"
            | "admitted"
            | "acknowledged"
            | "claims"
            | "announced"
            | "denied"
    )
}

/// Nouns in an appositive that show a person ("Jane Doe, an Australian woman").
pub fn is_person_noun(w: &str) -> bool {
    matches!(
        w,
        "woman"
            | "man"
            | "girl"
            | "boy"
            | "mother"
            | "father"
            | "son"
            | "daughter"
            | "wife"
            | "husband"
            | "student"
            | "resident"
            | "citizen"
            | "former"
            | "who"
            | "aged"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "minister"
            | "president"
            | "leader"
            | "director"
            | "professor"
            | "lawyer"
            | "chairman"
            | "founder"
            | "member"
            | "executive"
            | "analyst"
            | "researcher"
            | "author"
            | "journalist"
            | "actor"
            | "actress"
            | "singer"
            | "artist"
    )
}

/// Compass and size words that make a place out of a place ("Southern Indiana").
pub fn is_place_modifier(w: &str) -> bool {
    matches!(
        w,
        "North"
            | "South"
            | "East"
            | "West"
            | "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
            | "Central"
            | "Upper"
            | "Lower"
            | "Greater"
            | "Northeast"
            | "Northwest"
            | "Southeast"
            | "Southwest"
            | "Inner"
            | "Outer"
    )
}

/// Nouns before "of" that introduce a place ("the town of X").
pub fn is_place_class(w: &str) -> bool {
    matches!(
        w,
        "town"
            | "city"
            | "village"
            | "province"
            | "state"
            | "region"
            | "county"
            | "district"
            | "capital"
            | "island"
            | "port"
            | "suburb"
            | "republic"
            | "kingdom"
            | "islands"
            | "area"
            | "municipality"
    )
}

/// Prepositions that usually precede a place ("in Moscow").
pub fn is_place_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "near" | "outside" | "across" | "throughout" | "towards" | "inside" | "around"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted() {
        for list in [TITLES, ORG_HEADS, PLACE_HEADS, OF_HEADS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list);
        }
    }

    #[test]
    fn lookups() {
        assert!(is_title("President"));
        assert!(is_org_head("Ministry"));
        assert!(is_place_head("River"));
        assert!(joins_of("University"));
        assert!(!is_title("Putin"));
        assert!(is_never_name("Tuesday"));
    }
}
