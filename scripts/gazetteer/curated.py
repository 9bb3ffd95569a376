"""Short hand-made tables: regions, facilities, groups of people, well-known organisations."""

from __future__ import annotations

from .model import Gazetteer

# Continents and world regions (LOC) and places news names that the country
# lists do not hold. ids are left empty: no source here gives them.
REGIONS = [
    ("Middle East", "LOC", ["Middle East", "Mideast"]),
    ("Europe", "LOC", ["Europe"]),
    ("Asia", "LOC", ["Asia"]),
    ("Africa", "LOC", ["Africa"]),
    ("North America", "LOC", ["North America"]),
    ("South America", "LOC", ["South America"]),
    ("Latin America", "LOC", ["Latin America"]),
    ("Central America", "LOC", ["Central America"]),
    ("Oceania", "LOC", ["Oceania"]),
    ("Antarctica", "LOC", ["Antarctica"]),
    ("Caribbean", "LOC", ["Caribbean"]),
    ("Balkans", "LOC", ["Balkans"]),
    ("Caucasus", "LOC", ["Caucasus", "South Caucasus", "North Caucasus"]),
    ("Central Asia", "LOC", ["Central Asia"]),
    ("Southeast Asia", "LOC", ["Southeast Asia", "South-East Asia"]),
    ("South Asia", "LOC", ["South Asia"]),
    ("East Asia", "LOC", ["East Asia"]),
    ("Eastern Europe", "LOC", ["Eastern Europe"]),
    ("Western Europe", "LOC", ["Western Europe"]),
    ("Central Europe", "LOC", ["Central Europe"]),
    ("Scandinavia", "LOC", ["Scandinavia"]),
    ("Sub-Saharan Africa", "LOC", ["Sub-Saharan Africa"]),
    ("North Africa", "LOC", ["North Africa"]),
    ("West Africa", "LOC", ["West Africa"]),
    ("East Africa", "LOC", ["East Africa"]),
    ("Horn of Africa", "LOC", ["Horn of Africa"]),
    ("Sahel", "LOC", ["Sahel"]),
    ("Persian Gulf", "LOC", ["Persian Gulf", "Arabian Gulf"]),
    ("Gulf region", "LOC", ["Gulf region"]),
    ("Levant", "LOC", ["Levant"]),
    ("Arctic", "LOC", ["Arctic"]),
    ("Pacific Ocean", "LOC", ["Pacific Ocean"]),
    ("Atlantic Ocean", "LOC", ["Atlantic Ocean"]),
    ("Indian Ocean", "LOC", ["Indian Ocean"]),
    ("Mediterranean", "LOC", ["Mediterranean", "Mediterranean Sea"]),
    ("Black Sea", "LOC", ["Black Sea"]),
    ("Red Sea", "LOC", ["Red Sea"]),
    ("South China Sea", "LOC", ["South China Sea"]),
    ("Taiwan Strait", "LOC", ["Taiwan Strait"]),
    ("Strait of Hormuz", "LOC", ["Strait of Hormuz"]),
    ("Gaza Strip", "GPE", ["Gaza Strip", "Gaza"]),
    ("West Bank", "GPE", ["West Bank"]),
    ("East Jerusalem", "GPE", ["East Jerusalem"]),
    ("Golan Heights", "LOC", ["Golan Heights"]),
    ("Donbas", "LOC", ["Donbas", "Donbass"]),
    ("Kurdistan", "GPE", ["Kurdistan", "Iraqi Kurdistan"]),
    ("Silicon Valley", "LOC", ["Silicon Valley"]),
    ("Wall Street", "LOC", ["Wall Street"]),
    ("Capitol Hill", "LOC", ["Capitol Hill"]),
    ("Korean Peninsula", "LOC", ["Korean Peninsula"]),
    ("Sinai Peninsula", "LOC", ["Sinai Peninsula", "Sinai"]),
    ("Gulf of Mexico", "LOC", ["Gulf of Mexico"]),
    ("English Channel", "LOC", ["English Channel"]),
    ("Baltic Sea", "LOC", ["Baltic Sea"]),
    ("Baltic states", "LOC", ["Baltic states", "Baltics"]),
    ("Siberia", "LOC", ["Siberia"]),
    ("Sahara", "LOC", ["Sahara", "Sahara Desert"]),
    ("Himalayas", "LOC", ["Himalayas"]),
    ("Nile", "LOC", ["Nile", "Nile River", "River Nile"]),
    ("Euphrates", "LOC", ["Euphrates", "Euphrates River"]),
    ("Dnipro River", "LOC", ["Dnipro River", "Dnieper", "Dnieper River"]),
    ("Negev", "LOC", ["Negev", "Negev Desert"]),
]

# Buildings and places news names as facilities.
FACILITIES = [
    ("Al-Aqsa Mosque", ["Al-Aqsa Mosque", "al-Aqsa Mosque", "Al-Aqsa", "al-Aqsa"]),
    ("Al-Shifa Hospital", ["Al-Shifa Hospital", "al-Shifa Hospital", "Shifa Hospital"]),
    ("Rafah crossing", ["Rafah crossing", "Rafah border crossing"]),
    ("Zaporizhzhia Nuclear Power Plant", ["Zaporizhzhia Nuclear Power Plant",
                                          "Zaporizhzhia nuclear plant"]),
    ("Guantanamo Bay", ["Guantanamo Bay", "Guantánamo Bay"]),
    ("Red Square", ["Red Square"]),
    ("Tiananmen Square", ["Tiananmen Square"]),
    ("Suez Canal", ["Suez Canal"]),
    ("Panama Canal", ["Panama Canal"]),
    ("Nord Stream", ["Nord Stream", "Nord Stream 2"]),
    ("Kerch Bridge", ["Kerch Bridge", "Crimean Bridge"]),
    ("Western Wall", ["Western Wall"]),
    ("Temple Mount", ["Temple Mount"]),
    ("Oval Office", ["Oval Office"]),
    ("U.S. Capitol", ["U.S. Capitol", "US Capitol"]),
]

# Groups of people (NORP) that are not demonyms of a country.
GROUPS = [
    ("Arab", ["Arab", "Arabs"]),
    ("Kurd", ["Kurd", "Kurds", "Kurdish"]),
    ("Muslim", ["Muslim", "Muslims"]),
    ("Christian", ["Christian", "Christians"]),
    ("Jewish", ["Jewish", "Jew", "Jews"]),
    ("Catholic", ["Catholic", "Catholics"]),
    ("Sunni", ["Sunni", "Sunnis"]),
    ("Shiite", ["Shiite", "Shiites", "Shia", "Shi'ite", "Shi'ites"]),
    ("Hindu", ["Hindu", "Hindus"]),
    ("Buddhist", ["Buddhist", "Buddhists"]),
    ("Republican", ["Republican", "Republicans"]),
    ("Democrat", ["Democrat", "Democrats"]),
    ("Latino", ["Latino", "Latinos", "Latina", "Latinas", "Hispanic", "Hispanics"]),
    ("Houthi", ["Houthi", "Houthis"]),
    ("Uyghur", ["Uyghur", "Uyghurs", "Uighur", "Uighurs"]),
    ("Rohingya", ["Rohingya"]),
    ("Pashtun", ["Pashtun", "Pashtuns"]),
    ("Tamil", ["Tamil", "Tamils"]),
    ("Druze", ["Druze"]),
    ("Bedouin", ["Bedouin", "Bedouins"]),
    ("Yazidi", ["Yazidi", "Yazidis"]),
    ("Sikh", ["Sikh", "Sikhs"]),
]

# Well-known organisations missing from the open lists, with their usual
# short forms. ids are filled from the sources when one names the
# organisation (see link_curated), never from memory.
ORGS = [
    ("Reuters", ["Reuters", "Thomson Reuters"]),
    ("Associated Press", ["Associated Press", "AP"]),
    ("Agence France-Presse", ["Agence France-Presse", "Agence France Presse", "AFP"]),
    ("Bloomberg News", ["Bloomberg News", "Bloomberg"]),
    ("BBC", ["BBC", "British Broadcasting Corporation"]),
    ("CNN", ["CNN"]),
    ("Al Jazeera", ["Al Jazeera", "Al-Jazeera"]),
    ("TASS", ["TASS"]),
    ("RIA Novosti", ["RIA Novosti"]),
    ("Xinhua", ["Xinhua", "Xinhua News Agency"]),
    ("IRNA", ["IRNA"]),
    ("Kremlin", ["Kremlin", "the Kremlin"]),
    ("White House", ["White House"]),
    ("Pentagon", ["Pentagon"]),
    ("State Department", ["State Department", "U.S. State Department", "US State Department"]),
    ("Downing Street", ["Downing Street"]),
    ("Élysée Palace", ["Élysée", "Elysee", "Élysée Palace", "Elysee Palace"]),
    ("United Nations", ["United Nations", "UN", "U.N."]),
    ("UN Security Council", ["UN Security Council", "U.N. Security Council",
                             "United Nations Security Council", "Security Council"]),
    ("UN General Assembly", ["UN General Assembly", "U.N. General Assembly",
                             "United Nations General Assembly"]),
    ("NATO", ["NATO", "North Atlantic Treaty Organization"]),
    ("European Union", ["European Union", "EU", "E.U."]),
    ("European Commission", ["European Commission"]),
    ("European Parliament", ["European Parliament"]),
    ("African Union", ["African Union"]),
    ("Arab League", ["Arab League", "League of Arab States"]),
    ("ASEAN", ["ASEAN", "Association of Southeast Asian Nations"]),
    ("OPEC", ["OPEC", "Organization of the Petroleum Exporting Countries"]),
    ("International Monetary Fund", ["International Monetary Fund", "IMF"]),
    ("World Bank", ["World Bank"]),
    ("World Health Organization", ["World Health Organization", "WHO"]),
    ("World Trade Organization", ["World Trade Organization", "WTO"]),
    ("International Criminal Court", ["International Criminal Court", "ICC"]),
    ("International Court of Justice", ["International Court of Justice", "ICJ"]),
    ("International Atomic Energy Agency", ["International Atomic Energy Agency", "IAEA"]),
    ("UNICEF", ["UNICEF"]),
    ("UNRWA", ["UNRWA"]),
    ("Red Cross", ["Red Cross", "International Committee of the Red Cross", "ICRC"]),
    ("Hamas", ["Hamas"]),
    ("Hezbollah", ["Hezbollah", "Hizbollah", "Hizballah"]),
    ("Islamic Jihad", ["Islamic Jihad", "Palestinian Islamic Jihad"]),
    ("Islamic State", ["Islamic State", "ISIS", "ISIL"]),
    ("al-Qaeda", ["al-Qaeda", "al Qaeda", "Al-Qaeda", "Al Qaeda", "al-Qaida"]),
    ("Wagner Group", ["Wagner Group"]),
    ("Islamic Revolutionary Guard Corps", ["Islamic Revolutionary Guard Corps", "IRGC",
                                           "Revolutionary Guards"]),
    ("Israel Defense Forces", ["Israel Defense Forces", "IDF"]),
    ("Palestinian Authority", ["Palestinian Authority"]),
    ("Congress", ["U.S. Congress", "US Congress", "Congress"]),
    ("Federal Reserve", ["Federal Reserve", "the Fed"]),
    ("FBI", ["FBI", "Federal Bureau of Investigation"]),
    ("CIA", ["CIA", "Central Intelligence Agency"]),
    ("Supreme Court", ["Supreme Court"]),
    ("National Aeronautics and Space Administration", [
        "National Aeronautics and Space Administration", "NASA"]),
    ("Environmental Protection Agency", ["Environmental Protection Agency", "EPA"]),
    ("Food and Drug Administration", ["Food and Drug Administration", "FDA"]),
    ("Centers for Disease Control and Prevention", [
        "Centers for Disease Control and Prevention", "CDC"]),
    ("National Security Agency", ["National Security Agency", "NSA"]),
    ("Department of Homeland Security", ["Department of Homeland Security",
                                         "Homeland Security Department", "DHS"]),
    ("Internal Revenue Service", ["Internal Revenue Service", "IRS"]),
    ("Federal Emergency Management Agency", ["Federal Emergency Management Agency", "FEMA"]),
    ("Drug Enforcement Administration", ["Drug Enforcement Administration", "DEA"]),
    ("Securities and Exchange Commission", ["Securities and Exchange Commission"]),
    ("Federal Trade Commission", ["Federal Trade Commission", "FTC"]),
    ("Federal Communications Commission", ["Federal Communications Commission", "FCC"]),
    ("National Institutes of Health", ["National Institutes of Health", "NIH"]),
    ("U.S. Immigration and Customs Enforcement", [
        "U.S. Immigration and Customs Enforcement", "Immigration and Customs Enforcement"]),
    ("U.S. Agency for International Development", [
        "U.S. Agency for International Development", "USAID"]),
    ("Organization for Security and Co-operation in Europe", [
        "Organization for Security and Co-operation in Europe", "OSCE"]),
    ("OECD", ["OECD", "Organisation for Economic Co-operation and Development",
              "Organization for Economic Cooperation and Development"]),
    ("G7", ["G7", "Group of Seven"]),
    ("G20", ["G20", "Group of 20"]),
    ("BRICS", ["BRICS"]),
    ("Shanghai Cooperation Organisation", ["Shanghai Cooperation Organisation",
                                           "Shanghai Cooperation Organization"]),
    ("Gulf Cooperation Council", ["Gulf Cooperation Council", "GCC"]),
    ("Organization of American States", ["Organization of American States"]),
    ("Organisation of Islamic Cooperation", ["Organisation of Islamic Cooperation",
                                             "Organization of Islamic Cooperation"]),
    ("Interpol", ["Interpol"]),
    ("UNESCO", ["UNESCO"]),
    ("UNHCR", ["UNHCR", "UN refugee agency"]),
    ("World Food Programme", ["World Food Programme", "World Food Program"]),
    ("Amnesty International", ["Amnesty International"]),
    ("Human Rights Watch", ["Human Rights Watch"]),
    ("Doctors Without Borders", ["Doctors Without Borders", "Médecins Sans Frontières",
                                 "Medecins Sans Frontieres"]),
    ("Fox News", ["Fox News"]),
    ("NBC News", ["NBC News", "NBC"]),
    ("CBS News", ["CBS News", "CBS"]),
    ("ABC News", ["ABC News"]),
    ("NPR", ["NPR", "National Public Radio"]),
    ("MSNBC", ["MSNBC"]),
    ("The Guardian", ["The Guardian"]),
    ("Financial Times", ["Financial Times"]),
    ("The Economist", ["The Economist"]),
    ("Politico", ["Politico"]),
    ("Axios", ["Axios"]),
    ("Interfax", ["Interfax"]),
    ("Anadolu Agency", ["Anadolu Agency", "Anadolu"]),
    ("Yonhap", ["Yonhap", "Yonhap News Agency"]),
    ("Kyodo News", ["Kyodo News", "Kyodo"]),
    ("KCNA", ["KCNA", "Korean Central News Agency"]),
    ("Al Arabiya", ["Al Arabiya"]),
    ("Haaretz", ["Haaretz"]),
    ("Times of Israel", ["Times of Israel"]),
    ("Jerusalem Post", ["Jerusalem Post"]),
    ("Tasnim News Agency", ["Tasnim News Agency", "Tasnim"]),
    ("Fars News Agency", ["Fars News Agency"]),
    ("Press TV", ["Press TV"]),
    ("WAFA", ["WAFA"]),
    ("Global Times", ["Global Times"]),
    ("RIA", ["RIA"]),
    ("Knesset", ["Knesset"]),
    ("State Duma", ["State Duma", "Duma"]),
    ("Bundestag", ["Bundestag"]),
    ("Politburo", ["Politburo"]),
    ("Taliban", ["Taliban"]),
    ("al-Shabaab", ["al-Shabaab", "Al-Shabaab", "al-Shabab", "Al-Shabab"]),
    ("Boko Haram", ["Boko Haram"]),
    ("PKK", ["PKK", "Kurdistan Workers' Party"]),
    ("Fatah", ["Fatah"]),
    ("Palestine Liberation Organization", ["Palestine Liberation Organization", "PLO"]),
    ("Muslim Brotherhood", ["Muslim Brotherhood"]),
]


def add_curated_places(gaz: Gazetteer):
    for name, label, aliases in REGIONS:
        gaz.add(None, name, label, aliases, 0.9, "curated", description="region")
    for name, aliases in GROUPS:
        gaz.add(None, name, "NORP", aliases, 0.7, "curated", description="group of people")
    for name, aliases in FACILITIES:
        gaz.add(None, name, "FAC", aliases, 0.8, "curated", description="place")


def add_curated_orgs(gaz: Gazetteer):
    for name, aliases in ORGS:
        gaz.add(None, name, "ORG", [a for a in aliases if not a.startswith("the ")],
                0.9, "curated")


def link_curated(gaz: Gazetteer):
    """Give a curated organisation the id that a source gives it: when
    exactly one entry with an id has one of the curated names (of two words
    or more, or the only one) among its aliases, the curated aliases join
    that entry; else they join the one source entry without an id that has
    the curated name ("Department of Homeland Security" from the US list)."""
    for name, aliases in ORGS:
        entry = gaz.get(None, name, "ORG")
        if entry is None:
            continue
        linked = None
        for alias in aliases:
            if " " in alias or len(aliases) == 1 or alias == name:
                linked = gaz.find("ORG", alias, with_id=True)
            if linked:
                break
        if linked is None:
            others = [e for e in gaz.index.get(name.lower(), []) if e is not entry
                      and e.label == "ORG" and gaz.entries.get(e.key) is e]
            linked = others[0] if len(others) == 1 else None
        if linked is None or linked is entry:
            continue
        for alias in entry.aliases:
            gaz.add_alias(linked, alias, "curated")
        linked.weight = max(linked.weight, entry.weight)
        linked.sources |= entry.sources
        if entry.case:
            linked.case = entry.case
        del gaz.entries[("ORG", name.lower())]
