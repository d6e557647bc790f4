from tackle.statement_reader.sentences import split_sentences


def test_pdf_line_breaks_are_joined_and_hyphenated_words_mended():
    text = (
        "We buy from more than 300 suppli-\ners in the UK and over-\nseas, mainly in\n"
        "construction and cleaning. We audit them."
    )
    assert split_sentences(text) == [
        "We buy from more than 300 suppliers in the UK and overseas, mainly in construction and cleaning.",
        "We audit them.",
    ]


def test_a_hyphen_before_a_capital_is_kept_when_lines_are_joined():
    assert split_sentences("Our Anti-\nSlavery policy applies.") == ["Our Anti-Slavery policy applies."]


def test_headings_stand_alone_even_without_a_blank_line():
    text = "MODERN SLAVERY STATEMENT 2025\nOur Structure\nWe are a group of four companies. We employ 900 people."
    assert split_sentences(text) == [
        "MODERN SLAVERY STATEMENT 2025",
        "Our Structure",
        "We are a group of four companies.",
        "We employ 900 people.",
    ]


def test_each_bullet_is_a_sentence_and_its_continuation_lines_stay_with_it():
    text = (
        "Our policies include:\n• Code of conduct\n• Whistleblowing policy, open to staff\n  and contractors\n"
        "- Recruitment policy\n1. Supplier code\n(a) Anti-bribery policy"
    )
    assert split_sentences(text) == [
        "Our policies include:",
        "Code of conduct",
        "Whistleblowing policy, open to staff and contractors",
        "Recruitment policy",
        "Supplier code",
        "Anti-bribery policy",
    ]


def test_abbreviations_do_not_end_sentences():
    text = (
        "Acme Ltd. (company No. 01234567) reports e.g. audits and i.e. visits, approx. 40 in Jan. 2025. "
        "Signed by J. Smith on behalf of Acme Holdings plc. We are Acme Ltd. We make widgets. "
        "See s. 54 and p. 3. The answer was no. Nothing more."
    )
    assert split_sentences(text) == [
        "Acme Ltd. (company No. 01234567) reports e.g. audits and i.e. visits, approx. 40 in Jan. 2025.",
        "Signed by J. Smith on behalf of Acme Holdings plc.",
        "We are Acme Ltd.",
        "We make widgets.",
        "See s. 54 and p. 3.",
        "The answer was no.",
        "Nothing more.",
    ]


def test_decimals_questions_and_quotes():
    text = 'Spend rose 3.5 per cent. Did it work? Yes. We said "never again." Then we acted!'
    assert split_sentences(text) == [
        "Spend rose 3.5 per cent.",
        "Did it work?",
        "Yes.",
        'We said "never again."',
        "Then we acted!",
    ]


def test_page_numbers_ligatures_and_odd_spaces_are_cleaned():
    text = "We ﬁnd risks\u00a0early.\n\nPage 2 of 9\n\n14\n\nCon\u00adtract terms apply.\r\nThey are enforced."
    assert split_sentences(text) == ["We find risks early.", "Contract terms apply.", "They are enforced."]


def test_empty_and_punctuation_only_text_gives_no_sentences():
    assert split_sentences("  \n\n ... \n * \n") == []
