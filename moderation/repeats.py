"""Repeated texts: spam raids and cross-posting, which one comment alone cannot reveal.

The judge sees one text; a raid is the same text (give or take a word, an emoji, a look-alike
letter) posted again and again, often across several pages. :class:`RepeatTracker` keeps
SimHashes of what it has seen (in memory, bounded) and adjusts a verdict:

- a near-duplicate of a text already judged **spam** is spam too, whatever its own score — the
  variants of a burst that dropped the link or the phone still go;
- the same text from **several communities** within the tracker's memory, not otherwise a
  violation, is held for **review**: a citizen may cross-post a complaint, so a human decides.
"""

from __future__ import annotations

from dataclasses import replace

from moderation.policy import Policy
from moderation.spam import NearDuplicateIndex
from moderation.verdict import GROUNDS, Evidence, Verdict

#: Score given to a near-duplicate of known spam (over every default spam ban threshold).
REPEAT_SPAM_SCORE = 0.95


class RepeatTracker:
    def __init__(
        self,
        max_distance: int = 6,
        max_items: int = 50_000,
        min_tokens: int = 6,
        pages_for_review: int = 3,
    ) -> None:
        self._spam = NearDuplicateIndex(max_distance=max_distance, max_items=max_items, min_tokens=min_tokens)
        self._seen = NearDuplicateIndex(max_distance=max_distance, max_items=max_items, min_tokens=min_tokens)
        self._community: dict[str, str] = {}
        self.max_items = max_items
        self.pages_for_review = pages_for_review

    def apply(self, verdict: Verdict, *, key: str, community: str, policy: Policy) -> Verdict:
        """Return ``verdict`` adjusted for repeats, and remember this text."""
        text = verdict.text
        out = verdict
        if "spam" in verdict.labels:
            self._spam.add(key, text)
        else:
            known = self._spam.find(text)
            if known:
                out = self._as_spam(verdict, known[0][0], policy)
        if out.action == "allow":
            pages = {self._community.get(k) for k, _ in self._seen.find(text)} - {None, community}
            if len(pages) + 1 >= self.pages_for_review:
                out = replace(
                    out,
                    action="review",
                    ground="один и тот же текст на нескольких страницах — проверьте, не рассылка ли это",
                )
        self._seen.add(key, text)
        self._community[key] = community
        if len(self._community) > 2 * self.max_items:  # keep the side table as bounded as the index
            for k in list(self._community)[: self.max_items]:
                del self._community[k]
        return out

    @staticmethod
    def _as_spam(verdict: Verdict, like: str, policy: Policy) -> Verdict:
        scores = dict(verdict.scores)
        scores["spam"] = max(scores.get("spam", 0.0), REPEAT_SPAM_SCORE)
        action, labels = policy.decide(scores)
        evidence = [
            *verdict.evidence,
            Evidence(
                0, len(verdict.text), verdict.text, "spam", f"повтор текста, уже признанного спамом ({like})"
            ),
        ]
        return replace(
            verdict,
            action=action,
            labels=labels,
            scores=scores,
            evidence=evidence,
            ground="; ".join(GROUNDS[c] for c in labels),
        )
