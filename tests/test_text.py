"""Sentence splitting of news prose."""
from crosscheck.text import split_sentences


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_do_not_end_a_sentence_but_words_ending_like_them_do():
    text = ("Dr. Ana Pell met Sgt. Ruiz at 5 p.m. Monday in St. Alder. The depot sits on Quarry Rd. "
            "Firemen from Ostmr. Two more crews came. They worked past 9 p.m. The fire was out.")
    assert sentences(text) == ["Dr. Ana Pell met Sgt. Ruiz at 5 p.m. Monday in St. Alder.",
                               "The depot sits on Quarry Rd. Firemen from Ostmr.",
                               "Two more crews came.", "They worked past 9 p.m. The fire was out."]


def test_a_long_sentence_before_an_initial():
    words = " ".join(["word"] * 5000)
    assert sentences(f"{words} ended. J. Doe spoke. Then X. Then Y.") == [
        f"{words} ended.", "J. Doe spoke.", "Then X. Then Y."]


def test_a_line_break_ends_a_headline_but_not_a_clause():
    text = "Bridge closed after flood\nThe river rose overnight,\nofficials said; \nroads stayed shut."
    assert sentences(text) == ["Bridge closed after flood",
                               "The river rose overnight,\nofficials said; \nroads stayed shut."]


def test_a_hard_wrapped_line_goes_on():
    # the next line goes on in lower case, or the line stops at a word no sentence ends with
    text = ("Harbour strike ends\nSome\nhundreds of dockers walked out on\nFriday and stayed away for a week.\n"
            "Talks resume\nThe union said so.")
    assert sentences(text) == ["Harbour strike ends",
                               "Some\nhundreds of dockers walked out on\nFriday and stayed away for a week.",
                               "Talks resume", "The union said so."]
