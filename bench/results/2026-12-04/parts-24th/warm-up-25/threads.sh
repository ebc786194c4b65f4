#!/bin/bash
# usage: threads.sh PID SECS OUT -> per-thread-name CPU cores over SECS
P=$1; S=$2
snap(){ for t in /proc/$P/task/*; do echo "$(basename $t) $(cat $t/comm 2>/dev/null | tr ' ' '_' | sed 's/-[0-9]*$//;s/#[0-9]*$//;s/[0-9]*$//') $(awk '{print $14+$15}' $t/stat 2>/dev/null)"; done; }
snap > /tmp/ts1; sleep $S; snap > /tmp/ts2
join <(sort /tmp/ts1) <(sort /tmp/ts2) | awk -v s=$S '{d=$5-$3; n[$2]+=d; tot+=d} END {for (k in n) if (n[k]>0) printf "%.4f %s\n", n[k]/s/100, k; printf "%.4f TOTAL\n", tot/s/100}' | sort -rn > $3
