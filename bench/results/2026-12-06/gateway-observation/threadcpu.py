import os, sys, time, re, collections
pid = sys.argv[1]; secs = float(sys.argv[2])
def snap():
    d = {}
    for t in os.listdir(f'/proc/{pid}/task'):
        try:
            name = open(f'/proc/{pid}/task/{t}/comm').read().strip()
            st = open(f'/proc/{pid}/task/{t}/stat').read()
            f = st[st.rfind(')')+2:].split()
            d[t] = (name, int(f[11]) + int(f[12]))
        except Exception: pass
    return d
a = snap(); time.sleep(secs); b = snap()
agg = collections.Counter()
tot = 0
for t, (name, v) in b.items():
    dv = v - a.get(t, (name, 0))[1]
    key = re.sub(r'[0-9]+$', '', name)
    agg[key] += dv; tot += dv
hz = os.sysconf('SC_CLK_TCK')
print(f"total {tot/hz/secs*1000:.1f} ms CPU per s")
for k, v in agg.most_common(25):
    if v: print(f"  {k:20s} {v/hz/secs*1000:7.1f} ms/s")
