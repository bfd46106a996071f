//! Word lists that steer recognition. They are English function words and name cues, not
//! facts about actors (those live in the dictionary).

/// Nouns after a demonym that make it name the state ("Iranian support", "Israeli Prime
/// Minister"), not an origin ("an Iranian national") or a style ("Egyptian food").
pub const STATE_NOUNS: &[&str] = &[
    "government", "governments", "regime", "authorities", "authority", "officials", "official",
    "forces", "force", "military", "militaries", "army", "navy", "troops", "soldiers", "security",
    "intelligence", "police", "support", "backing", "funding", "aid", "assistance", "weapons",
    "arms", "money", "cash", "state", "leadership", "leaders", "leader", "president", "prime",
    "minister", "ministry", "ministries", "foreign", "defense", "defence", "embassy", "ambassador",
    "diplomats", "diplomat", "delegation", "envoy", "spokesman", "spokeswoman", "spokesperson",
    "proxies", "proxy", "allies", "ally", "influence", "involvement", "strikes", "airstrikes",
    "attacks", "attack", "missiles", "missile", "drones", "drone", "sanctions", "judiciary",
    "courts", "court", "parliament", "cabinet", "counterparts", "nuclear", "king", "crown",
    "supreme", "sponsorship", "sponsor", "patrons", "patron", "operatives", "agents", "agencies",
    "agency", "administration", "representatives", "interests", "targets", "personnel",
    "national", "revolutionary", "armed", "air", "naval", "coast", "border", "general",
    "generals", "commander", "commanders", "warplanes", "jets", "occupation", "retaliation",
    "aggression", "offensive", "raid", "raids", "incursion", "pressure", "efforts", "effort",
    "counterterrorism", "law", "prosecutors", "officers", "officer", "guards", "guard",
];

/// Nouns after a demonym that make it an origin or a description of a person or thing.
pub const ORIGIN_NOUNS: &[&str] = &[
    "national", "nationals", "citizen", "citizens", "born", "man", "woman", "men", "women",
    "businessman", "businessmen", "journalist", "descent", "origin", "people", "family", "boy",
    "girl", "child", "children", "student", "students", "resident", "residents", "-born",
    "american", "language", "food", "cuisine", "culture", "territory", "soil", "border",
    "coast", "desert", "side",
];

/// Prepositions after which a place name only locates an event.
pub const LOCATIVE_PREPOSITIONS: &[&str] = &[
    "in", "inside", "within", "across", "throughout", "near", "at", "outside", "around",
    "into", "to", "from", "via", "through", "toward", "towards", "of", "between",
];

/// Prepositions after which a state name only locates an event. Narrower than for capitals:
/// "weapons to Iran" and "support from Iran" name the state as a party.
pub const STATE_LOCATIVES: &[&str] = &[
    "in", "inside", "within", "across", "throughout", "near", "outside", "around",
];

/// Capitalised function words that open sentences; trimmed from the front of a name.
pub const FUNCTION_CAPITALS: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "It", "He", "She", "They", "We", "I", "You", "This",
    "That", "These", "Those", "But", "And", "Or", "Nor", "However", "Its", "His", "Her", "Their",
    "Our", "My", "Your", "Since", "After", "Before", "When", "While", "As", "If", "According",
    "There", "Some", "Many", "Most", "Other", "Also", "For", "From", "Although", "Despite",
    "During", "Meanwhile", "Such", "With", "Without", "By", "To", "Of", "Under", "Over", "Into",
    "Through", "Between", "Among", "Against", "Following", "Throughout", "Today", "Yesterday",
    "Tomorrow", "Now", "Then", "Here", "Where", "What", "Who", "Whom", "Which", "Why", "How",
    "All", "Any", "Each", "Every", "Both", "Either", "Neither", "No", "Not", "One", "Two",
    "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "First", "Second", "Third",
    "Last", "Next", "New", "Former", "Several", "Further", "Furthermore", "Moreover", "Thus",
    "Therefore", "Instead", "Still", "Yet", "Even", "Only", "Just", "Because", "Unless", "Until",
    "Whether", "Once", "Soon", "Later", "Earlier", "Recently", "Finally", "Additionally",
    "Please", "Following", "Between", "Like", "Unlike", "Along", "Beyond", "Amid", "Upon",
    "Several", "Is", "Are", "Was", "Were", "Has", "Have", "Had", "Do", "Does", "Did", "Will",
    "Would", "Could", "Should", "Can", "May", "Might", "Must", "Let", "Among",
];

/// Capitalised words that are not names by themselves: months, days, and generic words of
/// government and news prose. A sequence made only of these (and function words) is dropped.
pub const STOP_CAPITALS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Mr", "Mrs", "Ms", "Dr", "Section", "Article", "Chapter", "Part",
    "Act", "Order", "Executive", "Resolution", "Law", "Code", "Title", "Notice", "Federal",
    "Register", "Overview", "Background", "Activities", "Strength", "Funding", "External",
    "Aid", "Location", "Area", "Operation", "Aims", "Aim", "Name", "Names", "Aliases", "Also",
    "Known", "Formerly", "Note", "Notes", "See", "Photo", "Image", "Credit", "Read", "More",
    "Related", "Share", "Press", "Release", "Statement", "Report", "Reports", "Country",
    "Terrorism", "Terrorist", "Terrorists", "Organization", "Organizations", "Foreign",
    "Designation", "Designations", "Designated", "Global", "Specially", "State", "States",
    "Sponsor", "Sponsors", "Sponsorship", "Department", "Secretary", "Government", "President",
    "Minister", "Prime", "Office", "Islamic", "Islamist", "Islamists", "Muslim", "Muslims",
    "Shia", "Shiite", "Sunni", "Salafi", "Salafist", "Jihadist", "Jihadists", "Christian",
    "Christians", "Jewish", "Jews", "Arab", "Arabs", "Western", "Westerners", "West", "East",
    "North", "South", "Northern", "Southern", "Eastern", "Middle", "Central", "Internet",
    "English", "Arabic", "Persian", "Hebrew", "French", "Caliph", "Caliphate", "God", "Allah",
    "Prophet", "Koran", "Quran", "Ramadan", "Eid", "Sharia", "Shari'a", "Jihad", "Mujahideen",
    "Reward", "Rewards", "Justice", "Program", "Information", "Tips", "Contact", "Click",
    "Lebanese", "Following", "Between", "Please", "Copyright", "Posted", "Updated", "Published",
    "Source", "Sources", "Defense", "Treasury", "Court", "Judge", "Attorney", "General",
    "Deputy", "Assistant", "Special", "Agent", "Director", "Chief", "Senior", "Acting",
    "Ambassador", "Embassy", "Consulate", "Marine", "Marines", "Navy", "Army", "Air", "Force",
    "Forces", "Coalition", "Coalitions", "Brigades", "Front", "Movement", "Province", "Group",
    "Groups", "Party", "Council", "Committee", "Network", "Agency", "Service", "Union",
    "Alliance", "Company", "Bank", "University", "Institute", "Center", "Centre",
];

/// Last words that make a capitalised sequence an armed group.
pub const ARMED_GROUP_HEADS: &[&str] = &[
    "Brigades", "Brigade", "Front", "Army", "Province", "Battalion", "Battalions", "Militia",
    "Militias", "Mujahideen", "Mujahidin", "Jihad", "Martyrs", "Fighters", "Resistance",
    "Liberation", "Legion", "Squad", "Squads", "Cell", "Cells", "Units", "Unit", "Group",
    "Network", "Faction", "Tigers", "Guerrillas", "Rebels", "Cartel", "Gang", "Emirate",
    "Caliphate", "Ansar", "Shabaab", "Forces", "Corps", "Companions",
];

/// Last words that make a capitalised sequence a state agency.
pub const AGENCY_HEADS: &[&str] = &[
    "Ministry", "Department", "Agency", "Bureau", "Office", "Police", "Guard", "Command",
    "Service", "Services", "Directorate", "Court", "Administration", "Commission", "Prosecutor",
    "Embassy", "Consulate", "Navy", "Judiciary", "Intelligence", "Gendarmerie", "Customs",
];

/// Last words that make a capitalised sequence a political organisation.
pub const POLITICAL_HEADS: &[&str] = &[
    "Party", "Movement", "Parliament", "Assembly", "Congress", "Government", "Authority",
    "Administration", "Bloc", "Coalition", "Alliance", "League",
];

/// Last words that make a capitalised sequence a media actor.
pub const MEDIA_HEADS: &[&str] = &[
    "News", "Times", "Post", "TV", "Television", "Radio", "Media", "Magazine", "Press",
    "Gazette", "Journal", "Herald", "Tribune", "Telegraph", "Channel", "Broadcasting",
];

/// Last words that make a capitalised sequence some other organisation.
pub const ORG_HEADS: &[&str] = &[
    "Institute", "Center", "Centre", "Foundation", "Council", "Committee", "Association",
    "University", "Bank", "Company", "Corporation", "Group", "Society", "Organization",
    "Organisation", "Union", "Fund", "Trust", "Charity", "Federation", "Mission", "Program",
    "Programme", "Initiative", "Project", "Watch", "International", "Inc", "Ltd", "LLC", "Co",
    "Holding", "Holdings", "Enterprises", "Exchange", "Trading", "Industries", "Airlines",
];

/// Last words that make a capitalised sequence a place.
pub const PLACE_HEADS: &[&str] = &[
    "Strip", "Peninsula", "Valley", "Mountains", "Mountain", "River", "Sea", "Gulf", "Ocean",
    "Desert", "Island", "Islands", "Square", "Street", "Road", "Airport", "Port", "Region",
    "Governorate", "District", "County", "Camp", "City", "Heights", "Plain", "Basin", "Lake",
    "Canal", "Bay", "Coast", "Highway", "Crossing", "Hospital", "Mosque", "Church", "Village",
    "Town", "Prison", "Base", "Harbor", "Harbour", "Corridor", "Bridge", "Hotel", "Park",
    "Stadium", "Market", "Mall", "State",
];

/// Titles before a name that make it a person (and are not part of the name).
pub const PERSON_TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Professor", "Gen", "General", "Lt", "Lieutenant", "Col",
    "Colonel", "Maj", "Major", "Capt", "Captain", "Sgt", "Sergeant", "Adm", "Admiral",
    "Commander", "Cmdr", "Brig", "Brigadier", "Marshal", "President", "Vice", "Prime",
    "Minister", "Secretary", "Sheikh", "Shaykh", "Sheik", "Imam", "Ayatollah", "Mullah", "Emir",
    "Amir", "King", "Prince", "Princess", "Queen", "Sultan", "Judge", "Justice", "Senator", "Sen",
    "Representative", "Rep", "Governor", "Gov", "Mayor", "Ambassador", "Amb", "Director",
    "Chairman", "Chair", "Chief", "Spokesman", "Spokeswoman", "Deputy", "Special", "Agent",
    "Attorney", "Assistant", "Acting", "Inspector", "Officer", "Leader", "Commissioner",
    "Chancellor", "Pope", "Rabbi", "Bishop", "Father", "Haji", "Hajji", "Mawlawi", "Mullah",
    "Sayyed", "Sayyid", "Field", "Staff", "Senior", "Former", "Late", "res", "Res", "ret",
];

/// Lower-case words before a name that make it a person ("leader Shadi al-Manei").
pub const PERSON_CUE_WORDS: &[&str] = &[
    "leader", "commander", "spokesman", "spokeswoman", "founder", "chief", "head", "emir",
    "official", "officer", "minister", "president", "cleric", "financier", "businessman",
    "operative", "militant", "fighter", "member", "secretary", "director", "judge", "analyst",
    "journalist", "specialist", "expert", "envoy", "ambassador", "deputy", "aide", "adviser",
    "advisor", "lawyer", "professor", "researcher", "defendant", "citizen", "national", "named",
    "son", "brother", "wife", "father",
];

/// Verbs after a name that make it a speaker or writer (and so a person, for a bare name).
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "wrote", "writes", "told", "tells", "stated", "states", "added", "explained",
    "argued", "noted", "claimed", "alleged", "asked", "warned", "insisted", "recalled",
    "observed", "believes", "believed", "thinks", "suggested", "announced", "declared",
    "confirmed", "denied", "complained",
];

/// Lower-case particles that may sit inside a name ("Izz al-Din al-Qassam", "Bir el Abed").
pub const NAME_PARTICLES: &[&str] = &[
    "al", "el", "ad", "ud", "ul", "bin", "ibn", "bint", "abu", "abd", "wa", "wal", "fi", "of",
    "de", "du", "da", "di", "la", "le", "van", "von", "der", "for", "the", "and", "ash", "as",
    "at", "az", "an", "ar", "e", "i", "ya",
];

/// Head nouns of groups of people named by description ("Iraqi politicians and civilians",
/// "Coptic Christians", "tourists").
pub const POPULATION_HEADS: &[&str] = &[
    "civilians", "tourists", "worshippers", "worshipers", "villagers", "passengers", "activists",
    "politicians", "christians", "muslims", "copts", "shia", "sunnis", "shiites", "jews",
    "journalists", "pilgrims", "refugees", "protesters", "protestors", "students", "residents",
    "supporters", "sympathizers", "sympathisers", "figures", "personnel", "members", "voters",
    "minorities", "tribesmen", "migrants", "children", "women", "settlers", "detainees",
    "hostages", "countries", "interests", "targets", "diplomats", "peacekeepers", "aid workers",
    "forces", "militants", "groups", "militias", "fighters", "defendants", "operatives",
];

/// Head nouns among [`POPULATION_HEADS`] that make the description an armed group.
pub const ARMED_DESCRIPTION_HEADS: &[&str] =
    &["militants", "groups", "militias", "fighters", "forces", "operatives"];
