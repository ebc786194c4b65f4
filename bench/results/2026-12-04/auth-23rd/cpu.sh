#!/bin/bash
# usage: cpu.sh PID URL TOKEN THREADS SECS -> prints requests and CPU ms per request of PID
P=$1; T0=$(awk '{print $14+$15}' /proc/$P/stat)
OUT=$(java -cp /tmp/hit Hit "$2" "$3" $4 $5)
T1=$(awk '{print $14+$15}' /proc/$P/stat)
N=$(echo "$OUT" | awk '{print $1}')
echo "$OUT; standalone CPU $(( (T1-T0)*10 )) ms, $(echo "scale=3; ($T1-$T0)*10/$N" | bc) ms/request"
