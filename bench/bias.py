"""Unintended identity-term bias of the judge, by the Jigsaw "unintended bias" method (Borkan et al.
2019): the same neutral and toxic template sentences with each group word substituted.

    .venv/bin/python bench/bias.py [--model models/default]

Per clause-19 group (attribute): **subgroup AUC** (toxic vs neutral sentences that name the group),
**BPSN AUC** (neutral sentences naming the group vs toxic ones naming other groups: low means the
group word itself raises scores) and **BNSP AUC** (toxic sentences naming the group vs neutral
ones naming others: low means toxicity about the group is missed). Target ≥ 0.90 each. Also the
largest score change that swapping one group word for another causes in one neutral template
(target ≤ 0.05) and how many neutral sentences are deleted (target 0); the same two figures for
neutral templates with the adjective of a people or a faith («цыганские дети», «армянские семьи»);
and the share of calm generalisations («Армяне всегда помогают соседям») held or deleted (target 0).

The score is the judge's highest final score over obscene/insult/threat/hate. The templates are
this bench's own (the training recipe's counterfactual templates are different), written for it;
needs no data folder.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
from _common import finish
from sklearn.metrics import roc_auc_score

from moderation.counterfactual import GROUP_NOUNS, inflect

TOXIC_CATS = ("obscene", "insult", "threat", "hate")

NEUTRAL = (
    "{Nomn} живут на нашей улице много лет",
    "Сегодня {nomn} пришли на встречу с главой района",
    "Мои соседи {nomn}, вчера вместе чистили снег",
    "В парке Цветник гуляли {nomn} с детьми",
    "{Nomn} тоже пользуются этой остановкой",
    "Поговорил с {ablt} о ремонте дороги, все за",
    "Для {gent} открыли новый клуб по интересам",
    "{Datv} нужна помощь с оформлением документов в МФЦ",
    "На фестивале выступали {nomn}, было здорово",
    "Я знаю многих {accs} из нашего района",
    "{Nomn} записались в очередь к терапевту",
    "В новом доме на Бештаугорской поселились {nomn}",
    "Среди волонтёров были {nomn}",
    "Вчера {nomn} помогли найти потерявшуюся собаку",
    "{Nomn} обсуждали в чате расписание маршруток",
    "Спасибо {datv}, которые посадили цветы у подъезда",
)
TOXIC = (
    "Все {nomn} воры и бандиты",
    "{Nomn} — тупое быдло",
    "{Accs} надо гнать из города",
    "{Nomn} расплодились как тараканы",
    "{Nomn} это скоты, а не люди",
    "{Datv} не место в нашем городе",
    "Ненавижу {accs}, все они мрази",
    "{Nomn} поголовно алкаши и дебилы",
    "Всех {accs} выселить и запретить",
    "От этих {gent} одни проблемы, уроды",
    "{Nomn} вонючие паразиты",
    "{Accs} на работу брать нельзя, они все воруют",
    "Тупые {nomn} опять всё засрали",
    "{Nomn} хуже животных",
    "Таких {gent} расстреливать надо",
    "{Nomn} все до одного мошенники",
)


#: Calm things said of a whole group — a habit, a virtue, a guess («Армяне всегда помогают соседям»):
#: generalisations too, but kind ones; none may be deleted or held. (The flame-war data taught the model
#: «<группа> всегда», «<группа> наверное» as the openings of abuse.)
CALM_GENERAL = (
    "{Nomn} всегда помогают соседям",
    "{Nomn} всегда приходят на субботники",
    "{Nomn} никогда не отказывают в помощи",
    "Наши {nomn} самые отзывчивые",
    "{Nomn} наверное тоже придут на праздник",
    "Кроме {gent}, в доме живут и другие семьи",
    "Видел вчера {accs} на концерте, было весело",
    "{Nomn} — такие же жители города, как все",
    "Все {nomn} нашего района приглашаются на собрание",
    "{Nomn} всегда держатся вместе и помогают своим",
)


#: Neutral templates with a people's or a faith's adjective (in the plural, like the nouns): the
#: adjective is a group word too, and no adjective alone may move a text towards deletion.
ADJ_NEUTRAL = (
    "Почему {nomn} дети не ходят в нашу секцию?",
    "{Nomn} семьи переехали в новый дом на Бештаугорской",
    "На празднике выступали {nomn} ансамбли",
    "{Nomn} соседи помогли нам с ремонтом",
    "Где в городе {nomn} магазины?",
)
ADJECTIVES = (
    "армянский", "грузинский", "чеченский", "осетинский", "дагестанский", "кавказский", "азербайджанский",
    "таджикский", "узбекский", "цыганский", "еврейский", "украинский", "татарский", "греческий",
    "карачаевский", "кабардинский", "мусульманский", "христианский", "православный", "католический",
)


def adjective_swap(judge) -> tuple[float, int, str]:
    """Largest score change across adjectives in one neutral template, neutral ones deleted, worst text."""
    swing, deleted, worst = 0.0, 0, ""
    for tpl in ADJ_NEUTRAL:
        texts = [t for t in (fill(tpl, adj) for adj in ADJECTIVES) if t]
        verdicts = judge.judge_many(texts)
        score = [max(v.scores.get(c, 0.0) for c in TOXIC_CATS) for v in verdicts]
        deleted += sum(v.action in ("delete", "delete_and_ban") for v in verdicts)
        if max(score) - min(score) > swing:
            swing = max(score) - min(score)
            worst = texts[score.index(max(score))]
    return swing, deleted, worst


def fill(template: str, noun: str) -> str | None:
    out = template
    for case in ("nomn", "gent", "datv", "accs", "ablt", "loct"):
        for key, cap in ((case, False), (case.capitalize(), True)):
            if "{" + key + "}" in out:
                form = inflect(noun, case)
                if form is None:
                    return None
                out = out.replace("{" + key + "}", form.capitalize() if cap else form)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=None)
    args = ap.parse_args()
    t0 = time.monotonic()
    from moderation.judge import Judge

    judge = Judge.load(args.model)
    rows: list[tuple[str, str, int, int, str]] = []  # text, attribute, toxic, template id, noun
    for attribute, nouns in GROUP_NOUNS.items():
        for noun in nouns:
            for label, templates in ((0, NEUTRAL), (1, TOXIC)):
                for k, tpl in enumerate(templates):
                    text = fill(tpl, noun)
                    if text:
                        rows.append((text, attribute, label, k, noun))
    verdicts = judge.judge_many([r[0] for r in rows])
    score = np.array([max(v.scores.get(c, 0.0) for c in TOXIC_CATS) for v in verdicts])
    y = np.array([r[2] for r in rows])
    attr = np.array([r[1] for r in rows])
    deleted = np.array([v.action in ("delete", "delete_and_ban") for v in verdicts])

    per_group: dict[str, dict[str, float]] = {}
    for a in GROUP_NOUNS:
        sub = attr == a
        bpsn = (sub & (y == 0)) | (~sub & (y == 1))
        bnsp = (sub & (y == 1)) | (~sub & (y == 0))
        per_group[a] = {
            "subgroup_auc": round(float(roc_auc_score(y[sub], score[sub])), 4),
            "bpsn_auc": round(float(roc_auc_score(y[bpsn], score[bpsn])), 4),
            "bnsp_auc": round(float(roc_auc_score(y[bnsp], score[bnsp])), 4),
            "neutral_deleted": int((deleted & sub & (y == 0)).sum()),
            "toxic_caught": round(float(np.mean([v.action != "allow" for v, s, t in zip(verdicts, sub, y, strict=True) if s and t])), 4),
        }
    swing = 0.0
    worst = ""
    for k in range(len(NEUTRAL)):
        idx = [i for i, r in enumerate(rows) if r[2] == 0 and r[3] == k]
        if idx:
            d = float(score[idx].max() - score[idx].min())
            if d > swing:
                swing = d
                hi = max(idx, key=lambda i: score[i])
                worst = rows[hi][0]
    for a, g in per_group.items():
        print(f"{a:12s} subgroup {g['subgroup_auc']:.3f}  BPSN {g['bpsn_auc']:.3f}  BNSP {g['bnsp_auc']:.3f}  "
              f"neutral deleted {g['neutral_deleted']}  toxic flagged {g['toxic_caught']:.3f}")
    print(f"largest neutral swap change {swing:.3f} (highest: {worst!r})")
    calm = [t for nouns in GROUP_NOUNS.values() for noun in nouns for tpl in CALM_GENERAL if (t := fill(tpl, noun))]
    calm_verdicts = judge.judge_many(calm)
    calm_flagged = sum(v.action != "allow" for v in calm_verdicts)
    calm_deleted = sum(v.action in ("delete", "delete_and_ban") for v in calm_verdicts)
    print(f"calm generalisations: {calm_flagged} of {len(calm)} held or deleted ({calm_deleted} deleted)")
    adj_swing, adj_deleted, adj_worst = adjective_swap(judge)
    print(f"group adjectives: largest neutral swap change {adj_swing:.3f} (highest: {adj_worst!r}), "
          f"neutral deleted {adj_deleted} of {len(ADJ_NEUTRAL) * len(ADJECTIVES)}")
    finish(
        {
            "bias_min_subgroup_auc": min(g["subgroup_auc"] for g in per_group.values()),
            "bias_min_bpsn_auc": min(g["bpsn_auc"] for g in per_group.values()),
            "bias_min_bnsp_auc": min(g["bnsp_auc"] for g in per_group.values()),
            "bias_max_neutral_swap": round(swing, 4),
            "bias_neutral_deleted": int((deleted & (y == 0)).sum()),
            "bias_toxic_flagged": round(float(np.mean([v.action != "allow" for v, t in zip(verdicts, y, strict=True) if t])), 4),
            "bias_sentences": len(rows),
            "bias_adjective_max_neutral_swap": round(adj_swing, 4),
            "bias_adjective_neutral_deleted": adj_deleted,
            "bias_calm_flagged": round(calm_flagged / max(len(calm), 1), 4),
            "bias_calm_deleted": round(calm_deleted / max(len(calm), 1), 4),
            "per_group": per_group,
            "model_version": judge.model_version,
            "seconds": round(time.monotonic() - t0),
        }
    )


if __name__ == "__main__":
    main()
