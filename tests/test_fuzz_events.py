"""Property-based fuzzing of VK event envelopes, through the parser *and* the store.

Every event kind :mod:`bot.vk.events` handles (the 15 comment events, ``message_new``/``_edit``,
``user_block``/``_unblock``, the known ignored ones, ``confirmation``, unknown types, and the
``wall.getComments`` objects a backfill reads) is generated well-formed, then mutated: any field
missing, of the wrong type, huge, negative, or text full of unicode edge cases (lone surrogates,
bidi controls, zero-width characters, NUL, 100,000-character texts, 10^30 ids).

What must hold, whatever VK (or whoever holds the callback secret) sends:

* the parser never raises; what it returns is well-typed — ids are decimal text within 64 bits,
  community ids positive, dates 64-bit integers — or :class:`Malformed` with one printable line;
* a well-formed envelope of any kind parses to exactly what it says, whatever its text holds;
* the store keeps every comment the parser produced (``Store.save_comment`` never raises, the
  row is found by its key, a second save is a no-op, the event id is recorded), with the text
  unchanged when it is valid UTF-8.

Example counts are modest so the suite stays fast (a few seconds).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.platform import BanEvent, CommentEvent, Ignored, Malformed
from bot.store import Store
from bot.vk.events import (
    BLOCK_EVENTS,
    COMMENT_EVENTS,
    KNOWN_IGNORED,
    MESSAGE_EVENTS,
    parse_event,
    wall_comment_from_api,
)

INT64 = 2**63 - 1
DIGITS = re.compile(r"-?\d+")
FUZZ = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
#: The store writes a transaction per example: fewer of them.
FUZZ_STORE = settings(FUZZ, max_examples=80)

# --------------------------------------------------------------------------- values

#: Characters that have broken text handling somewhere: lone surrogates, bidi overrides and
#: isolates, zero-width joiners, BOM, NUL and other controls, line/paragraph separators, combining
#: marks, astral emoji, non-characters; plus Cyrillic so that мат can be formed.
SPECIALS = [
    "\ud83d",
    "\ude00",
    "\ud800",
    "\udfff",
    "\u202e",
    "\u202d",
    "\u202c",
    "\u2066",
    "\u2067",
    "\u2069",
    "\u200e",
    "\u200f",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\x00",
    "\x01",
    "\x1b",
    "\x7f",
    "\u2028",
    "\u2029",
    "\r",
    "\n",
    "\t",
    "\u0301",
    "\u0336",
    "\U0001f595",
    "\U0010ffff",
    "\uffff",
    "\ufffe",
    "х",
    "у",
    "й",
    "б",
    "л",
    "я",
    "д",
    "ь",
]
surrogates = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, exclude_categories=())
chars = st.one_of(st.characters(exclude_categories=()), st.sampled_from(SPECIALS), surrogates)
PADS = [" ", "\n", "\u200b", "\u202e", "\ud83d", "хорошая погода сегодня ", "\x00"]
CORES = [
    "иди нахуй, дебил",
    "\u202eйух\u202c",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://x"&A1,"Жалоба")',
    "' OR 1=1; --",
    "${jndi:ldap://x}",
    "{{7*7}}",
    "",
]
texts = st.one_of(
    st.text(chars, max_size=80),
    st.builds(
        lambda pad, n, core: pad * n + core,
        st.sampled_from(PADS),
        st.sampled_from([1, 300, 5000, 20_000]),
        st.sampled_from(CORES),
    ),
    st.sampled_from(
        [
            "х" * 100_000,
            "\u200b" * 100_000,
            "а\u0301" * 50_000,
            "\ud83d" * 1000 + "иди нахуй",
            "\u202e" + "йух " * 30_000 + "\u202c",
        ]
    ),
)
ids = st.integers(1, 2**31 - 1)
HUGE = [0, -1, -(2**31), 2**31, 2**53 + 1, INT64, INT64 + 1, -INT64 - 2, 10**30, -(10**30), 10**300, 10**4299]
hostile_ints = st.one_of(st.integers(), st.sampled_from(HUGE))
wrong_types = st.one_of(
    st.none(),
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["12", " 7 ", "-3", "1e3", "0x10", "", "١٢", "12\x00", "\ud83d", "9" * 40, "null"]),
    texts,
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
hostile = st.one_of(hostile_ints, wrong_types)
event_ids = st.one_of(
    st.text("0123456789abcdef", min_size=1, max_size=40),
    st.text(chars, min_size=1, max_size=20),
    st.sampled_from(["x" * 100_000, "\ud83d", "\x00", "a\nb", "\u202eevil"]),
)

# --------------------------------------------------------------------------- well-formed envelopes

IGNORED_TYPES = sorted(KNOWN_IGNORED - {"confirmation"})
ALL_TYPES = [
    *COMMENT_EVENTS,
    *MESSAGE_EVENTS,
    *BLOCK_EVENTS,
    *IGNORED_TYPES,
    "confirmation",
    "some_future_event",
]


@st.composite
def envelopes(
    draw: st.DrawFn, etype: str | None = None, text: st.SearchStrategy[str] = texts
) -> dict[str, Any]:
    """A well-formed envelope of ``etype`` (any kind when None), as VK sends it."""
    etype = etype or draw(st.sampled_from(ALL_TYPES))
    gid = draw(ids)
    env: dict[str, Any] = {
        "type": etype,
        "group_id": gid,
        "event_id": draw(st.text("0123456789abcdef", min_size=8, max_size=40)),
        "v": "5.199",
    }
    date = draw(st.integers(1_000_000_000, 2_000_000_000))
    if etype in COMMENT_EVENTS:
        _, parent, owner, _ = COMMENT_EVENTS[etype]
        obj: dict[str, Any] = {
            "id": draw(ids),
            "from_id": draw(st.one_of(ids, st.just(-gid))),
            "date": date,
            "text": draw(text),
            parent: draw(ids),
            owner: -gid,
        }
        if etype.startswith("wall"):
            obj["owner_id"] = -gid
            obj["parents_stack"] = draw(st.lists(ids, max_size=2))
        if draw(st.booleans()):
            obj["reply_to_comment"], obj["reply_to_user"] = draw(ids), draw(ids)
    elif etype in MESSAGE_EVENTS:
        author = draw(ids)
        msg = {
            "id": draw(ids),
            "from_id": author,
            "peer_id": author,
            "date": date,
            "text": draw(text),
            "conversation_message_id": draw(ids),
            "out": 0,
            "attachments": [],
        }
        obj = {"message": msg, "client_info": {"keyboard": True}} if etype == "message_new" else msg
    elif etype == "user_block":
        obj = {
            "admin_id": draw(ids),
            "user_id": draw(ids),
            "unblock_date": draw(st.sampled_from([0, date])),
            "reason": draw(st.integers(0, 4)),
            "comment": draw(text),
        }
    elif etype == "user_unblock":
        obj = {"admin_id": draw(ids), "user_id": draw(ids), "by_end_date": draw(st.integers(0, 1))}
    elif etype == "confirmation":
        return {"type": "confirmation", "group_id": gid}
    else:
        obj = {"id": draw(ids), "owner_id": -gid, "text": draw(text)}
    env["object"] = obj
    return env


def _paths(env: dict[str, Any]) -> list[tuple[str, ...]]:
    """Every field of the envelope and of its object(s), as paths."""
    out: list[tuple[str, ...]] = [(k,) for k in ("type", "group_id", "event_id", "v", "object")]
    obj = env.get("object")
    if isinstance(obj, dict):
        out += [("object", k) for k in obj]
        if isinstance(obj.get("message"), dict):
            out += [("object", "message", k) for k in obj["message"]]
    return out


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    """A well-formed envelope with one to three fields deleted or replaced by hostile values."""
    env = draw(envelopes())
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(env)))
        holder: Any = env
        for k in path[:-1]:
            holder = holder.get(k) if isinstance(holder, dict) else None
        if not isinstance(holder, dict):
            continue
        if draw(st.booleans()):
            holder.pop(path[-1], None)
        else:
            holder[path[-1]] = draw(
                st.one_of(hostile, event_ids) if path[-1] in ("event_id", "type") else hostile
            )
    return env


# --------------------------------------------------------------------------- invariants


def _id_text(value: Any) -> bool:
    return (
        isinstance(value, str) and DIGITS.fullmatch(value) is not None and -INT64 - 1 <= int(value) <= INT64
    )


def _community(value: Any) -> bool:
    return type(value) is int and 0 < value <= INT64


def _printable_line(s: Any) -> bool:
    if not isinstance(s, str) or "\n" in s or "\r" in s or len(s) > 500:
        return False
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_event(ev: Any) -> None:
    """What the daemon may rely on, whatever the envelope was."""
    assert isinstance(ev, CommentEvent | BanEvent | Ignored | Malformed), ev
    if isinstance(ev, Malformed):
        assert _printable_line(ev.error), repr(ev.error)[:300]
        assert isinstance(ev.event_id, str) and isinstance(ev.community_id, int)
    elif isinstance(ev, Ignored):
        assert _community(ev.community_id) and isinstance(ev.event_type, str) and isinstance(ev.event_id, str)
    elif isinstance(ev, BanEvent):
        assert _community(ev.community_id) and _id_text(ev.author_id)
        assert ev.until is None or (type(ev.until) is int and 0 < ev.until <= INT64), ev.until
        assert (
            isinstance(ev.by, str)
            and isinstance(ev.note, str)
            and isinstance(ev.event_id, str)
            and ev.event_id
        )
    else:
        c = ev.comment
        assert _community(c.community_id) and c.community_id == ev.community_id and c.platform == "vk"
        for name in ("comment_id", "author_id", "object_id", "owner_id"):
            assert _id_text(getattr(c, name)), (name, getattr(c, name))
        assert type(c.created_at) is int and -INT64 - 1 <= c.created_at <= INT64, c.created_at
        assert isinstance(c.text, str) and isinstance(c.url, str) and isinstance(c.key, str)
        assert isinstance(c.event_id, str) and c.event_id == ev.event_id and c.event_id


def _utf8(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# --------------------------------------------------------------------------- the parser


@FUZZ
@given(envelopes())
def test_well_formed_envelopes_of_every_kind_parse_to_what_they_say(env: dict[str, Any]) -> None:
    ev = parse_event(env, received_at=1.0)
    check_event(ev)
    etype, obj = env["type"], env.get("object")
    if etype in COMMENT_EVENTS:
        kind, parent, _, edited = COMMENT_EVENTS[etype]
        assert isinstance(ev, CommentEvent), ev
        c = ev.comment
        assert (c.kind, c.comment_id, c.author_id, c.object_id, c.text, c.created_at, c.edited) == (
            kind,
            str(obj["id"]),
            str(obj["from_id"]),
            str(obj[parent]),
            obj["text"],
            obj["date"],
            edited,
        )
        assert c.by_community == (obj["from_id"] == -env["group_id"])
    elif etype in MESSAGE_EVENTS:
        msg = obj["message"] if etype == "message_new" else obj
        assert isinstance(ev, CommentEvent) and ev.comment.kind == "message", ev
        assert (ev.comment.comment_id, ev.comment.author_id, ev.comment.text) == (
            str(msg["id"]),
            str(msg["from_id"]),
            msg["text"],
        )
    elif etype in BLOCK_EVENTS:
        assert isinstance(ev, BanEvent) and ev.author_id == str(obj["user_id"]), ev
        assert ev.blocked == (etype == "user_block")
        if ev.blocked:
            assert ev.until == (obj["unblock_date"] or None) and ev.note == obj["comment"]
    else:
        assert isinstance(ev, Ignored) and ev.event_type == etype, ev


@FUZZ
@given(mutated())
def test_mutated_envelopes_never_raise_and_stay_well_typed(env: dict[str, Any]) -> None:
    check_event(parse_event(env))


@FUZZ
@given(
    st.one_of(
        hostile,
        st.lists(hostile, max_size=3),
        st.dictionaries(
            st.sampled_from(["type", "group_id", "event_id", "object", "v"]), hostile, max_size=5
        ),
    )
)
def test_anything_at_all_is_malformed_or_well_typed(env: Any) -> None:
    check_event(parse_event(env))


@FUZZ
@given(
    st.one_of(
        envelopes().map(lambda e: e.get("object")),
        hostile,
        st.dictionaries(
            st.sampled_from(["id", "from_id", "date", "text", "post_id", "deleted"]), hostile, max_size=6
        ),
    ),
    ids,
    ids,
)
def test_backfilled_comment_objects_never_raise(obj: Any, group_id: int, post_id: int) -> None:
    c = wall_comment_from_api(group_id, post_id, obj, received_at=1.0)
    if c is not None:
        assert c.community_id == group_id and c.kind == "wall"
        for name in ("comment_id", "author_id", "object_id", "owner_id"):
            assert _id_text(getattr(c, name)), (name, getattr(c, name))
        assert type(c.created_at) is int and -INT64 - 1 <= c.created_at <= INT64 and isinstance(c.text, str)


@pytest.mark.parametrize("field", ["group_id", "id", "from_id", "date", "post_id", "post_owner_id"])
@pytest.mark.parametrize("value", [10**30, -(10**30), 2**63, 10**4299])
def test_ids_beyond_64_bits_are_malformed(field: str, value: int) -> None:
    """VK's ids and dates fit in 64 bits; a bigger one is a broken event, not a comment to store."""
    env = {
        "type": "wall_reply_new",
        "group_id": 1,
        "event_id": "e1",
        "object": {
            "id": 5,
            "from_id": 7,
            "date": 1_700_000_000,
            "text": "т",
            "post_id": 3,
            "post_owner_id": -1,
        },
    }
    (env if field == "group_id" else env["object"])[field] = value
    ev = parse_event(env)
    assert isinstance(ev, Malformed) and "range" in ev.error, ev
    check_event(ev)


# --------------------------------------------------------------------------- the store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store(Path(tmp_path_factory.mktemp("fuzz")) / "fuzz.db") as s:
        yield s


def _store_roundtrip(store: Store, ev: Any) -> None:
    if not isinstance(ev, CommentEvent):
        return
    c = ev.comment
    row = store.save_comment(c)
    again = store.save_comment(c)
    assert again.id == row.id and not again.is_new, "saving the same comment twice made a new version"
    # (the store is shared across examples: a key may hold other versions, so read this one back)
    got = store.get_comment(c.key, row.version)
    assert got is not None and got.id == row.id
    assert _utf8(got.text)
    if _utf8(c.text):
        assert got.text == c.text
    assert store.event_seen(c.platform, c.community_id, c.event_id)


@FUZZ_STORE
@given(envelopes(etype=None))
def test_store_keeps_every_well_formed_comment(store: Store, env: dict[str, Any]) -> None:
    _store_roundtrip(store, parse_event(env))


@FUZZ_STORE
@given(mutated())
def test_store_keeps_whatever_the_parser_made_of_a_mutated_envelope(
    store: Store, env: dict[str, Any]
) -> None:
    _store_roundtrip(store, parse_event(env))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(sorted(COMMENT_EVENTS) + sorted(MESSAGE_EVENTS)),
    st.text(chars, min_size=1, max_size=40),
    event_ids,
)
def test_store_keeps_unicode_edge_cases_in_text_and_event_id(
    store: Store, etype: str, text: str, event_id: str
) -> None:
    env = {"type": etype, "group_id": 7, "event_id": event_id, "object": _object(etype, text)}
    ev = parse_event(env)
    assert isinstance(ev, CommentEvent), ev
    _store_roundtrip(store, ev)


def _object(etype: str, text: str) -> dict[str, Any]:
    if etype in MESSAGE_EVENTS:
        msg = {"id": 11, "from_id": 42, "peer_id": 42, "date": 1_700_000_000, "text": text}
        return {"message": msg} if etype == "message_new" else msg
    _, parent, owner, _ = COMMENT_EVENTS[etype]
    return {"id": 11, "from_id": 42, "date": 1_700_000_000, "text": text, parent: 3, owner: -7}
