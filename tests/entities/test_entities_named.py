"""Names found by head words, short forms, facilities, people cues and cited outlets, on
short invented snippets."""

from helpers_entities import entities_of

from warta.entities import EntityStage
from warta.records import Entity


def run(
    stage: EntityStage, text: str, lang: str = "en", cited: tuple[str, ...] = ()
) -> tuple[Entity, ...]:
    return entities_of(stage, text, lang, cited=cited)


def named(ents: tuple[Entity, ...], name: str) -> Entity:
    found = [e for e in ents if e.name == name]
    assert found, f"{name} not in {[e.name for e in ents]}"
    return found[0]


def names(ents: tuple[Entity, ...]) -> set[str]:
    return {e.name for e in ents}


def test_organisation_by_head_word_with_short_forms(stage: EntityStage) -> None:
    text = (
        "Fighters of the Lower Valley Coalition entered the town on Monday. The LVC said "
        "the Coalition would hold it, and Coalition jets flew over the river."
    )
    ents = run(stage, text)
    lvc = named(ents, "Lower Valley Coalition")
    assert lvc.type == "ORG"
    assert [m.text for m in lvc.mentions] == ["Lower Valley Coalition", "LVC"]
    short = named(ents, "Coalition")  # the text's defined term stays its own entity
    assert [m.text for m in short.mentions] == ["the Coalition", "Coalition"]


def test_organisation_takes_code_of_the_body_or_state_it_names(stage: EntityStage) -> None:
    ents = run(stage, "The UN Board of Auditors met. Later the Syrian Farmers Union spoke.")
    assert named(ents, "Board of Auditors").code == "UN"
    assert named(ents, "Syrian Farmers Union").code == "SYR"


def test_head_first_names_start_at_the_head_and_stop_at_an_acronym(stage: EntityStage) -> None:
    text = (
        "Rapat Badan Riset Kelautan Nasional digelar kemarin. Menurut Direktur Jenderal "
        "Kementerian ESDM Budi Santosa, pasokan aman."
    )
    ents = run(stage, text, "id")
    assert "Badan Riset Kelautan Nasional" in names(ents)
    assert "Kementerian ESDM" in names(ents)
    assert "Rapat Badan Riset Kelautan Nasional" not in names(ents)


def test_titles_and_states_inside_a_run_are_no_body(stage: EntityStage) -> None:
    ents = run(stage, "Presiden Amerika Serikat menelepon Presiden Federasi Rusia.", "id")
    assert not [e for e in ents if e.type == "ORG"]


def test_facilities_by_head_word(stage: EntityStage) -> None:
    text = (
        "Rockets hit Camp Nadira on Sunday and the Al Farouk hospital nearby. "
        "A Kyiv hospital and a Yazidi temple were spared."
    )
    ents = run(stage, text)
    assert named(ents, "Camp Nadira").type == "FAC"
    assert named(ents, "Al Farouk hospital").type == "FAC"
    assert not {"Kyiv hospital", "Yazidi temple", "Yazidi"} & names(ents)


def test_facility_spellings_and_bare_name_link(stage: EntityStage) -> None:
    text = (
        "Serangan merusak Katedral Santo Yosef di pusat kota. Pengurus Katedral St Yosef "
        "melapor. Santo Yosef dibangun pada abad ke-11. Pesawat itu mendarat di pangkalan "
        "Karang Wetan."
    )
    ents = run(stage, text, "id")
    cathedral = named(ents, "Katedral Santo Yosef")
    assert cathedral.type == "FAC"
    assert {m.text for m in cathedral.mentions} >= {"Katedral Santo Yosef", "Katedral St Yosef"}
    assert named(ents, "Karang Wetan").mentions[0].text == "pangkalan Karang Wetan"


def test_people_behind_honorifics_nicknames_handles_and_glue(stage: EntityStage) -> None:
    ents = run(stage, "QUESTION: Any news?\n\nMR HOLLOWAY: None today. Thank you.")
    assert named(ents, "Holloway").type == "PERSON"
    text = (
        "Hal itu disampaikan juru bicara Kementerian Luar Negeri Bambang (Bams) Suryanto. "
        'Menurut Bams, situasi aman. Menteri Sosial (Mensos) Rina Wati hadir. "Kami siap," '
        "kata Presiden @widodo. Menteri Pertahanan Inggris Karel Novakjuga memerintahkan "
        "pengerahan kapal. Novak tidak menjelaskan jumlahnya."
    )
    ents = run(stage, text, "id")
    bambang = named(ents, "Bambang Suryanto")
    assert [m.text for m in bambang.mentions] == ["Bambang (Bams) Suryanto", "Bams"]
    assert "Sosial Rina Wati" not in names(ents)  # "(Mensos)" is no nickname
    assert named(ents, "Joko Widodo").mentions[0].text == "@widodo"
    assert named(ents, "Karel Novak").mentions[0].text == "Karel Novak"


def test_title_holding_its_body_and_acronym_before_a_name(stage: EntityStage) -> None:
    text = (
        "Hadir Menteri Sekretaris Negara Arif Budiman, Wakil Ketua DPR Andi Prakoso, "
        "Mendagri Tito Karnavian. Gubernur BI Rudi Hartono juga datang."
    )
    ents = run(stage, text, "id")
    andi = named(ents, "Andi Prakoso")
    assert andi.code == "IDN" and andi.role.startswith("Deputy Speaker")
    assert named(ents, "Arif Budiman").role == "Minister of State Secretary"
    assert named(ents, "Rudi Hartono").role == "Governor"


def test_calendar_words_and_peoples_are_no_places(stage: EntityStage) -> None:
    ents = run(stage, "The march began on Nov. 5 with Arab tribal volunteers.")
    assert not {"Nov", "Arab"} & names(ents)


def test_cited_outlets_become_media_entities(stage: EntityStage) -> None:
    text = 'Kami siap," lapor kantor beritaTASSdari Moskow.'
    ents = run(stage, text, "id", cited=("TASS", "Reuters"))
    tass = named(ents, "TASS")
    assert tass.type == "MEDIA" and [m.text for m in tass.mentions] == ["TASS"]
    reuters = named(ents, "Reuters")  # credited outside the body: no mention
    assert reuters.type == "MEDIA" and reuters.mentions == ()
    assert [e.id for e in ents] == [f"e{i}" for i in range(1, len(ents) + 1)]


def test_territory_is_a_place_coded_with_its_state(stage: EntityStage) -> None:
    ents = run(stage, "Serangan di Jalur Gaza menewaskan warga Palestina.", "id")
    gaza = named(ents, "Gaza Strip")
    assert gaza.type == "LOC" and gaza.code == "PSE"
    assert named(ents, "Palestine").type == "GPE"


def test_region_beside_its_city_is_a_place_of_its_own(stage: EntityStage) -> None:
    text = (
        "Drones struck the city of Kharkiv overnight. The governor of the Kharkiv region "
        "said power was cut."
    )
    ents = run(stage, text)
    assert {"Kharkiv", "Kharkiv region"} <= names(ents)


def test_unknown_place_placed_in_a_state(stage: EntityStage) -> None:
    ents = run(stage, "The convoy was hit in Tell Qarmash al-Saghir, northern Syria, on Monday.")
    assert named(ents, "Tell Qarmash al-Saghir").type == "GPE"


def test_regions_named_with_common_words(stage: EntityStage) -> None:
    ents = run(stage, "Kapal perang dikirim ke kawasan Timur Tengah pekan ini.", "id")
    assert named(ents, "Middle East").mentions[0].text == "Timur Tengah"


def test_headline_in_title_case_is_no_body(stage: EntityStage) -> None:
    ents = run(stage, "Ukraine Says Russian Forces Hit Power Grid Overnight\n\nNo one was hurt.")
    assert not [e for e in ents if e.type == "ORG"]


def test_a_bare_coalition_acts_as_an_armed_force(stage: EntityStage) -> None:
    ents = run(stage, "Gunmen shelled the village, and Coalition jets hit their positions.")
    assert named(ents, "Coalition").sector == "MIL"
