#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
"""Checks an Établi erasure certificate without Établi: what a donor's IT can run.

usage: verify_certificate.py CERTIFICATE.json [WORKSHOP.pub]
The signature covers the canonical JSON of the document without "signature": sorted keys,
no spaces, UTF-8 (json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)).
With the workshop's public key (base64 file), the station key's endorsement is checked too.
Needs python3-cryptography. Exit 0 valid (and endorsed when a key is given), 1 otherwise.
"""
import base64
import json
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def canonical(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def check(obj, key_b64):
    body = dict(obj)
    signature = base64.b64decode(body.pop("signature"))
    Ed25519PublicKey.from_public_bytes(base64.b64decode(key_b64)).verify(signature, canonical(body))


def main():
    doc = json.load(open(sys.argv[1], encoding="utf-8"))
    try:
        check(doc, doc["station_key"])
    except (InvalidSignature, KeyError, ValueError) as e:
        print("INVALID: the signature does not match the content", e)
        return 1
    print("signature valid, certificate", doc.get("id"))
    if len(sys.argv) > 2:
        workshop = open(sys.argv[2]).read().strip()
        e = doc.get("endorsement")
        try:
            if not e or e["workshop_key"] != workshop or e["station_key"] != doc["station_key"]:
                raise ValueError("not endorsed by this workshop key")
            check(e, workshop)
        except (InvalidSignature, KeyError, ValueError) as err:
            print("NOT ENDORSED:", err)
            return 1
        print("endorsed by the workshop key")
    return 0


if __name__ == "__main__":
    sys.exit(main())
