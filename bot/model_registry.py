"""Model versions on disk: one folder per version and an atomic ``current`` pointer.

Layout (the *registry*, next to the configured model)::

    <registry>/
      versions/<VERSION>/   model.pkl, meta.json, MODEL_CARD.md, version.json (kind, status, base,
                            who and when), metrics.json (the comparison with the model it was
                            measured against), training.json (the training data summary)
      current -> versions/<VERSION>      a symlink, replaced atomically (rename of a new link)
      journal.jsonl         every promotion, refusal, forced promotion and switch, one JSON a line
      last_retrain.json     the last retrain's comparison table and decision (for the workspace)

Where: if ``model_path`` (or ``$MODBOT_MODEL``) is set, the registry is its parent folder —
``model_path = "/var/lib/modbot/models/current"`` is the intended setting on a server. Without a
model path it is ``models/`` beside the database, i.e. under the service's state directory. Never
inside the installed package: that folder is replaced by every upgrade.

The daemon runs ``current`` when it exists, else the configured model, else the shipped one
(:func:`model_to_run`), and watches it (:class:`ModelWatch`): a switch is picked up within a minute.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from moderation.judge import DEFAULT_MODEL_DIR

VERSIONS = "versions"
CURRENT = "current"
JOURNAL = "journal.jsonl"
LAST_RETRAIN = "last_retrain.json"
VERSION_FILE = "version.json"
MODEL_FILES = ("model.pkl", "meta.json", "MODEL_CARD.md")
#: Refused candidates kept for inspection (and ``model use --force``); older ones are pruned.
KEEP_REFUSED = 5
#: The smoke test a model must pass before it is switched to.
PROBE_TEXT = "проверка модели"

_SAFE = re.compile(r"[^A-Za-z0-9._+\-]")


class RegistryError(RuntimeError):
    """A registry problem with a message fit for an administrator."""


def package_models_dir() -> Path:
    """Where the installed package keeps its shipped model(s)."""
    return DEFAULT_MODEL_DIR.parent.resolve()


def configured_model(config: Any) -> Path | None:
    """``model_path`` from the config, else ``$MODBOT_MODEL``, else None (the shipped model)."""
    path = getattr(config, "model_path", None)
    if path:
        return Path(path)
    env = os.environ.get("MODBOT_MODEL", "").strip()
    return Path(env) if env else None


def registry_dir(config: Any) -> Path:
    """The registry folder for a config (see the module docstring)."""
    configured = configured_model(config)
    if configured is not None:
        return configured.expanduser().parent
    return Path(getattr(config, "database", "blacklist.db")).expanduser().resolve().parent / "models"


def _inside_package(path: Path) -> bool:
    pkg = package_models_dir()
    p = path.expanduser().resolve()
    return p == pkg or pkg in p.parents


def model_to_run(config: Any) -> Path:
    """The model directory the daemon should run: the registry's ``current``, else the configured
    model, else the shipped one. A configured ``…/current`` that does not exist yet (nothing was
    promoted) falls back to the shipped model."""
    configured = configured_model(config)
    reg = registry_dir(config)
    current = reg / CURRENT
    if not _inside_package(reg) and (current / "model.pkl").exists():
        return current
    if configured is not None and not (configured.name == CURRENT and not configured.exists()):
        return configured
    return DEFAULT_MODEL_DIR


@dataclass
class Version:
    name: str
    path: Path
    info: dict[str, Any]
    current: bool = False

    @property
    def status(self) -> str:
        return str(self.info.get("status", "?"))


class ModelRegistry:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @classmethod
    def for_config(cls, config: Any) -> ModelRegistry:
        root = registry_dir(config)
        if _inside_package(root):
            raise RegistryError(
                f"реестр моделей оказался бы внутри установленного пакета ({root}): его заменяет каждое "
                "обновление. Укажите model_path в конфигурации, например "
                '"/var/lib/modbot/models/current" (каталог состояния службы)')
        return cls(root)

    # -- reading ------------------------------------------------------------------------------
    @property
    def versions_dir(self) -> Path:
        return self.root / VERSIONS

    @property
    def pointer(self) -> Path:
        return self.root / CURRENT

    def current_name(self) -> str | None:
        """The version ``current`` points at, or None."""
        try:
            target = os.readlink(self.pointer)
        except OSError:
            return None
        return Path(target).name

    def versions(self) -> list[Version]:
        cur = self.current_name()
        out = []
        if not self.versions_dir.is_dir():
            return out
        for d in self.versions_dir.iterdir():
            if not d.is_dir() or d.name.startswith("."):
                continue
            out.append(Version(d.name, d, _read_json(d / VERSION_FILE), d.name == cur))
        return sorted(out, key=lambda v: (str(v.info.get("created", "")), v.name))

    def get(self, name: str) -> Version:
        d = self.versions_dir / name
        if _SAFE.search(name) or not d.is_dir():
            known = ", ".join(v.name for v in self.versions()) or "нет ни одной"
            raise RegistryError(f"версии {name!r} нет в реестре {self.root} (есть: {known})")
        return Version(name, d, _read_json(d / VERSION_FILE), name == self.current_name())

    def journal(self, limit: int | None = None) -> list[dict[str, Any]]:
        try:
            lines = (self.root / JOURNAL).read_text(encoding="utf-8").splitlines()
        except OSError:
            return []
        out = []
        for line in lines[-limit:] if limit else lines:
            with contextlib.suppress(ValueError):
                out.append(json.loads(line))
        return out

    def last_retrain(self) -> dict[str, Any]:
        return _read_json(self.root / LAST_RETRAIN)

    # -- writing ------------------------------------------------------------------------------
    @contextlib.contextmanager
    def lock(self, name: str = ".lock", wait: bool = True) -> Iterator[None]:
        """An exclusive lock on the registry (switches and writes), or on a named activity."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            fh = (self.root / name).open("a")
        except OSError as exc:
            raise RegistryError(f"нет доступа к реестру моделей {self.root}: {exc} (запускайте от имени "
                                "пользователя службы)") from None
        try:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError:
                raise RegistryError(f"реестр {self.root} занят другим процессом ({name}): дождитесь его "
                                    "окончания") from None
            yield
        finally:
            fh.close()

    def free_name(self, base: str) -> str:
        """``base``, or ``base-2``, ``base-3`` … when a version of that name exists (two retrains in one
        second — a script, a test — must not collide on the timestamp)."""
        name, k = base, 1
        while (self.versions_dir / name).exists():
            k += 1
            name = f"{base}-{k}"
        return name

    def add_version(self, name: str, write: Any, info: dict[str, Any]) -> Version:
        """Create ``versions/<name>`` atomically: ``write(tmp_dir)`` fills a temporary folder, which is
        renamed into place only when complete. Any error (a full disk) removes the temporary folder
        and changes nothing else."""
        if _SAFE.search(name) or not name:
            raise RegistryError(f"недопустимое имя версии {name!r}")
        final = self.versions_dir / name
        if final.exists():
            raise RegistryError(f"версия {name} уже есть в реестре")
        self.versions_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.versions_dir / f".tmp-{name}-{os.getpid()}"
        try:
            tmp.mkdir()
            write(tmp)
            _write_json(tmp / VERSION_FILE, {"version": name, **info})
            _fsync_dir(tmp)
            tmp.rename(final)
            _fsync_dir(self.versions_dir)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return Version(name, final, _read_json(final / VERSION_FILE), False)

    def import_model(self, source: Path, name: str, info: dict[str, Any]) -> Version:
        """Copy a model directory (``model.pkl`` and its card) into the registry as a version."""
        def write(tmp: Path) -> None:
            for f in MODEL_FILES:
                if (source / f).exists():
                    shutil.copyfile(source / f, tmp / f)
        return self.add_version(name, write, info)

    def keep_running_model(self, running: Path, version: str, info: dict[str, Any]) -> str | None:
        """Before ``current`` is first set: copy the model running now (the shipped one, or a plain
        configured directory) in as a version, so that going back to it stays one command even after
        the package — and its model — is upgraded. Returns its version name (None if nothing to do)."""
        if self.current_name() is not None:
            return None
        name = safe_name(version)
        if not (self.versions_dir / name).exists():
            self.import_model(running, name, {"kind": "base", "status": "base", "source": str(running), **info})
        return name

    def update_info(self, name: str, **changes: Any) -> None:
        path = self.versions_dir / name / VERSION_FILE
        info = _read_json(path)
        info.update(changes)
        _write_json(path, info)

    def switch(self, name: str) -> str | None:
        """Point ``current`` at ``versions/<name>`` atomically; returns the previous version."""
        if not (self.versions_dir / name / "model.pkl").exists():
            raise RegistryError(f"в версии {name} нет model.pkl")
        if self.pointer.exists() and not self.pointer.is_symlink():
            raise RegistryError(f"{self.pointer} — обычный каталог, а не указатель: перенесите его в "
                                f"{self.versions_dir} и повторите")
        previous = self.current_name()
        tmp = self.root / f".{CURRENT}.tmp-{os.getpid()}"
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        os.symlink(Path(VERSIONS) / name, tmp)
        os.replace(tmp, self.pointer)  # rename(2): readers see the old or the new target, never none
        _fsync_dir(self.root)
        return previous

    def record(self, event: str, **fields: Any) -> dict[str, Any]:
        """Append one line to the journal (flushed and synced: it is the audit trail)."""
        entry = {"at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "event": event, **fields}
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / JOURNAL).open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        return entry

    def write_last_retrain(self, data: dict[str, Any]) -> None:
        _write_json(self.root / LAST_RETRAIN, data)

    def prune_refused(self, keep: int = KEEP_REFUSED) -> list[str]:
        refused = [v for v in self.versions() if v.status == "refused" and not v.current]
        gone = []
        for v in refused[:-keep] if keep else refused:
            shutil.rmtree(v.path, ignore_errors=True)
            gone.append(v.name)
        return gone


def safe_name(text: str) -> str:
    return _SAFE.sub("-", text)[:120] or "model"


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_json(path: Path, data: dict[str, Any]) -> None:
    """Write a JSON file atomically (temporary file, fsync, rename)."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2, default=str)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


class ModelWatch:
    """Notices that the model to run changed on disk: the pointer moved, or the model file was
    replaced. Cheap (a readlink and a stat), so the daemon asks every few seconds."""

    def __init__(self, config: Any) -> None:
        self.config = config
        self.seen = self.signature()

    def signature(self) -> tuple[Any, ...]:
        path = model_to_run(self.config)
        try:
            st = (path / "model.pkl").stat()
        except OSError:
            return (str(path), None)
        return (os.path.realpath(path), st.st_ino, st.st_size, st.st_mtime_ns)

    def changed(self) -> bool:
        """True once per change (the new state is remembered whether or not loading it works)."""
        now = self.signature()
        if now == self.seen:
            return False
        self.seen = now
        return True
