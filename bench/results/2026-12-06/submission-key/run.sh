#!/bin/bash
# usage: /tmp/run2.sh NAME STEPS SECS [BENCHJAR]  — fresh standalone, unprofiled
NAME=$1; STEPS=$2; SECS=$3; BJ=${4:-/tmp/bench.jar}
OUT=/tmp/runs/$NAME; mkdir -p $OUT
pkill -f io.firebreak.standalone.Firebreak; sleep 3
CPF=${CPF:-/tmp/sa-classpath.txt} DIR=/tmp/sa /tmp/start.sh "-Xlog:gc:file=$OUT/gc.log" > $OUT/start.txt || exit 1
echo "load $(cat /proc/loadavg)" >> $OUT/start.txt
java -XX:+UseParallelGC -Xmx512m -jar $BJ --data /tmp/sa/data --steps $STEPS --step-seconds $SECS --warmup-seconds 60 --no-baselines --out $OUT > $OUT/bench.out 2>&1
pkill -f io.firebreak.standalone.Firebreak
grep -E "Cost per complaint at|Sustained|kept up with" $OUT/report.md | head -3
