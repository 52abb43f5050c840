#!/usr/bin/env python3
"""RSS soak of a fuzz-proto v1 target: one long session of N requests, the target's resident memory sampled.

    bench/fuzz-rss-soak.py [--requests 100000] [--every 1000] [--limit-mib 512]
        [--target 'distribution/target/jamboree/bin/jam fuzz-target --socket SOCK'] [--tools ../shared/tools]
        TRACE_DIR...

Starts the target (SOCK in the command is replaced by a temporary socket path), makes the PeerInfo handshake, then
plays the given public traces over and over on that one connection (an Initialize with each trace's genesis, then
one ImportBlock per step) until N requests were answered; every reply is checked against the trace's state root
(a rejected block must leave the state unchanged). Every --every requests it prints the target's VmRSS and VmHWM
(the largest JVM process of the target's process group, from /proc). Exit code 0 if every root matched and the
peak RSS (VmHWM) stayed under --limit-mib; 1 otherwise.

The trace reading and the wire format come from ../shared/tools/trace-bench.py (loaded from --tools, not copied).
The target runs with its default heap (bin/jam's fuzz-target defaults); pass JAM_JAVA_OPTS to try others.
"""
import argparse, importlib.util, os, signal, subprocess, sys, tempfile, time


def load_tools(folder):
    path = os.path.join(folder, "trace-bench.py")
    if not os.path.isfile(path):
        sys.exit(f"fuzz-rss-soak: {path} not found (pass --tools DIR, the shared tools folder)")
    spec = importlib.util.spec_from_file_location("trace_bench", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def memory_kib(pgid):
    """(VmRSS, VmHWM) in KiB of the process in group pgid with the largest RSS."""
    best = (0, 0)
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            if os.getpgid(int(pid)) != pgid:
                continue
            fields = {}
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    k, _, v = line.partition(":")
                    if k in ("VmRSS", "VmHWM"):
                        fields[k] = int(v.split()[0])
            cur = (fields.get("VmRSS", 0), fields.get("VmHWM", 0))
            if cur[0] > best[0]:
                best = cur
        except (OSError, ValueError):
            continue
    return best


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=100_000)
    ap.add_argument("--every", type=int, default=1000)
    ap.add_argument("--limit-mib", type=float, default=512)
    ap.add_argument("--target", default=os.path.join(root, "distribution/target/jamboree/bin/jam") + " fuzz-target --socket SOCK")
    ap.add_argument("--tools", default=os.path.join(root, "..", "shared", "tools"))
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--log", help="target output file (default /dev/null)")
    ap.add_argument("traces", nargs="+")
    a = ap.parse_args()
    tb = load_tools(a.tools)
    traces = [(os.path.basename(os.path.normpath(d)), tb.load_trace(d)) for d in a.traces]

    sock_path = os.path.join(tempfile.mkdtemp(prefix="rss-soak-"), "target.sock")
    logf = open(a.log, "ab") if a.log else subprocess.DEVNULL
    proc = subprocess.Popen(["sh", "-c", a.target.replace("SOCK", sock_path)], stdout=logf, stderr=subprocess.STDOUT,
                            start_new_session=True)
    done, bad, peak, t_start = 0, 0, 0, time.time()
    try:
        sock = tb.wait_socket(sock_path, proc, 120)
        sock.settimeout(a.timeout)
        tb.request(sock, tb.peer_info_msg("rss-soak"))
        done = 1
        print(f"{'requests':>9} {'seconds':>8} {'rss_mib':>8} {'hwm_mib':>8} mismatches", flush=True)
        while done < a.requests:
            for tname, (init, groot, steps) in traces:
                msgs = [(init, None, groot)] + [(m, pre, post) for _, m, pre, post in steps]
                for msg, pre, want in msgs:
                    if done >= a.requests:
                        break
                    r = tb.request(sock, msg)
                    done += 1
                    if r[:1] == bytes([tb.STATE_ROOT]):
                        ok = r[1:33] == want
                    else:
                        ok = r[:1] == bytes([tb.ERROR]) and pre is not None and pre == want
                    if not ok:
                        bad += 1
                        print(f"# mismatch at request {done} ({tname})", flush=True)
                    if done % a.every == 0:
                        rss, hwm = memory_kib(proc.pid)
                        peak = max(peak, hwm)
                        print(f"{done:9d} {time.time() - t_start:8.0f} {rss / 1024:8.1f} {hwm / 1024:8.1f} {bad}",
                              flush=True)
        rss, hwm = memory_kib(proc.pid)
        peak = max(peak, hwm)
        sock.close()
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(10)
        except Exception:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except Exception:
                pass
    verdict = "PASS" if bad == 0 and peak < a.limit_mib * 1024 else "FAIL"
    print(f"# {verdict}: {done} requests in {time.time() - t_start:.0f} s, {bad} mismatches, "
          f"final RSS {rss / 1024:.1f} MiB, peak RSS (VmHWM) {peak / 1024:.1f} MiB, limit {a.limit_mib} MiB", flush=True)
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
