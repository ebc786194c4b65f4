#!/bin/bash
# usage: export.sh commit set[,set...]   (several sets written one after the other are read at the commit of the last)
c=$1; set=$2
wt=/tmp/wt-$c
cd /work/main && git worktree add -f $wt $c -q 2>/dev/null
cd $wt
f=standalone/src/test/java/io/firebreak/standalone/TriageAccuracyTest.java
SETNAME=$set python3 - "$f" <<'PY'
import sys
p=sys.argv[1]; s=open(p).read()
anchor='ComplaintClass actual = assessment.result().complaintClass();'
ins=anchor+'''
            { var rulesOnly = TriageDecisions.assess(SETTINGS, SemanticReader.NONE, item.text(), null, Channel.WEB_FORM, earlier, reading.stage()).result();
              System.out.println("EXPORT\\t" + item.set() + "\\t" + item.line() + "\\t" + item.expected() + "\\t" + rulesOnly.complaintClass() + "\\t" + rulesOnly.foundNothing() + "\\t" + rulesOnly.discounted().stream().anyMatch(d -> d.complaintClass() == ComplaintClass.MAJOR) + "\\t" + item.earlierComplaints()); }'''
assert anchor in s
s=s.replace(anchor,ins,1)
if 'import io.firebreak.triage.classification.SemanticReader;' not in s:
    s=s.replace('import io.firebreak.triage.classification.Classifier;','import io.firebreak.triage.classification.Classifier;\nimport io.firebreak.triage.classification.SemanticReader;')
import os
sts=os.environ["SETNAME"].split(",")
for st in sts:
  if 'Arguments.of("'+st+'"' not in s:
    a='Arguments.of("labelled-complaints.tsv"'
    s=s.replace(a,'Arguments.of("'+st+'", 0.0, 99, 1.0),\n                '+a,1)
open(p,'w').write(s)
PY
./mvnw -B -o test -pl standalone -am -Dtest=TriageAccuracyTest -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true -Djacoco.skip=true > /tmp/exp/export-$c.log 2>&1
for one in ${set//,/ }; do
grep -h "^EXPORT" standalone/target/surefire-reports/*TriageAccuracyTest-output.txt | grep -P "\t$one\t" | sort -u > /tmp/exp/rules-$one
echo "$c $one $(wc -l < /tmp/exp/rules-$one)"
done
cp standalone/target/surefire-reports/*TriageAccuracyTest-output.txt /tmp/exp/accuracy-$c.txt
cd /work/main && git worktree remove --force $wt
