"""Running one command of ``rasdesk`` or ``rasdesk-server`` in its own process, bounded,
and checking the contract every command keeps whatever it is given.

A child process is forked from the test process (which has imported rasdesk once), so each
run costs milliseconds instead of a second of interpreter start-up, yet is a real, separate
process: its own exit code, standard streams, memory limit (``RLIMIT_AS``) and alarm. It
runs the command exactly as the installed entry point does (``sys.exit(main(argv))``): an
exception that escapes ``main`` prints Python's traceback to stderr and exits 1, as it would
for a person. ``real_run`` runs the installed script itself, for what only a fresh
interpreter shows (how non-UTF-8 arguments are decoded).

The contract (``check``): no traceback and no "did not expect" in stderr; an exit code in
the documented set {0, 1, 2, 3}; done within ``SECONDS`` and growing by at most ``GROWTH_MB``
of memory (the child also cannot map more than ``CAP_MB`` beyond its parent).
"""

from __future__ import annotations

import io
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rasdesk import cli

#: Wall-clock bound for one command (the machine is shared: generous, never hit when fine).
SECONDS = 40
#: Peak resident memory a command may add to what it inherited.
GROWTH_MB = 768
#: Address space a child may map beyond its parent's: a runaway allocation fails here.
CAP_MB = 2048
EXIT_CODES = {0, 1, 2, 3}
#: The words of the CLI's last safety net (older commits have none: nothing matches then).
UNEXPECTED = getattr(cli, "UNEXPECTED", "\x00no safety net")


@dataclass(frozen=True)
class Outcome:
    argv: tuple[str, ...]
    code: int | None  # None: killed by a signal
    signal: int | None
    stdout: bytes
    stderr: str
    seconds: float
    growth_mb: float

    def problems(self) -> list[str]:
        """Every way this run broke the contract (empty when it kept it)."""
        found = []
        if "Traceback (most recent call last)" in self.stderr:
            found.append("a traceback reached stderr")
        if UNEXPECTED in self.stderr:
            found.append("an unexpected error reached the safety net")
        if self.signal is not None:
            name = signal.Signals(self.signal).name
            found.append(f"killed by {name}" + (" (over time)" if name == "SIGALRM" else ""))
        elif self.code not in EXIT_CODES:
            found.append(f"exit code {self.code} is not one of {sorted(EXIT_CODES)}")
        if self.seconds > SECONDS:
            found.append(f"took {self.seconds:.1f} s (bound {SECONDS} s)")
        if self.growth_mb > GROWTH_MB:
            found.append(f"grew by {self.growth_mb:.0f} MB (bound {GROWTH_MB} MB)")
        return found

    def report(self) -> str:
        shown = " ".join(repr(a) if not a.isprintable() or " " in a else a for a in self.argv)
        tail = self.stderr[-1500:]
        return f"{shown}\n  -> {'; '.join(self.problems())}\n  exit {self.code}, stderr:\n{tail}"


def check(outcome: Outcome) -> None:
    assert not outcome.problems(), outcome.report()


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _vm_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


def fork_run(
    main: Callable[[list[str]], int],
    argv: Sequence[str],
    env: Mapping[str, str],
    cwd: Path,
    prepare: Callable[[], None] | None = None,
) -> Outcome:
    """``main(argv)`` in a forked child with ``env`` added, stdin empty, bounded."""
    out = tempfile.TemporaryFile()  # noqa: SIM115  (inherited by the child, closed below)
    err = tempfile.TemporaryFile()  # noqa: SIM115
    base_kb = _rss_kb()
    cap = _vm_bytes() + CAP_MB * 1024 * 1024
    sys.stdout.flush()
    sys.stderr.flush()
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 1
        try:
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
            signal.alarm(SECONDS + 5)
            devnull = os.open(os.devnull, os.O_RDONLY)
            os.dup2(devnull, 0)
            os.dup2(out.fileno(), 1)
            os.dup2(err.fileno(), 2)
            # As CPython sets them up under a UTF-8 locale: strict stdout, lenient stderr.
            sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8")
            sys.stdout = io.TextIOWrapper(
                io.FileIO(1, "w", closefd=False), encoding="utf-8", line_buffering=True
            )
            sys.stderr = io.TextIOWrapper(
                io.FileIO(2, "w", closefd=False),
                encoding="utf-8",
                errors="backslashreplace",
                line_buffering=True,
            )
            os.environ.update(env)
            os.chdir(cwd)
            if prepare is not None:
                prepare()
            try:
                result = main(list(argv))
                code = result if isinstance(result, int) else 0 if result is None else 1
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
                if not isinstance(exc.code, int | None):
                    print(exc.code, file=sys.stderr)
            except BaseException:
                traceback.print_exc()
                code = 1
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:  # the harness itself failed: say so loudly
            try:
                os.write(2, traceback.format_exc().encode())
            finally:
                code = 99
        os._exit(code & 0xFF)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.monotonic() - start
    out.seek(0)
    err.seek(0)
    stdout = out.read(1 << 20)
    stderr = err.read().decode("utf-8", "replace")
    out.close()
    err.close()
    return Outcome(
        tuple(argv),
        os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else None,
        os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
        stdout,
        stderr,
        seconds,
        max(0.0, (usage.ru_maxrss - base_kb) / 1024),
    )


def real_run(
    script: str, argv: Sequence[bytes | str], env: Mapping[str, str], cwd: Path
) -> Outcome:
    """The installed ``script`` run by a fresh interpreter (argv may hold non-UTF-8 bytes)."""
    exe = Path(sys.executable).parent / script
    start = time.monotonic()
    cap = _vm_bytes() + CAP_MB * 1024 * 1024

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    done = subprocess.run(
        [os.fsencode(exe), *(a if isinstance(a, bytes) else os.fsencode(a) for a in argv)],
        env={**os.environ, **env},
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=SECONDS + 30,
        preexec_fn=limits,
        check=False,
    )
    return Outcome(
        tuple(os.fsdecode(a) for a in argv),
        done.returncode if done.returncode >= 0 else None,
        -done.returncode if done.returncode < 0 else None,
        done.stdout,
        done.stderr.decode("utf-8", "replace"),
        time.monotonic() - start,
        0.0,  # bounded by the RLIMIT_AS cap alone (RUSAGE_CHILDREN mixes every child)
    )
