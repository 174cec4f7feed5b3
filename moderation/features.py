"""Text features as scikit-learn transformers, composed in one Pipeline by ``moderation.classifier``.

The first step (:class:`Prepare`) does the expensive, shared work once per text — normalisation,
lemmatization, lexicon and spam matching — and every later transformer reads from its result, so
the judge can reuse the same :class:`Prepared` object to build evidence without a second pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from moderation.lemmatize import lemma
from moderation.lexicon import Hit, default_lexicon
from moderation.normalize import Normalized, normalize
from moderation.spam import FEATURE_NAMES as SPAM_FEATURE_NAMES
from moderation.spam import SpamSignal, spam_features, spam_signals
from moderation.verdict import TARGET_GROUPS_RU

#: Texts longer than this are judged on their head and tail: a 100 KB paste is spam or a flood
#: either way, and capping keeps one message from stalling the daemon.
MAX_CHARS = 5000


@dataclass(slots=True)
class Prepared:
    """Everything later steps need to know about one text, computed once."""

    original: str
    norm: Normalized
    lemmas: list[str]
    hits: list[Hit] = field(default_factory=list)
    spam: list[SpamSignal] = field(default_factory=list)


def clip(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    half = MAX_CHARS // 2
    return text[:half] + "\n" + text[-half:]


def prepare(text: str) -> Prepared:
    """Normalise, lemmatise and match one text. Never raises for any ``str``."""
    text = clip(text if isinstance(text, str) else str(text))
    norm = normalize(text)
    lemmas = [lemma(t.text) if not t.masked else t.text for t in norm.tokens]
    return Prepared(text, norm, lemmas, default_lexicon().match(norm), spam_signals(text))


class Prepare(BaseEstimator, TransformerMixin):
    """Pipeline step 1: ``str`` → :class:`Prepared` (passes already-prepared items through)."""

    def fit(self, X, y=None):  # noqa: N803 - sklearn's naming
        return self

    def transform(self, X):  # noqa: N803
        return [x if isinstance(x, Prepared) else prepare(x) for x in X]


def lemma_analyzer(p: Prepared) -> list[str]:
    """Lemma unigrams and bigrams: morphology folds «дебилы/дебилов/дебилам» into one feature."""
    lem = p.lemmas
    return lem + [f"{a} {b}" for a, b in zip(lem, lem[1:], strict=False)]


def normalized_text(p: Prepared) -> str:
    """Char n-grams see the de-disguised text, so «xyйня» and «хуйня» share features."""
    return p.norm.text


_LEX_CATS = ("obscene", "insult", "threat", "hate")
_TARGETS = tuple(TARGET_GROUPS_RU)
LEXICON_FEATURE_NAMES: tuple[str, ...] = (
    *(f"lex_{c}" for c in _LEX_CATS),
    *(f"lex_hate_{t}" for t in _TARGETS),
    "lex_masked",
    *(f"spam_{n}" for n in SPAM_FEATURE_NAMES),
)


class LexiconFeatures(BaseEstimator, TransformerMixin):
    """Dense rule features: how many lexicon hits of each kind, plus the spam detector's numbers.

    Counts are squashed with log1p so one long rant with ten swear words does not dominate.
    """

    def __init__(self, scale: float = 1.0):
        self.scale = scale

    def fit(self, X, y=None):  # noqa: N803
        return self

    def get_feature_names_out(self, input_features=None):
        return np.array(LEXICON_FEATURE_NAMES, dtype=object)

    def transform(self, X):  # noqa: N803
        rows = np.zeros((len(X), len(LEXICON_FEATURE_NAMES)), dtype=np.float64)
        for i, p in enumerate(X):
            cats = dict.fromkeys(_LEX_CATS, 0)
            targets = dict.fromkeys(_TARGETS, 0)
            for h in p.hits:
                if h.category in cats:
                    cats[h.category] += 1
                if h.target in targets:
                    targets[h.target] += 1
            masked = sum(1 for t in p.norm.tokens if t.masked)
            sf = spam_features(p.original, p.spam)
            rows[i] = [
                *(cats[c] for c in _LEX_CATS),
                *(targets[t] for t in _TARGETS),
                masked,
                *(sf[n] for n in SPAM_FEATURE_NAMES),
            ]
        return sparse.csr_matrix(np.log1p(np.abs(rows)) * np.sign(rows) * self.scale)
