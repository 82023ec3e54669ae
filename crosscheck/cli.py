"""The ``crosscheck`` command: a thin layer over :mod:`crosscheck.api`.

Exit codes: 0 success; 1 error (one line on stderr, no traceback for user errors);
2 ``--strict`` and some input was skipped; 3 ``--fail-on-conflict`` and a conflict was flagged.
Heavy modules (pandas, quantulum3) are imported inside the commands, so ``--help`` is instant.
"""
from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import click

EXIT_ERROR, EXIT_SKIPPED, EXIT_CONFLICT = 1, 2, 3


class UserError(click.ClickException):
    exit_code = EXIT_ERROR

    def show(self, file=None):
        click.echo(f"crosscheck: error: {self.format_message()}", err=True)


def _jobs_option(f):
    f = click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
                     help="Worker processes for claim extraction (output is identical to --jobs 1).")(f)
    f = click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="Where to run: this machine, or an existing Dask cluster (needs --scheduler).")(f)
    f = click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786.")(f)
    return f


def _config_options(f):
    f = click.option("--numbers-config", type=click.Path(exists=True, dir_okay=False),
                     help="TOML file overriding the numbers vocabulary (vague bounds, qualifiers...).")(f)
    f = click.option("--measures", "measures_config", type=click.Path(exists=True, dir_okay=False),
                     help="TOML file adding measures, trigger words or subjects.")(f)
    f = click.option("--align-config", type=click.Path(exists=True, dir_okay=False),
                     help="TOML file overriding comparison settings (certainty weights, cumulative measures).")(f)
    f = click.option("--stories", type=click.Choice(["auto", "one"]), default="auto", show_default=True,
                     help="auto: cluster articles about different events into stories (a 'story' field in "
                          "the input wins); one: compare all articles as one story.")(f)
    return f


def _db_option(help_text):
    return click.option("--db", type=click.Path(dir_okay=False, exists=True), help=help_text)


def _store(db):
    """The review database at ``db`` (None when not given), opened (and upgraded) or a one-line error."""
    if not db:
        return None
    import sqlite3

    from .review import ReviewError, ReviewStore
    try:
        return ReviewStore(db)
    except (ReviewError, OSError, sqlite3.DatabaseError) as e:  # a newer schema, unreadable, not a database
        raise UserError(f"cannot open the review database {db}: {e}") from None


def _settings(numbers_config, measures_config, align_config, stories="auto", db=None):
    """The run's settings; with a review database ``db``, its reviewers' story merges and splits."""
    from .api import Settings
    choices = ()
    if db and Path(db).exists():
        from .story_choices import StoryChoiceStore
        choices = tuple(StoryChoiceStore(db).choices())
    return Settings(numbers_config, measures_config, align_config, stories, choices)


def _run_check(paths, settings, jobs=1, engine="local", scheduler=None, store=None, align=True):
    """The run over ``paths``, with the corrections in ``store`` (a ReviewStore) applied."""
    from .api import check
    from .ingest import InputError
    if engine == "dask" and not scheduler:
        raise UserError("--engine dask needs --scheduler ADDRESS")
    try:
        return check(paths, settings, jobs=jobs, progress=True, scheduler=scheduler if engine == "dask" else None,
                     corrections=store.corrections() if store else (), align=align)
    except (InputError, RuntimeError) as e:
        raise UserError(str(e)) from None
    except OSError as e:
        raise UserError(f"cannot read {e.filename}: {e.strerror}") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="crosscheck")
def main():
    """Cross-check the figures news articles report.

    Pulls every numeric claim out of each article (people killed, injured, detained; vote
    shares, crowd sizes, money...), lines the same claim up across sources, and writes a
    discrepancy report of where they disagree.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "html_path", type=click.Path(dir_okay=False), default="reports/report.html",
              show_default=True, help="Where to write the HTML report.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False), help="Also write the report as JSON.")
@click.option("--csv", "csv_dir", type=click.Path(file_okay=False), help="Also write claims.csv, groups.csv, articles.csv here.")
@click.option("--title", default="crosscheck report", show_default=True, help="Title of the HTML page.")
@click.option("--fail-on-conflict", is_flag=True, help="Exit with code 3 when any conflict is flagged.")
@click.option("--strict", is_flag=True, help="Exit with code 2 when any input was skipped.")
@_db_option("Apply the corrections and show the decisions stored in this review database (from `crosscheck serve`).")
@_jobs_option
@_config_options
def report(paths, html_path, json_path, csv_dir, title, fail_on_conflict, strict, db, jobs, engine, scheduler,
           **config):
    """Write a discrepancy report over the articles in PATHS (files or folders)."""
    store = _store(db)
    result = _run_check(paths, _settings(**config, db=db), jobs, engine, scheduler, store)
    if store:
        result.decisions = store.decisions()
    _write_outputs(result, html_path, json_path, csv_dir, title)
    _print_summary(result, html_path, json_path)
    _exit(result, fail_on_conflict, strict)


@main.command()
@click.option("-o", "--output", "html_path", type=click.Path(dir_okay=False), default="reports/demo.html", show_default=True)
@click.option("--json", "json_path", type=click.Path(dir_okay=False), default="reports/demo.json", show_default=True)
def demo(html_path, json_path):
    """Run the report over the example corpus bundled with crosscheck."""
    from .api import check, example_corpus
    root = example_corpus()
    result = check([root])
    # paths inside the installed package differ per machine; show them relative to the package
    result.articles = [replace(a, path=f"crosscheck/examples/riverside/{a.id}") for a in result.articles]
    _write_outputs(result, html_path, json_path, None, "crosscheck demo: the Port Aldren stadium protests")
    _print_summary(result, html_path, json_path)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@_db_option("Apply the corrections stored in this review database (from `crosscheck serve`).")
@_jobs_option
@_config_options
def claims(paths, fmt, db, jobs, engine, scheduler, **config):
    """List the claims found in the articles in PATHS, one row each."""
    # claims do not depend on stories or groups: neither is computed
    result = _run_check(paths, _settings(**config), jobs, engine, scheduler, _store(db), align=False)
    if fmt == "json":
        from .report import to_json_dict
        click.echo(json.dumps(to_json_dict(result)["claims"], ensure_ascii=False, indent=1))
    elif fmt == "csv":
        click.echo(result.claims_df.to_csv(index=False), nl=False)
    else:
        import pandas as pd
        df = result.claims_df
        cols = ["article", "measure", "subject", "text", "lo", "hi", "kind", "attribution", "scope"]
        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200,
                               "display.max_colwidth", 40):
            click.echo(df[cols].to_string(index=False) if len(df) else "no claims found")
    _report_skipped(result)


@main.command()
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
@click.option("--jsonl", is_flag=True, help='Each input line is {"id", "text"}; each output line {"id", "quantities"}.')
@click.option("--numbers-config", type=click.Path(exists=True, dir_okay=False), help="TOML vocabulary override.")
def numbers(source, jsonl, numbers_config):
    """Print every quantity found in SOURCE (a file, or - for stdin) as JSON.

    Ages ("a 65-year-old") are printed too, as kind "age"; they never become claims."""
    from .numbers import NumberFinder, load_vocabulary, quantity_json
    finder = NumberFinder(load_vocabulary(numbers_config), report_ages=True)
    if not jsonl:
        qs = finder.find(source.read())
        click.echo(json.dumps([quantity_json(q) for q in qs], ensure_ascii=False))
        return
    bad = 0
    for n, line in enumerate(source, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            text = row["text"]
        except (json.JSONDecodeError, KeyError, TypeError) as e:
            bad += 1
            click.echo(f"crosscheck: line {n}: skipped, not a {{\"id\", \"text\"}} object ({e})", err=True)
            continue
        qs = finder.find(text)
        click.echo(json.dumps({"id": row.get("id"), "quantities": [quantity_json(q) for q in qs]}, ensure_ascii=False))
    if bad:
        sys.exit(EXIT_SKIPPED)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", type=click.Path(dir_okay=False),
              help="Review database (SQLite). Default: crosscheck-review.sqlite beside the corpus.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; beyond loopback needs --token.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--token", envvar="CROSSCHECK_TOKEN", help="Require this token on every request (?token=... once).")
@_config_options
def serve(paths, db, host, port, token, **config):
    """Review flagged groups in a local web app; decisions are stored in --db."""
    from .review import ReviewError
    from .serve import serve as run
    for p in paths:
        if p != "-" and not Path(p).exists():
            raise UserError(f"no such file or folder: {p}")
    try:
        run(paths, db, host, port, token, _settings(**config),  # (the app reads the story choices itself)
            ready=lambda url: click.echo(f"crosscheck review at {url}  (Ctrl-C to stop)", err=True))
    except (ValueError, ReviewError, OSError) as e:
        raise UserError(str(e)) from None
    except KeyboardInterrupt:  # pragma: no cover - interactive
        pass


@main.command("stories")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--db", type=click.Path(dir_okay=False),
              help="Review database: its story choices are applied and new ones stored there. "
                   "Default: crosscheck-review.sqlite beside the corpus.")
@click.option("--merge", "merge_ids", multiple=True, metavar="ARTICLE",
              help="Join the stories of these articles into one (repeat: --merge a.txt --merge b.txt).")
@click.option("--split", "split_ids", multiple=True, metavar="ARTICLE",
              help="Take these articles out of their story into a story of their own.")
@click.option("--reviewer", envvar="USER", help="Who makes the choice (stored with it).")
def stories_command(paths, db, merge_ids, split_ids, reviewer):
    """List the stories of the articles in PATHS: what each story's articles share, and which sit
    alone. With --merge or --split, store that choice; every later `report --db` and `serve` with
    this database applies it."""
    from .api import split_stories
    from .ingest import read_paths
    from .review import default_db_path
    from .stories import describe_stories
    from .story_choices import StoryChoiceStore, merge_choice, split_choice
    store = StoryChoiceStore(db or default_db_path(paths))
    articles = read_paths(paths).articles
    current = split_stories(articles, "auto", tuple(store.choices()))
    if merge_ids or split_ids:
        if merge_ids and split_ids:
            raise UserError("give --merge or --split, not both")
        try:
            make = merge_choice if merge_ids else split_choice
            choice = store.add(make(current, merge_ids or split_ids, reviewer or ""))
        except ValueError as e:
            raise UserError(str(e)) from None
        click.echo(f"stored: {choice.kind} by {choice.reviewer} in {store.path}")
        current = split_stories(articles, "auto", tuple(store.choices()))
    for note in describe_stories(current):
        label = "alone" if note.alone else f"{len(note.articles)} articles"
        why = f"; shared: {', '.join(note.shared)}" if note.shared else ""
        click.echo(f"{note.id}  {note.title}  ({label}{why})")
        for aid in note.articles:
            click.echo(f"    {aid}")


@main.group()
def decisions():
    """Review decisions stored by `crosscheck serve`."""


@decisions.command("export")
@click.option("--db", type=click.Path(dir_okay=False, exists=True), required=True, help="The review database.")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="json", show_default=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Default: standard output.")
def decisions_export(db, fmt, output):
    """Write every decision with its history (JSON), or the history as rows (CSV)."""
    import csv as csvmod
    from dataclasses import asdict
    from .review import ReviewStore
    store = ReviewStore(db)
    if fmt == "json":
        output.write(json.dumps(store.export(), ensure_ascii=False, indent=1) + "\n")
        return
    current = store.decisions()
    fields = ["group_id", "at", "reviewer", "from_decision", "to_decision", "from_reason", "to_reason",
              "from_note", "to_note", "to_claim", "current_decision", "measure", "subject"]
    w = csvmod.DictWriter(output, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    for h in store.history():
        d = current.get(h.group_id)
        row = {k: v for k, v in asdict(h).items() if k in fields}
        row.update(current_decision=d.decision if d else "", measure=(d.snapshot.get("measure") if d else ""),
                   subject=(d.snapshot.get("subject") if d else "") or "")
        w.writerow(row)


@main.group()
def corrections():
    """Corrections of claims stored by `crosscheck serve`."""


@corrections.command("export")
@click.option("--db", type=click.Path(dir_okay=False, exists=True), required=True, help="The review database.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Default: standard output.")
def corrections_export(db, output):
    """Write every correction as a JSON line: the sentence and the claim as the extractor read it, what a
    reviewer corrected it to, and the history. A labelled-data file for improving the extractor."""
    from .corrections import export_row
    store = _store(db)
    history = store.correction_history()
    for c in store.corrections():
        output.write(json.dumps(export_row(c, [h for h in history if h.claim_id == c.claim_id]),
                                ensure_ascii=False, sort_keys=True) + "\n")


def _write_outputs(result, html_path, json_path, csv_dir, title):
    from .report import write_csv, write_html, write_json
    try:
        if html_path:
            write_html(result, _prepare(html_path), title=title)
        if json_path:
            write_json(result, _prepare(json_path))
        if csv_dir:
            Path(csv_dir).mkdir(parents=True, exist_ok=True)
            write_csv(result, csv_dir)
    except OSError as e:
        raise UserError(f"cannot write {e.filename}: {e.strerror}") from None


def _prepare(path) -> Path:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    return p


def _print_summary(result, html_path, json_path):
    from .align import format_interval
    by_verdict = {}
    for g in result.groups:
        by_verdict[g.verdict] = by_verdict.get(g.verdict, 0) + 1
    sources = {a.source for a in result.articles}
    stories = {a.story for a in result.articles}
    story_note = f" in {len(stories)} stories" if len(stories) > 1 else ""
    click.echo(f"{len(result.articles)} articles from {len(sources)} sources{story_note}, {len(result.claims)} claims, "
               f"{len(result.groups)} groups: " + ", ".join(f"{n} {v}" for v, n in by_verdict.items()))
    names = {a.id: a.source or a.id for a in result.articles}
    for g in result.conflicts:
        subject = f" of {g.subject}" if g.subject and g.subject != "people" else ""
        if g.verdict == "conflict":
            # the figures that cannot all hold, not those a later report explains ("21, then 35, then 40")
            clashing = {cid for pair in g.plain_conflict_pairs for cid in pair}
            shown = [cid for cid in g.claims if cid in clashing] or list(g.claims)
            said = " vs ".join(f"{format_interval(result.claim(cid))} ({names[result.claim(cid).article]})" for cid in shown)
            if g.update_pairs:
                said += f"; {len(g.update_pairs)} later change(s) read as updates"
        else:  # disputed, revised: the reason names the parties
            said = g.reason
        click.echo(f"  {g.verdict:8s}  {g.measure}{subject}: {said}  [severity {g.severity:.2f}]")
    for g in result.groups:
        if g.verdict == "update":
            click.echo(f"  update    {g.measure}: {g.reason}")
    _report_skipped(result)
    for path in (html_path, json_path):
        if path:
            click.echo(f"wrote {path}")


def _report_skipped(result):
    for s in result.skipped:
        click.echo(f"skipped {s.path}: {s.reason}", err=True)
    for w in result.warnings:
        click.echo(f"warning: {w}", err=True)


def _exit(result, fail_on_conflict, strict):
    if strict and result.skipped:
        sys.exit(EXIT_SKIPPED)
    if fail_on_conflict and result.conflicts:
        sys.exit(EXIT_CONFLICT)


if __name__ == "__main__":  # pragma: no cover
    main()
