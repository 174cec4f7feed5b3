"""``groups.*``: community lookup, Long Poll and Callback API settings, token permissions, bans."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..callback import add_callback_server
from ..model import CallbackServer, Group
from ..objects import group_object, user_object
from ..protocol import API_VERSION, GROUP_SCOPE_BITS, KIND_EVENTS, OTHER_EVENTS, VKErrorReply, param_error
from .call import MethodCall, id_group, require_admin
from .registry import vk_method

if TYPE_CHECKING:
    from ..state import VKState


@vk_method("groups.getById", "user", "group", "service")
def groups_get_by_id(state: VKState, call: MethodCall) -> Any:
    raw = ",".join(x for x in (call.p.raw.get("group_ids", ""), call.p.raw.get("group_id", "")) if x)
    groups: list[dict[str, Any]] = []
    if not raw:
        if call.tok.kind != "group":
            raise param_error("group_ids")
        groups.append(group_object(state.groups[int(call.tok.group_id or 0)], call.tok))
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        gid: int | None = None
        for prefix in ("club", "public", "event"):
            if part.startswith(prefix) and part[len(prefix):].isdigit():
                gid = int(part[len(prefix):])
        if gid is None and part.lstrip("-").isdigit():
            gid = abs(int(part))
        if gid is None:
            gid = next((g.id for g in state.groups.values() if g.screen_name == part), None)
        group = state.groups.get(gid or 0)
        if group is None:
            raise param_error("group_ids", "is invalid")
        groups.append(group_object(group, call.tok))
    return {"groups": groups, "profiles": []}


# ------------------------------------------------------------------ Bots Long Poll settings


@vk_method("groups.getLongPollServer", "user", "group")
def groups_get_long_poll_server(state: VKState, call: MethodCall) -> Any:
    group = id_group(state, call.p.int("group_id"))
    require_admin(call.tok, group)
    if not group.lp_enabled:
        raise param_error("group_id", "longpoll for this group is not enabled")
    return {"key": group.lp.key, "server": f"{call.origin}/lp/{group.id}", "ts": str(group.lp.last)}


@vk_method("groups.setLongPollSettings", "user", "group")
def groups_set_long_poll_settings(state: VKState, call: MethodCall) -> Any:
    group = id_group(state, call.p.int("group_id"))
    require_admin(call.tok, group, group_scope="manage")
    for key in call.p.raw:
        if key == "enabled":
            group.lp_enabled = call.p.flag("enabled")
        elif key not in ("group_id", "api_version"):
            group.lp_events[key] = call.p.flag(key)
    return 1


@vk_method("groups.getLongPollSettings", "user", "group")
def groups_get_long_poll_settings(state: VKState, call: MethodCall) -> Any:
    group = id_group(state, call.p.int("group_id"))
    require_admin(call.tok, group, group_scope="manage")
    return {"is_enabled": group.lp_enabled, "api_version": API_VERSION,
            "events": _event_flags(group.lp_events, default=True)}


def _event_flags(flags: dict[str, bool], *, default: bool) -> dict[str, int]:
    types = [t for kind_types in KIND_EVENTS.values() for t in kind_types] + list(OTHER_EVENTS)
    return {t: int(flags.get(t, default)) for t in types}


# ------------------------------------------------------------------ Callback API settings


@vk_method("groups.getCallbackConfirmationCode", "user", "group")
def groups_get_callback_confirmation_code(state: VKState, call: MethodCall) -> Any:
    group = id_group(state, call.p.int("group_id"))
    require_admin(call.tok, group, group_scope="manage")
    return {"code": group.confirmation_code}


@vk_method("groups.addCallbackServer", "user", "group")
def groups_add_callback_server(state: VKState, call: MethodCall) -> Any:
    group = id_group(state, call.p.int("group_id"))
    require_admin(call.tok, group, group_scope="manage")
    server = add_callback_server(group, call.p.str("url"), call.p.str("title"), call.p.raw.get("secret_key", ""),
                                 call.tok.user_id or 0)
    return {"server_id": server.id}


def _callback_server(group: Group, call: MethodCall) -> CallbackServer:
    server = group.callback_servers.get(call.p.int("server_id"))
    if server is None:
        raise param_error("server_id", "is invalid")
    return server


@vk_method("groups.editCallbackServer", "user", "group")
def groups_edit_callback_server(state: VKState, call: MethodCall) -> Any:
    group = id_group(state, call.p.int("group_id"))
    require_admin(call.tok, group, group_scope="manage")
    server = _callback_server(group, call)
    server.url = call.p.str("url")
    server.title = call.p.str("title")
    server.secret = call.p.raw.get("secret_key", server.secret)
    server.status = "unconfigured"
    return 1


@vk_method("groups.deleteCallbackServer", "user", "group")
def groups_delete_callback_server(state: VKState, call: MethodCall) -> Any:
    group = id_group(state, call.p.int("group_id"))
    require_admin(call.tok, group, group_scope="manage")
    del group.callback_servers[_callback_server(group, call).id]
    return 1


@vk_method("groups.getCallbackServers", "user", "group")
def groups_get_callback_servers(state: VKState, call: MethodCall) -> Any:
    group = id_group(state, call.p.int("group_id"))
    require_admin(call.tok, group, group_scope="manage")
    wanted = set(call.p.ints("server_ids"))
    items = [s.public() for s in group.callback_servers.values() if not wanted or s.id in wanted]
    return {"count": len(items), "items": items}


@vk_method("groups.setCallbackSettings", "user", "group")
def groups_set_callback_settings(state: VKState, call: MethodCall) -> Any:
    group = id_group(state, call.p.int("group_id"))
    require_admin(call.tok, group, group_scope="manage")
    server = _callback_server(group, call)
    for key in call.p.raw:
        if key == "api_version":
            server.api_version = call.p.raw[key]
        elif key not in ("group_id", "server_id"):
            server.events[key] = call.p.flag(key)
    if group.callback_servers:
        state.callbacks.ensure_worker(group)
    return 1


@vk_method("groups.getCallbackSettings", "user", "group")
def groups_get_callback_settings(state: VKState, call: MethodCall) -> Any:
    group = id_group(state, call.p.int("group_id"))
    require_admin(call.tok, group, group_scope="manage")
    server = _callback_server(group, call)
    return {"api_version": server.api_version, "events": _event_flags(server.events, default=server.all_events)}


@vk_method("groups.getTokenPermissions", "group")
def groups_get_token_permissions(state: VKState, call: MethodCall) -> Any:
    perms = [{"setting": GROUP_SCOPE_BITS[s], "name": s} for s in sorted(call.tok.scopes) if s in GROUP_SCOPE_BITS]
    return {"mask": sum(p["setting"] for p in perms), "permissions": perms}


# ------------------------------------------------------------------ bans


@vk_method("groups.ban", "user")
def groups_ban(state: VKState, call: MethodCall) -> Any:
    group = id_group(state, call.p.int("group_id"))
    require_admin(call.tok, group, scope="groups")
    # owner_id (5.199) or the legacy user_id
    legacy = call.p.has("user_id") and not call.p.has("owner_id")
    owner_id = call.p.int("user_id") if legacy else call.p.int("owner_id")
    if owner_id == 0 or owner_id == -group.id:
        raise param_error("owner_id", "is invalid")
    reason = call.p.int("reason", 0)
    if reason not in range(5):
        raise param_error("reason", "is invalid (0..4)")
    end_date = call.p.int("end_date", 0)
    if end_date and end_date <= state.now():
        raise param_error("end_date", "is in the past")
    state.ban(group, owner_id, admin_id=int(call.tok.user_id or 0), reason=reason,
              comment=call.p.raw.get("comment", ""), comment_visible=call.p.flag("comment_visible"), end_date=end_date)
    return 1


@vk_method("groups.unban", "user")
def groups_unban(state: VKState, call: MethodCall) -> Any:
    group = id_group(state, call.p.int("group_id"))
    require_admin(call.tok, group, scope="groups")
    owner_id = call.p.int("owner_id") if call.p.has("owner_id") else call.p.int("user_id")
    state.unban(group, owner_id, admin_id=int(call.tok.user_id or 0))
    return 1


@vk_method("groups.getBanned", "user", "group")
def groups_get_banned(state: VKState, call: MethodCall) -> Any:
    group = id_group(state, call.p.int("group_id"))
    require_admin(call.tok, group)
    offset = call.p.int("offset", 0)
    count = min(max(call.p.int("count", 20), 0), 200)
    fields = call.p.list("fields")
    active = [b for oid in list(group.bans) if (b := state.active_ban(group, oid)) is not None]
    active.reverse()  # newest first
    if call.p.has("owner_id"):
        owner_id = call.p.int("owner_id")
        active = [b for b in active if b.owner_id == owner_id]
        if not active:
            raise VKErrorReply(104)
    items: list[dict[str, Any]] = []
    for ban in active[offset:offset + count]:
        if ban.owner_id > 0:
            items.append({"type": "profile", "profile": user_object(state.users, ban.owner_id, fields),
                          "ban_info": ban.ban_info()})
        else:
            other = state.groups.get(-ban.owner_id)
            gobj = group_object(other) if other else {"id": -ban.owner_id, "name": f"club{-ban.owner_id}"}
            items.append({"type": "group", "group": gobj, "ban_info": ban.ban_info()})
    return {"count": len(active), "items": items}
