#!/bin/bash
# usage: /tmp/gwcpu.sh NAME CLASSPATHFILE  — gateway and service request-thread CPU per proxied GET
NAME=$1; OUT=/tmp/runs/$NAME; mkdir -p $OUT
pkill -f io.firebreak.standalone.Firebreak; sleep 3
CPF=$2 DIR=/tmp/sa /tmp/start.sh "" > $OUT/start.txt || exit 1
source /tmp/sa/data/tokens.env
PID=$(cat /tmp/sa/pid)
java -cp /tmp/loopcls Loop http://localhost:8080/api/v1/root-causes /tmp/sa/data firebreak 8 60 > $OUT/warm.txt
( python3 /tmp/threadcpu.py $PID 30 > $OUT/threads.txt ) &
java -cp /tmp/loopcls Loop http://localhost:8080/api/v1/root-causes /tmp/sa/data firebreak 8 30 > $OUT/loop.txt
wait
pkill -f io.firebreak.standalone.Firebreak
N=$(awk '{print $2}' $OUT/loop.txt)
GW=$(grep "http-nio-8080-e" $OUT/threads.txt | awk '{print $2}')
SV=$(grep "http-nio-127.0." $OUT/threads.txt | awk '{print $2}')
TOT=$(head -1 $OUT/threads.txt | awk '{print $2}')
python3 -c "n=$N/30; print('$NAME', 'req/s %.0f'%n, 'gateway ms/req %.3f'%($GW/n), 'service ms/req %.3f'%($SV/n), 'process ms/req %.3f'%($TOT/n), 'ratio %.2f'%($GW/$SV))"
