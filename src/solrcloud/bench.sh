#!/usr/bin/env bash
# SolrCloud against embedded on this machine: the overhead of the hop, and per-shard figures for capacity planning.
#   bash src/solrcloud/bench.sh [TRANSCRIPTS]     (default 5000 transcripts, about 145,000 utterances)
# Generates a corpus with the product's `generate`, ingests it with the product's `index` into the embedded index
# and, through `index --solr`, into a local SolrCloud of 2 nodes (local.sh) as a 1-shard and a 2 x 1 collection;
# runs src/bench's query mix against each at 1 and 4 clients; reads every core's documents and bytes. Writes the
# "SolrCloud" section of src/bench/RESULTS.md (and the raw figures in $BENCH_WORK/results.json, metrics.env).
# Every system runs alone, one after another; every process started here is stopped on exit.
# Environment: BENCH_ROUNDS (default 3), BENCH_WORK (default /tmp/transcript-search-solrcloud-bench), BENCH_HEAP (default -Xmx2g for the
# product's JVMs), SOLRCLOUD_JAVA_OPTS (the cluster's JVM, default -Xmx2g: both nodes share it).
set -euo pipefail
transcripts="${1:-5000}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${BENCH_WORK:-/tmp/transcript-search-solrcloud-bench}"
heap="${BENCH_HEAP:--Xmx2g}"
export SOLRCLOUD_JAVA_OPTS="${SOLRCLOUD_JAVA_OPTS:--Xmx2g}"
export SOLRCLOUD_DIR="$work/cluster"
port=17272
rounds="${BENCH_ROUNDS:-3}"
# Per round and system: 170 requests from 1 client, 340 from 4 (5 and 10 passes over the 34-query mix).
load=(-Dbench.warm=170 -Dbench.requests1=170 -Dbench.requests8=340 -Dbench.maxSeconds=60)

jdk=""; best=0
for c in ${JAVA_HOME:-} /usr/lib/jvm/*; do
  [ -x "$c/bin/java" ] && [ -f "$c/release" ] || continue
  m="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$c/release")"
  if [ -n "$m" ] && [ "$m" -ge 21 ] && [ "$m" -gt "$best" ]; then jdk="$c"; best="$m"; fi
done
[ -n "$jdk" ] || { echo "needs a JDK 21 or newer under /usr/lib/jvm or JAVA_HOME" >&2; exit 2; }
java="$jdk/bin/java"
cli=("$root/transcript-search")
export JAVA_HOME="$jdk" TRANSCRIPT_SEARCH_JAVA_OPTS="$heap"

serve_pid=""
cleanup() {
  [ -n "$serve_pid" ] && kill -TERM "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null
  bash "$here/local.sh" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT INT TERM
log() { printf '[solrcloud-bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now_ms() { date +%s%3N; }
env="$work/metrics.env"
record() { echo "$1=$2" >>"$env"; }
timed_ingest() { # timed_ingest NAME COMMAND...: runs the ingest, records NAME_ingest_seconds and the load around it
  record "$1_load_before" "$(cut -d' ' -f1 /proc/loadavg)"
  local t0 t1; t0="$(now_ms)"
  "${@:2}" >"$work/$1-ingest.log" 2>&1 || { cat "$work/$1-ingest.log" >&2; exit 1; }
  t1="$(now_ms)"
  record "$1_ingest_seconds" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1000 }')"
  record "$1_load_after" "$(cut -d' ' -f1 /proc/loadavg)"
  tail -n 2 "$work/$1-ingest.log" >&2
}

# --- build: the product jar, the harness (src/bench's sources and CloudBench, compiled against the product jar) ---
jar="$root/target/transcript-search.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]; then
  log "building the product jar"
  (cd "$root" && mvn -q -B -ntp -DskipTests package)
fi
rm -rf "$work/harness" "$work/embedded-index" "$work/results.json" "$env" "$work"/answers-*
mkdir -p "$work/harness"
"$jdk/bin/javac" -nowarn -d "$work/harness" -cp "$jar" $(find "$root/src/bench/lucene/src" "$here/bench" -name '*.java')
bench=("$java" "$heap" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector "${load[@]}" -cp "$work/harness:$jar")
{
  echo "command=bash src/solrcloud/bench.sh $transcripts"
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "nproc=$(nproc)"
  echo "mem_total_gb=$(free -g | awk '/^Mem:/ { print $2 }')"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
  echo "jdk=$("$java" -version 2>&1 | head -n 1)"
  echo "heap=$heap"
  echo "cluster_heap=$SOLRCLOUD_JAVA_OPTS"
  echo "uptime_start=$(uptime | sed 's/.*load average/load average/')"
  echo "transcripts=$transcripts"
} >"$env"

# --- corpus (not timed), generated once per size with a fixed seed ---
corpus="$work/corpus-$transcripts"
if [ ! -f "$corpus/transcripts.jsonl" ]; then
  log "generating $transcripts transcripts"
  "${cli[@]}" generate --transcripts "$transcripts" --out "$corpus" --format jsonl --seed 42 >&2
fi

# --- embedded: ingest, size, the query mix (filter values from this index) ---
log "ingest: embedded"
timed_ingest embedded "${cli[@]}" index --index "$work/embedded-index" --format jsonl "$corpus"
record utterances "$(sed -n 's/^Indexed [0-9,]* transcripts (\([0-9,]*\) utterances).*/\1/p' "$work/embedded-ingest.log" | tr -d ,)"
record embedded_index_bytes "$(du -sb "$work/embedded-index" | cut -f1)"
"${bench[@]}" org.transcriptsearch.bench.Bench mix "$work/embedded-index" "$work/mix.tsv" >&2

# --- SolrCloud: 2 nodes (each in its own JVM, as local.sh runs them); a 1-shard and a 2 x 1 collection, ingested in turn ---
log "starting a local SolrCloud of 2 nodes"
url="$(bash "$here/local.sh" start --nodes 2 | sed -n 's/^SOLR_URL=//p')"
mapfile -t nodes < <(bash "$here/local.sh" nodes | awk '{ print $2 }')
for layout in "solr1:1" "solr2:2"; do
  name="${layout%%:*}"; shards="${layout#*:}"
  log "ingest: SolrCloud, $shards shard(s) x 1 replica"
  "${cli[@]}" solr setup --solr "$url" --collection "$name" --shards "$shards" --replicas 1 >&2
  timed_ingest "$name" "${cli[@]}" index --solr "$url" --collection "$name" --format jsonl "$corpus"
done
for name in solr1 solr2; do
  "${bench[@]}" org.transcriptsearch.bench.CloudBench cores "$work" "$name" "${nodes[@]}" >&2
done

# --- queries: every system up at once, taking turns (CloudBench load-all), so the machine's changing load (it is
#     shared) falls on each alike ---
log "queries: embedded in process, embedded serve, SolrCloud 1 shard, SolrCloud 2 shards; $rounds rounds"
"${cli[@]}" serve --index "$work/embedded-index" --port "$port" >"$work/serve.log" 2>&1 &
serve_pid=$!
"${bench[@]}" org.transcriptsearch.bench.Bench wait "http://127.0.0.1:$port/api/search?q=people" "$(now_ms)" "$work/results.json" embedded_first_answer_ms >&2
record load_queries_before "$(cut -d' ' -f1 /proc/loadavg)"
# One shard of each size alone as well (distrib=false): the 1-shard collection's core, and one of the 2 x 1's.
shards=()
for name in solr1 solr2; do
  read -r core core_url <"$work/cores-$name.txt"
  shards+=("shard-$core=$core_url")
done
"${bench[@]}" org.transcriptsearch.bench.CloudBench load-all "$work" "$work/mix.tsv" "$rounds" 1,4 \
  "inprocess=$work/embedded-index" "embedded=http://127.0.0.1:$port" "solr1=$url/solr1" "solr2=$url/solr2" \
  "${shards[@]}" >&2
record load_queries_after "$(cut -d' ' -f1 /proc/loadavg)"
kill -TERM "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=""
bash "$here/local.sh" stop >&2
echo "uptime_end=$(uptime | sed 's/.*load average/load average/')" >>"$env"

"${bench[@]}" org.transcriptsearch.bench.CloudBench report "$root/src/bench/RESULTS.md" "$work" >&2
log "the SolrCloud section of src/bench/RESULTS.md is written"
