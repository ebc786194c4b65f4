#!/bin/bash
# usage: rounds.sh PID LABEL -> warm-up then 3 rounds direct/gateway
P=$1; source /work/main/data/tokens.env
for w in 1 2; do /tmp/hit/cpu.sh $P http://localhost:8083/api/v1/root-causes mint:400 8 15 >/dev/null; /tmp/hit/cpu.sh $P http://localhost:8080/api/v1/root-causes mint:400 8 15 > /dev/null; done
for r in 1 2 3; do
  echo "$2 direct:  $(/tmp/hit/cpu.sh $P http://localhost:8083/api/v1/root-causes mint:400 8 15)"
  echo "$2 gateway: $(/tmp/hit/cpu.sh $P http://localhost:8080/api/v1/root-causes mint:400 8 15)"
done
