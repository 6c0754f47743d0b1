"""Command-line interface: parse options, build the configuration, run the engine, pick the reporter.

Exit codes (SPEC §3): 0 nothing at or above the fail level, 1 findings, 2 usage, configuration or input error.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

# A lint run builds many small objects that live until the end (the imports' classes and patterns first, then
# models, facts and findings); the default collector thresholds walk them again and again (a seventh of the time
# of a large org). Collect rarely, from the first import on.
GC_THRESHOLD = 50_000  # allocations between young-generation collections (Python's default: 700)
gc.set_threshold(GC_THRESHOLD, 50, 1000)

from okrlint.text.regexcache import compiled_through_store  # noqa: E402

with compiled_through_store():  # the patterns click's imports compile (platform's, gettext's) come kept
    import click  # noqa: E402 - after the collector's thresholds

from okrlint import __version__, attrs_methods  # noqa: E402

attrs_methods.install()  # before the model and the rules are imported

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C


class ConfigurationError(click.ClickException):
    """A mistake in a configuration file, a rule pack, a rule name or a baseline: one line per mistake
    (``Error: okr-rules.yaml:14:11: ...``) and exit code 2, without click's usage lines."""

    exit_code = EXIT_ERROR

    def show(self, file=None) -> None:
        for line in self.format_message().splitlines() or [""]:
            click.echo(f"Error: {line}", err=True if file is None else False, file=file)


class OkrlintGroup(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # Ctrl-C (or a rule or plugin raising KeyboardInterrupt, which looks the same) stops the run: no report,
            # nothing cached or replayed, and an exit code that is neither "clean" nor "findings"
            click.echo("okrlint: interrupted", err=True)
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None

    def main(self, *args, **kwargs):
        gc.set_threshold(GC_THRESHOLD, 50, 1000)  # again: a caller (a test) may have changed them since the import
        # click's own usage errors exit 2 already; anything unexpected must not print a traceback.
        try:
            return super().main(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001
            from okrlint.load import LoadError
            from okrlint.text.vocab import VocabularyError

            if isinstance(exc, (LoadError, VocabularyError)):  # a configured vocabulary file that cannot be read
                click.echo(f"okrlint: error: {exc}", err=True)
                sys.exit(EXIT_ERROR)
            click.echo(f"okrlint: internal error: {type(exc).__name__}: {exc}", err=True)
            sys.exit(EXIT_ERROR)


def _split(values: tuple[str, ...]) -> list[str]:
    items: list[str] = []
    for value in values:
        items.extend(part.strip() for part in value.split(",") if part.strip())
    return items


def entry() -> None:
    """The ``okrlint`` program (console script and ``python -m okrlint``).

    After a run the interpreter would free every model, fact and finding one by one on its way out: a
    tenth of the time of an organisation-sized run. The report is written and flushed and exit handlers
    have run by then, so the process leaves at once instead. (Tests call ``main`` and keep the usual exit.)
    """
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    _leave(code)


def _leave(code: object) -> None:
    import atexit
    import os

    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)  # what sys.exit("message") would have printed
        code = 1
    atexit._run_exitfuncs()  # caches kept between runs are saved here
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (okrlint ... | head): nothing more to say
            pass
    os._exit(code or 0)


@click.group(cls=OkrlintGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="okrlint", message="%(prog)s %(version)s")
def main():
    """okrlint: lint OKR drafts (Objectives and Key Results) in Thai and English."""


def build_engine(config_path, isolated, select, ignore, extend_select, severity_overrides=(), exclude=(), paths=()):
    """The engine of a run. Its configuration: ``--config``, else the nearest file at or above the working
    directory, else the nearest one at or above the ``paths`` given (a run from outside the project)."""
    from okrlint.configfile import ConfigError, resolve_config
    from okrlint.engine import Engine

    try:
        config = resolve_config(Path.cwd(), config_path=config_path, isolated=isolated, paths=paths,
                                note=lambda line: click.echo(f"okrlint: warning: {line}", err=True))
    except ConfigError as exc:
        raise ConfigurationError(str(exc)) from None
    # The command line's selection applies after the configuration's (ruff's order): --select replaces the files'
    # select, extend-select and ignore; --extend-select brings back a rule a file ignores; --ignore removes rules.
    if select:
        config.cli_select = _split(select)
    if extend_select:
        config.cli_extend_select = _split(extend_select)
    if ignore:
        config.cli_ignore = _split(ignore)
    if exclude:
        config.exclude += _split(exclude)
        config.sources["exclude"] = _joined(config.sources.get("exclude"), "command line")
    engine = Engine(config)
    from okrlint.configfile import check_rule_names
    from okrlint.rules.registry import SelectorError

    if engine.config_errors:
        raise ConfigurationError("\n".join(engine.config_errors))
    try:
        check_rule_names(config, engine.registry)
        engine.selected_rules()
    except (ConfigError, SelectorError) as exc:
        raise ConfigurationError(str(exc) + _failed_plugins_note(engine)) from None
    engine.warnings.extend(_internal_error_notes(config))
    return engine


def _internal_error_notes(config) -> list[str]:
    """Warnings for a configuration or command line that tries to hide internal-error (OKR001): a rule or plugin
    that fails is always reported (docs/security.md), so such a setting has no effect, and says so."""
    from okrlint.rules.registry import INTERNAL_ERROR, INTERNAL_ERROR_FLOOR

    names = {INTERNAL_ERROR.code.lower(), INTERNAL_ERROR.name}
    where = []
    for origin, selectors in ((config.sources.get("ignore", "configuration"), config.ignore),
                              ("command line", config.cli_ignore),
                              *((config.sources.get("per-file-ignores", "configuration"), selectors)
                                for selectors in config.per_file_ignores.values())):
        if any(selector.strip().lower() in names for selector in selectors) and origin not in where:
            where.append(origin)
    notes = [f"internal-error (OKR001) cannot be ignored ({origin}): a rule or plugin that fails is always "
             "reported; fix or remove it" for origin in where]
    for key, value in config.severity.items():
        if key.lower() in names and _below(value, INTERNAL_ERROR_FLOOR):
            notes.append(f"internal-error (OKR001) cannot be graded below warning "
                         f"({config.sources.get('severity', 'configuration')}): it is reported as a warning")
    return notes


def _below(severity: str, floor) -> bool:
    from okrlint.model import Severity

    try:
        return Severity.parse(severity) < floor
    except ValueError:
        return False


def _failed_plugins_note(engine) -> str:
    """A rule name that is unknown because the plugin that brings it failed to load: the plugin's failure is
    printed first (as the warning a run prints) and the error says so, so nobody looks for a typo instead."""
    failed = list(dict.fromkeys(problem.plugin for problem in engine.host.problems))
    if not failed:
        return ""
    for problem in engine.host.problems:
        click.echo(f"okrlint: warning: {problem}", err=True)
    names = ", ".join(failed)
    return (f" (plugin{'s' if len(failed) > 1 else ''} {names} failed to load, see the warning above: "
            "rules it would add are unknown)")


def _joined(earlier: str | None, origin: str) -> str:
    return f"{earlier} + {origin}" if earlier else origin


def _messages_option(func):
    return click.option(
        "--messages", "--lang", "messages", type=click.Choice(["auto", "en", "th"]), default=None,
        help="Language of the findings' messages: auto (default: Thai for OKR sets written in Thai, else "
             "English), en or th. Also the 'messages' configuration key. (--lang is the same option.)")(func)


def _run_options(func):
    """--jobs, --no-cache and --cache-dir, as check and graph take them."""
    for option in reversed((
        click.option("--jobs", "-j", type=click.IntRange(min=0), default=0,
                     help="Worker processes for per-file work (default 0: one per core, for runs large enough to "
                          "gain)."),
        click.option("--no-cache", is_flag=True, help="Do not read or write the content cache."),
        click.option("--cache-dir", type=click.Path(file_okay=False), envvar="OKRLINT_CACHE", default=None,
                     help="Where the content cache lives (default: $OKRLINT_CACHE, else .okrlint_cache in the "
                          "current directory)."),
    )):
        func = option(func)
    return func


def _exclude_option(func):
    return click.option(
        "--exclude", multiple=True,
        help="Files and folders (glob patterns, comma-separated or repeated) a folder's walk leaves out, added to "
             "the configuration's 'exclude'.")(func)


def _selection_options(func):
    options = [
        click.option("--select", multiple=True, help="Rules to run: code, name, code prefix or category (comma-separated; ALL)."),
        click.option("--extend-select", multiple=True, help="Rules to run in addition to the selection."),
        click.option("--ignore", multiple=True, help="Rules not to run: code, name, code prefix or category."),
        # not checked by click: an unreadable or missing file is a one-line configuration error (resolve_config)
        click.option("--config", "config_path", type=click.Path(), help="Use this configuration file."),
        click.option("--isolated", is_flag=True, help="Ignore all configuration files."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("--format", "formats", multiple=True,
              help="Output format: text (default), grouped, json, html, markdown, sarif, github, junit, gitlab. "
                   "Repeatable; FORMAT:FILE writes that format to a file.")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False),
              help="Write the report to this file (its format follows the extension when --format is not given).")
@click.option("--fail-level", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit code 1 (default: warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (input errors still exit 2).")
@click.option("--stdin-filename", default=None,
              help="The file name to report for '-' (standard input); with no PATH, standard input is read.")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
              help="Report only findings that this baseline file does not record.")
@click.option("--write-baseline", type=click.Path(dir_okay=False),
              help="Record today's findings in this baseline file (internal errors are never recorded, and are reported).")
@_run_options
@_messages_option
@_exclude_option
@_selection_options
def check(paths, formats, output_file, fail_level, exit_zero, stdin_filename, color, baseline_path, write_baseline,
          jobs, no_cache, cache_dir, messages, exclude, select, extend_select, ignore, config_path, isolated):
    """Lint OKR files and directories (PATH may be '-' for standard input; none: the current folder, or standard
    input with --stdin-filename)."""
    from okrlint.model import Severity
    from okrlint.report import ReportContext

    paths = _check_paths(paths, stdin_filename)
    engine = build_engine(config_path, isolated, select, ignore, extend_select, exclude=exclude, paths=paths)
    if fail_level:
        engine.config.fail_level = Severity.parse(fail_level)
    if messages:
        engine.config.messages = messages
        engine.config.sources["messages"] = "command line"
    from okrlint.report.outputs import OutputError, plan_outputs, write_outputs

    try:
        outputs = plan_outputs(formats, output_file, _reporters(engine))
    except OutputError as exc:
        raise click.UsageError(str(exc)) from None

    file_paths = [p for p in paths if p != "-"]
    sources = []
    if "-" in paths:
        from okrlint.load.limits import MAX_FILE_BYTES

        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)  # one byte past the cap: loading it says it is too large
        source = engine.source_from_bytes(stdin_filename or _stdin_name(data), data)
        sources.append(source)
    def use_color(output) -> bool:
        return bool(color if color is not None else (output.to_stdout and sys.stdout.isatty()))

    plan = engine.plan(file_paths, sources=[s for s in sources if not hasattr(s, "message")])
    cache_root = None
    if not no_cache:
        from okrlint.cache import CACHE_DIR_NAME

        cache_root = Path(cache_dir or CACHE_DIR_NAME)
    recorder = None
    if cache_root is not None and not sources and not write_baseline:
        recorder = _replay_or_record(engine, plan, cache_root, outputs, use_color, exit_zero, baseline_path)

    def say(line: str) -> None:
        click.echo(line, err=True)
        if recorder is not None:
            recorder.note_stderr(line + "\n")

    from okrlint.progress import FileProgress

    progress = FileProgress()
    try:
        result = engine.run(plan=plan, progress=progress, jobs=jobs or None, cache_dir=cache_root)
    finally:
        progress.close()
    # A plugin the configuration names that cannot be loaded is the configuration's mistake, like a missing rule
    # pack: the run goes on and reports everything else, but it does not pass (the house rules did not run), and
    # every report says so (an input error: the text summary, SARIF's executionSuccessful, JSON's "errors", JUnit).
    unloaded = _unloaded_plugins(engine)
    if unloaded:
        import attrs

        result = attrs.evolve(result, errors=(*result.errors, *unloaded))
    for warning in _shown_warnings(result, engine.config):
        say(f"okrlint: warning: {warning}")
    for error in _shown_errors(result, engine.config):
        say(str(error))
    if write_baseline:
        failed = _write_baseline(Path(write_baseline), result, say)
        sys.exit(EXIT_ERROR if result.errors else EXIT_FINDINGS if failed and not exit_zero else EXIT_CLEAN)
    if baseline_path:
        result = _apply_baseline(Path(baseline_path), result, say)
    report_language = "en"
    if engine.config.messages == "th" or engine.config.messages == "auto" and _may_be_thai(result, engine.config.language):
        # after the baseline, which matches the rules' own (English) messages; an English run never imports
        # the catalogue's module (start-up time of pre-commit runs)
        from okrlint.report.messages import localise, report_language as language_of_report

        report_language = language_of_report(result, engine.config.messages, engine.config.language)
        result = localise(result, engine.config.messages, engine.config.language)

    def render(output):
        context = ReportContext(result=result, color=use_color(output), version=__version__,
                                template_dir=engine.config.template_dir, language=report_language)
        if output.reporter.stream is not None:
            return output.reporter.stream(context)
        return output.reporter.render(context)

    try:
        write_outputs(outputs, render, copy=recorder.output_copy if recorder is not None else None)
    except OutputError as exc:
        if recorder is not None:
            recorder.discard()
        for line in str(exc).splitlines():  # one line per report that failed; the others were written
            click.echo(f"okrlint: error: {line}", err=True)
        sys.exit(EXIT_ERROR)

    if result.errors:
        code = EXIT_ERROR
    else:
        failing = [f for f in result.findings if f.severity >= engine.config.fail_level]
        code = EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN
    if recorder is not None:
        from okrlint.rules.registry import INTERNAL_ERROR

        if engine.host.problems or not result.settled or any(f.code == INTERNAL_ERROR.code for f in result.findings):
            recorder.discard()  # a failed plugin, loader or rule may work next time
        else:
            recorder.store(code)
    sys.exit(code)


def _check_paths(paths: tuple[str, ...], stdin_filename: str | None) -> tuple[str, ...]:
    """What ``check`` lints, as ruff decides it: no path is the current folder, or standard input when
    ``--stdin-filename`` is given; ``--stdin-filename`` beside paths without '-' names nothing (a warning)."""
    if not paths:
        return ("-",) if stdin_filename is not None else (".",)
    if stdin_filename is not None and "-" not in paths:
        click.echo("okrlint: warning: --stdin-filename names standard input, which is read only when '-' is among "
                   "the paths; it is ignored", err=True)
    return paths


def _unloaded_plugins(engine) -> list:
    """An input error for each plugin named in the configuration that failed to load (or to run a hook), placed at
    the plugin's file (a ``.py`` plugin) or at the configuration file that names it."""
    from okrlint.engine import _display
    from okrlint.model import Location
    from okrlint.plugins import PluginError

    configured = set(engine.config.plugins)
    errors = []
    for problem in dict.fromkeys(engine.host.problems):
        if problem.plugin not in configured:
            continue
        if problem.plugin.endswith(".py"):
            place = Path(problem.plugin)
            place = place if place.is_absolute() else engine.config.base_dir / place
        else:
            named_in = [part for part in engine.config.sources.get("plugins", "").split(" + ")
                        if part and part != "command line"]
            place = Path(named_in[-1]) if named_in else engine.config.base_dir
        errors.append(PluginError(f"plugin {problem.plugin} is named in the configuration but failed "
                                 f"({problem.message}): its rules did not all run", Location(_display(place)),
                                  problem.plugin))
    return errors


def _replay_or_record(engine, plan, cache_root: Path, outputs, use_color, exit_zero, baseline_path):
    """Write the stored reports of this very run and exit, or return a recorder for them (None: not
    replayable, e.g. an HTML report, which carries the time it was made)."""
    from okrlint.cache import ResultCache, settings_fingerprint
    from okrlint.replay import RunReplays, file_stamp, run_key
    from okrlint.report.messages import catalogue_stamp as message_catalogue_stamp

    if not all(output.reporter.replayable for output in outputs):
        return None
    if engine.host.problems:
        return None  # a plugin that failed to load is reported by every run, never replayed from a run without it
    options = [
        __version__, sys.stdout.encoding, sys.stdout.errors,
        [(o.reporter.name, str(Path(o.target).resolve()) if o.target else None, use_color(o)) for o in outputs],
        int(engine.config.fail_level), exit_zero, baseline_path, file_stamp(baseline_path),
        engine.config.template_dir, file_stamp(engine.config.template_dir),
        engine.config.messages, message_catalogue_stamp(),
    ]
    try:
        key = run_key(settings_fingerprint(engine), plan, options)
    except OSError:
        return None  # an unreadable file: lint as usual, which reports it
    replays = RunReplays.beside(ResultCache.folder(cache_root))
    stored = replays.get(key)
    if stored is None:
        return replays.recorder(key)
    sys.stderr.write(stored.stderr)
    sys.stderr.flush()
    for target, data in stored.outputs:  # checked against the stored run's seal before anything is written
        try:
            if target is None:
                sys.stdout.flush()
                sys.stdout.buffer.write(data)
            else:
                Path(target).write_bytes(data)
        except OSError as exc:
            click.echo(f"okrlint: error: cannot write {target or 'standard output'}: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_ERROR)
    sys.exit(stored.exit_code)


def _may_be_thai(result, default: str | None) -> bool:
    """Whether any set of the run could be shown in Thai (cheap: no catalogue, no language detection)."""
    if default == "th":
        return True
    for okr_set in result.org.sets:
        if okr_set.language == "th":
            return True
        if okr_set.language != "en" and default != "en" and any(
                "\u0e00" <= ch <= "\u0e7f" for objective in okr_set.objectives
                for ch in objective.title + "".join(kr.title for kr in objective.key_results)):
            return True
    return False


def _shown_warnings(result, config):
    """Warnings in Thai for a Thai run (``--messages th``, or ``auto`` with every set in Thai), else as written."""
    if not result.warnings or config.messages == "en":
        return result.warnings
    from okrlint.report.messages import catalogue, report_language

    if report_language(result, config.messages, config.language) != "th":
        return result.warnings
    thai = catalogue("th")

    def shown(warning: str) -> str:
        where, said, reason = warning.partition(": skipped, not an OKR document: ")
        if said:  # the reason is a loader's message, translated as input errors are
            warning = f"{where}{said}{thai.translate(reason) or reason}"
        return thai.translate(warning) or warning

    return tuple(shown(warning) for warning in result.warnings)


def _shown_errors(result, config):
    if not result.errors or config.messages == "en":
        return result.errors
    from okrlint.report.messages import finding_languages, localise_errors

    return localise_errors(result.errors, config.messages, finding_languages(result, config.messages, config.language))


def _stdin_name(data: bytes) -> str:
    """Standard input without --stdin-filename: okrlint's YAML when a top-level key says so, else a draft."""
    import re

    if re.search(rb"^(?:\xef\xbb\xbf)?(?:team|objectives|period|level|owner)\s*:", data[:65536], re.MULTILINE):
        return "stdin.okr.yaml"
    return "stdin.okr.md"


def _write_baseline(path: Path, result, say) -> int:
    """Record the run's findings; returns how many it could not record (internal errors: a rule or plugin that
    failed, which is reported, not baselined, and fails the run)."""
    from okrlint.baseline import BaselineError, never_baselined, subjects_of, write_baseline

    try:
        count = write_baseline(path, result.findings, subjects_of(result.org))
    except BaselineError as exc:
        raise ConfigurationError(str(exc)) from None
    click.echo(f"okrlint: recorded {count} findings in the baseline {path}", err=True)
    failed = [finding for finding in result.findings if never_baselined(finding)]
    for finding in failed:
        say(f"{finding.location}: {finding.severity}: {finding.code} [{finding.name}] {finding.message}")
    if failed:
        say(f"okrlint: {len(failed)} internal-error finding{'s' if len(failed) != 1 else ''} not recorded in the "
            "baseline: a rule or plugin that fails is always reported; fix or remove it")
    return len(failed)


def _apply_baseline(path: Path, result, say):
    import attrs

    from okrlint.baseline import BaselineError, filter_new, subjects_of

    try:
        filtered = filter_new(path, result.findings, subjects_of(result.org))
    except BaselineError as exc:
        raise ConfigurationError(str(exc)) from None
    say(f"okrlint: {filtered.baselined} findings hidden by the baseline {path}")
    return attrs.evolve(result, findings=filtered.new)


def _reporters(engine) -> dict:
    from okrlint.report import Reporter

    return {item.name: item for _, item in engine.host.collect("okrlint_reporters") if isinstance(item, Reporter)}


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), default="okrlint-report.html", show_default=True,
              help="Where to write the HTML report.")
@click.option("--fail-level", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit code 1 (default: warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (input errors still exit 2).")
@_run_options
@_messages_option
@_exclude_option
@_selection_options
@click.pass_context
def report(ctx, paths, output_file, fail_level, exit_zero, jobs, no_cache, cache_dir, messages, exclude, select,
           extend_select, ignore, config_path, isolated):
    """Write an HTML health report of OKR files and directories (same checks and exit codes as 'check')."""
    click.echo(f"okrlint: writing the HTML report to {output_file}", err=True)
    ctx.invoke(check, paths=paths, formats=("html",), output_file=output_file, fail_level=fail_level,
               exit_zero=exit_zero, jobs=jobs, no_cache=no_cache, cache_dir=cache_dir, messages=messages,
               exclude=exclude, select=select, extend_select=extend_select, ignore=ignore, config_path=config_path,
               isolated=isolated)


@main.command("graph")
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("--format", "fmt", type=click.Choice(["mermaid", "dot", "json"]), default=None,
              help="Graph format (default: from the output file's extension, .dot/.gv or .json, else mermaid).")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), help="Write the graph to this file.")
# as 'check' takes them, so that a check command line with 'graph' in place of 'check' works
@_run_options
@_messages_option
@_exclude_option
@_selection_options
def graph(paths, fmt, output_file, jobs, no_cache, cache_dir, messages, exclude, select, extend_select, ignore,
          config_path, isolated):
    """Export the alignment graph of an org: company → department → team objectives, dependencies dashed,
    objectives with findings highlighted."""
    from okrlint.report.graph import alignment_graph, render_graph

    paths = paths or (".",)  # as check: the current folder
    engine = build_engine(config_path, isolated, select, ignore, extend_select, exclude=exclude, paths=paths)
    if messages:  # the language of the warnings, input errors and the graph's own labels (levels, missing nodes)
        engine.config.messages = messages
        engine.config.sources["messages"] = "command line"
    cache_root = None
    if not no_cache:
        from okrlint.cache import CACHE_DIR_NAME

        cache_root = Path(cache_dir or CACHE_DIR_NAME)
    result = engine.run(paths, jobs=jobs or None, cache_dir=cache_root)
    for warning in _shown_warnings(result, engine.config):
        click.echo(f"okrlint: warning: {warning}", err=True)
    for error in _shown_errors(result, engine.config):
        click.echo(str(error), err=True)
    if fmt is None:
        suffix = Path(output_file).suffix.lower() if output_file else ""
        fmt = {".dot": "dot", ".gv": "dot", ".json": "json"}.get(suffix, "mermaid")
    words = None
    if engine.config.messages == "th" or engine.config.messages == "auto" and _may_be_thai(result, engine.config.language):
        from okrlint.report import Words
        from okrlint.report.messages import report_language

        language = report_language(result, engine.config.messages, engine.config.language)
        words = Words(language) if language != "en" else None
    text = render_graph(alignment_graph(result.org, result.findings, words=words), fmt, words)
    if output_file:
        Path(output_file).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    sys.exit(EXIT_ERROR if result.errors else EXIT_CLEAN)


def _command_words(engine, messages: str | None):
    """okrlint's own words for a command that lints nothing (rules, explain): Thai for ``--messages th``, or for
    ``auto`` when the configuration says the OKR sets are written in Thai (``language = "th"``); else English."""
    from okrlint.report import Words

    if messages:
        engine.config.messages = messages
    mode = engine.config.messages
    thai = mode == "th" or mode == "auto" and engine.config.language == "th"
    return Words("th" if thai else "en")


def _padded(text: str, width: int) -> str:
    """``text`` padded to ``width`` columns as a terminal shows it (Thai vowel and tone marks take no column)."""
    import unicodedata

    shown = sum(0 if unicodedata.category(ch) in ("Mn", "Me", "Cf") else 1 for ch in text)
    return text + " " * max(0, width - shown)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              help="markdown: the rule reference with rationale and examples (docs/rules.md).")
@_messages_option
@_selection_options
def list_rules(fmt, messages, select, extend_select, ignore, config_path, isolated):
    """List every rule: code, name, category, default severity and scope."""
    engine = build_engine(config_path, isolated, select, ignore, extend_select)
    t = _command_words(engine, messages)
    from okrlint.rules.registry import INTERNAL_ERROR

    # internal-error runs no check of its own and is never deselected: a rule or plugin that fails is always reported
    rules = sorted([*engine.selected_rules(), engine.registry.get(INTERNAL_ERROR.code) or INTERNAL_ERROR],
                   key=lambda r: r.code)
    if fmt == "json":
        import json

        rows = [{"code": r.code, "name": r.name, "category": r.category, "severity": str(r.severity),
                 "scope": str(r.scope), "summary": t.rule(r.summary), "origin": r.origin} for r in rules]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if fmt == "markdown":
        from okrlint.report.templating import environment

        click.echo(environment(line_breaks="keep").get_template("rules.md.j2").render(rules=rules, t=t), nl=False)
        return
    width = max((len(r.name) for r in rules), default=10)
    for r in rules:
        # the category is a selector (--select measurability): it stays as written in every language
        scope = _padded(t(f"scope {r.scope}") if t.translated else str(r.scope), 10)
        click.echo(f"{r.code:<7} {r.name:<{width}}  {r.category:<13} {str(r.severity):<8} {scope}  {t.rule(r.summary)}")


@main.command("config")
@click.option("--format", "fmt", type=click.Choice(["toml", "json"]), default="toml")
@_selection_options
def show_config(fmt, select, extend_select, ignore, config_path, isolated):
    """Print the effective configuration and where each value came from."""
    from okrlint.configfile import effective_settings, render_settings

    engine = build_engine(config_path, isolated, select, ignore, extend_select)
    if fmt == "json":
        import json

        rows = {key: {"value": value, "source": source} for key, value, source in effective_settings(engine.config)}
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    click.echo(render_settings(engine.config), nl=False)


@main.command()
@click.option("--language", type=click.Choice(["th", "en"]), default="en", show_default=True,
              help="Language of the example OKR file.")
@click.option("--format", "fmt", type=click.Choice(["yaml", "xlsx"]), default="yaml", show_default=True,
              help="Format of the example OKR file.")
@click.option("--force", is_flag=True, help="Overwrite files that already exist (else they are kept).")
def init(language, fmt, force):
    """Write a starter okrlint.toml and an example OKR file into the current directory (a file that exists, or a
    configuration the folder has, is kept unless --force)."""
    from okrlint.starter import StarterError, write_starter

    kept: list[Path] = []
    try:
        written = write_starter(Path.cwd(), language=language, fmt=fmt, force=force, kept=kept)
    except StarterError as exc:  # every file exists: one line, as every other refusal (not click's usage banner)
        raise ConfigurationError(str(exc)) from None
    except OSError as exc:  # okrlint.toml is a folder, a dangling link, a read-only place
        raise ConfigurationError(f"cannot write {exc.filename or 'the starter files'}: {exc.strerror or exc}") from None
    for path in kept:
        if path.name == "pyproject.toml":
            click.echo(f"kept {path}: its [tool.okrlint] is the configuration (init never rewrites pyproject.toml)")
        else:
            click.echo(f"kept {path}: it exists (--force overwrites it)")
    for path in written:
        click.echo(f"wrote {path}")


@main.command()
@click.argument("rule")
@_messages_option
def explain(rule, messages):
    """Explain a rule (NAME or CODE): what it checks, why, and examples in Thai and English."""
    engine = build_engine(None, False, (), (), ())  # the configuration's plugins and packs are explainable too
    item = engine.registry.get(rule)
    if item is None:
        raise click.UsageError(engine.registry.unknown_message(rule))
    click.echo(render_explanation(item, _command_words(engine, messages)))


def _toml_value(value) -> str:
    """An option's default as the configuration writes it: `true`, not Python's `True`."""
    return str(value).lower() if isinstance(value, bool) else repr(value)


def render_explanation(item, words=None) -> str:
    """The explanation of a rule; ``words`` (:class:`okrlint.report.Words`): its language (None: English). The
    examples, the configuration's syntax, codes, names, the category (a selector) and severities stay as written."""
    from okrlint.report import Words

    t = words or Words()
    category = f"{t(item.category)} ({item.category})" if t.translated else item.category
    scope = t(f"scope {item.scope}") if t.translated else item.scope
    lines = [f"{item.code} [{item.name}]", "",
             t("Category: {category}   Default severity: {severity}   Scope: {scope}",
               category=category, severity=item.severity, scope=scope), "",
             t.rule(item.summary), ""]
    if item.rationale and item.rationale != item.summary:
        lines += [t.rule(item.rationale), ""]
    if item.options:
        lines.append(t("Options:"))
        lines += [f"  {key} = {_toml_value(value)}" for key, value in item.options.items()]
        lines.append("")
    for label, is_good in (("Bad (the rule fires)", False), ("Good (the rule stays quiet)", True)):
        examples = [e for e in item.examples if e.good is is_good]
        if examples:
            lines.append(f"{t(label)}:")
            for example in examples:
                text = example.text.strip()
                if "\n" in text:
                    lines.append(f"  [{example.language}]")
                    lines += ["    " + line for line in text.splitlines()]
                else:
                    lines.append(f"  [{example.language}] {text}")
            lines.append("")
    from okrlint.rules.registry import INTERNAL_ERROR

    if item.code == INTERNAL_ERROR.code:
        lines += [t("To silence it: it cannot be silenced; fix or remove the rule or plugin that failed."),
                  "  " + t('re-grade it      [severity] {name} = "warning"   (warning at the lowest)', name=item.name)]
        return "\n".join(lines).rstrip() + "\n"
    lines += [t("To silence it:"),
              "  " + t("on one object    # okrlint: disable={name}   (a comment on the object's line)", name=item.name),
              "  " + t('everywhere       ignore = ["{name}"]   (okrlint.toml)', name=item.name),
              "  " + t('re-grade it      [severity] {name} = "info"', name=item.name)]
    if item.options:
        first = next(iter(item.options))
        lines.append("  " + t("configure it     [rules.{name}] {option} = ...", name=item.name, option=first))
    return "\n".join(lines).rstrip() + "\n"
