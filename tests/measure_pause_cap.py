"""Would a shorter silence cap for whole requests cut callers off mid-sentence (issue 15)? Smart Turn v3
keeps some finished sentences open ("We must find a new home in the stars.", `triage bench`'s second
sentence), and such a turn then ends only after `turn_max_silence_secs` (2 s) of silence. The rule
measured (brain/turn_cap.py): when Smart Turn says "not done" but the words so far are a whole
request (brain/turns.py: no joining word, comma or open number) and the dialogue collects no
detail, the turn ends after a shorter silence.

On the clips of `python -m triage.speech.stt_eval window` (59 German, 5 English, real speech through
the 8 kHz mu-law line, each one caller's single turn, so every pause inside is mid-turn): each pause
Silero VAD reports (pipecat's VAD with the server's settings, stop after 0.2 s), Smart Turn's verdict
on the audio so far, Whisper's words so far, and how long the pause lasted. A pause the cap would cut
is one where Smart Turn says "not done", the words are whole and the caller stays silent longer
than the cap.

    PYTHONPATH=. python tests/measure_pause_cap.py --model /tmp/bench-models/whisper/base

It splits the whole words by whether Whisper closed them as a sentence (turn_cap.py gives those the
ordinary floor as their cap). It also measures the shorter silence a turn needs when Smart Turn is sure
the caller is done (brain/turns.py, SURE_END_PROBABILITY): its probability at each of those pauses and
at the end of each clip, and, as speech the threshold was not chosen on, at the pauses between the
sentences of the MIT licence read aloud in English and German (`multilingual_en_de.mp3`, one reader
going on).

Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from pipecat.audio.vad.vad_analyzer import VADState

from triage.brain.eager import eager_silence
from triage.brain.turn_cap import SENTENCE_SILENCE_SECS, WHOLE_REQUEST_SILENCE_SECS, ends_sentence, whole_request
from triage.brain.turns import (
    END_OF_TURN_MIN_SILENCE_SECS,
    SURE_END_MIN_SILENCE_SECS,
    SURE_END_PROBABILITY,
    turn_hold,
)
from triage.speech.engines import SpeechToText
from triage.speech.listening import Listening
from triage.speech.stt_eval import load_clips, through_phone_line

RATE = 16_000
CAPS = (0.6, 0.8, 1.0, 1.2, 1.5, 2.0)
EAGER_FLOORS = (0.25, 0.3, 0.35)
WORDS_UNKNOWN = "(words not transcribed)"


def pauses(listening: Listening, pcm16: bytes) -> list[tuple[float, float]]:
    """(seconds of audio up to VAD's stop, how long the server hears the caller silent) for each pause inside
    the clip: from the last word to the first window VAD hears as voice again, as calls/turn_stop.py counts
    a silence (SharedSileroVAD.heard_silence)."""
    vad = listening.vad()
    vad.set_sample_rate(RATE)
    step = vad.num_frames_required() * 2
    state, stops, found, voiced, voice_again = VADState.QUIET, [], [], 0, None
    for at in range(0, len(pcm16) - step + 1, step):
        new = vad._run_analyzer(pcm16[at : at + step])
        now = (at + step) / 32_000
        if new == VADState.QUIET and state == VADState.STOPPING:
            stops.append(now)
        if stops and voice_again is None and vad.voiced_windows > voiced:
            voice_again = now
        if new == VADState.SPEAKING and state != VADState.SPEAKING and stops:
            silent_from = stops[-1] - vad.params.stop_secs
            found.append((stops[-1], (voice_again or now) - silent_from))
            stops, voice_again = [], None
        voiced, state = vad.voiced_windows, new
    return found


def end_probability(turn, pcm16: bytes) -> float:
    """Smart Turn's probability that the caller is done, on the audio so far."""
    return turn._predict_endpoint(np.frombuffer(pcm16, np.int16).astype(np.float32) / 32768)["probability"]


def sure_floor(name: str, pauses_heard: list[tuple[float, float]]) -> None:
    """How many of these mid-turn pauses the sure floor would cut, against the floor for the rest."""
    sure = [silent for p, silent in pauses_heard if p >= SURE_END_PROBABILITY]
    print(f"{name}: {len(pauses_heard)} pauses inside, Smart Turn sure (>= {SURE_END_PROBABILITY}) at {len(sure)}"
          f" (silent {', '.join(f'{s:.2f}' for s in sorted(sure))} s); cut after {SURE_END_MIN_SILENCE_SECS} s:"
          f" {sum(s > SURE_END_MIN_SILENCE_SECS for s in sure)}, after {END_OF_TURN_MIN_SILENCE_SECS} s:"
          f" {sum(s > END_OF_TURN_MIN_SILENCE_SECS for s in sure)}")


def eager_report(name: str, heard: list[tuple[float, float, bool, str]], at_ends: list[float]) -> None:
    """An eager end of turn: how many mid-turn pauses Smart Turn is sure of, after whole words, outlast each
    eager floor (each would start a reply that is taken back), against the clip ends it speeds; and, with the
    words, what brain/eager.py's own rule (eager_silence) does at each pause."""
    eager = [(silent, text) for p, silent, whole, text in heard if p >= SURE_END_PROBABILITY and whole]
    print(f"{name}: eager candidates (Smart Turn >= {SURE_END_PROBABILITY}, words whole) at {len(eager)} of"
          f" {len(heard)} pauses inside, silent {', '.join(f'{s:.2f}' for s, _ in sorted(eager))} s;"
          f" {sum(p >= SURE_END_PROBABILITY for p in at_ends)} of {len(at_ends)} clip ends")
    for floor in EAGER_FLOORS:
        cut = [(s, t) for s, t in eager if s > floor]
        print(f"  eager floor {floor:.2f} s: ends {len(cut)} turns inside a pause (taken back):"
              f" {'; '.join(f'{s:.2f} s after {t!r}' for s, t in cut)}")
    ruled = [(eager_silence(t, frozenset(), p, 1), s, t) for p, s, _whole, t in heard if t != WORDS_UNKNOWN]
    if ruled:
        given = [(f, s, t) for f, s, t in ruled if f is not None]
        taken_back = [(f, s, t) for f, s, t in given if s > f]
        print(f"  brain/eager.py's rule: an eager end at {len(given)} of {len(ruled)} pauses, taken back at"
              f" {len(taken_back)}: {'; '.join(f'{s:.2f} s > {f} s after {t!r}' for f, s, t in taken_back)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, required=True, help="a CTranslate2 Whisper folder")
    args = parser.parse_args()
    engine = SpeechToText(args.model, workers=1)
    listening = Listening()
    turn = listening.turn()
    turn.set_sample_rate(RATE)
    clips = load_clips()
    rows, probabilities, at_ends = [], [], []
    eager_rows: list[tuple[float, float, bool, str]] = []
    for clip in clips:
        for upto, silent in pauses(listening, clip.pcm16):
            head = clip.pcm16[: int(upto * RATE) * 2]
            probabilities.append((end_probability(turn, head), silent))
            done = probabilities[-1][0] > 0.5
            text = engine.transcribe_sync(head + bytes(RATE), clip.language).text
            rows.append((clip.name, silent, done, whole_request(text, frozenset()), text))
            eager_rows.append((probabilities[-1][0], silent, turn_hold(text).reason == "a whole turn", text))
        at_ends.append(end_probability(turn, clip.pcm16))
    print(f"{len(clips)} clips (one caller's turn each), {len(rows)} pauses inside them")
    for name, silent, done, whole, text in rows:
        print(f"  {name}: pause {silent:.2f} s, Smart Turn {'done' if done else 'not done'},"
              f" words {'whole' if whole else 'not whole'}: {text!r}")
    open_whole = [silent for _, silent, done, whole, _ in rows if not done and whole]
    print(f"Smart Turn ends the turn at {sum(done for _, _, done, _, _ in rows)} of these pauses (cut today);"
          f" keeps {sum(not done for _, _, done, _, _ in rows)} open, {len(open_whole)} of them with whole words")
    for cap in CAPS:
        print(f"  cap {cap:.1f} s: would end the turn at {sum(s > cap for s in open_whole)} more of them")
    closed = [silent for _, silent, done, whole, text in rows if not done and whole and ends_sentence(text)]
    print(f"  of those, {len(closed)} after a sentence Whisper closed (. ! ?), silent"
          f" {', '.join(f'{s:.2f}' for s in sorted(closed))} s: the cap of {SENTENCE_SILENCE_SECS} s for them cuts"
          f" {sum(s > SENTENCE_SILENCE_SECS for s in closed)}; {WHOLE_REQUEST_SILENCE_SECS} s for the rest cuts"
          f" {sum(s > WHOLE_REQUEST_SILENCE_SECS for s in open_whole if s not in closed)}")
    print(f"Smart Turn sure (>= {SURE_END_PROBABILITY}) at the end of {sum(p >= SURE_END_PROBABILITY for p in at_ends)}"
          f" of {len(at_ends)} clips")
    sure_floor("the one-turn clips", probabilities)
    eager_report("the one-turn clips", eager_rows, at_ends)
    from faster_whisper import decode_audio

    from tests.conftest import shared_audio

    reading = through_phone_line(decode_audio(str(shared_audio("multilingual_en_de.mp3")), sampling_rate=RATE), RATE)
    heard = [(end_probability(turn, reading[: int(upto * RATE) * 2]), silent)
             for upto, silent in pauses(listening, reading)]
    sure_floor("multilingual_en_de.mp3 (not chosen on)", heard)
    reading_rows = [(p, silent, True, WORDS_UNKNOWN) for p, silent in heard]
    eager_report("multilingual_en_de.mp3 (not chosen on; words taken as whole)", reading_rows, [])
    kept_open = sorted(silent for p, silent in heard if p <= 0.5)
    print(f"  there Smart Turn kept {len(kept_open)} pauses open, silent {', '.join(f'{s:.2f}' for s in kept_open)} s:"
          f" a cap of {SENTENCE_SILENCE_SECS} s cuts {sum(s > SENTENCE_SILENCE_SECS for s in kept_open)},"
          " whatever the words")


if __name__ == "__main__":
    main()
