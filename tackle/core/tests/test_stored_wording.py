"""core/stored_wording.py: an English sentence made from a known template is found again in the
stored text, with its values, and given back in the active language (issue 21)."""

from django.utils import translation

from tackle.core.stored_wording import StoredWording

# Sentences the Welsh catalogue holds (spend's), so that the Welsh is real.
NOT_A_NUMBER = "amount is not a number: %(text)s"
FAILED = "The files could not be screened: %(reason)s"
ROW_WIDTH = (
    "row has %(found)d field; the header has %(width)d",
    "row has %(found)d fields; the header has %(width)d",
)


def test_a_stored_sentence_reads_in_welsh_with_its_values():
    wording = StoredWording([NOT_A_NUMBER, FAILED, ROW_WIDTH], counted="found", inside={"reason"})
    with translation.override("cy"):
        assert wording.in_language("amount is not a number: 'abc'") == "nid yw\u2019r swm yn rhif: 'abc'"
        assert wording.in_language("row has 2 fields; the header has 5") == (
            "mae gan y rhes 2 faes; mae gan y pennawd 5"  # the plural form Welsh uses for two
        )
        assert wording.in_language("The files could not be screened: amount is not a number: 'x'") == (
            "Nid oedd modd sgrinio\u2019r ffeiliau: nid yw\u2019r swm yn rhif: 'x'"  # a sentence inside one
        )
    with translation.override("en-gb"):
        assert wording.in_language("row has 1 field; the header has 5") == "row has 1 field; the header has 5"


def test_other_text_is_left_as_it_is_unless_told_otherwise():
    with translation.override("cy"):
        assert StoredWording([NOT_A_NUMBER]).in_language("row 3 had no supplier") == "row 3 had no supplier"
        shouted = StoredWording([NOT_A_NUMBER], otherwise=str.upper)
        assert shouted.in_language("row 3 had no supplier") == "ROW 3 HAD NO SUPPLIER"
        assert shouted.in_language("amount is not a number: 'abc'") == "nid yw\u2019r swm yn rhif: 'abc'"
