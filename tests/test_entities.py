"""People, organisations and places in the seeds, with aliases merged across the corpus."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tui_reader.corpus.analysis import build
from tui_reader.corpus.entities import words
from tui_reader.corpus.loading import Source
from tui_reader.corpus.model import Corpus

from .conftest import seed


def names(corpus: Corpus, entity_id: str) -> set[str]:
    entity = corpus.entities[entity_id]
    return {entity.name, *entity.aliases}


def test_aliases_are_merged_across_the_corpus(seeds: Corpus) -> None:
    assert names(seeds, "person:christian-smalls") >= {"Christian Smalls", "Chris Smalls", "Smalls"}
    assert names(seeds, "org:national-labor-relations-board") >= {
        "National Labor Relations Board",
        "NLRB",
    }
    assert names(seeds, "org:amazon-labor-union") == {"Amazon Labor Union", "ALU"}
    assert len(seeds.entities["person:christian-smalls"].articles) == 4


def test_garbled_paraphrase_merges_only_on_clear_evidence(seeds: Corpus) -> None:
    """Seed 001 names "National Labor Relations Council" and, in the same article, NLRB."""
    assert "National Labor Relations Council" in names(seeds, "org:national-labor-relations-board")
    amazon = names(seeds, "org:amazon")
    assert amazon == {"Amazon"}  # never merged with the union that carries its name


def test_types(seeds: Corpus) -> None:
    expected = {
        "person:jeff-bezos": "person",
        "person:steven-greenhouse": "person",
        "person:alexandria-ocasio-cortez": "person",
        "person:kelly-nantel": "person",
        "place:staten-island": "place",
        "place:new-york": "place",
        "place:bessemer": "place",
        "place:alabama": "place",
        "org:amazon": "org",
        "org:national-retail-federation": "org",
        "org:u-s-chamber-of-commerce": "org",
    }
    for entity_id, kind in expected.items():
        assert seeds.entities[entity_id].type == kind


def test_no_weekday_month_or_bare_sentence_initial_word_is_an_entity(seeds: Corpus) -> None:
    banned = {
        "Friday", "Thursday", "Sunday", "April", "November", "August", "Long-time",
        "Widespread", "Organizers", "Employees", "Meanwhile", "Corporations", "When",
        "But", "The", "I", "Vote", "Breaking", "Points", "Same", "Democratic",
    }  # fmt: skip
    for entity in seeds.entities.values():
        assert not banned & {entity.name, *entity.aliases}, entity


def test_entity_ids_are_type_and_slug(seeds: Corpus) -> None:
    for entity in seeds.entities.values():
        assert re.fullmatch(r"(person|org|place|other):[a-z0-9-]+", entity.id)


def test_mentions_cover_the_names_in_the_text(seeds: Corpus) -> None:
    article = seed(seeds, "003")
    spans = {
        article.paragraphs[m.paragraph][m.start : m.end]
        for m in article.mentions
        if m.entity == "person:christian-smalls"
    }
    assert spans == {"Chris Smalls", "Smalls", "Small"}


def test_article_counts_add_up(seeds: Corpus) -> None:
    for entity in seeds.entities.values():
        total = sum(seeds.article(a).entity_counts().get(entity.id, 0) for a in entity.articles)
        assert total == entity.count


def test_filtering_by_entity(seeds: Corpus) -> None:
    assert len(seeds.articles_naming("person:jeff-bezos")) == 2
    assert len(seeds.articles_naming("place:staten-island")) == 4
    assert seeds.articles_naming("no:such") == []


def test_the_word_after_a_dateline_starts_the_text_and_needs_evidence() -> None:
    """ "Workers" after "STATEN ISLAND, N.Y. --" is a sentence's first word, not a name."""
    text = "STATEN ISLAND, N.Y. -- Workers voted Friday to join the Amazon Labor Union."
    corpus = build([Source("a", "a.txt", text)])
    names = {entity.name for entity in corpus.entities.values()}
    assert "Workers" not in names
    assert "Amazon Labor Union" in names


def kinds(text: str) -> dict[str, str]:
    corpus = build([Source("a", "a.txt", text)])
    return {entity.name: entity.type for entity in corpus.entities.values()}


def test_names_as_real_news_writes_them() -> None:
    """Rulings found on real articles: spans, initials, heads and appositives."""
    found = kinds(
        "After graduating from Princeton and Yale Law School, he joined the Department of "
        "Justice. President George W. Bush named him. The Second Amendment was cited. "
        "Eventually, the judge stopped trying. He wrote to the United Nations Office for the "
        "Coordination of Humanitarian Affairs. Analysts at the Center for Strategic and "
        "International Studies and the National Conference of State Legislatures agreed. "
        "It borders the Republic of Korea."
    )
    assert found["Princeton"] == "place"
    assert found["Yale Law School"] == "org"
    assert found["Department of Justice"] == "org"
    assert found["George W. Bush"] == "person"
    assert found["Second Amendment"] == "other"
    assert found["United Nations Office for the Coordination of Humanitarian Affairs"] == "org"
    assert "Eventually" not in found
    assert found["Center for Strategic and International Studies"] == "org"
    assert found["National Conference of State Legislatures"] == "org"
    assert found["Republic of Korea"] == "place"


def test_a_surname_said_often_stays_a_person() -> None:
    """What a bare name looks like counts once, so "Trump" said 20 times is not an org."""
    text = "Donald Trump spoke. " + " ".join(
        f"Wallace asked Trump about loan {n}." for n in range(20)
    )
    assert kinds(text)["Donald Trump"] == "person"


def test_nationalities_and_plural_common_nouns_are_no_entities() -> None:
    """ "Ecuadorian" and "People" start sentences or qualify nouns; they name no one."""
    found = kinds(
        "People protested. The Ecuadorian police came. People for the Ethical Treatment of "
        "Animals spoke. Officials said nothing."
    )
    assert not {"People", "Ecuadorian", "Officials"} & set(found)


def test_a_title_after_vice_keeps_the_article_and_the_name_after_it() -> None:
    """ "Vice President" before a name once emptied the run of words being read and raised
    IndexError, which lost the article: it loads, and the name after the title is a person."""
    text = "Then Vice President Dick Cheney spoke. Vice president Joe Biden listened."
    corpus = build([Source("a", "a.txt", text)])
    assert not corpus.problems
    people = {e.name for e in corpus.entities.values() if e.type == "person"}
    assert {"Dick Cheney", "Joe Biden"} <= people


def test_names_are_not_cut_inside_or_glued_to_what_describes_them() -> None:
    """Particles and hyphenated parts stay in a name, a describing word before a person
    and a party before a politician stay out, and a title that is a surname after a given
    name is part of it."""
    text = (
        "Gregory van der Wiel passed to Alessandro di Nunzio. Then Inzamam-ul-Haq met Bashar "
        "al-Assad. He spoke to Mexican Ariel Cruz and to Democrat Walter Mondale. Then Billie "
        "Jean King met Lib Dems David Laws at The Oval."
    )
    corpus = build([Source("a", "a.txt", text)])
    (article,) = corpus.articles
    found = {article.paragraphs[m.paragraph][m.start : m.end] for m in article.mentions}
    assert {
        "Gregory van der Wiel", "Alessandro di Nunzio", "Inzamam-ul-Haq", "Bashar al-Assad",
        "Ariel Cruz", "Walter Mondale", "Billie Jean King", "Lib Dems", "David Laws",
        "The Oval",
    } <= found  # fmt: skip


def test_a_title_without_its_full_stop_names_the_person_after_it() -> None:
    """British style: "Mr Blair" is Tony Blair, and "Health Secretary" is no name."""
    text = "Tony Blair spoke. Mr Blair left, and Health Secretary Alan Milburn stayed."
    corpus = build([Source("a", "a.txt", text)])
    (article,) = corpus.articles
    entities = {corpus.entities[m.entity].name for m in article.mentions}
    assert entities == {"Tony Blair", "Alan Milburn"}


def test_a_surname_after_a_title_is_the_one_person_of_the_corpus_with_that_name() -> None:
    """ "Mr Blair" in one article is the Tony Blair of another; "Mr Smith" stays apart
    where two people of the corpus are Smiths."""
    corpus = build(
        [
            Source("a", "a.txt", "Tony Blair spoke in Leeds. John Smith and Jane Smith came."),
            Source("b", "b.txt", "Later, Mr Blair left. Then Mr Smith arrived."),
        ]
    )
    article = corpus.article("b")
    named = {corpus.entities[m.entity].name for m in article.mentions}
    assert "Tony Blair" in named
    assert "Smith" in named


def test_american_party_labels_offices_and_describing_words() -> None:
    """A describing word stays in a name when no given name follows ("White House"), a
    party-and-state code is no name, and an office between a name and a title leaves the
    name: "Senate" of "Senate Minority Leader", "Iowa" of "Iowa State Rep."."""
    found = kinds(
        "The White House said Senate Minority Leader Chuck Schumer (D-N.Y.) and Sen. Ted "
        "Cruz (R-Texas) spoke to Iowa State Rep. Phyllis Thede about Saudi Arabia. White "
        "House Press Secretary Kayleigh McEnany agreed."
    )
    assert found["White House"] == "org"
    assert found["Senate"] == "org"
    assert found["Iowa"] == "place"
    assert found["Saudi Arabia"] == "place"
    assert found["Kayleigh McEnany"] == "person"
    assert {"House", "D-N.Y", "R-Texas", "State", "Senate Minority", "Iowa State"}.isdisjoint(found)
    assert "White House Press" not in found


def test_a_common_word_alone_is_no_name_unless_it_names_someone_here() -> None:
    """A common English word capitalised alone names nothing ("Moreover", "Photo",
    "Updated"), wherever it stands; it stays a name as the surname of a person the article
    named ("Smalls" after "Chris Smalls") and as a team after "the" ("the Braves")."""
    found = kinds(
        "Chris Smalls led the vote. Moreover, Smalls said the count was fair. Photo by Jane "
        "Doe. Updated at 3:58 p.m. Fans watched the Braves beat the Mets, and Replay More "
        "Videos."
    )
    assert {"Moreover", "Photo", "Updated", "Videos", "Replay"}.isdisjoint(found)
    assert found["Chris Smalls"] == "person"
    assert "Braves" in found


def test_a_known_name_holding_small_words_is_taken_whole() -> None:
    """Names that the small words between capitals would part are one entity each: "Food
    and Drug Administration", "USA Today", "Roe v. Wade", "Face the Nation"."""
    found = kinds(
        "She told USA Today that the Centers for Disease Control and Prevention and the Food "
        "and Drug Administration disagreed over Roe v. Wade, and said so on Face the Nation "
        "and Fox & Friends, before the State of the Union."
    )
    assert found["USA Today"] == "org"
    assert found["Centers for Disease Control and Prevention"] == "org"
    assert found["Food and Drug Administration"] == "org"
    assert found["Roe v. Wade"] == "other"
    assert found["Face the Nation"] == "other"
    assert found["Fox & Friends"] == "other"
    assert found["State of the Union"] == "other"
    assert {"USA", "Prevention", "Food", "Wade", "Nation", "Friends", "Union"}.isdisjoint(found)


def test_places_handles_and_tickers_are_cut_where_a_reader_would() -> None:
    """A known place that ends in a given name stays whole ("San Antonio Ron Nirenberg" is
    a place and a person); an office after a comma is no part of the name before it ("Katie
    Miller, Vice President Pence"); two places joined by a hyphen are two ("U.S.-Mexico");
    a handle and a ticker are no names ("@SenSchumer", "DJIA, -0.3%"); "St." and a particle
    that start a name belong to it ("St. Louis", "and El Paso"); a plural of a nationality
    is no name ("Iraqis")."""
    found = kinds(
        "In San Antonio Ron Nirenberg spoke. Katie Miller, Vice President Pence's press "
        "secretary, laid a wreath. The U.S.-Mexico border was closed, @SenSchumer wrote. The "
        "Dow Jones Industrial Average DJIA, -0.3% fell in St. Louis and El Paso, as Al Gore "
        "said. Britons and Iraqis watched."
    )
    assert found["San Antonio"] == "place"
    assert found["Ron Nirenberg"] == "person"
    assert found["Katie Miller"] == "person"
    assert found["Pence"] == "person"
    assert found["Mexico"] == "place"
    assert found["Dow Jones Industrial Average"] == "other"
    assert found["St. Louis"] == "place"
    assert found["El Paso"] == "place"
    assert found["Al Gore"] == "person"
    assert {
        "Vice",
        "Katie Miller, Vice",
        "U.S.-Mexico",
        "SenSchumer",
        "DJIA",
        "Louis",
        "Paso",
        "Britons",
        "Iraqis",
    }.isdisjoint(found)


# What words are made of and parted by, the punctuation that has an ASCII stand-in, and any.
_WORDY = st.one_of(st.sampled_from([*"aZ0_'&.-, ?(@", *"’‘“”—–…éÉ\u212a"]), st.characters())


@given(st.text(_WORDY, max_size=40))
@settings(max_examples=500, deadline=None)
def test_words_are_found_in_ascii_bytes_where_the_pattern_finds_them(text: str) -> None:
    spans = [match.span() for match in words._TOKEN.finditer(text)]
    assert [match.span() for match in words._matches(text)] == spans
