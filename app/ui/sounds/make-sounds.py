#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
"""Writes the three answer tones of Etabli.Ui's FeedbackSound (app/ui/feedbacksound.h):
48 kHz mono 16-bit PCM sine beeps with 8 ms fades (no click). The table must match
FeedbackSound::spec(); tests/app/tst_feedbacksound.cpp measures the files.
Run: python3 app/ui/sounds/make-sounds.py   (from the repository root)"""
import math, os, struct, wave

RATE = 48000
FADE = int(0.008 * RATE)
# name: (frequency Hz, beeps, beep ms, gap ms)
TONES = {
    "pass": (1046.5, 1, 180, 0),   # high, one short beep: "good"
    "warn": (659.3, 2, 120, 80),   # middle, two beeps: "look"
    "fail": (220.0, 1, 400, 0),    # low, longer: "no"
}

def beep(hz, ms):
    n = int(RATE * ms / 1000)
    out = []
    for i in range(n):
        env = min(1.0, i / FADE, (n - 1 - i) / FADE)
        out.append(int(0.6 * 32767 * env * math.sin(2 * math.pi * hz * i / RATE)))
    return out

here = os.path.dirname(os.path.abspath(__file__))
for name, (hz, beeps, ms, gap) in TONES.items():
    samples = []
    for b in range(beeps):
        if b:
            samples += [0] * int(RATE * gap / 1000)
        samples += beep(hz, ms)
    with wave.open(os.path.join(here, name + ".wav"), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(struct.pack("<%dh" % len(samples), *samples))
