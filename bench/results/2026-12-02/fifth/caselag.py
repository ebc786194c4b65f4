#!/usr/bin/env python3
"""caselag.py N : the lag from a case change (its 200 through the gateway) to the case file showing it (read at intake)."""
import json, os, sys, time, urllib.request, statistics
DATA = os.environ["DATA"]
tokens = dict(l.strip().split("=", 1) for l in open(DATA + "/tokens.env") if "=" in l and not l.startswith("#"))
def tok(k): return tokens[k].strip().strip('"').replace("export ", "")
AGENT = [v for k, v in tokens.items() if k.endswith("AGENT_TOKEN")][0].strip().strip('"')
API = "http://localhost:8080/api/v1"
INTAKE = "http://localhost:8081/api/v1"
RESOLUTION = "http://localhost:8083/api/v1"
def call(method, path, body=None, base=None):
    req = urllib.request.Request((base or API) + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + AGENT, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.load(r)
n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
ids = []
for i in range(n):
    c = call("POST", "/complaints", {"channel": "PHONE", "customer": {"phone": "139%08d" % (int(time.time() * 1000) % 10**8 + i)},
                                     "description": "The parcel is late, order %d" % i, "orderRef": "ORD-LAG-%d-%d" % (os.getpid(), i)})
    ids.append(c["id"])
def wait(pred, limit=30):
    end = time.time() + limit
    while time.time() < end:
        if pred(): return True
        time.sleep(0.005)
    return False
for cid in ids:
    wait(lambda: call("GET", "/cases/" + cid, base=RESOLUTION).get("state") == "ASSIGNED")
lags = {"note": [], "investigate": []}
for cid in ids:
    call("POST", "/cases/%s/acknowledge" % cid, {})
    wait(lambda: call("GET", "/complaints/" + cid, base=INTAKE).get("caseState") == "ACKNOWLEDGED")
    t0 = time.time(); call("POST", "/cases/%s/investigate" % cid)
    wait(lambda: call("GET", "/complaints/" + cid, base=INTAKE).get("caseState") == "INVESTIGATING")
    lags["investigate"].append((time.time() - t0) * 1000)
    t0 = time.time(); call("POST", "/cases/%s/notes" % cid, {"text": "lag probe", "internal": True})
    wait(lambda: any("lag probe" in (e.get("summary") or "") for e in call("GET", "/complaints/" + cid, base=INTAKE)["timeline"]))
    lags["note"].append((time.time() - t0) * 1000)
for k, v in lags.items():
    v.sort()
    print("%s: n=%d p50=%.0f ms p90=%.0f ms max=%.0f ms (from the action's 200 on; intake read every 5 ms)"
          % (k, len(v), statistics.median(v), v[int(len(v) * 0.9) - 1], v[-1]))
