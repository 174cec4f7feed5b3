"""A local correction stage: what the moderators decided, learned on top of a trained model.

Why a correction and not a new model: on a server there is no base data (2ch/pikabu, RUSSE, the
VK corpus live in ``../shared/data`` on a developer's machine only), and a few hundred moderator
labels cannot train a text model from scratch. They can, however, tell where the shipped model is
wrong *on this page*. So each category the moderators labelled often enough gets a small logistic
model whose starting point is the shipped model's own opinion::

    logit p'(x) = (1 + a) · logit p(x) + b + w · x

``p(x)`` is the base model's calibrated probability, ``x`` the base model's own feature row (lemma
and char n-gram TF-IDF, lexicon and spam signals). ``a``, ``b`` and ``w`` are fitted on the labels
with an L2 penalty that pulls them to zero: with no evidence the stage returns the base score
unchanged, a word the moderators keep deleting (a local insult, a local spam phrase) gains weight
only as far as the labels support it, and the base model's knowledge of everything the labels do
not cover is kept. The penalty is chosen by cross-validation on the labels; the delete threshold
of each corrected category is then tuned on out-of-fold scores (never on the labels' own fit) and
shrunk towards the base threshold in proportion to how few labels there are.

Pure and platform-free: labels come in as texts and category sets; the caller (``bot/retrain.py``)
reads them from the database and decides whether the result may go live.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import optimize, sparse
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.pipeline import Pipeline

from moderation import categories
from moderation.classifier import ModelArtifact, read_probs
from moderation.features import Prepared

#: Penalties tried by cross-validation (L2 on ``w``; ``a`` gets the same, ``b`` almost none).
PENALTIES = (0.5, 2.0)
#: Folds of the cross-validation that picks the penalty and gives out-of-fold scores for thresholds.
FOLDS = 3
#: Feature blocks the word weights ``w`` may use (None: all). Char n-grams are many and noisy for a few
#: hundred labels; lemmas and the rule signals carry what moderators teach.
BLOCKS: tuple[str, ...] | None = None
#: Penalty per (weighted) label on the base logit's scale and level (see ``_fit_one``).
ANCHOR = 0.25
#: Base logits are clipped here: a base score of exactly 0 or 1 must not become infinite evidence.
LOGIT_CLIP = 8.0
#: Thresholds tuned on n positive labels move from the base threshold by n / (n + SHRINK).
SHRINK = 30.0
#: Delete thresholds tried (as the training recipe's ``tune_thresholds``).
GRID = np.round(np.arange(0.25, 0.96, 0.025), 3)


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(np.asarray(p, dtype=np.float64), 1e-6, 1 - 1e-6)
    return np.clip(np.log(p / (1 - p)), -LOGIT_CLIP, LOGIT_CLIP)


@dataclass
class LabelCorrection:
    """The fitted correction of one category: ``logit p' = (1 + a)·logit p + b + w·x``."""

    label: str
    a: float
    b: float
    w: np.ndarray  # dense float32 over the base model's feature columns
    penalty: float
    positives: int
    negatives: int

    def apply(self, p: np.ndarray, X) -> np.ndarray:  # noqa: N803
        z = (1.0 + self.a) * logit(p) + self.b + np.asarray(X @ self.w, dtype=np.float64).ravel()
        return expit(z)


class CorrectedClassifier(BaseEstimator, ClassifierMixin):
    """The base model's classifier with per-category corrections; the judge sees the same interface
    (``labels``, ``predict_proba``, ``coef_`` for the words quoted as model evidence)."""

    def __init__(self, base, corrections: dict[str, LabelCorrection] | None = None):
        self.base = base
        self.corrections = corrections or {}

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.base.labels)

    @property
    def coef_(self) -> np.ndarray:
        """Per-label weights in logit units of the corrected score, for ranking evidence words."""
        coef = np.array(self.base.coef_, dtype=np.float32, copy=True)
        slopes = _calibration_slopes(self.base)
        for j, label in enumerate(self.labels):
            c = self.corrections.get(label)
            if c is not None:
                coef[j] = coef[j] * slopes[j] * (1.0 + c.a) + c.w
        return coef

    def predict_proba(self, X):  # noqa: N803
        P = self.base.predict_proba(X)  # noqa: N806
        for j, label in enumerate(self.labels):
            c = self.corrections.get(label)
            if c is not None:
                P[:, j] = c.apply(P[:, j], X)
        return P


def _calibration_slopes(base) -> np.ndarray:
    """How many logit units one unit of a label's SVM margin is worth (its calibration's slope)."""
    out = np.ones(len(base.labels), dtype=np.float32)
    a, rows = getattr(base, "a_", None), getattr(base, "row_label_", None)
    if a is None or rows is None:
        return out
    for j in range(len(base.labels)):
        mine = np.abs(a[rows == j])
        if len(mine):
            out[j] = float(mine.mean())
    return out


def base_classifier(clf):
    """The trained model under any corrections (a new correction replaces an old one, never stacks)."""
    while isinstance(clf, CorrectedClassifier):
        clf = clf.base
    return clf


# --------------------------------------------------------------------------- fitting


def _fit_one(
    o: np.ndarray,
    X: sparse.csr_matrix,
    y: np.ndarray,
    penalty: float,
    sw: np.ndarray,  # noqa: N803
) -> tuple[float, float, np.ndarray]:
    """Penalised, weighted logistic regression with the base logit ``o`` as a (scalable) offset."""
    n, d = X.shape
    Xt = X.T.tocsr()  # noqa: N806
    yf = y.astype(np.float64)
    # The base model's scale (a) and level (b) are held much more firmly than the word weights: a
    # batch of labels covers a few kinds of comments, and a global stretch or shift learned from them
    # would move the scores of every other kind too. Local words (w) are what labels teach best.
    anchor = ANCHOR * float(sw.sum())

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        a, b, w = theta[0], theta[1], theta[2:]
        z = (1.0 + a) * o + b + X @ w
        p = expit(z)
        # log(1 + e^z) - y z, stably
        ll = (np.logaddexp(0.0, z) - yf * z) * sw
        r = (p - yf) * sw
        f = float(ll.sum()) + 0.5 * penalty * float(w @ w) + 0.5 * anchor * (a * a + b * b)
        g = np.empty_like(theta)
        g[0] = float(r @ o) + anchor * a
        g[1] = float(r.sum()) + anchor * b
        g[2:] = Xt @ r + penalty * w
        return f, g

    res = optimize.minimize(loss, np.zeros(d + 2), jac=True, method="L-BFGS-B", options={"maxiter": 400})
    theta = res.x
    return float(theta[0]), float(theta[1]), theta[2:]


def _block_columns(features, sample: Prepared, blocks: tuple[str, ...] | None) -> np.ndarray | None:
    """A mask of the feature columns that belong to the named blocks of the FeatureUnion."""
    if blocks is None:
        return None
    masks = []
    for name, tr in features.transformer_list:
        width = tr.transform([sample]).shape[1]
        masks.append(np.full(width, name in blocks))
    return np.concatenate(masks)


def _columns(X: sparse.csr_matrix, min_df: int = 2) -> np.ndarray:  # noqa: N803
    """Feature columns used by at least ``min_df`` labelled texts: a fit can move only the columns the
    labels use, and one seen in a single text would only memorise that text."""
    df = np.bincount(X.indices, minlength=X.shape[1])
    return np.flatnonzero(df >= min_df)


def _logloss(y: np.ndarray, p: np.ndarray, sw: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return -float(np.sum(sw * (y * np.log(p) + (1 - y) * np.log(1 - p))) / np.sum(sw))


def base_prevalence(artifact: ModelArtifact) -> dict[str, float]:
    """Share of each category in the base model's training data (its calibration's prior)."""
    counts = (artifact.metrics or {}).get("label_counts") or {}
    total = sum(int(d.get("rows", 0)) for d in artifact.data or [] if d.get("source") != "moderators")
    if not counts or total <= 0:
        return {}
    return {c: min(max(n / total, 1e-3), 0.999) for c, n in counts.items()}


def prior_weights(y: np.ndarray, prevalence: float | None) -> np.ndarray:
    """Sample weights that make the labels' class balance the base model's.

    Moderators label a different mix than the base model was calibrated on (on a city page fewer
    comments are violations; labels also over-represent doubtful cases). Fitted unweighted, the
    correction would move every score towards the labels' prior and the base model's thresholds,
    rule floors and minimum delete thresholds would lose their meaning. Weighted to the base prior,
    corrected scores stay on the base model's scale and the labels only change the *ranking*.
    """
    if prevalence is None or not 0 < y.mean() < 1:
        return np.ones(len(y))
    pi = float(y.mean())
    return np.where(y == 1, prevalence / pi, (1 - prevalence) / (1 - pi))


def _folds(n: int, k: int, seed: int) -> list[np.ndarray]:
    idx = np.random.default_rng(seed).permutation(n)
    return [idx[i::k] for i in range(k)]


@dataclass
class CorrectionReport:
    """What was fitted and why, for the model card and ``modbot retrain``'s output."""

    corrected: dict[str, dict] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    thresholds: dict[str, dict[str, float]] = field(default_factory=dict)
    community_thresholds: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    seconds: float = 0.0


Step = Callable[[Iterable, str, int], Iterable]


def _no_progress(items: Iterable, desc: str, total: int) -> Iterable:  # noqa: ARG001
    return items


def fit_correction(
    artifact: ModelArtifact,
    prepared: Sequence[Prepared],
    labels: Sequence[frozenset[str]],
    *,
    communities: Sequence[str] | None = None,
    min_labels: int = 30,
    community_min: int = 100,
    seed: int = 0,
    progress: Step = _no_progress,
) -> tuple[CorrectedClassifier, CorrectionReport]:
    """Fit the correction of every category with at least ``min_labels`` positive labels (and as
    many keeps), on top of ``artifact``'s base classifier. ``labels[i]`` is the set of categories
    the moderators gave text i (empty = keep). Also tunes delete thresholds (global, and per
    community for communities with ``community_min`` labels) on out-of-fold scores.

    Each category is fitted on the rows as the judge reads them for it (:func:`read_probs`): the
    abuse heads read a shouted text in sentence case, so its corrections learn from that reading.
    """
    from moderation.training import with_floors

    t0 = time.monotonic()
    pipe = artifact.pipeline
    base = base_classifier(pipe.named_steps["clf"])
    X = pipe.named_steps["features"].transform(list(prepared)).tocsr()  # noqa: N806
    P0, X_read = read_probs(pipe.named_steps["features"], base, X)  # noqa: N806
    names = list(base.labels)
    keep = np.array([not ls for ls in labels])
    report = CorrectionReport()
    corrections: dict[str, LabelCorrection] = {}
    plan: list[tuple[int, str, np.ndarray, np.ndarray]] = []
    for j, c in enumerate(names):
        pos = np.array([c in ls for ls in labels])
        if pos.sum() < min_labels or keep.sum() < min_labels:
            report.skipped[c] = (
                f"{int(pos.sum())} меток «{categories.CATEGORY_NAMES_RU.get(c, c)}» и "
                f"{int(keep.sum())} «оставить» — нужно не меньше {min_labels} каждого"
            )
            continue
        rows = np.flatnonzero(pos | keep)  # a text labelled with another category says nothing about c
        plan.append((j, c, rows, pos[rows].astype(np.int8)))

    n = len(prepared)
    oof = np.zeros((n, len(names)), dtype=np.float64)  # corrected model scores, out of fold
    oof[:] = P0
    prevalence = base_prevalence(artifact)
    allowed = _block_columns(pipe.named_steps["features"], prepared[0], BLOCKS) if prepared else None
    fits = len(plan) * (len(PENALTIES) * FOLDS + 1)
    ticks = iter(progress(range(fits), "коррекция: обучение", fits))
    for j, c, rows, y in plan:
        Xc = (X if c == "spam" else X_read)[rows]  # noqa: N806
        cols = _columns(Xc)
        if allowed is not None:
            cols = cols[allowed[cols]]
        Xs = Xc[:, cols].tocsr()  # noqa: N806
        o = logit(P0[rows, j])
        sw = prior_weights(y, prevalence.get(c))
        folds = _folds(len(rows), FOLDS, seed)
        best, best_loss, best_pred = PENALTIES[0], np.inf, None
        for lam in PENALTIES:
            pred = np.zeros(len(rows))
            for f in folds:
                tr = np.setdiff1d(np.arange(len(rows)), f)
                a, b, w = _fit_one(o[tr], Xs[tr], y[tr], lam, sw[tr])
                pred[f] = expit((1 + a) * o[f] + b + Xs[f] @ w)
                next(ticks, None)
            ll = _logloss(y, pred, sw)
            if ll < best_loss:
                best, best_loss, best_pred = lam, ll, pred
        a, b, w_cols = _fit_one(o, Xs, y, best, sw)
        next(ticks, None)
        assert best_pred is not None
        # Place the cut-off: shift the intercept so that the out-of-fold F1-best cut-off lands on the
        # category's delete threshold. Thresholds, rule floors and minimum delete thresholds keep
        # their meaning (a lone insult word still reaches only the review band).
        delete = float(artifact.thresholds.get(c, {}).get("delete", categories.get(c).thresholds.delete))
        shift = _cutoff_shift(y, best_pred, delete, float(y.sum()))
        b += shift
        w = np.zeros(X.shape[1], dtype=np.float32)
        w[cols] = w_cols.astype(np.float32)
        corrections[c] = LabelCorrection(c, a, b, w, best, int(y.sum()), int(len(y) - y.sum()))
        oof[rows, j] = expit(logit(best_pred) + shift)
        base_ll = _logloss(y, P0[rows, j], sw)
        report.corrected[c] = {
            "positives": int(y.sum()),
            "keeps": int(len(y) - y.sum()),
            "penalty": best,
            "a": round(a, 3),
            "b": round(b, 3),
            "cutoff_shift": round(shift, 3),
            "logloss_base": round(base_ll, 4),
            "logloss_corrected_cv": round(best_loss, 4),
        }

    for _ in ticks:  # run the bar to its end
        pass
    clf = CorrectedClassifier(base, corrections)
    report.thresholds = {c: dict(t) for c, t in artifact.thresholds.items()}
    # Out-of-fold model scores → the judge's final scores (rule floors), for per-community thresholds.
    final = with_floors(oof.copy(), names, list(prepared))
    if communities is not None:
        report.community_thresholds = _community_thresholds(
            final, labels, names, communities, report.thresholds, list(corrections), community_min
        )
    report.seconds = round(time.monotonic() - t0, 1)
    return clf, report


def _best_threshold(y: np.ndarray, s: np.ndarray, floor: float) -> float | None:
    best_f1, best_t = -1.0, None
    for t in GRID:
        if t < floor:
            continue
        pred = s >= t
        tp = float((pred & y).sum())
        if not pred.any() and not y.any():
            continue
        f1 = 2 * tp / max(float(pred.sum() + y.sum()), 1.0)
        if f1 > best_f1 + 1e-9 or (abs(f1 - best_f1) <= 1e-9 and best_t is not None and t > best_t):
            best_f1, best_t = f1, float(t)  # ties: the higher cut-off deletes less
    return best_t


#: The cut-off shift is at most this many logit units (a few labels must not move a category far).
MAX_SHIFT = 2.0


def _cutoff_shift(y: np.ndarray, oof: np.ndarray, delete: float, positives: float) -> float:
    """Logit shift that puts the F1-best out-of-fold cut-off on ``delete``, shrunk for few labels."""
    best_f1, best_t = -1.0, delete
    yb = y.astype(bool)
    for t in np.round(np.arange(0.05, 0.951, 0.0125), 4):
        pred = oof >= t
        f1 = 2 * float((pred & yb).sum()) / max(float(pred.sum() + yb.sum()), 1.0)
        if f1 > best_f1 + 1e-9 or (abs(f1 - best_f1) <= 1e-9 and abs(t - delete) < abs(best_t - delete)):
            best_f1, best_t = f1, float(t)  # ties: the cut-off nearest the current one
    shift = float(logit(np.array([delete]))[0] - logit(np.array([best_t]))[0])
    shift *= positives / (positives + SHRINK)
    return float(np.clip(shift, -MAX_SHIFT, MAX_SHIFT))


def _shift(base: dict[str, float], delete: float) -> dict[str, float]:
    """Move a category's review/delete/ban band so that delete lands on ``delete`` (gaps kept)."""
    gap_r = base["delete"] - base["review"]
    gap_b = base["ban"] - base["delete"]
    return {
        "review": round(max(delete - gap_r, 0.1), 3),
        "delete": round(delete, 3),
        "ban": round(min(delete + gap_b, 0.95), 3),
    }


def tune_delete_thresholds(
    final: np.ndarray,
    labels: Sequence[frozenset[str]],
    names: list[str],
    base: dict[str, dict[str, float]],
    corrected: list[str],
) -> dict[str, dict[str, float]]:
    """Delete thresholds of the corrected categories, F1-best on out-of-fold scores (positives: the
    category's labels, negatives: keeps), shrunk towards the base threshold for few labels."""
    out = {c: dict(t) for c, t in base.items()}
    keep = np.array([not ls for ls in labels])
    for c in corrected:
        j = names.index(c)
        pos = np.array([c in ls for ls in labels])
        rows = pos | keep
        t = _best_threshold(pos[rows], final[rows, j], categories.get(c).min_delete)
        if t is None:
            continue
        n = float(pos.sum())
        shrunk = base[c]["delete"] + (t - base[c]["delete"]) * n / (n + SHRINK)
        out[c] = _shift(base[c], max(shrunk, categories.get(c).min_delete))
    return out


def _community_thresholds(final, labels, names, communities, global_t, corrected, minimum) -> dict:
    out: dict[str, dict[str, dict[str, float]]] = {}
    comm = np.array(communities)
    big = [k for k in sorted(set(communities)) if k and int((comm == k).sum()) >= minimum]
    if len(big) < 2:
        return out  # one community: the global cut-off was tuned on its labels already
    for key in big:
        mask = comm == key
        sub_labels = [labels[i] for i in np.flatnonzero(mask)]
        tuned = tune_delete_thresholds(
            final[mask],
            sub_labels,
            names,
            global_t,
            [c for c in corrected if sum(c in ls for ls in sub_labels) >= minimum // 5],
        )
        diff = {c: t for c, t in tuned.items() if abs(t["delete"] - global_t[c]["delete"]) >= 0.025}
        if diff:
            out[key] = diff
    return out


def corrected_artifact(
    artifact: ModelArtifact,
    clf: CorrectedClassifier,
    report: CorrectionReport,
    *,
    version: str,
    data: list[dict] | None = None,
    metrics: dict | None = None,
) -> ModelArtifact:
    """A new artifact: the base pipeline's steps with the corrected classifier and tuned thresholds."""
    pipe = artifact.pipeline
    new_pipe = Pipeline(
        [("prepare", pipe.named_steps["prepare"]), ("features", pipe.named_steps["features"]), ("clf", clf)]
    )
    m = dict(artifact.metrics)
    m.update(metrics or {})
    m["correction"] = report.corrected
    m.pop("community_thresholds", None)  # an earlier correction's, if the base carried one
    if report.community_thresholds:
        m["community_thresholds"] = report.community_thresholds
    return ModelArtifact(
        pipeline=new_pipe,
        version=version,
        thresholds=report.thresholds,
        metrics=m,
        data=list(artifact.data) + list(data or []),
    )


def community_thresholds(artifact: ModelArtifact, community: str) -> dict[str, dict[str, float]]:
    """Thresholds a retrained model tuned for one community (``"vk:123"``), or {}."""
    return dict((artifact.metrics or {}).get("community_thresholds", {}).get(community, {}))
