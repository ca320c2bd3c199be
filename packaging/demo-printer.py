#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# A stand-in network label printer for the demo: listens on 127.0.0.1 (a free port,
# printed on stdout), takes one raw TCP 9100-style job and saves its bytes to FILE.
import socket
import sys

server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(1)
server.settimeout(60)
print(server.getsockname()[1], flush=True)
conn, _ = server.accept()
job = bytearray()
while chunk := conn.recv(65536):
    job += chunk
with open(sys.argv[1], "wb") as out:
    out.write(job)
