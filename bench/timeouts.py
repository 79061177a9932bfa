#!/usr/bin/env python3
"""Slow and silent clients against a running Ardoise server; prints figures, never fails.

  python3 bench/timeouts.py --port 9000 [--sockets 200] [--wait 60] [--redis-pid PID]

1. half-sent requests (headers never finished), half-sent bodies (a POST announcing more bytes
   than it sends) and silent sockets (connect, send nothing): how long each stays open (p50, p90,
   max) and how many are still open after --wait seconds;
2. with --idle N: N idle sockets opened at once (beyond the connection cap), then /health/live
   and a pad page are timed on new connections, and the sockets the server closed are counted
   (with --server-pid, its open file descriptors too);
3. with --redis-pid: the Redis process is paused (SIGSTOP), then an export, a history read and a
   read-only link lookup are timed; Redis is resumed (SIGCONT) whatever happens.
"""
import argparse
import os
import select
import signal
import socket
import time
import urllib.error
import urllib.request


def open_sockets(port, count, payload):
    out = []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        if payload:
            s.sendall(payload)
        s.setblocking(False)
        out.append(s)
    return out


def lifetimes(groups, wait):
    """Seconds until the server closed each socket (None: still open after wait)."""
    start = time.monotonic()
    open_ = {s: name for name, socks in groups.items() for s in socks}
    closed = {name: [] for name in groups}
    while open_ and time.monotonic() - start < wait:
        readable, _, _ = select.select(list(open_), [], [], 0.2)
        for s in readable:
            try:
                data = s.recv(65536)
            except ConnectionResetError:
                data = b""
            except BlockingIOError:
                continue
            if data == b"":  # closed by the server (an answer such as a 408 may come first)
                closed[open_.pop(s)].append(time.monotonic() - start)
                s.close()
    for s, name in open_.items():
        s.close()
    return {name: (sorted(times), len(groups[name]) - len(times)) for name, times in closed.items()}


def pct(values, p):
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


def slow_clients(port, count, wait):
    groups = {
        "silent sockets": open_sockets(port, count, b""),
        "half-sent headers": open_sockets(port, count, b"GET /health/live HTTP/1.1\r\nHost: x\r\nX-Slow: "),
        "half-sent bodies": open_sockets(port, count, b"POST /api/pads/bench/import HTTP/1.1\r\nHost: x\r\n"
                                         b"Content-Type: text/plain\r\nContent-Length: 100000\r\n\r\nab"),
    }
    for name, (times, still) in lifetimes(groups, wait).items():
        print(f"{name:18} n={count}: closed p50={pct(times, 50):.1f}s p90={pct(times, 90):.1f}s "
              f"max={(times[-1] if times else float('nan')):.1f}s, still open after {wait}s: {still}")


def timed_get(port, path, limit):
    start = time.monotonic()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=limit) as r:
            status = r.status
    except urllib.error.HTTPError as e:
        status = e.code
    except Exception as e:  # timeout
        status = type(e).__name__
    return status, time.monotonic() - start


def closed_count(socks):
    n = 0
    for s in socks:
        try:
            if s.recv(65536) == b"":
                n += 1
        except BlockingIOError:
            pass
        except ConnectionResetError:
            n += 1
    return n


def idle_flood(port, count, server_pid):
    socks = []
    for _ in range(count):
        try:
            socks.append(open_sockets(port, 1, b"")[0])
        except OSError as e:
            print(f"idle flood: connect failed after {len(socks)} sockets: {e}")
            break
    time.sleep(1)
    if server_pid:
        print(f"idle flood: server holds {len(os.listdir(f'/proc/{server_pid}/fd'))} file descriptors")
    for path in ["/health/live", "/p/bench-idle"]:
        status, seconds = timed_get(port, path, 30)
        print(f"idle flood of {len(socks)}: GET {path} -> {status} after {seconds * 1000:.0f} ms")
    print(f"idle flood: {closed_count(socks)} of {len(socks)} idle sockets closed by the server after 1 s")
    for s in socks:
        s.close()


def redis_pause(port, pid, limit):
    os.kill(pid, signal.SIGSTOP)
    try:
        for path in ["/p/bench-pause/export/md", "/api/pads/bench-pause/history", "/r/unknownreadonlyid"]:
            status, seconds = timed_get(port, path, limit)
            print(f"redis paused: GET {path} -> {status} after {seconds:.1f}s")
    finally:
        os.kill(pid, signal.SIGCONT)


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--port", type=int, required=True)
    a.add_argument("--sockets", type=int, default=200)
    a.add_argument("--wait", type=float, default=60)
    a.add_argument("--redis-pid", type=int)
    a.add_argument("--idle", type=int, default=0)
    a.add_argument("--server-pid", type=int)
    args = a.parse_args()
    if args.idle:
        idle_flood(args.port, args.idle, args.server_pid)
    slow_clients(args.port, args.sockets, args.wait)
    if args.redis_pid:
        redis_pause(args.port, args.redis_pid, args.wait)


if __name__ == "__main__":
    main()
