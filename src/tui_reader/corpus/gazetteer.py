"""Lists of public facts that entity recognition leans on: small ones written here, and the
larger ones of `data/` (places, given names, organisations; their sources and licences are
in data/README.md, and scripts/build_gazetteer.py builds them).

Names are stored lowercase. Keep these lists general: they describe the world, not a corpus.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

_DATA = Path(__file__).with_name("data")


def _words(text: str) -> frozenset[str]:
    return frozenset(line.strip().lower() for line in text.split("|") if line.strip())


def _data(name: str) -> list[str]:
    """The first column of each line of a data file."""
    text = (_DATA / name).read_text(encoding="utf-8")
    return [line.split("\t", 1)[0] for line in text.splitlines() if line.strip()]


PLACES = frozenset(name.lower().replace("’", "'") for name in _data("places.txt"))
"""Countries, their divisions, and cities and towns (GeoNames, CC BY 4.0)."""
_ORGANISATIONS = _data("organisations.txt")
# Short acronyms are matched as written: lowercased, "US", "WHO" and "UPS" would be words.
ORG_ACRONYMS = frozenset(n for n in _ORGANISATIONS if len(n) <= 4 and n[1:] != n[1:].lower())
"""Organisations whose name is a short acronym, as written ("WHO", "MoD")."""
ORGANISATIONS = frozenset(
    n.lower().replace("’", "'") for n in _ORGANISATIONS if n not in ORG_ACRONYMS
)
"""Companies, clubs, teams, parties, news media and public bodies, lowercase."""
COMMON_WORDS: frozenset[str] = frozenset(_data("common_words.txt"))
"""Common English words that no list here writes as a name (SCOWL): alone, capitalised,
such a word is no name ("Moreover", "Photo")."""
GIVEN_NAMES = frozenset(name.lower() for name in _data("given_names.txt"))
"""Given names that are no common word (US Census 1990, public domain, and others)."""


COUNTRIES = _words(
    "Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|"
    "Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|"
    "Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|"
    "China|Colombia|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|"
    "Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|"
    "Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guyana|"
    "Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|"
    "Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|"
    "Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|"
    "Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nepal|"
    "Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|"
    "Pakistan|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|"
    "Romania|Russia|Rwanda|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|"
    "Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|"
    "Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tunisia|Turkey|Turkmenistan|"
    "Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|United States of America|"
    "Uruguay|Uzbekistan|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|America|Britain|Great Britain|"
    "England|Scotland|Wales|Northern Ireland|U.S.|US|USA|U.S.A.|UK|U.K.|UAE|Europe|Asia|Africa|"
    "North America|South America|Latin America|Middle East|Antarctica|Gaza|West Bank|Hong Kong|"
    "Puerto Rico|Greenland|Crimea|Siberia|Scandinavia|Caribbean"
)

US_STATES = _words(
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming|District of Columbia|D.C.|DC"
)

# AP-style and postal abbreviations, for "Albany, N.Y." and the like.
STATE_ABBREVIATIONS = {
    "ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California",
    "colo": "Colorado", "conn": "Connecticut", "del": "Delaware", "fla": "Florida",
    "ga": "Georgia", "ill": "Illinois", "ind": "Indiana", "kan": "Kansas", "ky": "Kentucky",
    "la": "Louisiana", "md": "Maryland", "mass": "Massachusetts", "mich": "Michigan",
    "minn": "Minnesota", "miss": "Mississippi", "mo": "Missouri", "mont": "Montana",
    "neb": "Nebraska", "nev": "Nevada", "nh": "New Hampshire", "nj": "New Jersey",
    "nm": "New Mexico", "ny": "New York", "nc": "North Carolina", "nd": "North Dakota",
    "okla": "Oklahoma", "ore": "Oregon", "pa": "Pennsylvania", "ri": "Rhode Island",
    "sc": "South Carolina", "sd": "South Dakota", "tenn": "Tennessee", "tex": "Texas",
    "vt": "Vermont", "va": "Virginia", "wash": "Washington", "wva": "West Virginia",
    "wis": "Wisconsin", "wyo": "Wyoming",
}  # fmt: skip

CITIES = _words(
    "New York City|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|"
    "San Jose|Austin|Jacksonville|Fort Worth|Columbus|Charlotte|San Francisco|Indianapolis|"
    "Seattle|Denver|Boston|El Paso|Nashville|Detroit|Oklahoma City|Portland|Las Vegas|Memphis|"
    "Louisville|Baltimore|Milwaukee|Albuquerque|Tucson|Fresno|Sacramento|Kansas City|Atlanta|"
    "Miami|Raleigh|Omaha|Minneapolis|Cleveland|Tulsa|Oakland|Tampa|New Orleans|Honolulu|"
    "Pittsburgh|Cincinnati|St. Louis|Orlando|Buffalo|Newark|Anchorage|Salt Lake City|Richmond|"
    "Albany|Annapolis|Augusta|Baton Rouge|Bismarck|Boise|Carson City|Charleston|Cheyenne|Concord|"
    "Des Moines|Dover|Frankfort|Harrisburg|Hartford|Helena|Jackson|Jefferson City|Juneau|Lansing|"
    "Lincoln|Little Rock|Madison|Montgomery|Montpelier|Olympia|Pierre|Providence|Saint Paul|"
    "St. Paul|Salem|Santa Fe|Springfield|Tallahassee|Topeka|Trenton|Birmingham|Brooklyn|"
    "Manhattan|Queens|the Bronx|Bronx|Staten Island|Silicon Valley|Hollywood|Wall Street|"
    "London|Paris|Berlin|Madrid|Rome|Milan|Moscow|Kyiv|Kiev|Warsaw|Vienna|Prague|Budapest|"
    "Amsterdam|Brussels|Geneva|Zurich|Dublin|Edinburgh|Manchester|Lisbon|Athens|Istanbul|Ankara|"
    "Stockholm|Oslo|Copenhagen|Helsinki|Beijing|Shanghai|Shenzhen|Tokyo|Osaka|Seoul|Taipei|"
    "Bangkok|Jakarta|Manila|Hanoi|Delhi|New Delhi|Mumbai|Bangalore|Karachi|Lahore|Dhaka|Tehran|"
    "Baghdad|Riyadh|Dubai|Abu Dhabi|Doha|Jerusalem|Tel Aviv|Cairo|Lagos|Nairobi|Johannesburg|"
    "Cape Town|Sydney|Melbourne|Toronto|Montreal|Vancouver|Ottawa|Mexico City|Havana|Bogota|"
    "Lima|Santiago|Buenos Aires|Sao Paulo|São Paulo|Rio de Janeiro|Caracas|Singapore|Davos|"
    "Brussels|The Hague|Strasbourg|Hamburg|Munich|Frankfurt|Barcelona|Naples|Venice|Kabul"
)

COMPANIES = _words(
    "Amazon|Apple|Google|Alphabet|Microsoft|Meta|Facebook|Instagram|WhatsApp|Twitter|Tesla|"
    "SpaceX|Netflix|Nvidia|Intel|IBM|Oracle|Samsung|Sony|Walmart|Target|Costco|Starbucks|"
    "McDonald's|Uber|Lyft|Airbnb|TikTok|ByteDance|OpenAI|Anthropic|Disney|Boeing|Ford|"
    "General Motors|Toyota|Volkswagen|ExxonMobil|Chevron|Pfizer|Moderna|Johnson & Johnson|"
    "Goldman Sachs|JPMorgan|Morgan Stanley|Citigroup|Wells Fargo|BlackRock|Berkshire Hathaway|"
    "Trader Joe's|Whole Foods|Home Depot|FedEx|UPS|Yahoo|Reddit|LinkedIn|YouTube|Spotify|"
    "PayPal|eBay|Salesforce|Adobe|AT&T|Verizon|Comcast|CNN|CNBC|Fox News|NPR|BBC|Reuters|"
    "Bloomberg|Associated Press|The New York Times|New York Times|Washington Post|"
    "Wall Street Journal|HuffPost|Politico|Axios|Vox|Vice|Yahoo Finance|GoFundMe|Kickstarter|"
    "Democrats|Republicans|Democratic Party|Republican Party|GOP|Congress|Senate|White House|"
    "Labour|Conservatives|Tories|Lib Dems|Liberal Democrats|SNP|Plaid Cymru|UKIP|Greens|"
    "Green Party|Sinn Fein|Sinn Féin|DUP|Reform UK|Brexit Party|Parliament|Downing Street|"
    "Whitehall|Westminster|NHS|BBC|ITV|Sky News|Channel 4|Reuters|AFP|Interfax|Xinhua|"
    "Pentagon|Kremlin|NATO|United Nations|European Union|EU|UN|FBI|CIA|NASA|IRS|FDA|CDC|WHO"
)

_OTHER = (
    "COVID-19|Covid-19|Covid|COVID|Brexit|Olympics|Super Bowl|World Cup|Bitcoin|"
    # Laws, court cases, public programmes and speeches.
    "Constitution|Obamacare|Medicare|Medicaid|Affordable Care Act|Social Security|"
    "Roe v. Wade|State of the Union|Bill of Rights|"
    # Stock market indices.
    "Dow Jones Industrial Average|Nasdaq Composite|S&P 500|FTSE 100|Nikkei 225|"
    # Broadcast programmes.
    "Face the Nation|Meet the Press|Fox & Friends|Fox and Friends|This Week|Good Morning America|"
    "Today programme|Question Time|Newsnight"
)
OTHER = _words(_OTHER)

# Nationality, faith and allegiance words name no single entity, nor do their plurals.
_DEMONYMS = _words(
    "American|Americans|British|Chinese|Russian|Russians|Ukrainian|Ukrainians|European|"
    "Europeans|Mexican|Canadian|German|French|Japanese|Indian|Israeli|Israelis|Palestinian|"
    "Palestinians|Iranian|Iraqi|Syrian|African|Asian|Latino|Latina|Latinos|Hispanic|Black|White|"
    "Christian|Christians|Muslim|Muslims|Jewish|Catholic|Protestant|English|Spanish|Italian|"
    "Afghan|Albanian|Algerian|Argentine|Argentinian|Armenian|Australian|Austrian|Bangladeshi|"
    "Belgian|Bolivian|Brazilian|Bulgarian|Cambodian|Chilean|Colombian|Croatian|Cuban|Czech|Danish|"
    "Dutch|Ecuadorian|Egyptian|Emirati|Ethiopian|Filipino|Finnish|Georgian|Ghanaian|Greek|"
    "Haitian|Hungarian|Icelandic|Indonesian|Irish|Jamaican|Jordanian|Kenyan|Korean|Kurdish|"
    "Lebanese|Libyan|Lithuanian|Malaysian|Moroccan|Nepali|Nigerian|Norwegian|Pakistani|"
    "Peruvian|Polish|Portuguese|Qatari|Romanian|Saudi|Scottish|Serbian|Singaporean|Slovak|"
    "Somali|Sudanese|Swedish|Swiss|Taiwanese|Thai|Tunisian|Turkish|Venezuelan|Vietnamese|Welsh|"
    "Yemeni|Arab|Arabs|Western|Eastern|Northern|Southern|Zionist|Zionists|Sunni|Shiite|Hindu|"
    "Buddhist|Evangelical|Israeli-American|African-American|Asian-American|Mexican-American|"
    "Olympic|Paralympic|Scot|Scots|Briton|Britons|Islamist|Islamists|Spaniard|Spaniards|"
    "Welshman|Frenchman|Englishman|Irishman|Scotsman|Londoner|Londoners|Kiwi|Aussie|Yank|"
    "Catalan|Basque|Flemish|Bavarian|Texan|Californian|New Yorker|Muscovite|Parisian|"
    "Arabic|Hebrew|Latin|Roman|Nazi|Nazis|Soviet|Communist|Communists|Marxist|"
    "Christians|Jews|Jew|Hindus|Sikh|Sikhs|Asians|Africans|Europeans|Hispanics|Islamic|Kurd|"
    "Confederate|Union|Midwestern|Semitic"
)
DEMONYMS: frozenset[str] = _DEMONYMS | {
    f"{w}s" for w in _DEMONYMS if w[-1] not in "sh" and not w.endswith("ese")
}

# Common nouns that start sentences in the plural: never an entity on their own.
COMMON_NOUNS = _words(
    "People|Police|Officials|Residents|Workers|Employees|Experts|Critics|Analysts|Supporters|"
    "Students|Teachers|Doctors|Nurses|Officers|Researchers|Scientists|Lawmakers|Legislators|"
    "Voters|Protesters|Demonstrators|Authorities|Investigators|Prosecutors|Regulators|Users|"
    "Customers|Consumers|Fans|Players|Members|Leaders|Parents|Children|Kids|Women|Men|Families|"
    "Organizers|Activists|Advocates|Residents|Locals|Shoppers|Drivers|Passengers|Travelers|"
    "Patients|Survivors|Victims|Witnesses|Soldiers|Troops|Firefighters|Farmers|Investors|"
    "Economists|Executives|Managers|Owners|Staff|Staffers|Sources|Reporters|Journalists|"
    "Citizens|Immigrants|Migrants|Refugees|Democracy|Government|Officers|Unions|Companies|"
    "Corporations|Businesses|Hospitals|Schools|Universities|Cities|States|Countries|Scientists|"
    # Left alone by a name or an office cut around it: "State of the Union", "Iowa State Rep."
    "State|"
    # Written with capitals, but naming no single thing.
    "Internet|LGBT|LGBTQ|LGBTQ+|LGBTQIA|PAC|PACs|Super PAC|ID|IDs|I.D.|Congressional|"
    "Semitism|"
    # The labels of tables of results and prices.
    "Attendance|Attendence|Results|Result|Scorers|Scorer|Scores|Extras|Total|Totals|Bowling|"
    "Batting|Fall|Avg|Average|Tries|Try|Penalties|Penalty|Conversions|Conversion|Sales|Net|"
    "Current|Previous|Fax|Telephone|Tel|Standings|Schedule|Fixtures|Teams|Table|Division|"
    "Group|Round|Pos|Pts|Points|Goals|Wins|Draws|Losses|Amount|Price|Prices|Yield|Coupon|"
    "Close|Open|High|Low|Change|Volume|Rank|Ranking|Rankings|Notes|Source|Sources|Venue|"
    "Referee|Half-time|Halftime|Stage|Leg|Heat|Final|Semi-final|Quarter-final|Overall|Men|"
    "Women|Singles|Doubles"
)

ORG_HEADS = _words(
    "Union|Unions|Board|Laboratory|Panel|System|International|Conference|Subcommittee|Center|Centre|Council|Federation|Association|Department|Party|Commission|Committee|"
    "Agency|Administration|Authority|Bureau|Chamber|Court|Congress|Senate|Inc|Inc.|Corp|Corp.|"
    "Corporation|Co.|Company|Ltd|Ltd.|LLC|Group|Holdings|Foundation|Institute|University|College|"
    "School|Bank|Fund|Service|Services|Times|Post|Journal|News|Network|Press|Ministry|Office|"
    "Organization|Organisation|Society|Alliance|Coalition|Workers|League|Club|Labs|Technologies|"
    "Systems|Motors|Airlines|Reserve|Police|Army|Navy|Force|Guard|Industries|Enterprises|"
    "Partners|Capital|Media|Institution|Academy|Trust|Caucus|Legislature|Assembly|Parliament|"
    "Cabinet|Federation|Brotherhood|Guild|Teamsters|Church|Hospital|Team|Magazine|Tribune|Herald"
)

PLACE_HEADS = _words(
    "Island|Islands|County|Valley|Beach|Bay|Lake|River|Mountains|Mountain|Street|Avenue|Square|"
    "Bridge|Province|Region|Peninsula|Coast|Heights|Village|Township|Borough|Park|Canyon|Desert|"
    "Sea|Ocean|Gulf|Harbor|Harbour|Airport|Station|Plaza|Boulevard|Road|Highway|Tower|Towers|"
    "Hemisphere|Town|City|Hills|Falls|Strait|Canal|Forest|Prefecture|District|Territory|"
    "Territories|Quarter|Coastline|Glacier|Mall|Stadium|Arena|Palace|Castle|Hotel|Lakes|"
    "Republic|Kingdom|Emirates|Prison|Dome|Isle|Isles|Cape|Vale|Duchy|Straits"
)

# Titles written before a name; they end a name span and mark the next one as a person.
TITLES = _words(
    "President|Sen.|Senator|Rep.|Representative|Gov.|Governor|Mayor|Mr.|Mrs.|Ms.|Dr.|Prof.|"
    "Professor|Judge|Justice|Secretary|Chairman|Chairwoman|Chair|CEO|Director|Commissioner|Gen.|"
    "General|Lt.|Col.|Sgt.|Capt.|Officer|Detective|Pope|King|Queen|Prince|Princess|Sir|Dame|Lord|"
    "Lady|Rev.|Chief|Speaker|Minister|Prime|Attorney|Deputy|Ambassador|Councilman|Councilwoman|"
    "Congressman|Congresswoman|Assemblyman|Assemblywoman|Sheriff|Coach|Founder|Leader|"
    "Justices|Senators|Sens.|Reps.|Representatives|Governors|Judges|Mayors|Ministers|"
    "Presidents|"
    # British style writes them without the full stop.
    "Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Rev|Supt|Insp|Det|Cllr|Messrs|"
    "Chancellor|Baroness|Baron|Duke|Duchess|Earl|Countess|Viscount|Inspector|Constable|"
    "Superintendent|Archbishop|Bishop|Cardinal|Councillor|Commander|Admiral|Colonel|Captain|"
    "Sergeant|Lieutenant|Chairperson|Presenter|Manager|Striker|Midfielder|Defender|"
    "Goalkeeper|Skipper|Boss|Coroner|Magistrate|Recorder|Premier|Vice-President|MP|MEP|MSP|"
    "President-elect|Secretary-General|Crown Prince|Emir|Sheikh|Ayatollah|Imam|Rabbi|Father|"
    "Sister|Brother|Saint"
)

# Words of an office before a title: "Health Secretary", "Foreign Minister", "Shadow
# Chancellor". Before a title they are part of it, never a name of their own.
OFFICES = _words(
    "Health|Foreign|Home|Defence|Defense|Education|Culture|Justice|Transport|Environment|"
    "Energy|Interior|Finance|Trade|Business|Treasury|Shadow|State|Deputy|Junior|Vice|Former|"
    "Acting|Interim|Chief|Economy|Economic|Agriculture|Communities|Housing|Welsh|Scottish|"
    "Northern Ireland|Labour|Work|Pensions|Brexit|Security|Immigration|Police|Fire|Prisons|"
    "Science|Sports|Sport|Digital|Climate|Development|International|Commerce|Labor|"
    "Attorney|Solicitor|Prime|First|Lord|Assistant|Associate|Senior|Executive|Managing|"
    "Technical|Sporting|Football|Team|Club|Party|Opposition|Tory|Conservative|Democratic|"
    "Republican|Liberal|Green|Independent|Regional|County|City|Council|Mayoral|Presidential|"
    "Commons|Lords|Cabinet|Minority|Majority|Leader|Press"
)

# Role nouns, lowercase, that name the person right after them: "spokesperson Kelly Nantel".
ROLES = _words(
    "spokesperson|spokesman|spokeswoman|journalist|reporter|co-host|host|founder|co-founder|ceo|"
    "chief|executive|president|senator|lawmaker|organizer|worker|employee|manager|counsel|"
    "analyst|economist|professor|author|writer|editor|leader|activist|attorney|lawyer|director|"
    "chairman|chairwoman|representative|candidate|coach|player|star|singer|actor|actress|artist|"
    "judge|officer|official|minister|secretary|governor|mayor|colleague|wife|husband|son|"
    "daughter|mother|father|brother|sister|billionaire|entrepreneur|investor|historian|"
    "researcher|scientist|doctor|nurse|teacher|student|rapper|comedian|columnist|correspondent"
)

SAYING_VERBS = _words(
    "said|says|told|tells|added|adds|wrote|writes|noted|notes|tweeted|claimed|claims|continued|"
    "argued|argues|explained|explains|asked|asks|stated|testified|recalled|insisted|warned|"
    "admitted|replied|posted|commented|acknowledged|announced|believes|believed|thinks|thought"
)

# Common given names, for "Derrick Palmer" with no other cue: these, some of which are words
# too ("Mark", "Grace"), and the larger list of the data folder.
FIRST_NAMES: frozenset[str] = (
    _words(
        "Aaron|Abigail|Adam|Adrian|Aidan|Alan|Albert|Alex|Alexander|Alexandra|Alexandria|Alexis|Alice|"
        "Alicia|Allie|Allison|Alyssa|Amanda|Amber|Amy|Andrea|Andrew|Andy|Angela|Ann|Anna|Anne|Anthony|"
        "Antonio|Arthur|Ashley|Austin|Barbara|Barry|Ben|Benjamin|Bernie|Beth|Betty|Bill|Billy|Bob|"
        "Bobby|Bonnie|Brad|Bradley|Brandon|Brenda|Brian|Brittany|Bruce|Bryan|Caitlin|Cameron|Carl|"
        "Carla|Carlos|Carol|Caroline|Carolyn|Catherine|Charles|Charlie|Charlotte|Chelsea|Cheryl|Chris|"
        "Christian|Christina|Christine|Christopher|Chuck|Cindy|Claire|Clara|Craig|Crystal|Cynthia|"
        "Dale|Dan|Daniel|Danielle|Danny|Dave|David|Dean|Deborah|Debra|Denise|Dennis|Derek|Derrick|"
        "Diana|Diane|Donald|Donna|Doris|Dorothy|Doug|Douglas|Dylan|Ed|Eddie|Edward|Elizabeth|Ella|"
        "Ellen|Elon|Emily|Emma|Eric|Erica|Erin|Ethan|Eugene|Eva|Evan|Frances|Frank|Fred|Gabriel|Gary|"
        "George|Gerald|Gina|Gloria|Grace|Greg|Gregory|Hannah|Harold|Harry|Heather|Helen|Henry|Holly|"
        "Howard|Ian|Isaac|Isabella|Jack|Jackie|Jacob|Jake|James|Jamie|Jane|Janet|Janice|Jared|Jason|"
        "Jean|Jeff|Jeffrey|Jen|Jennifer|Jeremy|Jerry|Jesse|Jessica|Jill|Jim|Jimmy|Joan|Joe|Joel|John|"
        "Johnny|Jon|Jonathan|Jordan|Jose|Joseph|Josh|Joshua|Joyce|Juan|Judith|Judy|Julia|Julie|Justin|"
        "Karen|Kate|Katherine|Kathleen|Kathryn|Kathy|Katie|Keith|Kelly|Ken|Kenneth|Kevin|Kim|"
        "Kimberly|Kristen|Krystal|Kyle|Larry|Laura|Lauren|Lawrence|Leah|Lee|Linda|Lisa|Liz|Logan|Lori|"
        "Louis|Lucas|Luis|Luke|Madison|Marc|Margaret|Maria|Marie|Marilyn|Mark|Martha|Martin|Mary|"
        "Matt|Matthew|Megan|Melissa|Michael|Michelle|Mike|Mitch|Monica|Nancy|Natalie|Nathan|Nicholas|"
        "Nick|Nicole|Noah|Olivia|Pamela|Pat|Patricia|Patrick|Paul|Peter|Phil|Philip|Rachel|Ralph|"
        "Randy|Raymond|Rebecca|Richard|Rick|Rob|Robert|Roger|Ron|Ronald|Rose|Roy|Russell|Ruth|Ryan|"
        "Sam|Samantha|Samuel|Sandra|Sara|Sarah|Scott|Sean|Sharon|Shirley|Sophia|Stephanie|Stephen|"
        "Steve|Steven|Susan|Tammy|Teresa|Terry|Theresa|Thomas|Tim|Timothy|Tina|Todd|Tom|Tony|Tracy|"
        "Travis|Tyler|Valerie|Victor|Victoria|Vincent|Virginia|Walter|Wayne|William|Willie|Zachary|"
        "Joe|Kamala|Hillary|Barack|Nancy|Chuck|Ted|Elizabeth|Marco|Rand|Lindsey|Mitt|Vladimir|Xi|"
        "Emmanuel|Angela|Boris|Rishi|Justin|Narendra|Volodymyr|Benjamin|Recep|Jeff|Sundar|Satya|Tim|"
        "Mark|Sheryl|Jack|Warren|Bernard|Rupert|Oprah|Taylor|Beyonce|Kanye|Kim|"
        # More given names common in English-language news, from many countries.
        "Abdul|Abdullah|Adriana|Agnes|Ahmed|Aisha|Akira|Alberto|Alejandro|Alessandro|Alfred|Ali|"
        "Alina|Allan|Alma|Amelia|Amir|Ana|Andre|Andrea|Andrei|Andres|Angel|Anita|Anton|Antony|"
        "Ari|Arnold|Arturo|Ashok|Audrey|Ava|Avi|Barney|Beatrice|Ben|Benny|Bernadette|Bianca|Blake|"
        "Brett|Brooke|Bryce|Byron|Calvin|Camila|Candace|Carlo|Carmen|Casey|Cecilia|Cesar|Chad|"
        "Chen|Chuck|Clarence|Claudia|Clifford|Clint|Colin|Connor|Corey|Cory|Courtney|Curtis|Daisy|"
        "Dana|Daniela|Darius|Darren|Daryl|Davide|Dawn|Deepak|Delia|Desmond|Devin|Diego|Dmitry|"
        "Dominic|Don|Drew|Duncan|Dustin|Earl|Edgar|Eduardo|Elena|Eli|Elias|Elijah|Elise|Eliza|"
        "Ellie|Elliot|Elsa|Emilio|Emmanuel|Enrique|Ernest|Esther|Ethel|Evelyn|Fatima|Felix|Fernando|"
        "Fiona|Florence|Francesca|Francis|Francisco|Franklin|Gavin|Gene|Geoffrey|Gerard|Gilbert|"
        "Giorgia|Giovanni|Glenn|Gordon|Graham|Grant|Gustavo|Hamid|Hans|Harriet|Harvey|Hassan|"
        "Hector|Heidi|Herbert|Hugh|Hugo|Hussein|Ibrahim|Igor|Ilya|Imran|Ingrid|Irene|Iris|Ivan|"
        "Jacqueline|Jaime|Jamal|Janet|Javier|Jay|Jean-Pierre|Jenna|Jenny|Jeremiah|Jerome|Joanna|"
        "Jodi|Johanna|Jorge|Josephine|Joy|Julian|Juliet|Julius|June|Kai|Kamal|Karl|Kasia|Katarzyna|"
        "Kay|Keir|Kemi|Ketanji|Khalid|Kirk|Klaus|Kristin|Kurt|Lance|Lars|Leon|Leonard|Leslie|Lila|"
        "Lillian|Lily|Lorenzo|Lucy|Luigi|Lydia|Malcolm|Manuel|Marcus|Margot|Mario|Marion|Marissa|"
        "Marta|Marvin|Mateo|Maurice|Max|Maxine|Maya|Mehmet|Mei|Merrick|Miguel|Mikhail|Miles|"
        "Milton|Min|Miriam|Mohamed|Mohammed|Muhammad|Molly|Morgan|Nadia|Naomi|Natasha|Neil|Nelson|"
        "Nikki|Nina|Noel|Nora|Norman|Oleg|Oliver|Omar|Oscar|Owen|Pablo|Paolo|Pedro|Penny|Pete|"
        "Phillip|Pierre|Priya|Rafael|Rahul|Raj|Ramon|Raul|Ray|Reed|Regina|Rex|Ricardo|Riley|Rita|"
        "Robin|Rodrigo|Roman|Rosa|Ross|Rudy|Ruby|Rui|Sabrina|Salman|Sanjay|Santiago|Sasha|Saul|"
        "Sebastian|Selena|Sergei|Seth|Shane|Shawn|Sheila|Sofia|Sonia|Spencer|Stacey|Stan|Stanley|"
        "Stella|Stuart|Sunil|Sylvia|Tamara|Tanya|Tara|Ted|Terrence|Thierry|Tobias|Toby|Trevor|"
        "Tristan|Troy|Valentina|Vanessa|Vernon|Veronica|Vicky|Viktor|Vivian|Wade|Wang|Wendy|Wes|"
        "Wesley|Whitney|Wilson|Xavier|Yasmin|Yusuf|Yuki|Yvonne|Zoe"
    )
    | GIVEN_NAMES
)

# Short forms of given names: "Chris" and "Christian" are one person when the surname agrees.
NICKNAMES = {
    "bill": "william", "will": "william", "liam": "william", "bob": "robert", "rob": "robert",
    "bobby": "robert", "dick": "richard", "rick": "richard", "jim": "james", "jimmy": "james",
    "mike": "michael", "mick": "michael", "dave": "david", "tom": "thomas", "tony": "anthony",
    "joe": "joseph", "ed": "edward", "ted": "edward", "ned": "edward", "peggy": "margaret",
    "meg": "margaret", "kate": "katherine", "kathy": "katherine", "liz": "elizabeth",
    "beth": "elizabeth", "betsy": "elizabeth", "sam": "samuel", "steve": "steven",
    "nick": "nicholas", "jeff": "jeffrey", "matt": "matthew", "pat": "patrick", "dan": "daniel",
    "danny": "daniel", "alex": "alexander", "andy": "andrew", "ben": "benjamin", "greg": "gregory",
    "larry": "lawrence", "jerry": "gerald", "chuck": "charles", "charlie": "charles",
    "hank": "henry", "jack": "john", "johnny": "john", "jon": "jonathan", "josh": "joshua",
    "chris": "christopher", "tim": "timothy", "ken": "kenneth", "ron": "ronald", "don": "donald",
    "doug": "douglas", "phil": "philip", "fred": "frederick", "sue": "susan", "jen": "jennifer",
    "jenny": "jennifer", "abby": "abigail", "becky": "rebecca", "vicky": "victoria",
}  # fmt: skip

# Counting words: never a name alone, or at its start, but they end some ("Formula One",
# "Channel Four").
NUMBER_WORDS = _words(
    "One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Twenty|Thirty|Fifty|"
    "First|Second|Third|Fourth|Fifth"
)

# Capitalised words that never name an entity alone.
NEVER: frozenset[str] = (
    _words(
        "I|I'm|I've|I'd|I'll|You're|You've|You'll|You'd|We're|We've|We'll|They're|They've|"
        "They'll|It's|That's|There's|Here's|What's|Let's|OK|Okay|Mr.|Mrs.|Ms.|Dr.|Monday|Tuesday|Wednesday|Thursday|Friday|"
        "Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|"
        "November|December|Jan.|Feb.|Mar.|Apr.|Jun.|Jul.|Aug.|Sept.|Sep.|Oct.|Nov.|Dec.|Today|"
        "Yesterday|Tomorrow|God|Lord|Sir|Madam|AM|PM|A.M.|P.M.|TV|CEO|CEOs|CFO|COO|CTO|PhD|"
        "Q1|Q2|Q3|Q4|No|Yes|Oh|St.|Mt.|Ft.|Jr.|Sr.|Inc.|Co.|Corp.|Ltd.|"
        # Times of day and their zones, holidays, and words that start sentences but name nothing.
        "GMT|BST|UTC|EST|EDT|CST|CDT|PST|PDT|CET|CEST|ET|PT|Christmas|Easter|Thanksgiving|"
        "Halloween|Ramadan|Hanukkah|Eid|Diwali|New Year|Boxing Day|Good Friday|"
        "Hundred|Thousand|Million|Billion|Dozens|Hundreds|Thousands|Millions|"
        "Last|Next|Previous|Earlier|Later|Tonight|Everyone|"
        "Everybody|Nobody|Someone|Somebody|Anyone|Anything|Everything|Nothing|Something|"
        "Asked|Speaking|Writing|According|Overall|Elsewhere|Separately|Meanwhile|Currently|"
        "Previously|Recently|Earlier|Initially|Finally|Eventually|Afterwards|Nevertheless|"
        "Well|Sadly|Hopefully|Unfortunately|Fortunately|Clearly|Obviously|Instead|Otherwise|"
        "Around|Almost|Nearly|About|Roughly|Approximately|Several|Few|Various|More|Less|Much|"
        "Fewer|Plus|Minus|Here|Yesterday's|Today's|Tomorrow's|Mrs|Mr|Ms|Dr|Mx|"
        "CCTV|GP|GPs|DNA|HIV|VAT|GDP|MPs|MEPs|MSPs|AMs|Century|Test|Tests|Twitter's"
    )
    | NUMBER_WORDS
)

# Words capitalised only because a sentence starts with them; never part of a name there.
FUNCTION_WORDS: frozenset[str] = frozenset(
    "The|A|An|As|In|On|At|But|And|Or|Nor|When|If|After|Before|While|Since|For|So|This|That|"
    "These|Those|It|It's|He|She|They|We|You|His|Her|Their|Our|My|Its|There|Here|What|Who|Whom|"
    "Whose|Why|How|Where|Meanwhile|However|Although|Though|Just|Even|Also|Still|Yet|Then|Now|"
    "With|Without|By|From|To|Of|Not|Despite|Because|Once|Until|Unless|Whether|Both|Each|Every|"
    "Some|Many|Most|All|Any|Other|Another|Such|Only|Among|Amid|Under|Over|Into|Through|During|"
    "About|Against|Between|Like|Unlike|Instead|Indeed|Perhaps|Maybe|Please|Thanks|Thank|Do|"
    "Does|Did|Is|Are|Was|Were|Be|Been|Has|Have|Had|Will|Would|Can|Could|Should|May|Might|Must|"
    "Let|Our|Your".split("|")
)

# Last words that make a name a law, an agreement, an award or an event, not an organisation.
OTHER_HEADS = _words(
    "Amendment|Act|Accord|Accords|Agreement|Treaty|Doctrine|Prize|Award|Awards|Cup|"
    "Championship|Championships|Games|Olympics|War|Summit|Festival|Marathon|Open|Series|Bowl"
)

# Plural members stand for their party: "Democrats" and "the Democratic Party" are one entity.
PARTY_MEMBERS = {
    "democrats": "democratic party",
    "republicans": "republican party",
    "gop": "republican party",
    "tories": "conservative party",
    "conservatives": "conservative party",
    "liberal democrats": "liberal democratic party",
}


# Titles that are surnames too: after a given name they are one ("Mervyn King").
SURNAME_TITLES = _words("King|Prince|Bishop|Judge|Lord|Cardinal|Pope|Duke|Earl|Baron|Sheriff")

# Party words written before a politician's name: "Democrat Walter Mondale".
PARTY_ADJECTIVES = _words(
    "Democrat|Republican|Conservative|Tory|Liberal|Socialist|Labour|Independent|Unionist|"
    "Nationalist|Communist|Green"
)


def _phrases(names: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Known names that hold a word no name is made of ("Centers for Disease Control and
    Prevention", "Roe v. Wade", "USA Today"), lowercase, by their first word, longest first:
    the words between capitals would part them."""
    by_first: dict[str, list[str]] = {}
    for name in names:
        words = name.split(" ")
        if len(words) > 1 and any(
            not w[:1].isupper() or w.lower() in NEVER or w in FUNCTION_WORDS for w in words[1:]
        ):
            by_first.setdefault(words[0].lower(), []).append(name.lower())
    return {first: tuple(sorted(found, key=len, reverse=True)) for first, found in by_first.items()}


PHRASES: dict[str, tuple[str, ...]] = _phrases([*_ORGANISATIONS, *_OTHER.split("|")])
"""Known names that the words between capitals would part, by their first word."""


def known_name(key: str) -> bool:
    """Whether a gazetteer names this (a key, as `name_key` makes it): a country, a state,
    a city or an organisation."""
    return (
        key in COUNTRIES
        or key in US_STATES
        or key in CITIES
        or key in PLACES
        or key in COMPANIES
        or key in ORGANISATIONS
    )
