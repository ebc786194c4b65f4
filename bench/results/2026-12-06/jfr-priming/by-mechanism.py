# CPU samples of a JFR recording by mechanism: python3 by-mechanism.py <(jfr print --stack-depth 300 --events jdk.ExecutionSample profile.jfr)
# Each sample is counted for the first frame, from the innermost outward, that belongs to a library or a part of Firebreak.
import re,collections,sys
txt=open(sys.argv[1]).read().split('jdk.ExecutionSample {')
cats=[('store engine (mongo-java-server, H2, our store)',r'^(de\.bwaldvogel|org\.h2|io\.firebreak\.standalone\.store)'),
('netty (store wire)',r'^io\.netty'),
('MongoDB driver and BSON (client side)',r'^(com\.mongodb|org\.bson)'),
('records to and from BSON (platform/mongo)',r'^io\.firebreak\.platform\.mongo'),
('JSON (Jackson)',r'^(tools\.jackson|com\.fasterxml)'),
('observation, tracing, metrics',r'^(io\.micrometer|io\.opentelemetry|io\.prometheus)'),
('Spring Security, JWT',r'^(org\.springframework\.security|com\.nimbusds)'),
('Kafka broker',r'^(kafka\.|org\.apache\.kafka\.(server|storage|raft|controller|metadata|image|coordinator|common\.record))'),
('Kafka clients',r'^org\.apache\.kafka'),
('Spring Kafka',r'^org\.springframework\.kafka'),
('HTTP client (gateway)',r'^org\.apache\.hc'),
('Tomcat',r'^org\.apache\.(coyote|tomcat|catalina)'),
('logging',r'^(ch\.qos\.logback|org\.slf4j)'),
('validation',r'^org\.hibernate\.validator'),
('resilience4j',r'^io\.github\.resilience4j'),
('text reading (platform/text)',r'^io\.firebreak\.platform\.text'),
('embeddings (DJL, ONNX)',r'^(ai\.djl|ai\.onnxruntime|dev\.langchain4j)'),
('Firebreak, other',r'^io\.firebreak'),
('Spring, other',r'^org\.springframework'),
('other libraries',r'^(?!java\.|javax\.|jdk\.|sun\.|com\.sun\.)'),
]
cnt=collections.Counter(); tot=0
for ev in txt[1:]:
    frames=re.findall(r'^\s{4}(\S+)\(',ev,re.M)
    if not frames: continue
    tot+=1
    name='JDK only'
    for f in frames:
        hit=None
        for c,p in cats:
            if re.search(p,f): hit=c; break
        if hit: name=hit; break
    cnt[name]+=1
print('samples',tot)
for k,v in cnt.most_common(): print('| %s | %.1f%% |'%(k,100*v/tot))
