"""The review app: a local web server over a corpus, for deciding about each flagged group.

``crosscheck serve PATH... [--db FILE]`` shows the groups in severity order with the same
content as the report, and for each group a form: confirmed contradiction, not a
contradiction (with a reason), or needs follow-up, with a note and the reviewer's name; and for
each of its claims a correction form (bounds, measure, subject, scope, attribution, not a claim),
after which the groups are aligned again from the corrected claims (crosscheck.corrections).
Decisions and corrections go to a :class:`~crosscheck.review.ReviewStore` (SQLite).

Server-rendered with the report's jinja2 templates; every form works without JavaScript, and
a small script adds keyboard review (j/k next/previous, c confirm, d dismiss, f follow-up).

Security: binds to 127.0.0.1 unless told otherwise; state changes only by POST with a CSRF
token (Flask-WTF); every template is autoescaped, whatever its file name (:class:`ReviewFlask`);
an optional token is required on every request (``?token=`` once, then a cookie), and is
mandatory when serving beyond loopback.
"""
from __future__ import annotations

import hmac
import ipaddress
import secrets
import threading
from dataclasses import replace as dc_replace
from pathlib import Path
from typing import Callable, Optional

from flask import Flask, abort, make_response, redirect, render_template, request, url_for
from flask_wtf.csrf import CSRFError, CSRFProtect

from . import report as report_mod
from .corrections import (FIELD_LABELS, CorrectionError, article_hash, claim_fields, correction_fields, correction_view,
                          form_number, show_value)
from .result import Result
from .results_table import TABLE_MEASURES, results_tables
from .review import ALL_DECISIONS, DECISIONS, DISPUTE_DECISIONS, REASONS, ReviewError, ReviewStore, group_snapshot

TOKEN_COOKIE = "crosscheck_token"
REVIEWER_COOKIE = "crosscheck_reviewer"


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ReviewFlask(Flask):
    """Flask whose templates are all autoescaped.

    Flask autoescapes by file name (.html, .htm, .xml, .xhtml only); the templates here end in
    ``.j2``, so without this a source or title holding markup went into the pages as raw HTML.
    Escaping every template, whatever its name, is the rule the report's environment follows too.
    """

    def select_jinja_autoescape(self, filename: str) -> bool:
        return True


# The verdict of a group whose sources contest each other's figure (set by the aligner); such a group
# is decided as a dispute: whose figure is right, or cannot tell.
DISPUTED = "disputed"
QUEUE_FILTERS = ("status", "verdict", "measure", "story")  # status: unreviewed or reviewed


def queue_filter(args) -> dict[str, str]:
    """The queue filter in a request's query string (unknown keys and empty values dropped)."""
    return {k: args.get(k, "").strip()[:200] for k in QUEUE_FILTERS if args.get(k, "").strip()}


def in_queue(group, decision, f: dict[str, str]) -> bool:
    status = f.get("status")
    if (status == "unreviewed" and decision is not None) or (status == "reviewed" and decision is None):
        return False
    return all(f[k] == (getattr(group, k) or "") for k in ("verdict", "measure", "story") if k in f)


def neighbours(order: list[str], queued: list[str], gid: str) -> tuple[Optional[str], Optional[str]]:
    """The queued groups before and after ``gid`` in severity order (``gid`` itself may have left the
    queue: a group just reviewed is no longer 'not yet reviewed')."""
    i, q = order.index(gid), set(queued)
    return (next((x for x in reversed(order[:i]) if x in q), None), next((x for x in order[i + 1:] if x in q), None))


def disputed_claims(group) -> list[str]:
    """The figures a dispute's decision chooses among: each party's figures (often two from one
    article), in the order the pairs give them, else the group's representatives."""
    ids = [cid for pair in getattr(group, "disputed_pairs", []) for cid in pair]
    return list(dict.fromkeys(ids)) or list(group.claims)


def timeline(decisions: list, corrections: list) -> list[dict]:
    """A group's history, oldest first: every decision and every correction made on its page."""
    def fields(f):
        if f is None:
            return "as the extractor read it"
        return "; ".join(f"{FIELD_LABELS.get(k, k)} {show_value(v) if k != 'not_a_claim' else ''}".strip()
                         for k, v in f.items()) or "confirmed as read"
    rows = [{"at": h.at, "reviewer": h.reviewer, "kind": "decision", "change": h} for h in decisions]
    rows += [{"at": h.at, "reviewer": h.reviewer, "kind": "correction", "claim": h.claim_id, "note": h.note,
              "before": fields(h.from_fields), "after": fields(h.to_fields)} for h in corrections]
    return sorted(rows, key=lambda r: r["at"])


def create_app(load_result: Callable[[], Result], store: ReviewStore, token: Optional[str] = None,
               secret_key: Optional[str] = None, settings=None, story_store=None) -> Flask:
    """The review app. ``load_result`` (the claims as extracted) is called once at start and on /reload
    (re-runs the pipeline); the corrections in ``store`` are applied to it, and applied again (claims
    aligned again, nothing re-read) whenever a reviewer, here or in another process, changes one.
    With ``story_store`` (crosscheck.story_choices.StoryChoiceStore), reviewers merge and split stories
    at /stories; each choice is stored there and ``load_result`` is called again to apply it."""
    app = ReviewFlask(__name__, template_folder=str(Path(__file__).parent / "templates"))
    app.config.update(SECRET_KEY=secret_key or secrets.token_hex(32), WTF_CSRF_TIME_LIMIT=None,
                      SESSION_COOKIE_SAMESITE="Strict", SESSION_COOKIE_HTTPONLY=True)
    app.jinja_env.trim_blocks = app.jinja_env.lstrip_blocks = True
    app.jinja_env.globals.update(style=report_mod.stylesheet())
    CSRFProtect(app)
    state: dict = {}
    lock = threading.Lock()

    def load() -> None:
        extracted = load_result()
        with lock:
            state.update(extracted=extracted, run=None, stamp=None)

    def current() -> dict:
        """This run with the stored corrections applied: ``result``, the group ``views`` (chart geometry,
        highlighted sentences), ``reviewed`` (claim id -> ReviewedClaim) and the ``extracted`` run.
        Rebuilt only when the corrections changed (here or in another process); one snapshot per request."""
        from .api import with_corrections
        with lock:
            stamp = store.corrections_stamp()
            if state["stamp"] != stamp:
                res = with_corrections(state["extracted"], store.corrections(), settings)
                state.update(stamp=stamp, run={
                    "result": res, "views": report_mod.group_views(res), "extracted": state["extracted"],
                    "results": results_tables(res.claims, res.groups, res.articles),
                    "reviewed": {r.correction.claim_id: r for r in res.corrections}})
            return state["run"]

    def result() -> Result:
        return current()["result"]

    load()

    @app.before_request
    def require_token():
        if not token:
            return None
        given = request.args.get("token") or request.cookies.get(TOKEN_COOKIE) or \
            request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if not given or not hmac.compare_digest(given, token):
            abort(401)
        return None

    @app.after_request
    def headers(resp):
        resp.headers["X-Frame-Options"] = "DENY"
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "no-referrer"
        resp.headers["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; "
            "frame-ancestors 'none'; base-uri 'none'; script-src 'self'")
        if token and request.args.get("token") == token:
            resp.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="Strict")
        return resp

    @app.errorhandler(CSRFError)
    def csrf_error(e):
        return render_template("review_error.html.j2", title="Refused", message=f"Refused: {e.description}"), 400

    @app.get("/")
    def index():
        run = current()
        res = run["result"]
        decisions = store.decisions()
        ids = {g.id for g in res.groups}
        f = queue_filter(request.args)
        every = [{"group": g, "view": run["views"][g.id], "decision": decisions.get(g.id)} for g in res.groups]
        rows = [r for r in every if in_queue(r["group"], r["decision"], f)]
        counts = {k: n for k in ALL_DECISIONS
                  if (n := sum(1 for r in every if r["decision"] and r["decision"].decision == k)) or k in DECISIONS}
        stories = {}
        for a in res.articles:
            stories.setdefault(a.story or "", a.title or a.id)
        options = {"verdict": sorted({g.verdict for g in res.groups}), "measure": sorted({g.measure for g in res.groups}),
                   "story": sorted(((k, v) for k, v in stories.items() if k), key=lambda kv: kv[1].casefold())}
        # each story's election results; only the filtered story's when the queue is filtered by story
        tables = [t for t in run["results"] if "story" not in f or (t.story or "") == f["story"]]
        results = report_mod.results_views(res, lambda g: url_for("group", gid=g, **f), tables=tables)
        return render_template("review_index.html.j2", title="crosscheck review", rows=rows, q=f, options=options,
                               results=results,
                               progress={"reviewed": sum(1 for r in every if r["decision"]), "total": len(every),
                                         "shown_reviewed": sum(1 for r in rows if r["decision"])},
                               orphans=store.orphans(ids), counts=counts, decisions_labels=ALL_DECISIONS,
                               reasons=REASONS, n_articles=len(res.articles),
                               corrections=[correction_view(r) for r in res.corrections], group_ids=ids)

    @app.get("/group/<gid>")
    def group(gid):
        run = current()
        res = run["result"]
        order = [g.id for g in res.groups]
        if gid not in order:
            d = store.get(gid)
            if d is None:
                abort(404)
            return render_template("review_orphan.html.j2", title="Orphaned decision", d=d,
                                   history=store.history(gid), decisions_labels=ALL_DECISIONS, reasons=REASONS)
        g = res.groups[order.index(gid)]
        f = queue_filter(request.args)
        decisions = store.decisions()
        d = decisions.get(gid)
        queued = [x.id for x in res.groups if in_queue(x, decisions.get(x.id), f)]
        prev_id, next_id = neighbours(order, queued, gid)
        snapshot_now = group_snapshot(g, res)
        changed = bool(d and d.snapshot.get("claims") and d.snapshot["claims"] != snapshot_now["claims"])
        view = run["views"][gid]
        shown = [cl["id"] for cl in view["claims"] + view["related"]]
        by_id = {c.id: c for c in res.claims}
        queued_set = set(queued)
        # an election result's group: its story's results table, this group's row marked
        tables = [t for t in run["results"] if t.story == g.story] if g.measure in TABLE_MEASURES else []
        results = report_mod.results_views(res, lambda x: url_for("group", gid=x, **f), current_group=gid, tables=tables)
        return render_template(
            "review_group.html.j2", title=f"{g.measure}: {g.verdict}", g=view, group=g, d=d, results=results,
            changed=changed, decisions_labels=ALL_DECISIONS, reasons=REASONS, choices=DECISIONS,
            dispute_choices=DISPUTE_DECISIONS, disputed=g.verdict == DISPUTED,
            disputed_figures=[v for cid in disputed_claims(g) for v in view["claims"] + view["related"] if v["id"] == cid],
            correctable=[(by_id[cid], run["reviewed"].get(cid)) for cid in shown if cid in by_id],
            corrected_here=[r for r in res.corrections if r.correction.group_id == gid
                            and (r.correction.not_a_claim or not r.applied)],
            timeline=timeline(store.history(gid), store.correction_history(group_id=gid)),
            measures=measure_names(), error_claim=request.args.get("claim"), form_number=form_number,
            correction_view=correction_view,
            prev_id=prev_id, next_id=next_id, q=f, in_queue=gid in queued,
            position=sum(1 for x in order[:order.index(gid) + 1] if x in queued_set), total=len(queued),
            progress={"reviewed": len(decisions.keys() & set(order)), "total": len(order)},
            reviewer=request.cookies.get(REVIEWER_COOKIE, ""), error=request.args.get("error"))

    @app.post("/group/<gid>/decision")
    def decide(gid):
        res = result()
        order = [g.id for g in res.groups]
        if gid not in order:
            abort(404)
        g = res.groups[order.index(gid)]
        form = request.form
        decision, right_claim = form.get("decision", ""), None
        if decision.startswith("figure_right:"):  # a dispute: "figure_right:<claim id>"
            decision, _, right_claim = decision.partition(":")
        try:
            if right_claim and right_claim not in disputed_claims(g):
                raise ReviewError("that figure is not one of this group's")
            store.decide(gid, decision, form.get("reviewer", ""), reason=form.get("reason"),
                         note=form.get("note", ""), snapshot=group_snapshot(g, res), right_claim=right_claim or None)
        except ReviewError as e:
            return redirect(url_for("group", gid=gid, error=str(e), **queue_filter(request.args)), code=303)
        f = queue_filter(request.args)
        decisions = store.decisions()
        _, nxt = neighbours(order, [x.id for x in res.groups if in_queue(x, decisions.get(x.id), f)], gid)
        nxt = gid if form.get("then") == "stay" or nxt is None else nxt
        resp = make_response(redirect(url_for("group", gid=nxt, **f), code=303))
        remember_reviewer(resp, form.get("reviewer", ""))
        return resp

    def measure_names() -> list[str]:
        from .api import Settings, pipeline_for
        return [m.name for m in pipeline_for(settings or Settings()).aligner.v.measures]

    @app.post("/claim/<cid>/correction")
    def correct(cid):
        """Correct a claim the extractor misread; the groups are aligned again from the corrected claims."""
        run = current()
        extracted = {c.id: c for c in run["extracted"].claims}.get(cid)
        if extracted is None:
            abort(404)
        form = request.form
        back = form.get("group", "")
        try:
            fields = correction_fields(form, extracted, measure_names())
            article = run["extracted"].article(extracted.article)
            store.correct(cid, article.id, article_hash(article.text), fields, claim_fields(extracted),
                          form.get("reviewer", ""), note=form.get("note", ""), group_id=back)
        except (CorrectionError, ReviewError) as e:
            if not back:
                return render_template("review_error.html.j2", title="Not saved", message=str(e)), 400
            return redirect(url_for("group", gid=back, error=str(e), claim=cid, _anchor=f"correct-{cid}",
                                    **queue_filter(request.args)), code=303)
        groups = current()["result"].groups
        if back not in {g.id for g in groups}:  # the group went (its only figure was not a claim)
            back = next((g.id for g in groups if cid in g.claims or cid in g.related), None)
        f = queue_filter(request.args)
        resp = make_response(redirect(url_for("group", gid=back, **f) if back else url_for("index", **f), code=303))
        remember_reviewer(resp, form.get("reviewer", ""))
        return resp

    def remember_reviewer(resp, name: str) -> None:
        resp.set_cookie(REVIEWER_COOKIE, " ".join(name.split())[:200], samesite="Strict", max_age=60 * 60 * 24 * 365)

    @app.get("/report")
    def full_report():
        """The full discrepancy report (articles included), with the decisions shown."""
        html = report_mod.render_html(dc_replace(result(), decisions=store.decisions()), title="crosscheck report")
        resp = make_response(html)
        # the report carries its own CSP (script by hash); keep it, not the app's
        resp.headers["Content-Type"] = "text/html; charset=utf-8"
        return resp

    @app.get("/review.js")
    def script():
        resp = make_response((Path(__file__).parent / "templates" / "review.js").read_text("utf-8"))
        resp.headers["Content-Type"] = "text/javascript; charset=utf-8"
        return resp

    @app.get("/stories")
    def stories():
        res = result()
        by_id = {a.id: a for a in res.articles}
        notes = [{"note": n, "articles": [by_id[i] for i in n.articles if i in by_id]} for n in res.stories]
        return render_template("review_stories.html.j2", title="Stories", notes=notes,
                               can_change=story_store is not None, reviewer=request.cookies.get(REVIEWER_COOKIE, ""))

    @app.post("/stories")
    def change_stories():
        """Merge the stories of the checked articles, or split the checked articles into a story of
        their own; the choice is stored and the corpus is compared again with it."""
        from .story_choices import merge_choice, split_choice
        if story_store is None:
            abort(404)
        action, named = request.form.get("action"), request.form.getlist("article")
        reviewer = (request.form.get("reviewer") or "").strip() or "reviewer"
        articles = result().articles
        try:
            if action == "merge":
                if len({a.story for a in articles if a.id in set(named)}) < 2:
                    raise ValueError("check articles of two or more stories to merge them")
                choice = merge_choice(articles, named, reviewer)
            elif action == "split":
                if not named:
                    raise ValueError("check the articles to take out of their story")
                choice = split_choice(articles, named, reviewer)
            else:
                raise ValueError("choose merge or split")
        except ValueError as e:
            return render_template("review_error.html.j2", title="Not changed", message=str(e)), 400
        story_store.add(choice)
        load()
        resp = redirect(url_for("stories"), code=303)
        remember_reviewer(resp, reviewer)
        return resp

    @app.post("/reload")
    def reload():
        """Re-read the corpus (articles added or changed); decisions stay attached by group id."""
        load()
        return redirect(url_for("index"), code=303)

    @app.after_request
    def keep_report_csp(resp):
        if request.path == "/report":
            # the report page has a <meta> CSP allowing its inline script by hash; the app-wide
            # header would forbid that script, so the report's own policy is sent instead
            resp.headers["Content-Security-Policy"] = report_mod.page_csp()
        return resp

    return app


def review_app(paths, db: Optional[str] = None, settings=None, token: Optional[str] = None,
               secret_key: Optional[str] = None) -> Flask:
    """The review app over ``paths`` with its decisions, corrections and story choices in ``db``
    (default: beside the input): what `crosscheck serve` runs."""
    from .api import Settings, check, split_stories
    from .review import default_db_path
    from .story_choices import StoryChoiceStore
    store = ReviewStore(db or default_db_path(paths))
    story_store = StoryChoiceStore(store.path)
    settings = settings or Settings()

    def load_result():  # the stored story choices as they are now: a merge made here is applied at once
        # claims only: `current` aligns them with the stored corrections (aligning here too was wasted)
        s = dc_replace(settings, story_choices=tuple(story_store.choices()))
        extracted = check(paths, s, align=False)
        return dc_replace(extracted, articles=split_stories(extracted.articles, s.stories, s.story_choices))
    return create_app(load_result, store, token=token, secret_key=secret_key, settings=settings,
                      story_store=story_store)


def serve(paths, db: Optional[str], host: str, port: int, token: Optional[str], settings=None,
          ready: Optional[Callable[[str], None]] = None) -> None:
    """Run the review app until interrupted (werkzeug's threaded server: one reviewer or a few)."""
    from werkzeug.serving import make_server
    if not is_loopback(host) and not token:
        raise ValueError("serving beyond localhost needs --token (every request must then carry it)")
    app = review_app(paths, db, settings, token=token)
    server = make_server(host, port, app, threaded=True)
    url = f"http://{host}:{server.server_port}/" + (f"?token={token}" if token else "")
    if ready:
        ready(url)
    server.serve_forever()
