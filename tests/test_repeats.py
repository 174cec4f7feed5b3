"""Spam raids and cross-posting through the repeat tracker."""

from moderation.policy import Policy
from moderation.repeats import RepeatTracker
from moderation.verdict import CATEGORIES, Verdict

SPAM = "Быстрый заработок от 5000 в день без вложений, подробности у меня на странице"


def verdict(text: str, labels: list[str] | None = None, spam: float = 0.0) -> Verdict:
    labels = labels or []
    scores = dict.fromkeys(CATEGORIES, 0.0)
    scores["spam"] = spam
    return Verdict(text=text, action="delete_and_ban" if labels else "allow", labels=labels, scores=scores)


def test_variant_of_known_spam_becomes_spam():
    t = RepeatTracker()
    p = Policy()
    t.apply(verdict(SPAM, ["spam"], 0.99), key="a", community="vk:1", policy=p)
    variant = SPAM.replace("5000", "7000") + " 😊"
    v = t.apply(verdict(variant, spam=0.3), key="b", community="vk:2", policy=p)
    assert "spam" in v.labels and v.action == "delete_and_ban"
    assert any("повтор" in e.matched for e in v.evidence)
    assert v.evidence[-1].quote == variant


def test_unrelated_text_is_untouched():
    t = RepeatTracker()
    p = Policy()
    t.apply(verdict(SPAM, ["spam"], 0.99), key="a", community="vk:1", policy=p)
    other = "Когда на улице Кирова наконец заменят трубы, третий месяц течёт вода по тротуару"
    v = t.apply(verdict(other), key="b", community="vk:1", policy=p)
    assert v.action == "allow" and v.labels == []


def test_same_text_on_three_pages_goes_to_review_not_deletion():
    t = RepeatTracker(pages_for_review=3)
    p = Policy()
    text = "Уважаемая администрация, когда будет горячая вода в домах на улице Ессентукской?"
    assert t.apply(verdict(text), key="a", community="vk:1", policy=p).action == "allow"
    assert t.apply(verdict(text), key="b", community="vk:2", policy=p).action == "allow"
    v = t.apply(verdict(text), key="c", community="vk:3", policy=p)
    assert v.action == "review" and v.labels == []
    # a further copy on a page already seen is still held: the text is on three pages
    assert t.apply(verdict(text + "!"), key="d", community="vk:1", policy=p).action == "review"


def test_short_texts_are_never_matched():
    t = RepeatTracker()
    p = Policy()
    t.apply(verdict("купи слона", ["spam"], 0.99), key="a", community="vk:1", policy=p)
    assert t.apply(verdict("купи слона"), key="b", community="vk:2", policy=p).action == "allow"
