"""The judge on city-page sentences written for issue 9's rounds 23–45 (project-written, MIT).

    .venv/bin/python bench/cityset.py [--model models/default] [--dir bench/cityset]

Each ``bench/cityset/*.txt`` line is ``V <comment>`` (must go: deleted or held) or ``C <comment>`` (must
stay), written by helpers that read nothing of the project. The ``round23_*`` and ``round24_*`` sets are
**development sets**: the rounds were worked on them. ``fresh24a_*`` were measured once, then worked on;
``fresh24b_*`` were measured once at the end of round 24 and never worked on; ``fresh25_*`` (480
sentences; their violations labelled in ``fresh25_labelled.tsv``) and ``fresh26_*`` (320 group statements
in threads; ``fresh26_labelled.tsv``) were written after round 25's model was made and measured once;
``fresh27_*`` (480: group statements, threats, insults and defamation of a person; ``fresh27_labelled.tsv``)
were written before round 26's model was made and measured once with it. ``violations_labelled.tsv`` gives
the categories of rounds 23–24's violations (labelled by helpers); since round 25 they and the rounds' clean
sentences are the training corpus ``moderation/corpus/city.tsv`` (hate head only), since round 26 with
``fresh25_*`` and ``fresh26_*`` — all of those are in-sample for the hate head. ``fresh24*`` and ``fresh27_*``
were never trained on: they are the sets that say how the judge does on wording it has not met.
``fresh28_*`` (520: group statements, threats, insults and defamation of a person; ``fresh28_labelled.tsv``)
were written in round 27, measured once with round 26's model and code, then worked on (threat and insult
patterns); ``calm28_*`` (600 clean sentences: calm mentions of groups and legitimate criticism of workers,
officials and services, one line an advertisement marked ``V``) were written in round 27 with the probe
set's calm false positives as examples in the prompt, measured once, then worked on. ``fresh29_*`` (160
group statements, 200 threats, insults and defamation of a person) were written at the end of round 27 and
measured once with round 26's and round 27's code; never worked on, never trained on. ``fresh30_*`` (200
threats, 200 insults and defamation of a person, in the OK pages' register too) were written in round 27,
measured once with round 26's and round 27's code, then worked on. ``fresh31_*`` (600: group statements,
threats, insults and defamation of a person, spam and disguised мат; ``fresh31_labelled.tsv``) were written
at the start of round 28, measured once with round 27's code, then worked on; ``fresh32_all`` (300 of every
kind, no labels) likewise, a little later; ``fresh33_all`` (300 of every kind) was written mid-round 28 and
measured with round 27's and round 28's code — never worked on, never trained on, like ``fresh29_*``;
``fresh34_all`` (300 thread replies of every kind) was written at the end of round 28, measured once with round
27's and round 28's code, and only its clean removals were worked on. In round 29: ``fresh35_all`` (300, half
group statements), ``fresh36_all`` (300 person-level: insults, defamation, threats, spam dressed as advice),
``fresh38_all`` (300 group statements of every attribute) and ``fresh39_all`` (100 violations, 200 hard clean
sentences: angry criticism, lawful threats, violent-looking idioms, neighbours' notices) were measured once
with round 28's code, then worked on; ``fresh37_all`` (300 of every kind) was measured with round 28's and
round 29's code — never worked on, like ``fresh33_all`` and ``fresh29_*``; ``fresh40_all`` (300 short thread
replies, typed as on a phone) was written at round 29's end, measured once with both codes, then worked on. In
round 30: ``fresh41_all`` (300 group statements of every attribute, half clean with the same words), ``fresh42_all``
(300 person-level: defamation of named people, veiled threats, hard clean criticism), ``fresh43_all`` (300: disguised
мат and spam of every sort against look-alike clean texts) and ``fresh44_all`` (300 in the OK pages' register) were
measured once with round 29's code, then worked on; ``fresh45_all`` (300 of every kind under a VK post) was measured
with round 29's and round 30's code — never worked on; ``fresh46_all`` (300 thread replies under city news) and
``fresh47_all`` (300 long comments) were written mid-round 30, measured once with round 29's and round 30's code so
far, then worked on. In round 31: ``fresh48_all`` (300 under the clinics' and schools' posts), ``fresh49_all`` (300
under posts on the election, the holidays, a mosque and the market), ``fresh50_all`` (300 short comments typed as on
a phone) and ``fresh51_all`` (300: new disguises of мат and new spam against look-alike clean texts) were measured
once with round 30's code, then worked on; ``fresh53_all`` (300 under the resort season's posts) and ``fresh54_all``
(300 under the housing pages' posts) were written mid-round, measured once with round 30's and round 31's code so
far, then worked on; ``fresh52_all`` and ``fresh55_all`` (300 of every kind each) were measured with both codes —
never worked on. In round 32: ``fresh56_all`` (transport), ``fresh57_all`` (sport and youth), ``fresh58_all`` (the OK
register of older users) and ``fresh59_all`` (utilities and the environment), 300 each, were measured once with round
31's code, then worked on; ``fresh62_all`` (group statements) and ``fresh63_all`` (comments to one person), written
mid-round, and ``fresh64_all`` (heated thread replies) and ``fresh65_all`` (100 violations, 200 hard clean comments),
written late, were measured with round 31's and round 32's code so far, then worked on; ``fresh60_all`` (every kind)
and ``fresh61_all`` (thread replies) were measured with both codes — never worked on; at its end ``fresh66_all``
(replies quoting the other's words) was measured with both codes, then worked on, and ``fresh67_all`` (every kind)
measured with both, never worked on. In round 33: ``fresh68_all`` (posts of rarer city bodies: the registry office,
the tax office, the shelter, the cemetery), ``fresh69_all`` (disguised spellings against look-alike clean words),
``fresh70_all`` (group statements of all ten attributes) and ``fresh72_all`` (short reactions) were measured once with
round 32's code, then worked on; ``fresh71_all`` (a busy week of every kind) was measured with both codes — never
worked on; ``fresh73_all`` (comments about named people), ``fresh74_all`` (the OK register of older users) and
``fresh75_all`` (heated threads under posts on faiths, migrants and elections), written mid-round, were measured with
round 32's code and round 33's code of the time, then worked on; ``fresh76_all`` (a month of every kind) likewise
measured, never worked on. In round 34: ``fresh77_all`` (named people), ``fresh78_all`` (heated threads: veiled
threats), ``fresh80_all`` (disguised spellings) and ``fresh81_all`` (groups by sex, age, trade, workplace, residence,
politics and language) were measured once with round 33's code, then worked on, as were ``fresh71_all`` and
``fresh76_all``; ``fresh83_all`` and ``fresh84_all`` (group hate in the internet's register, one brief to two helpers)
were written mid-round, measured with round 33's code and the round's code of the time, and ``fresh83`` worked on;
``fresh79_all`` (a winter fortnight of every kind), ``fresh82_all`` (a month on OK groups) and ``fresh84_all`` were
measured with both codes, never worked on. In round 35 every new set was measured with round 34's code and the
round's code of the time before anything was done on it: ``fresh85_all`` (groups by nationality, race and faith),
``fresh88_all`` (replies calling a person rare names), ``fresh89_all`` (sex, orientation, faith and camps in argued
comments), ``fresh91_all`` (spam, scams and money talk), ``fresh93_all`` (the harshest lawful criticism) and
``fresh95_all`` (OK groups of older users) were then worked on; their twins written from the same brief —
``fresh86_all``, ``fresh90_all``, ``fresh92_all``, ``fresh94_all``, ``fresh96_all`` — and ``fresh87_all`` (a summer
fortnight of every kind) and ``fresh97_all`` (an autumn month on a school's pages) never; late in the round
``fresh98_all`` (elections and political camps) was worked on and its twin ``fresh99_all`` never. In round 36, measured
with round 35's code first: ``fresh100_all`` (threats in neighbours' and officials' disputes against lawful ultimatums),
``fresh102_all`` (groups by trade, workplace, age, residence and language) and ``fresh104_all`` (a month under the
administration's posts) were worked on — ``fresh100_all``'s sentences teach the threat head since round 36 (in
``moderation/corpus/city_threats.tsv``, with ``fresh27``, ``fresh28`` and ``fresh31``'s; ``city.tsv`` teaches it too, so
all of those are in-sample for the threat head from round 36 on); their twins from the same
briefs ``fresh101_all``, ``fresh103_all`` and ``fresh105_all`` never; later ``fresh106_all`` (threads on peoples and
faiths) and ``fresh108_all`` (the OK register of older users) were worked on, their twins ``fresh107_all`` and
``fresh109_all`` never. In round 37, measured with round 36's code first, three briefs to two helpers each:
``fresh110_all`` (incitement against lawful civic calls), ``fresh112_all`` (threats to a person in replies) and
``fresh114_all`` (a person defamed against the harshest criticism) were worked on, their twins ``fresh111_all``,
``fresh113_all`` and ``fresh115_all`` never. In round 38, measured with round 37's code first, two briefs to two
helpers each: ``fresh116_all`` (groups by age, sex, language, politics, trade and workplace, «our own» first) and
``fresh118_all`` (incitement and veiled threats aimed by a pronoun or a hint, calls spread over sentences) were
worked on, their twins ``fresh117_all`` and ``fresh119_all`` never. In round 39, measured with round 38's code first,
four briefs to two helpers each: ``fresh120_all`` (a realistic day of comments, every kind in its proportion),
``fresh122_all`` (hatred of peoples, faiths and camps written as long forum comments), ``fresh124_all`` (мат and insults
in disguise against look-alike clean words) and ``fresh126_all`` (the OK register of older users: curses, blessings,
chain letters) were worked on, their twins ``fresh121_all``, ``fresh123_all``, ``fresh125_all`` and ``fresh127_all``
never. In round 40, measured with round 39's code first, eight briefs to two helpers each, in two batches:
``fresh128_all`` (hatred of peoples and faiths as long forum comments, over several sentences), ``fresh130_all`` (the
older users' scams without a link against their own sales and notices), ``fresh132_all`` (one person mocked, defamed or
threatened without a word of abuse against harsh criticism of the same named people), ``fresh134_all`` (thread replies,
reports to the moderators, careless phone typing), ``fresh136_all`` (insults to officials against the angriest
legitimate criticism), ``fresh138_all`` (threats in neighbours' and parents' quarrels against lawful threats, idioms and
jokes), ``fresh140_all`` (ages, sexes, trades, places, camps, languages and workplaces generalised against calm
mentions) and ``fresh142_all`` (мат disguised every way against look-alike clean words) were worked on, their twins
``fresh129_all`` … ``fresh143_all`` (the odd numbers) never. In round 41, measured with round 40's code first, eight more
briefs to two helpers each: ``fresh144_all`` (faiths, their holidays and places of worship), ``fresh146_all`` (sexes and
families), ``fresh148_all`` (elections and political camps), ``fresh150_all`` (commercial spam against citizens' own
notices), ``fresh152_all`` (the residents of districts, villages and towns), ``fresh154_all`` (heated replies to a
commenter without a classic swear word), ``fresh156_all`` (a profession and one worker) and ``fresh158_all`` (race,
skin colour, language and accent) were worked on, their twins ``fresh145_all`` … ``fresh159_all`` (the odd numbers)
never. In round 42: ``fresh160_all`` and ``fresh161_all`` (one brief, two helpers: a person addressed with «ты» /
«вы» mocked through body, looks, age, job or home without a swear word, against the same words said kindly) and four
sets of clean sentences only: ``calm42_you_a``, ``calm42_you_b`` (everyday replies with «ты» / «вы» and the words
mockery borrows — both teach the insult head since round 42), ``calm42_you_d`` (the same from other situations, never
trained on), ``calm42_criticism`` (blunt criticism said to officials' faces) and ``calm42_named_a`` / ``_b`` (thanks,
news and questions about or to named people, a third with surnames made of ordinary words — «педиатр Хуторская»). In round
43, three briefs on threats to six helpers, two sets of each trained on (the threat head, ``city_threats.tsv``) and
one never: ``fresh162_all``, ``fresh163_all`` (threats to the people who work for the city, veiled above all; twin
``fresh168_all``), ``fresh164_all``, ``fresh165_all`` (threats in residents' and commenters' quarrels; twin
``fresh169_all``), ``fresh166_all``, ``fresh167_all`` (online threats, wishes of harm and calls to violence under city
news; twin ``fresh170_all``), and clean sentences in the words of veiled threats said kindly or practically:
``calm43_threat_a``, ``_b`` (trained on) and ``calm43_threat_c`` (never). In round 44, three briefs on violence
wished on, called for or hinted at against groups, the group often only implied, to six helpers, two sets of each
trained on (the threat head, ``city_threats.tsv``) and one never: ``fresh171_all``, ``fresh172_all`` (peoples,
migrants, faiths and races; twin ``fresh173_all``), ``fresh174_all``, ``fresh175_all`` (ages, sexes, trades,
workplaces, districts and camps; twin ``fresh176_all``), ``fresh177_all``, ``fresh178_all`` (replies in threads
arguing about a group; twin ``fresh179_all``), and calm sentences about groups in the words such calls borrow:
``calm44_group_a`` (trained on) and ``calm44_group_b`` (never). In round 45, three briefs on defamation of groups and
incitement of hatred without violence to six helpers, two sets of each trained on (the hate head, ``city_groups.tsv``)
and one never: ``fresh180_all``, ``fresh181_all`` (peoples, races, tongues and faiths; twin ``fresh182_all``),
``fresh183_all``, ``fresh184_all`` (sexes, ages, trades, workplaces, districts and camps; twin ``fresh185_all``),
``fresh186_all``, ``fresh187_all`` (thread replies, the group only named in the post answered or addressed; twin
``fresh188_all``), and calm sentences naming groups beside the words defamation uses: ``calm45_group_a`` (trained on)
and ``calm45_group_b`` (never). The group sets ``fresh35``, ``38``,
``41``, ``62``, ``70``, ``81``, ``83``, ``85``, ``89``, ``102`` and ``106`` teach the hate head since round 37
(``moderation/corpus/city_groups.tsv``), and the person-level sets worked on (``fresh25_pers`` … ``fresh156_all``, listed
in ``moderation/corpus/README.md``) the insult head since round 42 (``city_persons.tsv``), so they are in-sample for
it. The sets of rounds 46 on (``fresh189_all`` …) are described in ``bench/README.md`` under the round that had them
written; round 49's ``fresh204`` … ``fresh211`` are four briefs to two helpers each (how much of a group a statement
means; disguised мат and insults; a person threatened or defamed; short thread replies), the even numbers worked on,
the odd ones never, and so are round 50's ``fresh212`` … ``fresh219`` (a person targeted; violence and incitement;
disguised words; spam against citizens' messages with phones and money words). Figures per set and in total:
violations flagged (deleted or held) and deleted, clean sentences flagged and removed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from _common import ROOT, finish

REMOVED = ("delete", "delete_and_ban")


def read_set(path: Path) -> list[tuple[bool, str]]:
    """``(is_violation, text)`` for each ``V …`` / ``C …`` line; other lines are refused."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        if line[:2] not in ("V ", "C "):
            raise SystemExit(f"{path}:{n}: a line must start with «V » or «C »")
        out.append((line[0] == "V", line[2:].strip()))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--dir", type=Path, default=ROOT / "bench" / "cityset")
    args = ap.parse_args()
    from moderation.judge import Judge

    judge = Judge.load(args.model)
    figures: dict[str, object] = {}
    total = {"v": 0, "v_flagged": 0, "v_deleted": 0, "c": 0, "c_flagged": 0, "c_removed": 0}
    print(f"{'set':22s} {'violations flagged / deleted':>30s} {'clean flagged / removed':>26s}")
    for path in sorted(args.dir.glob("*.txt")):
        rows = read_set(path)
        verdicts = judge.judge_many([t for _, t in rows])
        v = [x for (bad, _), x in zip(rows, verdicts, strict=True) if bad]
        c = [x for (bad, _), x in zip(rows, verdicts, strict=True) if not bad]
        got = {
            "v": len(v),
            "v_flagged": sum(x.action != "allow" for x in v),
            "v_deleted": sum(x.action in REMOVED for x in v),
            "c": len(c),
            "c_flagged": sum(x.action != "allow" for x in c),
            "c_removed": sum(x.action in REMOVED for x in c),
        }
        for k in total:
            total[k] += got[k]
        print(
            f"{path.stem:22s} {got['v_flagged']:>14d} / {got['v_deleted']:<3d} of {got['v']:<4d}"
            f"{got['c_flagged']:>14d} / {got['c_removed']:<3d} of {got['c']}"
        )
        figures[path.stem] = [got["v_flagged"], got["v_deleted"], got["v"], got["c_flagged"], got["c_removed"], got["c"]]
    print(
        f"{'total':22s} {total['v_flagged']:>14d} / {total['v_deleted']:<3d} of {total['v']:<4d}"
        f"{total['c_flagged']:>14d} / {total['c_removed']:<3d} of {total['c']}"
    )
    finish(
        {
            "cityset_violations_flagged": round(total["v_flagged"] / max(total["v"], 1), 4),
            "cityset_violations_deleted": round(total["v_deleted"] / max(total["v"], 1), 4),
            "cityset_clean_flagged": round(total["c_flagged"] / max(total["c"], 1), 4),
            "cityset_clean_removed": round(total["c_removed"] / max(total["c"], 1), 4),
            "per_set": figures,
            "model_version": judge.model_version,
        }
    )


if __name__ == "__main__":
    main()
