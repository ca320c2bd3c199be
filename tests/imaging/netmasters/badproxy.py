#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
"""A TLS proxy between benches and etabli-server that damages answers on purpose.

usage: badproxy.py MODE LISTEN_ADDR LISTEN_PORT UPSTREAM_ADDR UPSTREAM_PORT CERT KEY CA
MODE flip:     one byte flipped in the middle of the 4th large (>= 64 KiB) 206 body
MODE truncate: every large 206 body cut in half, then the connection closed
Prints "proxy ready" once listening; "flipped" when it flipped a byte.
"""
import socket
import ssl
import sys
import threading

mode, laddr, lport, uaddr, uport, cert, key, ca = sys.argv[1:9]
lock = threading.Lock()
large = 0


def read_head(f):
    head = b""
    while not head.endswith(b"\r\n\r\n"):
        c = f.read(1)
        if not c:
            return None
        head += c
    return head


def serve(client):
    global large
    up = None
    try:
        ctx = ssl.create_default_context(cafile=ca)
        up = ctx.wrap_socket(socket.create_connection((uaddr, int(uport))), server_hostname=uaddr)
        cf, uf = client.makefile("rb"), up.makefile("rb")
        while True:
            req = read_head(cf)
            if req is None:
                return
            up.sendall(req)
            head = read_head(uf)
            if head is None:
                return
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            body = uf.read(length) if length and b"HEAD " not in req[:5] else b""
            status = head.split(b" ", 2)[1]
            if status == b"206" and length >= 65536:
                with lock:
                    large += 1
                    n = large
                if mode == "flip" and n == 4:
                    b = bytearray(body)
                    b[len(b) // 2] ^= 0x01
                    body = bytes(b)
                    print("flipped", flush=True)
                elif mode == "truncate":
                    client.sendall(head + body[: len(body) // 2])
                    return
            client.sendall(head + body)
    except (OSError, ssl.SSLError):
        return
    finally:
        try:
            client.close()
        finally:
            if up:
                up.close()


def main():
    sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    sctx.load_cert_chain(cert, key)
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((laddr, int(lport)))
    s.listen(64)
    print("proxy ready", flush=True)
    while True:
        c, _ = s.accept()
        try:
            tc = sctx.wrap_socket(c, server_side=True)
        except (OSError, ssl.SSLError):
            c.close()
            continue
        threading.Thread(target=serve, args=(tc,), daemon=True).start()


main()
