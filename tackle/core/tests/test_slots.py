from tackle.core.slots import Slot


def test_first_answer_that_is_not_none_wins_in_registration_order():
    slot = Slot("test")
    slot.register(lambda n: None)
    slot.register(lambda n: n * 2)
    slot.register(lambda n: n * 3)
    assert slot.first(5) == 10
    assert slot.all(5) == [10, 15]


def test_empty_slot_answers_none_and_registering_twice_counts_once():
    slot = Slot("test")
    assert slot.first() is None and slot.all() == []

    def provider():
        return "x"

    slot.register(provider)
    slot.register(provider)
    assert slot.all() == ["x"]
