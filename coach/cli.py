"""The ``coach`` command: the app by default, plus sub-commands for routines and history."""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TextIO

import coach
from coach.core import control
from coach.core.breaks.calendar import PAUSE_CHOICES
from coach.core.commands import (
    AskStatus,
    Command,
    OpenSettings,
    PauseBreaks,
    Quit,
    ResumeBreaks,
    ShowWindow,
    StartRoutine,
    StartTimer,
    TakeBreak,
)
from coach.core.format import minutes_text
from coach.core.history.store import HistoryError, HistoryStore, local_days
from coach.core.i18n import N_, _, language, ngettext, use_language
from coach.core.printable import printable
from coach.core.routines.library import Library, check_files, load_library
from coach.core.settings import chosen_language
from coach.core.status import STATUS_VERSION, describe
from coach.core.therapy.timer import (
    AREAS,
    DEFAULT_MINUTES,
    MAX_MINUTES,
    METHODS,
    MIN_MINUTES,
    TherapyError,
    TherapyKind,
    plan_application,
)
from coach.core.writer_lock import held_by_another
from coach.paths import DataPaths, asset, data_paths, shipped_dir

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NOT_RUNNING, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
FILE, DIRECTORY = "FILE", "DIRECTORY"
"""What a path argument completes to in a shell (``complete_kind``): the names of shtab's
completions, looked up only when a completion script is printed (loading shtab loads
importlib.metadata, some 9 MB and 30 ms that no other command needs)."""
QUIT_WAIT_S = 10.0
"""How long ``coach quit`` waits for the running Coach to let go of its data folder."""
log = logging.getLogger("coach")
ARGPARSE_WORDS = (N_("usage: "), N_("positional arguments"), N_("options"),
                  N_("show this help message and exit"),
                  N_("the following arguments are required: %s"),
                  N_("unrecognized arguments: %s"),
                  N_("invalid choice: %(value)r (choose from %(choices)s)"),
                  N_("argument %(argument_name)s: %(message)s"), N_("expected one argument"),
                  N_("expected at least one argument"), N_("invalid %(type)s value: %(value)r"),
                  N_("ambiguous option: %(option)s could match %(matches)s"),
                  N_("ignored explicit argument %r"))
"""The words argparse itself may print, here so they are in Coach's catalogue: argparse
looks them up through its module's ``_``, which the command line points at Coach's."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2, the words it
    quotes from the command line with their control characters shown escaped."""

    def error(self, message: str) -> NoReturn:
        _say(f"{self.prog}: {message} " + _("(see '{help}')").format(help=f"{self.prog} --help"),
             sys.stderr)
        self.exit(EXIT_USAGE)


class _Version(argparse.Action):
    """``--version``: the version is read only when asked for, so every start stays quick."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        print(f"coach {coach.__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The command line, its help in the language Coach speaks (the command and option
    names, and the choices, are the same in every language)."""
    folder, file = _("DIR"), _("FILE")
    parser = _Parser(prog="coach", description=_(
        "A stretching and posture coach for upper-back pain and desk work. With no command, "
        "opens the app (or brings the running one forward)."))
    parser.add_argument("--version", action=_Version, nargs=0, help=_("show the version"))
    parser.add_argument("--data-dir", metavar=folder, help=_(
        "keep history and settings in {folder} (default: $COACH_DATA_DIR, else the "
        "platform's data folder)").format(folder=folder)
                        ).complete_kind = DIRECTORY  # type: ignore[attr-defined]
    parser.add_argument("-v", "--verbose", action="store_true",
                        help=_("print what Coach finds and does on standard error"))
    commands = parser.add_subparsers(dest="command", parser_class=_Parser,
                                     metavar=_("COMMAND"))
    start = commands.add_parser(
        "start", help=_("open the app straight into a routine"),
        description=_("Play a routine: in the running Coach, or in a new one."))
    start.add_argument("routine_id", metavar=_("ROUTINE_ID"),
                       help=_("the routine's id, as 'coach routines' lists them"))
    routines = commands.add_parser(
        "routines", help=_("list routines, or check routine files"),
        description=_("List every routine with its id and length, or check routine files of "
                      "your own before you put them in the data folder's routines folder."))
    routines.add_argument("--check", nargs="+", metavar=file, type=Path,
                          help=_("validate routine files; exit 1 if any has an error")
                          ).complete_kind = FILE  # type: ignore[attr-defined]
    timer = commands.add_parser(
        "timer", help=_("start a cold or heat timer in the app"),
        description=_("Start a cold (ice) or heat timer in the running Coach, or in a new "
                      "one."))
    timer.add_argument("kind", choices=[k.value for k in TherapyKind], metavar=_("KIND"),
                       help=_("cold or heat"))
    timer.add_argument("--minutes", type=_whole_number, default=DEFAULT_MINUTES,
                       metavar=_("MINUTES"),
                       help=_("{least} to {most} (default {default})").format(
                           least=MIN_MINUTES, most=MAX_MINUTES, default=DEFAULT_MINUTES))
    timer.add_argument("--area", default=AREAS[0], metavar=_("AREA"), help=_(
        "where the pack goes: {areas}, or your own words (default: {default})").format(
            areas=", ".join(AREAS), default=AREAS[0]))
    timer.add_argument("--method", choices=sorted({m for ms in METHODS.values() for m in ms}),
                       help=_("default: ice pack for cold, moist heat pack for heat"))
    take = commands.add_parser("break", help=_("take a break now (in the running app)"),
                               description=_("Start a rest break now."))
    take.add_argument("when", choices=["now"], metavar=_("WHEN"), help="now")
    pause = commands.add_parser("pause", help=_("pause break reminders"), description=_(
        "Pause break reminders; 'coach resume' ends the pause early."))
    pause.add_argument("length", choices=PAUSE_CHOICES, metavar=_("LENGTH"), help=_(
        "{choices}: for 30 minutes, 1 or 2 hours, until tomorrow, or until resumed").format(
            choices=", ".join(PAUSE_CHOICES)))
    commands.add_parser("resume", help=_("resume break reminders"),
                        description=_("Resume paused break reminders."))
    commands.add_parser("open", help=_("open the window (of the running Coach, or a new one)"),
                        description=_("Open Coach's window, bringing the running Coach "
                                      "forward if there is one."))
    commands.add_parser("settings", help=_("open Settings"), description=_(
        "Open Coach's Settings, in the running Coach or a new one."))
    status = commands.add_parser(
        "status", help=_("what the running Coach is doing"),
        description=_("Print the next break, whether reminders are paused, each running cold "
                      "or heat timer and the routine playing. Exit status 0 while Coach runs, "
                      "{not_running} when no Coach runs for this data folder, 1 when it "
                      "cannot be asked.").format(not_running=EXIT_NOT_RUNNING))
    status.add_argument("--json", action="store_true", help=_(
        "print JSON for scripts (shape documented in the README; 'version' tells which)"))
    commands.add_parser(
        "quit", help=_("quit the running Coach"),
        description=_("Ask the running Coach to quit; while a cold or heat timer runs, it "
                      "asks you first, in its window. Exit status 0 once it has quit (or when "
                      "none runs), 1 if it stays."))
    desktop = commands.add_parser(
        "desktop", help=_("add Coach to the applications menu, or take it out"),
        description=_("Put Coach's menu entry and icons in your data folder ($XDG_DATA_HOME, "
                      "else ~/.local/share), starting this installation of Coach, or remove "
                      "them (do that before uninstalling)."))
    desktop.add_argument("action", choices=("install", "remove"), metavar=_("ACTION"),
                         help=_("install or remove the menu entry and icons"))
    completion = commands.add_parser(
        "completion", help=_("print a shell completion script"),
        description=_("Print the completion script for bash or zsh. For bash: coach "
                      "completion bash > ~/.local/share/bash-completion/completions/coach; "
                      "for zsh: coach completion zsh > a folder on your $fpath, as _coach."))
    completion.add_argument("shell", choices=("bash", "zsh"), metavar=_("SHELL"),
                            help=_("bash or zsh"))
    history = commands.add_parser(
        "history", help=_("print or export the session history"),
        description=_("Print the history of routines, timers, breaks and symptoms, or export "
                      "it as CSV or JSON."))
    history.add_argument("--format", choices=("table", "csv", "json"), default="table",
                         help=_("table for reading (the default), csv or json to export"))
    history.add_argument("--since", type=_day, metavar=_("YYYY-MM-DD"),
                         help=_("only entries from this local day on"))
    history.add_argument("--until", type=_day, metavar=_("YYYY-MM-DD"),
                         help=_("only entries up to the end of this local day"))
    history.add_argument("--output", metavar=file, help=_(
        "write csv or json to {file} (readable by you alone) instead of printing it; - "
        "prints it").format(file=file)).complete_kind = FILE  # type: ignore[attr-defined]
    history.set_defaults(parser=history)  # its usage errors name the sub-command
    return parser


def _whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a whole number").format(text=text)) from None


def _day(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a date like 2026-03-31").format(text=text)) from None
    try:
        local_days(day, day)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return day


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``coach`` command; returns its exit status (130 when stopped with Ctrl+C, 1
    with a one-line message when a file or the output cannot be written or read)."""
    _prepare_output()
    try:
        return _run(argv)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader stopped early (`coach history | head`): all is well
        _silence_output()
        return EXIT_OK
    except OSError as error:
        if error.filename:
            _say(f"coach: {error.filename}: {error.strerror or error}", sys.stderr)
        else:  # the output itself (a full disk)
            _say("coach: " + _("the output: {error}").format(error=error.strerror or error),
                 sys.stderr)
            _silence_output()
        return EXIT_FAILED


def _prepare_output() -> None:
    """Output that can always be written: characters the terminal's encoding lacks are
    written as escapes, and a closed standard output or error takes nothing."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w"))  # noqa: SIM115 (for the whole run)
        elif hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def _silence_output() -> None:
    """What is still buffered for an output that failed (a full disk, a reader that stopped)
    goes nowhere, instead of failing again as Python exits."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # no file behind it (captured output, say)
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (for the rest of the run)


def _speak_chosen_language(argv: Sequence[str] | None) -> None:
    """Speak the language chosen in the Settings of the data folder the command line names
    (else the system's), argparse's own words ("usage:", "options") included."""
    early = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    early.add_argument("--data-dir")
    try:
        known, _rest = early.parse_known_args(argv)
        chosen = chosen_language(data_paths(known.data_dir).settings)
    except (argparse.ArgumentError, ValueError):  # the full parse says what is wrong
        chosen = ""
    use_language(chosen)
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def _run(argv: Sequence[str] | None) -> int:
    _speak_chosen_language(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data_dir is not None and not args.data_dir.strip():
        parser.error(_("--data-dir needs a folder name"))
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="coach: %(message)s")
    try:
        paths = data_paths(args.data_dir)
    except ValueError as error:
        parser.error(str(error))
    log.debug("data folder: %s", paths.root)
    if args.command == "completion":
        return _completion(parser, args.shell)
    if args.command == "desktop":
        return _desktop(args.action)
    if args.command == "status":
        return _status(paths, args.json)
    if args.command == "quit":
        return _quit(paths)
    if args.command == "routines":
        return _check(args.check, paths) if args.check else _list_routines(paths)
    if args.command == "history":
        if args.output is not None and not str(args.output).strip():
            args.parser.error(_("--output needs a file name (or - for the screen)"))
        if args.output is not None and args.format == "table":
            args.parser.error(_("--output needs --format csv or json"))
        if args.since and args.until and args.since > args.until:
            args.parser.error(_("--since is after --until"))
        if args.output not in (None, "-") and paths.owns(Path(args.output)):
            args.parser.error(_("--output {file} would write over Coach's own data in "
                                "{folder}; choose a file outside that folder").format(
                file=args.output, folder=paths.root))
        return _history(paths, args)
    command: Command = ShowWindow()
    if args.command == "start":
        if _library(paths).get(args.routine_id) is None:
            return _usage_error(_("no routine has the id '{id}' (see 'coach routines')"
                                  ).format(id=args.routine_id))
        command = StartRoutine(args.routine_id)
    elif args.command == "timer":
        try:
            plan = plan_application(TherapyKind(args.kind), args.minutes, args.area, args.method)
        except TherapyError as error:
            return _usage_error(str(error))
        command = StartTimer(plan.kind, plan.planned_s // 60, plan.area, plan.method)
    elif args.command == "break":
        command = TakeBreak()
    elif args.command == "pause":
        command = PauseBreaks(args.length)
    elif args.command == "resume":
        command = ResumeBreaks()
    elif args.command == "settings":
        command = OpenSettings()
    from coach.app import run_app  # the app's modules load only when it is wanted

    return run_app(paths, command)


def _status(paths: DataPaths, as_json: bool) -> int:
    from coach.app import ask_running

    try:
        if not held_by_another(paths.lock):  # no Coach: say so, whatever the sockets' folder
            raise control.NotRunning(_("no Coach is running for {folder}").format(
                folder=paths.root))
        reply = ask_running(paths, AskStatus())
    except control.NotRunning:
        if as_json:
            print(json.dumps({"version": STATUS_VERSION, "running": False}))
        else:
            _say(_("Coach is not running (data folder {folder}).").format(folder=paths.root))
        return EXIT_NOT_RUNNING
    except control.ControlError as error:
        _say("coach: " + _("the running Coach cannot be asked: {error}").format(error=error),
             sys.stderr)
        return EXIT_FAILED
    if reply.status is None:
        _say("coach: " + _("the running Coach gave no status: {reply}").format(
            reply=reply.message), sys.stderr)
        return EXIT_FAILED
    if as_json:
        print(json.dumps({**reply.status, "running": True}))  # ASCII: valid in any terminal
    else:
        for line in describe(reply.status):
            _say(line)
    return EXIT_OK


def _quit(paths: DataPaths) -> int:
    from coach.app import ask_running

    try:  # the running Coach may ask the user first: wait as long as they take
        reply = ask_running(paths, Quit(), reply_timeout_s=None)
    except control.NotRunning:
        _say(_("Coach is not running."))
        return EXIT_OK
    except control.ControlError as error:
        _say("coach: " + _("the running Coach cannot be asked to quit: {error}").format(
            error=error), sys.stderr)
        return EXIT_FAILED
    if not reply.ok:
        _say(reply.message, sys.stderr)
        return EXIT_FAILED
    deadline = time.monotonic() + QUIT_WAIT_S
    while held_by_another(paths.lock):
        if time.monotonic() > deadline:
            _say("coach: " + _("Coach said it would quit but is still running"), sys.stderr)
            return EXIT_FAILED
        time.sleep(0.05)
    _say(reply.message)
    return EXIT_OK


def _desktop(action: str) -> int:
    from coach.platform.desktop_entry import DesktopFiles, data_home, launch_command

    files = DesktopFiles(data_home(), shipped_dir("assets"))
    if action == "remove":
        removed = files.remove()
        for path in removed:
            log.debug("removed %s", path)
        _say(ngettext("Removed Coach from the applications menu ({count} file).",
                      "Removed Coach from the applications menu ({count} files).",
                      len(removed)).format(count=len(removed))
             if removed else _("Coach was not in the applications menu of this user."))
        return EXIT_OK
    try:
        written = files.install(launch_command())
    except OSError as error:
        _say("coach: " + _("the menu entry cannot be written: {error}").format(error=error),
             sys.stderr)
        return EXIT_FAILED
    for path in written:
        log.debug("wrote %s", path)
    _say(_("Coach is in the applications menu now (entry {file}).").format(file=files.entry))
    return EXIT_OK


def _completion(parser: argparse.ArgumentParser, shell: str) -> int:
    import shtab

    for action in _actions(parser):
        kind = getattr(action, "complete_kind", None)
        if kind is not None:
            action.complete = getattr(shtab, kind)  # type: ignore[attr-defined]
    print(shtab.complete(parser, shell=shell))
    return EXIT_OK


def _actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    """Every argument of ``parser`` and of its sub-commands."""
    found = []
    for action in parser._actions:
        found.append(action)
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                found += _actions(command)
    return found


def _usage_error(message: str) -> int:
    _say(f"coach: {message}", sys.stderr)
    return EXIT_USAGE


def _say(line: str, out: TextIO | None = None) -> None:
    """Print one line whose text may come from a routine file, a note or the command line,
    its control characters shown escaped."""
    print(printable(line), file=out or sys.stdout)


def _library(paths: DataPaths) -> Library:
    return load_library(shipped_dir("routines"), paths.routines,
                        asset("illustrations")).in_language(language())


def _list_routines(paths: DataPaths) -> int:
    library = _library(paths)
    width = max((len(r.id) for r in library.routines), default=2)
    for routine in library.routines:
        minutes = minutes_text(routine.total_s)  # as the library shows it
        _say(f"{routine.id:<{width}}  {minutes:>8}  {routine.title}")
    for error in library.errors:
        _say(_("skipped {problem}").format(problem=error), sys.stderr)
    return EXIT_OK


def _check(files: list[Path], paths: DataPaths) -> int:
    routines, errors = check_files(files, _library(paths), asset("illustrations"))
    for routine in routines:
        steps = ngettext("{count} step", "{count} steps", len(routine.steps)).format(
            count=len(routine.steps))
        _say(_("{file}: ok ({id}, {steps}, {length})").format(
            file=routine.path, id=routine.id, steps=steps, length=minutes_text(routine.total_s)))
    for error in errors:
        _say(str(error), sys.stderr)
    return EXIT_FAILED if errors else EXIT_OK


def _history(paths: DataPaths, args: argparse.Namespace) -> int:
    from coach.core.history import export

    since = None if args.since is None else local_days(args.since, args.since)[0]
    until = None if args.until is None else local_days(args.until, args.until)[1]
    history = export.HistoryRecords()
    if paths.history.exists():
        try:
            store = HistoryStore(paths.history)
            try:
                history = export.read_records(store, since, until)
            finally:
                store.close()
        except HistoryError as error:
            _say(f"coach: {error}", sys.stderr)
            return EXIT_FAILED
    if args.output not in (None, "-"):
        try:
            export.save(history, Path(args.output), args.format)
        except OSError as error:
            _say(f"coach: {args.output}: " + _("cannot be written ({error})").format(
                error=error.strerror), sys.stderr)
            return EXIT_FAILED
        return EXIT_OK
    if args.format == "table":  # for people: in the terminal's encoding, escapes for the rest
        export.write_table(history, sys.stdout)
        sys.stdout.flush()
        return EXIT_OK
    write = {"csv": export.write_csv, "json": export.write_json}[args.format]
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text stream of the caller's own
        write(history, sys.stdout)
        return EXIT_OK
    data = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True)
    try:  # data files are UTF-8, whatever the terminal's encoding
        write(history, data)
    finally:
        data.detach()
    return EXIT_OK
