"""Envelope → Comment for every event type we moderate; malformed input never raises."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.emulator import VKEmulator
from bot.platform import BanEvent, CommentEvent, Ignored, Malformed
from bot.vk.events import parse_event
from bot.vk.methods import ban_call, delete_call, reason_code, verify_call
from tests.conftest import G1


def _envelope(emu: VKEmulator, event_id: str) -> dict[str, Any]:
    return emu.state.groups[G1].event_index[event_id]


@pytest.mark.parametrize(
    "kind,method,target",
    [
        ("wall", "wall.deleteComment", "owner_id"),
        ("photo", "photos.deleteComment", "owner_id"),
        ("video", "video.deleteComment", "owner_id"),
        ("board", "board.deleteComment", "group_id"),
        ("market", "market.deleteComment", "owner_id"),
    ],
)
async def test_comment_events_from_the_emulator(
    vk_emu: VKEmulator, kind: str, method: str, target: str
) -> None:
    posted = vk_emu.post_comment(G1, 4242, "текст комментария", kind)
    ev = parse_event(_envelope(vk_emu, posted["event_id"]), received_at=123.0)
    assert isinstance(ev, CommentEvent), ev
    c = ev.comment
    assert (c.platform, c.community_id, c.kind, c.comment_id, c.author_id) == (
        "vk",
        G1,
        kind,
        str(posted["comment_id"]),
        "4242",
    )
    assert c.text == "текст комментария" and c.owner_id == str(-G1) and c.received_at == 123.0
    assert c.event_id == posted["event_id"] and not c.edited and c.url.startswith("https://vk.com/")
    assert c.object_id == str(
        posted[
            {
                "wall": "post_id",
                "photo": "photo_id",
                "video": "video_id",
                "board": "topic_id",
                "market": "item_id",
            }[kind]
        ]
    )
    m, params = delete_call(c)
    assert m == method and target in params and params["comment_id"] == int(c.comment_id)
    if kind == "board":
        assert params == {"group_id": G1, "topic_id": int(c.object_id), "comment_id": int(c.comment_id)}
    edit = vk_emu.edit_comment(G1, posted["comment_id"], "исправленный текст", kind)
    ev2 = parse_event(_envelope(vk_emu, edit["event_id"]))
    assert isinstance(ev2, CommentEvent) and ev2.comment.edited and ev2.comment.text == "исправленный текст"
    assert ev2.comment.key == c.key


async def test_message_new_and_blocks(vk_emu: VKEmulator) -> None:
    posted = vk_emu.post_comment(G1, 4343, "напишу в личку", "message")
    ev = parse_event(_envelope(vk_emu, posted["event_id"]))
    assert isinstance(ev, CommentEvent) and ev.comment.kind == "message" and ev.comment.author_id == "4343"
    assert ev.comment.text == "напишу в личку"
    block = parse_event(
        {
            "type": "user_block",
            "group_id": G1,
            "event_id": "b1",
            "v": "5.199",
            "object": {
                "admin_id": 5,
                "user_id": 77,
                "unblock_date": 1800000000,
                "reason": 1,
                "comment": "спам",
            },
        }
    )
    assert block == BanEvent("vk", G1, "77", True, 1800000000, "vk:5", "спам", "b1")
    unblock = parse_event(
        {
            "type": "user_unblock",
            "group_id": G1,
            "event_id": "b2",
            "v": "5.199",
            "object": {"admin_id": 5, "user_id": 77, "by_end_date": 1},
        }
    )
    assert isinstance(unblock, BanEvent) and not unblock.blocked and unblock.expired
    assert isinstance(
        parse_event(
            {"type": "wall_reply_delete", "group_id": 1, "event_id": "d", "object": {"owner_id": -1, "id": 5}}
        ),
        Ignored,
    )


@pytest.mark.parametrize(
    "envelope,needle",
    [
        ("garbage", "not an object"),
        ([1, 2], "not an object"),
        ({}, "type is missing"),
        ({"type": "wall_reply_new"}, "group_id is missing"),
        ({"type": "wall_reply_new", "group_id": "abc", "event_id": "e"}, "group_id is not a number"),
        ({"type": "wall_reply_new", "group_id": 1, "event_id": "e"}, "object is missing"),
        (
            {"type": "wall_reply_new", "group_id": 1, "event_id": "e", "object": {"id": 1}},
            "from_id is missing",
        ),
        (
            {
                "type": "wall_reply_new",
                "group_id": 1,
                "event_id": "e",
                "object": {"id": 1, "from_id": 2, "date": 3, "text": 5, "post_id": 1},
            },
            "text is not a string",
        ),
        (
            {
                "type": "wall_reply_new",
                "group_id": 1,
                "event_id": "e",
                "object": {"id": 1, "from_id": 2, "date": 3, "text": "x", "post_id": 1, "post_owner_id": -9},
            },
            "not community",
        ),
        (
            {"type": "message_new", "group_id": 1, "event_id": "e", "object": {"message": "hi"}},
            "not an object",
        ),
        ({"type": "wall_reply_new", "group_id": 1, "object": {}}, "event_id is missing"),
    ],
)
def test_malformed_events_give_one_clear_line(envelope: Any, needle: str) -> None:
    ev = parse_event(envelope)
    assert isinstance(ev, Malformed)
    assert needle in ev.error and "\n" not in ev.error


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=6),
    max_leaves=20,
)
event_like = st.fixed_dictionaries(
    {
        "type": st.sampled_from(["wall_reply_new", "board_post_edit", "message_new", "user_block", "x"])
        | st.text(),
        "group_id": st.integers() | st.text(),
        "event_id": st.text() | st.integers(),
        "object": json_values,
    }
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(json_values, event_like))
def test_parse_event_never_raises(envelope: Any) -> None:
    ev = parse_event(envelope)
    assert isinstance(ev, CommentEvent | BanEvent | Ignored | Malformed)


def test_ban_and_verify_calls() -> None:
    method, params = ban_call(5, 77, end_date=1800000000, reason=3, comment="п. 19", comment_visible=True)
    assert method == "groups.ban"
    assert params == {
        "group_id": 5,
        "owner_id": 77,
        "reason": 3,
        "comment": "п. 19",
        "comment_visible": 1,
        "end_date": 1800000000,
    }
    assert "end_date" not in ban_call(5, 77, end_date=None, reason=1, comment="")[1]  # forever
    assert verify_call(method, params) == ("groups.getBanned", {"group_id": 5, "owner_id": 77})
    assert verify_call("photos.deleteComment", {"owner_id": -1, "comment_id": 1}) is None


def test_vk_reason_codes() -> None:
    assert reason_code("spam") == 1
    assert reason_code("insult") == reason_code("threat") == reason_code("hate") == 2
    assert reason_code("obscene") == 3
    assert reason_code("flood") == 0
    assert reason_code("spam", {"spam": 4}) == 4
    assert reason_code("other", {}, default=4) == 4
